"""CSV import/export of points: ``x1,x2,label`` (2-D) or ``x,y`` (1-D curves).

Every bad file raises one CsvError naming the line, and nothing is half-loaded.
"""

from __future__ import annotations

import csv
import io
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnviz.data.registry import MAX_POINTS

MAX_CLASSES = 6
HEADERS = {("x1", "x2", "label"): 2, ("x", "y"): 1}


class CsvError(ValueError):
    """A CSV file that cannot be loaded, with the line and the reason."""


@dataclass(frozen=True)
class CsvData:
    """Points read from a CSV file."""

    X: np.ndarray
    y: np.ndarray
    kind: str
    n_classes: int


def write_csv(path: str | os.PathLike, X: np.ndarray, y: np.ndarray) -> None:
    """Write points with a header, atomically (temp file, then rename)."""
    X = np.asarray(X, dtype=float)
    header = "x,y" if X.shape[1] == 1 else "x1,x2,label"
    lines = [header]
    integer = np.issubdtype(np.asarray(y).dtype, np.integer)
    for row, label in zip(X, y, strict=True):
        value = str(int(label)) if integer else repr(float(label))
        lines.append(",".join([*(repr(float(v)) for v in row), value]))
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_csv(path: str | os.PathLike) -> CsvData:
    """Read a points file; any problem raises one CsvError."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CsvError(f"could not read {path.name}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")  # a UTF-8 byte-order mark is fine
    except UnicodeDecodeError as exc:
        raise CsvError(
            f"{path.name} is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8 CSV"
        ) from None
    return parse_csv_text(text)


def parse_csv_text(text: str) -> CsvData:
    """Parse CSV text into points; see ``read_csv``."""
    rows = [
        (n, r)
        for n, r in enumerate(csv.reader(io.StringIO(text)), start=1)
        if any(cell.strip() for cell in r)
    ]
    if not rows:
        raise CsvError("the file is empty: expected a header x1,x2,label (or x,y) and rows")
    first = tuple(c.strip().lower() for c in rows[0][1])
    width = len(rows[0][1])
    if first in HEADERS:
        rows = rows[1:]
        width = len(first)
    if not rows:
        raise CsvError("the file has a header but no points")
    if width not in (2, 3):
        raise CsvError(
            f"line {rows[0][0]}: expected 3 columns (x1,x2,label) or 2 (x,y), found {width}"
        )
    if len(rows) > MAX_POINTS:
        raise CsvError(f"the file has {len(rows)} rows; at most {MAX_POINTS} are allowed")
    values, labels = _numbers(rows, width)
    return _classify(values, labels, rows)


def _numbers(rows: list[tuple[int, list[str]]], width: int) -> tuple[np.ndarray, list[str]]:
    values, labels = [], []
    for line, row in rows:
        if len(row) != width:
            raise CsvError(f"line {line}: expected {width} columns, found {len(row)}")
        cells = [c.strip() for c in row]
        numbers = []
        for cell in cells:
            try:
                v = float(cell)
            except ValueError:
                raise CsvError(f"line {line}: {cell!r} is not a number") from None
            if not math.isfinite(v):
                raise CsvError(f"line {line}: {cell!r} is not a finite number")
            numbers.append(v)
        values.append(numbers)
        labels.append(cells[-1])
    return np.array(values, dtype=float), labels


def _classify(values: np.ndarray, labels: list[str], rows) -> CsvData:
    X, y = values[:, :-1], values[:, -1]
    if X.shape[1] == 1:  # x,y: a curve to fit
        return CsvData(X, y, "regression", 0)
    is_int = [_looks_integer(c) for c in labels]
    if any(is_int) and not all(is_int):
        bad = rows[is_int.index(not is_int[0])][0]
        raise CsvError(
            f"line {bad}: labels mix whole numbers and decimals; use class "
            "numbers 0..5 for classification or decimals for regression"
        )
    if not all(is_int):
        return CsvData(X, y, "regression", 0)
    classes = y.astype(int)
    if set(np.unique(classes)) <= {-1, 1}:
        classes = (classes > 0).astype(np.int64)  # ±1 labels → 0/1
    if classes.min() < 0 or classes.max() >= MAX_CLASSES:
        line = rows[int(np.argmax((classes < 0) | (classes >= MAX_CLASSES)))][0]
        raise CsvError(f"line {line}: class labels must be 0..{MAX_CLASSES - 1}")
    k = max(int(classes.max()) + 1, 2)
    return CsvData(X, classes.astype(np.int64), "binary" if k == 2 else "multiclass", k)


def _looks_integer(cell: str) -> bool:
    try:
        int(cell)
    except ValueError:
        return False
    return True
