"""The array-speed path of CSV import, for plain files (the careful path handles the rest)."""

from __future__ import annotations

import re

import numpy as np

from nnviz.data.limits import MAX_COORD

_PLAIN = re.compile(r"[0-9eE+\-., \t]*")  # the data of a plain file


def plain_columns(
    text: str, headers: dict[tuple[str, ...], int], max_rows: int
) -> tuple[np.ndarray, list[str]] | None:
    """A plain file's values (N, width) and its last column's cells as text, else None.

    Only plain files qualify: a known header, no quotes, only digits and ``+-.eE`` with
    spaces or tabs after it, the same column count on every line, every value within
    ±MAX_COORD, at most ``max_rows`` rows. Anything else (or any doubt) gives None and the
    careful path finds the first problem. Within that character set ``float`` accepts
    exactly what the careful path's number pattern does, so the values are the same.
    """
    text = text.replace("\r\n", "\n")
    lines = [ln for ln in text.split("\n") if ln.replace(",", "").strip()]
    if len(lines) < 2 or len(lines) > max_rows + 1:
        return None
    header = tuple(c.strip().lower() for c in lines[0].split(","))
    if header not in headers:
        return None  # no header (or a bad one): rare enough for the careful path
    width = len(header)
    if any(ln.count(",") != width - 1 for ln in lines):
        return None
    body = ",".join(lines[1:])
    if not _PLAIN.fullmatch(body):
        return None
    try:
        values = np.array(body.split(","), dtype=np.float64).reshape(-1, width)
    except ValueError:
        return None
    if not np.all(np.abs(values) <= MAX_COORD):  # NaN fails too
        return None
    return values, [ln.rsplit(",", 1)[1] for ln in lines[1:]]


def plain_classes(
    y: np.ndarray, cells: list[str], max_classes: int
) -> tuple[np.ndarray, int] | str | None:
    """Plain label cells: (classes, k), "regression" if all decimals, None if in doubt."""
    decimal = [("." in c) or ("e" in c) or ("E" in c) for c in cells]
    if all(decimal):
        return "regression"
    if any(decimal) or not np.all((y >= -1) & (y < max_classes)):
        return None
    classes = y.astype(np.int64)
    if np.any(classes == -1):
        if not np.all((classes == -1) | (classes == 1)):
            return None
        classes = (classes + 1) // 2  # −1/+1 (the Playground's) → 0/1
    return classes, max(int(classes.max()) + 1, 2)
