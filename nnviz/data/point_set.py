"""The editable point set: stable ids, add/move/delete/relabel, and exact undo support."""

from __future__ import annotations

import itertools
import threading
from typing import Any

import numpy as np

from nnviz.data.dataset import KINDS, MAX_POINTS, Dataset, check_task
from nnviz.data.point import Point, check_flag, check_id, check_label, check_position
from nnviz.data.point_columns import next_free_id, points_from_columns
from nnviz.data.split import split_mask
from nnviz.text import _

Array = np.ndarray

# One counter for every point set in the process: a version number is never reused, so two
# sets (say, before and after "regenerate") can never be mistaken for each other.
_VERSIONS = itertools.count(1)
DICT_KEYS = ("kind", "n_classes", "dim", "ids", "X", "y", "is_test")
# One lock for making any set's Point objects from its columns (``PointSet.materialize``): a
# background thread and the GUI thread never build the same set twice. Module-level, so a
# PointSet stays deep-copyable and picklable.
_MAKING = threading.Lock()


class PointSet:
    """Points with stable integer ids that the user can add, move, relabel and delete.

    Every change gives ``version`` a new, larger number; views compare it to notice edits.
    Bad input (NaN or infinite position, wrong dimension, a label the task cannot have, an
    unknown id) raises ValueError or KeyError with a clear message and changes nothing.

    Parameters
    ----------
    kind : str
        "binary", "multiclass" or "regression".
    n_classes : int
        2 for binary, 2..6 for multiclass, 0 for regression.
    dim : int
        1 (points on a curve) or 2 (points in the plane).
    """

    def __init__(self, kind: str, n_classes: int, dim: int) -> None:
        check_task(kind, n_classes)
        if isinstance(dim, bool) or not isinstance(dim, int) or dim not in (1, 2):
            raise ValueError(_("a point set is 1-D or 2-D, not {dim!r}-D", dim=dim))
        self._kind, self._n_classes, self._dim = kind, int(n_classes), int(dim)
        self._by_id: dict[int, Point] = {}
        # (ids, X, y, is_test) not yet made into Point objects (``from_columns``), else None.
        self._columns: tuple[Array, Array, Array, Array] | None = None
        self._next_id = 0
        self.version = next(_VERSIONS)
        self._cache: tuple[int, tuple[Array, ...]] | None = None

    @classmethod
    def from_dataset(
        cls, ds: Dataset, test_ratio: float = 0.5, seed: int | np.random.Generator = 0
    ) -> PointSet:
        """The points of a dataset, ids 0..N−1 in order, with a seeded train/test split.

        Parameters
        ----------
        ds : Dataset
            Already-validated points.
        test_ratio : float
            Share held out for testing, 0 to 0.9 (exactly round(N·test_ratio) points).
        seed : int or np.random.Generator
            Seeds the split.
        """
        if not isinstance(ds, Dataset):
            raise ValueError(
                _("from_dataset needs a Dataset, not {type_name}", type_name=type(ds).__name__)
            )
        if len(ds.X) > MAX_POINTS:
            raise ValueError(
                _("at most {max_points} points, not {n}", max_points=MAX_POINTS, n=len(ds.X))
            )
        ps = cls(ds.kind, ds.n_classes, ds.dim)
        mask = split_mask(len(ds.X), test_ratio, seed)
        rows = zip(ds.X.tolist(), ds.y.tolist(), mask.tolist(), strict=True)
        ps._points = {i: Point(i, tuple(x), lab, t) for i, (x, lab, t) in enumerate(rows)}
        ps._next_id = len(ps._points)
        return ps

    @classmethod
    def from_columns(
        cls,
        kind: str,
        n_classes: int,
        dim: int,
        next_id: int,
        columns: tuple[Array, Array, Array, Array],
    ) -> PointSet:
        """A set over trusted read-only arrays (ids, X, y, is_test) ordered by id.

        Only for arrays a PointSet made itself (``nnviz.data.packed``): nothing is checked.
        The Point objects (~2 µs each) are made on the first edit or lookup, or earlier by
        ``materialize`` on any thread; reading the arrays, copying, counting and saving
        never need them. So taking back a 100,000-point undo step costs next to nothing.
        """
        ids, X, y, is_test = columns
        ps = cls(kind, n_classes, dim)
        ps._columns = (ids, X, y, is_test)
        ps._next_id = int(next_id)
        ps._cache = (ps.version, (X, y, is_test, ids))  # all_arrays hands out copies
        return ps

    @property
    def _points(self) -> dict[int, Point]:
        """The points by id (made from the columns first if they are not made yet)."""
        if self._columns is not None:
            self.materialize()
        return self._by_id

    @_points.setter
    def _points(self, points: dict[int, Point]) -> None:
        self._by_id, self._columns = points, None

    @property
    def materialized(self) -> bool:
        """True once the Point objects exist (always, unless made ``from_columns``)."""
        return self._columns is None

    def materialize(self) -> None:
        """Make the Point objects from the columns now (safe from any thread; idempotent)."""
        with _MAKING:
            columns = self._columns
            if columns is None:
                return
            ids, X, y, is_test = columns
            rows = zip(ids.tolist(), X.tolist(), y.tolist(), is_test.tolist(), strict=True)
            self._by_id = {i: Point(i, tuple(x), lab, t) for i, x, lab, t in rows}
            self._columns = None  # last: a reader that sees None finds every point

    # ----- what kind of set -----------------------------------------------------------------
    @property
    def kind(self) -> str:
        """ "binary", "multiclass" or "regression"."""
        return self._kind

    @property
    def n_classes(self) -> int:
        """Number of classes (0 for regression)."""
        return self._n_classes

    @property
    def dim(self) -> int:
        """1 for points on a curve, 2 for points in the plane."""
        return self._dim

    # ----- edits -----------------------------------------------------------------------------
    def add(self, position: Any, label: Any, is_test: bool = False) -> int:
        """Add a point and return its new id (ids are never reused)."""
        if len(self._points) >= MAX_POINTS:
            raise ValueError(
                _("a point set holds at most {max_points} points", max_points=MAX_POINTS)
            )
        point = Point(
            self._next_id,
            check_position(position, self._dim),
            check_label(label, self._kind, self._n_classes),
            check_flag(is_test, "is_test"),
        )
        self._points[point.id] = point
        self._next_id += 1
        self._touch()
        return point.id

    def remove(self, point_id: int) -> Point:
        """Delete a point and return it as it was, so undo can ``restore`` it."""
        point = self.get(point_id)
        del self._points[point.id]
        self._touch()
        return point

    def restore(self, point: Point) -> None:
        """Put a removed point back with its original id (the undo of ``remove``)."""
        if not isinstance(point, Point):
            raise ValueError(
                _("restore needs a Point, not {type_name}", type_name=type(point).__name__)
            )
        checked = self._checked(point)
        if checked.id in self._points:
            raise ValueError(_("a point with id {id} already exists", id=checked.id))
        if len(self._points) >= MAX_POINTS:
            raise ValueError(
                _("a point set holds at most {max_points} points", max_points=MAX_POINTS)
            )
        self._points[checked.id] = checked
        self._next_id = max(self._next_id, checked.id + 1)
        self._touch()

    def move(self, point_id: int, position: Any) -> tuple[float, ...]:
        """Move a point; returns where it was (for undo)."""
        old = self.get(point_id)
        new = check_position(position, self._dim)
        self._points[old.id] = Point(old.id, new, old.label, old.is_test)
        self._touch()
        return old.position

    def relabel(self, point_id: int, label: Any) -> int | float:
        """Change a point's label; returns the old one (for undo)."""
        old = self.get(point_id)
        new = check_label(label, self._kind, self._n_classes)
        self._points[old.id] = Point(old.id, old.position, new, old.is_test)
        self._touch()
        return old.label

    # ----- reading ---------------------------------------------------------------------------
    def get(self, point_id: int) -> Point:
        """The point with this id; KeyError naming the id if there is none."""
        is_id = isinstance(point_id, int | np.integer) and not isinstance(point_id, bool)
        if not is_id or point_id not in self._points:
            raise KeyError(_("there is no point with id {point_id!r}", point_id=point_id))
        return self._points[int(point_id)]

    def __contains__(self, point_id: object) -> bool:
        return isinstance(point_id, int | np.integer) and point_id in self._points

    @property
    def ids(self) -> list[int]:
        """Every id, ascending."""
        columns = self._columns
        return columns[0].tolist() if columns is not None else sorted(self._by_id)

    def __len__(self) -> int:
        columns = self._columns
        return len(columns[0]) if columns is not None else len(self._by_id)

    def all_arrays(self) -> tuple[Array, Array, Array, Array]:
        """Every point as arrays ordered by id: (X (N, dim), y (N,), is_test (N,), ids (N,)).

        y is int64 for classification, float64 for regression. The arrays are fresh copies.
        """
        if self._cache is None or self._cache[0] != self.version:
            pts = [self._points[i] for i in self.ids]
            dtype = np.float64 if self._kind == "regression" else np.int64
            arrays = (
                np.array([p.position for p in pts], dtype=np.float64).reshape(-1, self._dim),
                np.array([p.label for p in pts], dtype=dtype),
                np.array([p.is_test for p in pts], dtype=bool),
                np.array([p.id for p in pts], dtype=np.int64),
            )
            self._cache = (self.version, arrays)
        X, y, test, ids = (a.copy() for a in self._cache[1])
        return X, y, test, ids

    def train_arrays(self) -> tuple[Array, Array]:
        """(X, y) of the training points, ordered by id."""
        X, y, test, _ids = self.all_arrays()
        return X[~test], y[~test]

    def test_arrays(self) -> tuple[Array, Array]:
        """(X, y) of the held-out test points, ordered by id."""
        X, y, test, _ids = self.all_arrays()
        return X[test], y[test]

    def nearest(self, position: Any, max_distance: float | None = None) -> int | None:
        """Id of the point closest to ``position`` (straight-line distance).

        Returns None if the set is empty or the closest point is further than
        ``max_distance``. Ties go to the lowest id.
        """
        where = np.array(check_position(position, self._dim))
        if max_distance is not None and not (np.isfinite(max_distance) and max_distance >= 0):
            raise ValueError(
                _(
                    "max_distance must be a finite number ≥ 0, not {max_distance!r}",
                    max_distance=max_distance,
                )
            )
        if not len(self):
            return None
        X, _y, _test, ids = self.all_arrays()
        d = np.sqrt(np.sum((X - where) ** 2, axis=1))
        i = int(np.argmin(d))
        return None if max_distance is not None and d[i] > max_distance else int(ids[i])

    def copy(self) -> PointSet:
        """An independent copy with the same points, ids and version."""
        twin = PointSet(self._kind, self._n_classes, self._dim)
        columns = self._columns  # read once: another thread may be materializing
        if columns is not None:
            twin._columns = columns  # read-only arrays: sharing them is safe
        else:
            twin._by_id = dict(self._by_id)  # Points are frozen, so sharing them is safe
        twin._next_id, twin.version = self._next_id, self.version
        twin._cache = self._cache  # same version, same arrays (all_arrays hands out copies)
        return twin

    # ----- serialisation ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The points as plain JSON-safe lists (ordered by id), for session files."""
        X, y, test, ids = self.all_arrays()
        return {
            "kind": self._kind,
            "n_classes": self._n_classes,
            "dim": self._dim,
            "next_id": self._next_id,
            "ids": ids.tolist(),
            "X": X.tolist(),
            "y": y.tolist(),
            "is_test": test.tolist(),
        }

    @classmethod
    def from_dict(cls, d: Any) -> PointSet:
        """Rebuild a point set saved by ``to_dict``, checking everything.

        Raises
        ------
        ValueError
            If anything is missing, the wrong type, out of range, repeated or inconsistent;
            the message says which point.
        """
        if not isinstance(d, dict):
            raise ValueError(
                _("the point data must be a mapping, not {type_name}", type_name=type(d).__name__)
            )
        missing = [k for k in DICT_KEYS if k not in d]
        if missing:
            raise ValueError(_("the point data lacks {choices}", choices=", ".join(missing)))
        if d["kind"] not in KINDS:
            raise ValueError(_("the point data has an unknown kind {kind!r}", kind=d["kind"]))
        ps = cls(d["kind"], d["n_classes"], d["dim"])
        ps._points = points_from_columns(ps, [d["ids"], d["X"], d["y"], d["is_test"]])
        ps._next_id = next_free_id(d.get("next_id"), ps._points)
        return ps

    # ----- helpers ---------------------------------------------------------------------------
    def _checked(self, point: Point) -> Point:
        """The same point with every field validated and normalised."""
        return Point(
            check_id(point.id),
            check_position(point.position, self._dim),
            check_label(point.label, self._kind, self._n_classes),
            check_flag(point.is_test, "is_test"),
        )

    def _touch(self) -> None:
        self.version = next(_VERSIONS)
