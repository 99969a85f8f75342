"""Tests for CSV import/export: round trips and every kind of bad file."""

import numpy as np
import pytest

from nnviz.data import CsvError, make_dataset, read_csv, write_csv


def test_round_trip_classification(tmp_path):
    """2-D points and class labels survive write → read exactly."""
    d = make_dataset("blobs", k=4, n=40)
    write_csv(tmp_path / "a.csv", d.X, d.y)
    back = read_csv(tmp_path / "a.csv")
    assert np.array_equal(back.X, d.X) and np.array_equal(back.y, d.y)
    assert back.kind == "multiclass" and back.n_classes == 4


def test_round_trip_one_d_regression(tmp_path):
    """1-D x,y files round-trip as regression."""
    d = make_dataset("sin", n=15)
    write_csv(tmp_path / "c.csv", d.X, d.y)
    back = read_csv(tmp_path / "c.csv")
    assert back.kind == "regression" and np.allclose(back.y, d.y) and back.X.shape == (15, 1)


def test_plus_minus_one_labels_and_no_header(tmp_path):
    """±1 labels map to 0/1; a file without a header is fine; a BOM is fine."""
    (tmp_path / "p.csv").write_text("\ufeff1,2,1\n3,4,-1\n", encoding="utf-8")
    back = read_csv(tmp_path / "p.csv")
    assert back.y.tolist() == [1, 0] and back.kind == "binary"


@pytest.mark.parametrize(
    "text, match",
    [
        ("", "empty"),
        ("x1,x2,label\n", "no points"),
        ("x1,x2,label\n1,2,0\n1,2\n", "line 3"),
        ("x1,x2,label\n1,2,0,5\n", "line 2"),
        ("x1,x2,label\n1,abc,0\n", "line 2: 'abc' is not a number"),
        ("x1,x2,label\n1,nan,0\n", "line 2"),
        ("x1,x2,label\n1,inf,0\n", "line 2"),
        ("x1,x2,label\n1,2,0\n3,4,0.5\n", "mix"),
        ("x1,x2,label\n1,2,7\n", "0..5"),
        ("a,b,c,d\n1,2,3,4\n", "columns"),
    ],
)
def test_bad_files_name_the_line(tmp_path, text, match):
    """Every malformed file gives one CsvError naming the problem."""
    (tmp_path / "bad.csv").write_text(text, encoding="utf-8")
    with pytest.raises(CsvError, match=match):
        read_csv(tmp_path / "bad.csv")


def test_wrong_encoding_and_missing_file(tmp_path):
    """Latin-1 bytes and a missing file each give a clear CsvError."""
    (tmp_path / "l.csv").write_bytes("x1,x2,label\n1,2,0 é\n".encode("latin-1"))
    with pytest.raises(CsvError, match="UTF-8"):
        read_csv(tmp_path / "l.csv")
    with pytest.raises(CsvError, match="could not read"):
        read_csv(tmp_path / "missing.csv")


def test_too_many_rows(tmp_path):
    """More than 100,000 rows is refused."""
    (tmp_path / "big.csv").write_text("1,2,0\n" * 100_001, encoding="utf-8")
    with pytest.raises(CsvError, match="at most 100000"):
        read_csv(tmp_path / "big.csv")
