"""A point set packed into NumPy arrays: what a big undo step keeps instead of Point objects."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.data.point_set import PointSet


@dataclass(frozen=True)
class PackedPoints:
    """Every point of a set as arrays ordered by id (a few bytes a point, not ~300)."""

    kind: str
    n_classes: int
    dim: int
    next_id: int
    ids: np.ndarray
    X: np.ndarray
    y: np.ndarray
    is_test: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


def pack(points: PointSet) -> PackedPoints:
    """The set's points as arrays (read-only, so sharing them is safe)."""
    X, y, test, ids = points.all_arrays()
    for a in (X, y, test, ids):
        a.flags.writeable = False
    next_id = points._next_id  # noqa: SLF001 - the packed form must keep the id counter
    return PackedPoints(points.kind, points.n_classes, points.dim, next_id, ids, X, y, test)


def unpack(packed: PackedPoints) -> PointSet:
    """The very same point set again: same ids, order, labels, test flags and next id.

    Its arrays are the packed ones (read-only); its Point objects are made only when first
    needed (``PointSet.from_columns``), so unpacking 100,000 points takes microseconds.
    """
    columns = (packed.ids, packed.X, packed.y, packed.is_test)
    return PointSet.from_columns(packed.kind, packed.n_classes, packed.dim, packed.next_id, columns)
