"""Tests for CSV import/export: round trips and every kind of bad file."""

import os

import numpy as np
import pytest

from nnviz.data import CsvError, make_dataset, parse_csv_text, read_csv, write_csv


def test_round_trip_two_d_classification(tmp_path):
    """2-D points and class labels survive write → read exactly."""
    d = make_dataset("blobs", k=4, n=40, noise=0.3)
    write_csv(tmp_path / "a.csv", d.X, d.y)
    back = read_csv(tmp_path / "a.csv")
    assert np.array_equal(back.X, d.X) and np.array_equal(back.y, d.y)
    assert back.kind == "multiclass" and back.n_classes == 4 and back.y.dtype == np.int64
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()[0] == "x1,x2,label"


def test_round_trip_binary(tmp_path):
    """A two-class file reads back as binary with two classes."""
    d = make_dataset("circle", n=30)
    write_csv(tmp_path / "b.csv", d.X, d.y)
    back = read_csv(tmp_path / "b.csv")
    assert back.kind == "binary" and back.n_classes == 2 and np.array_equal(back.X, d.X)


def test_round_trip_one_d_regression(tmp_path):
    """1-D x,y files round-trip exactly as regression."""
    d = make_dataset("sin", n=15, noise=0.1)
    write_csv(tmp_path / "c.csv", d.X, d.y)
    back = read_csv(tmp_path / "c.csv")
    assert back.kind == "regression" and back.n_classes == 0 and back.X.shape == (15, 1)
    assert np.array_equal(back.X, d.X) and np.array_equal(back.y, d.y)
    assert (tmp_path / "c.csv").read_text(encoding="utf-8").startswith("x,y\n")


def test_round_trip_two_d_regression(tmp_path):
    """Plane targets are written as decimals and read back as regression."""
    d = make_dataset("plane", n=25)
    write_csv(tmp_path / "p.csv", d.X, d.y)
    back = read_csv(tmp_path / "p.csv")
    assert back.kind == "regression" and np.array_equal(back.y, d.y)


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path):
    """Writing replaces the old file in one step and leaves only the CSV behind."""
    path = tmp_path / "a.csv"
    path.write_text("old", encoding="utf-8")
    write_csv(path, np.zeros((2, 2)), np.array([0, 1]))
    assert os.listdir(tmp_path) == ["a.csv"] and path.read_text(encoding="utf-8").count("\n") == 3


def test_write_failure_keeps_the_old_file(tmp_path):
    """A failed write (bad data) raises and never touches the existing file."""
    path = tmp_path / "a.csv"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(ValueError):
        write_csv(path, np.array([[np.nan, 0.0]]), np.array([0]))
    assert path.read_text(encoding="utf-8") == "old" and os.listdir(tmp_path) == ["a.csv"]


def test_write_to_a_missing_folder_raises_os_error(tmp_path):
    """Writing into a folder that does not exist raises OSError and creates nothing."""
    with pytest.raises(OSError):
        write_csv(tmp_path / "no" / "a.csv", np.zeros((1, 2)), np.array([0]))


@pytest.mark.parametrize(
    "text",
    [
        "X1 , x2,LABEL\n1,2,1\n3,4,0\n",  # header in any case, with spaces
        "1,2,1\n3,4,0\n",  # no header
        "\ufeffx1,x2,label\n1,2,1\n3,4,0\n",  # a byte-order mark
        "x1,x2,label\r\n1,2,1\r\n\r\n3,4,0\r\n",  # Windows line ends and a blank line
        "x1,x2,label\n1,2,1\n3,4,-1\n",  # ±1 labels
    ],
)
def test_accepted_variants(text):
    """Headers in any case, no header, a BOM, CRLF, blank lines and ±1 labels all load."""
    back = parse_csv_text(text.removeprefix("\ufeff"))
    assert (
        back.X.tolist() == [[1, 2], [3, 4]] and back.y.tolist() == [1, 0] and back.kind == "binary"
    )


def test_bom_is_accepted_from_a_file(tmp_path):
    """A UTF-8 byte-order mark at the start of a file is fine."""
    (tmp_path / "p.csv").write_bytes("\ufeffx,y\n0.5,1\n".encode())
    assert read_csv(tmp_path / "p.csv").X.tolist() == [[0.5]]


def test_one_d_targets_may_be_whole_numbers():
    """In an x,y file y is always a regression target, whole numbers or not."""
    back = parse_csv_text("x,y\n0,1\n0.5,2.5\n")
    assert back.kind == "regression" and back.y.tolist() == [1.0, 2.5]


def test_six_classes_is_the_limit():
    """Labels 0..5 make six classes."""
    back = parse_csv_text("".join(f"{i},0,{i}\n" for i in range(6)))
    assert back.n_classes == 6 and back.kind == "multiclass"


@pytest.mark.parametrize(
    "text, match",
    [
        ("", "line 1: the file is empty"),
        ("\n  \n", "line 1: the file is empty"),
        ("x1,x2,label\n", "line 2: the file has a header but no points"),
        ("x1,x2,label\n1,2,0\n1,2\n", "line 3: expected 3 columns, found 2"),
        ("x1,x2,label\n1,2,0,5\n", "line 2: expected 3 columns, found 4"),
        ("x,y\n1,2\n1,2,3\n", "line 3: expected 2 columns, found 3"),
        ("1;2;0\n", "line 1: expected 3 columns .* separated by commas, found 1"),
        ("a,b,c,d\n1,2,3,4\n", "line 1: expected 3 columns"),
        ("x1,x2,label\n1,abc,0\n", "line 2, column x2: 'abc' is not a number"),
        ("x1,x2,label\n1,2,zero\n", "line 2, column label: 'zero' is not a number"),
        ("x1,x2,label\n1,,0\n", "line 2, column x2: the cell is empty"),
        ("x1,x2,label\n1,2,0\n\n1,nan,0\n", "line 4, column x2: 'nan' is not allowed"),
        ("x1,x2,label\n1,-inf,0\n", "line 2, column x2: '-inf' is not allowed"),
        ("x1,x2,label\n1e999,2,0\n", "line 2, column x1: '1e999' is too large"),
        ("x1,x2,label\n1_0,2,0\n", "line 2, column x1: '1_0' is not a number"),
        ("x1,x2,label\n1,2,0\n3,4,0.5\n", "line 3: label '0.5' mixes whole numbers and decimals"),
        ("x1,x2,label\n1,2,0.5\n3,4,1\n", "line 3: label '1' mixes"),
        ("x1,x2,label\n1,2,0\n1,2,7\n", "line 3: class 7 is out of range.*0..5"),
        ("x1,x2,label\n1,2,0\n1,2,-1\n", "line 3: class -1 is out of range"),
        ("a,b,c\n1,2,3\n", "line 1: unknown header 'a,b,c'"),
        ('x1,x2,label\n1,2,"0\n', "line 2: unexpected end of data"),
        ('x1,x2,label\n1,"2"x,0\n', "line 2: ',' expected after"),
    ],
)
def test_bad_files_name_the_line_and_the_problem(tmp_path, text, match):
    """Every malformed file gives one CsvError naming the line and the problem."""
    (tmp_path / "bad.csv").write_text(text, encoding="utf-8")
    with pytest.raises(CsvError, match=match):
        read_csv(tmp_path / "bad.csv")


def test_csv_error_is_a_value_error():
    """Callers that catch ValueError also catch CsvError."""
    assert issubclass(CsvError, ValueError)


def test_wrong_encoding_names_the_line(tmp_path):
    """Latin-1 bytes give a CsvError naming the line and asking for UTF-8."""
    (tmp_path / "l.csv").write_bytes("x1,x2,label\n1,2,0\n1,2,0 é\n".encode("latin-1"))
    with pytest.raises(CsvError, match="line 3: l.csv is not UTF-8"):
        read_csv(tmp_path / "l.csv")


def test_utf16_is_refused(tmp_path):
    """A UTF-16 file (Excel's 'Unicode text') is refused as not UTF-8."""
    (tmp_path / "u.csv").write_bytes("x1,x2,label\n1,2,0\n".encode("utf-16"))
    with pytest.raises(CsvError, match="line 1: u.csv is not UTF-8"):
        read_csv(tmp_path / "u.csv")


def test_missing_or_unreadable_file(tmp_path):
    """A missing file or a folder gives one CsvError saying it could not be read."""
    with pytest.raises(CsvError, match="could not read missing.csv"):
        read_csv(tmp_path / "missing.csv")
    with pytest.raises(CsvError, match="could not read"):
        read_csv(tmp_path)


def test_too_many_rows_names_the_first_row_over_the_limit(tmp_path):
    """More than 100,000 rows is refused at the first row past the limit; 100,000 is fine."""
    (tmp_path / "big.csv").write_text("x1,x2,label\n" + "1,2,0\n" * 100_001, encoding="utf-8")
    with pytest.raises(CsvError, match="line 100002: too many rows; at most 100000"):
        read_csv(tmp_path / "big.csv")
    (tmp_path / "ok.csv").write_text("1,2,0\n" * 100_000, encoding="utf-8")
    assert len(read_csv(tmp_path / "ok.csv").X) == 100_000


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("x1,x2,label\n1e7,0,1\n", r"line 2, column x1: '1e7' is too large; .*±1e\+06"),
        ("x,y\n0,-2000000\n", r"line 2, column y: .* too large"),
        ("x1,x2,label\n0,1e400,1\n", "line 2, column x2: '1e400' is too large"),
    ],
)
def test_numbers_beyond_the_bound_are_refused_with_the_line(text, match):
    """Coordinates and targets beyond ±1e6 are refused at the door, naming line and column."""
    with pytest.raises(CsvError, match=match):
        parse_csv_text(text)


@pytest.mark.parametrize("label", ["9" * 5001, "-" + "9" * 100_000, "x" * 5000])
def test_a_huge_label_gives_a_short_message(label):
    """A label with thousands of characters is refused as CsvError, quoted at most ~40 chars."""
    with pytest.raises(CsvError) as err:
        parse_csv_text(f"x1,x2,label\n0,0,{label}\n")
    assert len(str(err.value)) < 200


def test_a_class_label_with_thousands_of_leading_zeros_reads_as_its_value():
    """int() refuses 4,300+ characters even of zeros; a bounded whole label still reads."""
    data = parse_csv_text("x1,x2,label\n0,0," + "0" * 5000 + "1\n1,1,0\n")
    assert data.y.tolist() == [1, 0]


@pytest.mark.parametrize(
    "text",
    [
        "x1,x2,label\n1,2,0\n-1.5e2,.5,1\n\n3., 4 ,+1\n",
        "x1,x2,label\r\n1,2,-1\r\n3,4,1\r\n",
        "x1,x2,label\n1,2,0.5\n3,4,1e1\n",
        "X, Y\n0.1,2\n0.2,3\n",
        "x1,x2,label\n1,2,5\n3,4,0\n",
        "x1,x2,label\n1,2,-0\n3,4,2\n",
        " ,\nx1,x2,label\n,,\n1,2,1\n",
    ],
)
def test_the_fast_path_reads_what_the_careful_path_reads(text, monkeypatch):
    """A plain file gives the same points through the array path as cell by cell."""
    from nnviz.data import csv_io

    fast = parse_csv_text(text)
    monkeypatch.setattr(csv_io, "plain_columns", lambda *_args: None)
    careful = parse_csv_text(text)
    assert fast.kind == careful.kind and fast.n_classes == careful.n_classes
    assert fast.X.dtype == careful.X.dtype and fast.y.dtype == careful.y.dtype
    assert np.array_equal(fast.X, careful.X) and np.array_equal(fast.y, careful.y)


@pytest.mark.parametrize(
    "text",
    ["x1,x2,label\n1,2,0\n3,4,0.5\n", "x1,x2,label\n1,2,-1\n3,4,0\n", "x1,x2,label\n1,2,6\n"],
)
def test_the_fast_path_leaves_bad_labels_to_the_careful_path(text):
    """Labels the careful path refuses are refused with its message, not accepted."""
    with pytest.raises(CsvError, match="line"):
        parse_csv_text(text)


def test_a_large_plain_file_reads_exactly(tmp_path):
    """100,000 rows read back exactly (the array path: no per-cell checks)."""
    X = np.random.default_rng(1).uniform(-1e6, 1e6, (100_000, 2))
    y = np.arange(100_000) % 6
    write_csv(tmp_path / "big.csv", X, y)
    back = read_csv(tmp_path / "big.csv")
    assert np.array_equal(back.X, X) and np.array_equal(back.y, y) and back.n_classes == 6
