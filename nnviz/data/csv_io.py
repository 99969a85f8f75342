"""CSV import/export of points: ``x1,x2,label`` in the plane, ``x,y`` for a 1-D curve."""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnviz.data.atomic import write_atomic
from nnviz.data.csv_fast import plain_classes, plain_columns
from nnviz.data.dataset import MAX_CLASSES, MAX_POINTS
from nnviz.data.limits import MAX_COORD, MAX_SHOWN
from nnviz.text import _

HEADERS = {("x1", "x2", "label"): 2, ("x", "y"): 1}
MAX_BYTES = 64 * 2**20  # 100,000 rows need a few MB; refuse to slurp anything huge
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_WHOLE = re.compile(r"[+-]?\d+")
_NOT_FINITE = {"nan", "inf", "infinity"}

Rows = list[tuple[int, list[str]]]  # (line number, cells) of each non-blank record


class CsvError(ValueError):
    """A CSV file that cannot be loaded; the message names the line and the problem."""


@dataclass(frozen=True)
class CsvData:
    """Points read from a CSV file.

    Attributes
    ----------
    X : np.ndarray
        float64 positions, (N, 2) or (N, 1).
    y : np.ndarray
        int64 class indices 0..k−1 (classification) or float64 targets (regression).
    kind : str
        "binary", "multiclass" or "regression".
    n_classes : int
        k for classification, 0 for regression.
    """

    X: np.ndarray
    y: np.ndarray
    kind: str
    n_classes: int


def write_csv(path: str | os.PathLike, X: np.ndarray, y: np.ndarray) -> None:
    """Write points with a header, atomically: a temp file in the same folder, then a rename.

    Parameters
    ----------
    path : str or PathLike
        Where to write; an existing file is replaced only once the new one is complete.
    X : np.ndarray
        Positions (N, 2) → header ``x1,x2,label``; or (N, 1) → header ``x,y``.
    y : np.ndarray
        (N,) labels: integers are written as class numbers, floats exactly (``repr``).
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.shape[1] not in (1, 2) or y.shape != (len(X),):
        raise ValueError(
            _(
                "write_csv needs X (N, 1 or 2) and y (N,), not {x_shape}, {y_shape}",
                x_shape=X.shape,
                y_shape=y.shape,
            )
        )
    if not (np.all(np.isfinite(X)) and np.all(np.isfinite(y.astype(float)))):
        raise ValueError(_("write_csv refuses NaN or infinite values"))
    whole = np.issubdtype(y.dtype, np.integer) and X.shape[1] == 2
    lines = ["x,y" if X.shape[1] == 1 else "x1,x2,label"]
    for row, label in zip(X.tolist(), y.tolist(), strict=True):
        last = str(int(label)) if whole else repr(float(label))
        lines.append(",".join([*(repr(v) for v in row), last]))
    # mkstemp makes private files; a CSV is an ordinary document, so anyone may read it.
    write_atomic(path, "\n".join(lines) + "\n", newline="", mode=0o644)


def read_csv(path: str | os.PathLike) -> CsvData:
    """Read a points file (see ``parse_csv_text`` for the format).

    Raises
    ------
    CsvError
        One error for any problem (unreadable, not UTF-8, malformed), naming the line.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CsvError(
            _(
                "could not read {file}: {reason}",
                file=path.name,
                reason=exc.strerror or exc,
            )
        ) from None
    if len(raw) > MAX_BYTES:
        raise CsvError(
            _(
                "{file} is larger than {mb} MB; it is not a points file",
                file=path.name,
                mb=MAX_BYTES // 2**20,
            )
        )
    try:
        text = raw.decode("utf-8-sig")  # a UTF-8 byte-order mark (from Excel) is fine
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CsvError(
            _(
                "line {line}: {file} is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8 CSV",
                line=line,
                file=path.name,
                byte=raw[exc.start],
            )
        ) from None
    return parse_csv_text(text)


def parse_csv_text(text: str) -> CsvData:
    """Parse CSV text into points.

    The first line may be a header, ``x1,x2,label`` or ``x,y`` (any case, spaces allowed), or
    absent. Three columns are points in the plane: an all-whole-number label column is
    classification (classes 0..5, or −1/+1 read as 0/1), decimals are regression targets.
    Two columns are a 1-D curve: y is always a regression target. Blank lines are skipped.

    Raises
    ------
    CsvError
        For the first problem found (naming its line): wrong column count, text or an empty
        cell where a number belongs, NaN or infinity, a number beyond ±MAX_COORD (10⁶), no
        points, over 100,000 rows, labels mixing whole numbers and decimals, or class numbers
        outside 0..5. A bad cell is quoted at most MAX_SHOWN characters long.
    """
    fast = plain_columns(text, HEADERS, MAX_POINTS)
    if fast is not None and (done := _plain_data(*fast)) is not None:
        return done
    rows = _records(text)  # the careful way: finds the first problem and names its line
    if not rows:
        raise CsvError(_("line 1: the file is empty; expected a header x1,x2,label (or x,y)"))
    width = _header_width(rows[0])
    if width is not None:
        header_line, rows = rows[0][0], rows[1:]
        if not rows:
            raise CsvError(
                _(
                    "line {line}: the file has a header but no points",
                    line=header_line + 1,
                )
            )
    else:
        width = len(rows[0][1])
    if width not in (2, 3):
        raise CsvError(
            _(
                "line {line}: expected 3 columns (x1,x2,label) or 2 (x,y) separated by "
                "commas, found {width}",
                line=rows[0][0],
                width=width,
            )
        )
    if len(rows) > MAX_POINTS:
        raise CsvError(
            _(
                "line {line}: too many rows; at most {max_points} points are allowed",
                line=rows[MAX_POINTS][0],
                max_points=MAX_POINTS,
            )
        )
    X, labels = _numbers(rows, width)
    if width == 2:  # x,y: a curve to fit
        return CsvData(X, np.array([float(c) for c in labels]), "regression", 0)
    return _labels(X, labels, [line for line, _ in rows])


def _plain_data(values: np.ndarray, label_cells: list[str]) -> CsvData | None:
    """CsvData from a plain file's columns, or None where ``_labels`` would complain."""
    X, y = values[:, :-1].copy(), values[:, -1].copy()
    if values.shape[1] == 2:  # x,y: a curve to fit
        return CsvData(X, y, "regression", 0)
    found = plain_classes(y, label_cells, MAX_CLASSES)
    if found is None:
        return None
    if isinstance(found, str):
        return CsvData(X, y, "regression", 0)
    classes, k = found
    return CsvData(X, classes, "binary" if k == 2 else "multiclass", k)


def _records(text: str) -> Rows:
    """Non-blank CSV records with their line numbers (stops just past the row limit)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)  # bad quoting is an error
    rows: Rows = []
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((reader.line_num, cells))
            if len(rows) > MAX_POINTS + 1:  # header + limit + one too many: enough to say so
                break
    except csv.Error as exc:
        raise CsvError(_("line {line}: {exc}", line=reader.line_num, exc=exc)) from None
    return rows


def _header_width(first: tuple[int, list[str]]) -> int | None:
    """3 or 2 if the first record is a known header, None if it is data; CsvError if neither."""
    line, cells = first
    names = tuple(c.strip().lower() for c in cells)
    if names in HEADERS:
        return len(names)
    if len(names) not in (2, 3):
        return None  # the column count is the clearer complaint
    if any(_NUMBER.fullmatch(n) or n.lstrip("+-") in _NOT_FINITE for n in names):
        return None  # a data row (its own mistakes are reported cell by cell)
    raise CsvError(
        _(
            "line {line}: unknown header {header}; use x1,x2,label (points in the "
            "plane), x,y (a 1-D curve) or no header",
            line=line,
            header=_quote(",".join(cells)),
        )
    )


def _numbers(rows: Rows, width: int) -> tuple[np.ndarray, list[str]]:
    """Positions as floats, and the label cells as text (their type is decided later)."""
    names = ("x1", "x2", "label") if width == 3 else ("x", "y")
    values, labels = [], []
    for line, row in rows:
        if len(row) != width:
            raise CsvError(
                _(
                    "line {line}: expected {width} columns, found {found}",
                    line=line,
                    width=width,
                    found=len(row),
                )
            )
        cells = [c.strip() for c in row]
        for name, cell in zip(names, cells, strict=True):
            _check_number(cell, _("line {line}, column {name}", line=line, name=name))
        values.append([float(c) for c in cells[:-1]])
        labels.append(cells[-1])
    return np.array(values, dtype=np.float64), labels


def _check_number(cell: str, where: str) -> None:
    """A finite number within ±MAX_COORD, or CsvError saying what is wrong with the cell."""
    if not cell:
        raise CsvError(_("{where}: the cell is empty; a number belongs here", where=where))
    if cell.lower().lstrip("+-") in _NOT_FINITE:
        raise CsvError(
            _(
                "{where}: {cell} is not allowed; numbers must be finite",
                where=where,
                cell=_quote(cell),
            )
        )
    if not _NUMBER.fullmatch(cell):
        raise CsvError(_("{where}: {cell} is not a number", where=where, cell=_quote(cell)))
    # float() reads any number of digits (unlike int()); beyond 1e308 it gives inf.
    if not abs(float(cell)) <= MAX_COORD:
        raise CsvError(
            _(
                "{where}: {cell} is too large; numbers must be within ±{max_coord:g} "
                "(rescale the data)",
                where=where,
                cell=_quote(cell),
                max_coord=MAX_COORD,
            )
        )


def _quote(cell: str) -> str:
    """A cell as it appears in a message, cut to MAX_SHOWN characters."""
    text = repr(cell)
    return text if len(text) <= MAX_SHOWN else f"{text[: MAX_SHOWN - 1]}…"


def _labels(X: np.ndarray, labels: list[str], lines: list[int]) -> CsvData:
    """Decide classification (all whole numbers) or regression (all decimals), and check."""
    whole = [bool(_WHOLE.fullmatch(c)) for c in labels]
    if any(whole) and not all(whole):
        bad = whole.index(not whole[0])  # the first label unlike the first one
        raise CsvError(
            _(
                "line {line}: label {label} mixes whole numbers and decimals in the "
                "label column; use class numbers 0..{last} for classification or "
                "decimals throughout for regression",
                line=lines[bad],
                label=_quote(labels[bad]),
                last=MAX_CLASSES - 1,
            )
        )
    if not all(whole):
        return CsvData(X, np.array([float(c) for c in labels]), "regression", 0)
    # Via float: int() refuses over 4,300 characters, even of leading zeros.
    classes = [int(float(c)) for c in labels]
    if -1 in classes and set(classes) <= {-1, 1}:
        classes = [(c + 1) // 2 for c in classes]  # −1/+1 (the Playground's) → 0/1
    for line, c in zip(lines, classes, strict=True):
        if not 0 <= c < MAX_CLASSES:
            raise CsvError(
                _(
                    "line {line}: class {c} is out of range; class labels must be "
                    "0..{last} (or -1/+1 for two classes)",
                    line=line,
                    c=c,
                    last=MAX_CLASSES - 1,
                )
            )
    k = max(max(classes) + 1, 2)
    return CsvData(X, np.array(classes, dtype=np.int64), "binary" if k == 2 else "multiclass", k)
