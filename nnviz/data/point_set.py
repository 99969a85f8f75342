"""The editable point set: stable ids, add/move/delete/relabel, and exact undo support."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nnviz.data.dataset import KINDS, Dataset
from nnviz.data.registry import MAX_POINTS
from nnviz.data.split import split_mask

Array = np.ndarray


@dataclass(frozen=True)
class Point:
    """One point as it was: what ``remove`` returns and ``restore`` puts back."""

    id: int
    position: tuple[float, ...]
    label: float
    is_test: bool = False


class PointSet:
    """Points with stable integer ids; every change bumps ``version``.

    Bad input (NaN, wrong dimension, a label the task cannot have, an unknown id) raises
    ValueError/KeyError and changes nothing.
    """

    def __init__(self, kind: str, n_classes: int, dim: int) -> None:
        if kind not in KINDS or dim not in (1, 2):
            raise ValueError(f"unsupported point set: {kind}, {dim}-D")
        self.kind, self.n_classes, self.dim = kind, int(n_classes), int(dim)
        self._points: dict[int, Point] = {}
        self._next_id = 0
        self.version = 0
        self._cache: tuple[int, tuple[Array, ...]] | None = None

    @classmethod
    def from_dataset(cls, ds: Dataset, test_ratio: float = 0.5, seed: int = 0) -> PointSet:
        """Points of a dataset, with a seeded train/test split."""
        ps = cls(ds.kind, ds.n_classes, ds.dim)
        mask = split_mask(len(ds.X), test_ratio, seed)
        for pos, label, test in zip(ds.X, ds.y, mask, strict=True):
            ps.add(pos, label, bool(test))
        ps.version = 0
        return ps

    # ----- edits -----------------------------------------------------------------------------
    def add(self, position: Any, label: Any, is_test: bool = False) -> int:
        """Add a point; returns its new id."""
        if len(self._points) >= MAX_POINTS:
            raise ValueError(f"at most {MAX_POINTS} points")
        point = Point(
            self._next_id, self._check_position(position), self._check_label(label), bool(is_test)
        )
        self._points[point.id] = point
        self._next_id += 1
        self._touch()
        return point.id

    def remove(self, point_id: int) -> Point:
        """Delete a point and return it (so undo can restore it)."""
        point = self.get(point_id)
        del self._points[point_id]
        self._touch()
        return point

    def restore(self, point: Point) -> None:
        """Put a removed point back with its original id."""
        if point.id in self._points:
            raise ValueError(f"a point with id {point.id} already exists")
        self._check_position(point.position)
        self._check_label(point.label)
        self._points[point.id] = point
        self._next_id = max(self._next_id, point.id + 1)
        self._touch()

    def move(self, point_id: int, position: Any) -> tuple[float, ...]:
        """Move a point; returns where it was."""
        old = self.get(point_id)
        new = self._check_position(position)
        self._points[point_id] = Point(old.id, new, old.label, old.is_test)
        self._touch()
        return old.position

    def relabel(self, point_id: int, label: Any) -> float:
        """Change a point's label; returns the old one."""
        old = self.get(point_id)
        self._points[point_id] = Point(old.id, old.position, self._check_label(label), old.is_test)
        self._touch()
        return old.label

    # ----- reading ---------------------------------------------------------------------------
    def get(self, point_id: int) -> Point:
        """The point with this id (KeyError naming it if there is none)."""
        try:
            return self._points[int(point_id)]
        except (KeyError, ValueError, TypeError):
            raise KeyError(f"there is no point with id {point_id}") from None

    @property
    def ids(self) -> list[int]:
        """Every id, in ascending order."""
        return sorted(self._points)

    def __len__(self) -> int:
        return len(self._points)

    def all_arrays(self) -> tuple[Array, Array, Array, Array]:
        """(X, y, is_test, ids) for every point, ordered by id; cached per version."""
        if self._cache is None or self._cache[0] != self.version:
            pts = [self._points[i] for i in self.ids]
            X = np.array([p.position for p in pts], dtype=float).reshape(-1, self.dim)
            y = np.array([p.label for p in pts], dtype=self._label_dtype())
            test = np.array([p.is_test for p in pts], dtype=bool)
            self._cache = (self.version, (X, y, test, np.array(self.ids, dtype=np.int64)))
        return tuple(a.copy() for a in self._cache[1])  # type: ignore[return-value]

    def train_arrays(self) -> tuple[Array, Array]:
        """(X, y) of the training points."""
        X, y, test, _ = self.all_arrays()
        return X[~test], y[~test]

    def test_arrays(self) -> tuple[Array, Array]:
        """(X, y) of the held-out test points."""
        X, y, test, _ = self.all_arrays()
        return X[test], y[test]

    def nearest(self, position: Any, max_distance: float | None = None) -> int | None:
        """Id of the point closest to ``position`` (None if none within max_distance)."""
        if not self._points:
            return None
        X, _, _, ids = self.all_arrays()
        d = np.linalg.norm(X - np.asarray(position, dtype=float).reshape(1, -1), axis=1)
        i = int(np.argmin(d))
        return None if max_distance is not None and d[i] > max_distance else int(ids[i])

    def copy(self) -> PointSet:
        """An independent copy (same ids and version)."""
        twin = PointSet(self.kind, self.n_classes, self.dim)
        twin._points = dict(self._points)
        twin._next_id, twin.version = self._next_id, self.version
        return twin

    # ----- serialisation ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-safe lists."""
        X, y, test, ids = self.all_arrays()
        return {
            "kind": self.kind,
            "n_classes": self.n_classes,
            "dim": self.dim,
            "ids": ids.tolist(),
            "X": X.tolist(),
            "y": y.tolist(),
            "is_test": test.tolist(),
        }

    @classmethod
    def from_dict(cls, d: Any) -> PointSet:
        """Rebuild from ``to_dict``; anything malformed raises ValueError."""
        try:
            ps = cls(str(d["kind"]), int(d["n_classes"]), int(d["dim"]))
            columns = [d["ids"], d["X"], d["y"], d["is_test"]]
            if len({len(c) for c in columns}) != 1:
                raise ValueError("the point data is malformed: its lists differ in length")
            rows = zip(*columns, strict=True)
            for i, pos, label, test in rows:
                if not isinstance(test, bool):
                    raise ValueError("is_test must be true or false")
                ps.restore(Point(int(i), ps._check_position(pos), ps._check_label(label), test))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"the point data is malformed ({exc})") from None
        ps.version = 0
        return ps

    # ----- validation ------------------------------------------------------------------------
    def _check_position(self, position: Any) -> tuple[float, ...]:
        try:
            p = np.asarray(position, dtype=float).reshape(-1)
        except (TypeError, ValueError):
            raise ValueError(f"a position must be numbers, not {position!r}") from None
        if p.size != self.dim:
            raise ValueError(f"a position needs {self.dim} coordinate(s), not {p.size}")
        if not np.all(np.isfinite(p)):
            raise ValueError("a position cannot be NaN or infinite")
        return tuple(float(v) for v in p)

    def _check_label(self, label: Any) -> float:
        try:
            value = float(label)
        except (TypeError, ValueError):
            raise ValueError(f"a label must be a number, not {label!r}") from None
        if not np.isfinite(value):
            raise ValueError("a label cannot be NaN or infinite")
        if self.kind != "regression":
            if value != int(value) or not 0 <= value < self.n_classes:
                raise ValueError(f"a class label must be 0..{self.n_classes - 1}, not {label}")
            return int(value)
        return value

    def _label_dtype(self) -> type:
        return np.float64 if self.kind == "regression" else np.int64

    def _touch(self) -> None:
        self.version += 1
