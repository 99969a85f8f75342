"""The user's data: the editable point set, how it was made, and its undo history."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app.i18n import QT_TR_NOOP, tr
from app.long_lived import built_to_last, let_go
from app.undo_commands import AddPoints, MovePoint, RemovePoint, ReplacePoints
from nnviz.commands import DataArrays
from nnviz.data import make_dataset
from nnviz.data.packed import PackedPoints, pack, unpack
from nnviz.data.point_set import PointSet

SMALL = 10_000  # points: a set this small is made or freed on the GUI thread (a few ms)


class Document(QObject):
    """Owns the PointSet; every change goes through the undo stack and emits ``changed``."""

    changed = Signal()
    history_trimmed = Signal(str)  # a message: the undo history was cleared to bound memory

    # Replaced point sets kept for undo, counted in points; beyond this the history is cleared
    # (QUndoStack cannot drop only its oldest steps). Packed, 2,000,000 points are ~70 MB.
    HISTORY_POINTS = 2_000_000
    # Whole point sets kept as they are (not packed), newest first, so that undoing or redoing
    # the newest big step swaps a set in instead of rebuilding 100,000 points (~0.4 s). One is
    # enough to go back and forth (each swap keeps the set it replaces); each costs ~25 MB.
    KEEP_WHOLE = 1
    # A set taken back from an undo step has arrays but no Point objects yet (making 100,000
    # costs ~0.25 s); a thread makes them once the user has stopped undoing for this long, so
    # the next edit finds them ready. An edit before that makes them itself.
    MAKE_POINTS_MS = 300

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.settings: dict[str, Any] = {}
        self.points = PointSet.from_dataset(make_dataset("circle", seed=0), 0.5, 0)
        self.domain: tuple[float, float] = (-6.0, 6.0)
        self._packed: tuple[int, PackedPoints] | None = None  # (version, the current points)
        self.history_points = 0  # points held packed by ReplacePoints steps (an upper bound)
        self._whole: list[PointSet] = []  # sets replaced lately, newest first (KEEP_WHOLE)
        self._arrays: DataArrays | None = None  # data_arrays() of the current points
        self._make_points = QTimer(self)
        self._make_points.setSingleShot(True)
        self._make_points.setInterval(self.MAKE_POINTS_MS)
        self._make_points.timeout.connect(self._make_points_off_thread)

    # ----- reading ---------------------------------------------------------------------------
    def data_arrays(self) -> DataArrays:
        """The points as the training worker needs them (read-only arrays, made once a version).

        Every snapshot asks for them while the points are newer than the network (100,000
        points: ~13 ms a time to split), so they are kept until the points or domain change.
        """
        p, kept = self.points, self._arrays
        if kept is None or kept.version != p.version or kept.domain != self.domain:
            X, y, test, _ids = p.all_arrays()
            parts = (X[~test], y[~test], X[test], y[test])
            for a in parts:
                a.flags.writeable = False
            kept = DataArrays(*parts, p.kind, p.n_classes, p.dim, self.domain, p.version)
            self._arrays = kept
        return kept

    def notify(self) -> None:
        """Tell listeners the points changed."""
        self.changed.emit()

    # ----- edits (all undoable) --------------------------------------------------------------
    def add_points(self, positions: np.ndarray, labels: np.ndarray) -> None:
        """Add points (validated first, so a bad point changes nothing)."""
        positions = np.asarray(positions, dtype=float).reshape(-1, self.points.dim)
        labels = np.asarray(labels).reshape(-1)
        trial = self.points.copy()
        for pos, lab in zip(positions, labels, strict=True):
            trial.add(pos, lab)  # raises ValueError with a clear message on bad input
        self.undo_stack.push(AddPoints(self, positions, labels))

    def remove_point(self, point_id: int) -> None:
        """Delete a point."""
        self.points.get(point_id)  # KeyError if unknown
        self.undo_stack.push(RemovePoint(self, point_id))

    def move_point(self, point_id: int, new: np.ndarray, old: np.ndarray | None = None) -> None:
        """Move a point (``old`` defaults to where it is now)."""
        current = np.array(self.points.get(point_id).position, dtype=float)
        old = current if old is None else np.asarray(old, dtype=float)
        self.points.copy().move(point_id, new)  # validate first
        self.undo_stack.push(MovePoint(self, point_id, np.asarray(new, dtype=float), old))

    def packed_points(self) -> PackedPoints:
        """The current points packed, shared with the step that installed them if unchanged."""
        if self._packed is None or self._packed[0] != self.points.version:
            self._packed = (self.points.version, pack(self.points))
        return self._packed[1]

    def points_for(self, version: int, packed: PackedPoints) -> PointSet:
        """The point set at ``version``: kept whole if it was replaced lately, else unpacked.

        Unpacking is cheap (the arrays are shared; the Point objects come later, see
        MAKE_POINTS_MS), so undoing any step costs about the same as undoing the newest.
        """
        for kept in self._whole:
            if kept.version == version:  # a version is never reused: the very same points
                self._whole.remove(kept)
                return kept
        points = unpack(packed)
        if len(points) < SMALL:
            points.materialize()  # a few ms: no thread needed
        return points

    def replace(self, points: PointSet, text: str, settings: dict | None = None) -> str:
        """Swap in a whole new point set as one undo step (clearing a too-large history).

        Returns what the caller should add to its own message ("" if nothing): that the
        undo history was cleared to bound memory (also emitted as ``history_trimmed``).
        """
        note = ""
        shared = self._packed is not None and self._packed[0] == self.points.version
        added = len(points) + (0 if shared else len(self.points))
        if self.history_points + added > self.HISTORY_POINTS and self.undo_stack.count():
            self.undo_stack.clear()
            self.history_points = 0
            self._whole.clear()
            note = tr(
                "undo history cleared to bound memory (it held over {n} replaced points)"
            ).format(n=f"{self.HISTORY_POINTS:,}")
            self.history_trimmed.emit(note[0].upper() + note[1:])
        self.history_points += added
        self.undo_stack.push(ReplacePoints(self, points, text, settings))
        return note

    def generate(
        self,
        name: str,
        noise: float = 0.0,
        test_ratio: float = 0.5,
        seed: int = 0,
        extra: dict | None = None,
        undoable: bool = True,
        **options: Any,
    ) -> None:
        """Replace the points by a freshly generated dataset (one undo step)."""
        ds = make_dataset(name, noise=noise, seed=seed, **options)
        settings = {
            "name": name,
            "noise": noise,
            "test_ratio": test_ratio,
            "seed": seed,
            **options,
            **(extra or {}),
            "domain": list(ds.domain),
        }
        points = PointSet.from_dataset(ds, test_ratio, seed)
        if undoable:
            self.replace(points, QT_TR_NOOP("load generated data"), settings)
        else:
            self.set_points(points, settings)

    def set_points(
        self, points: PointSet, settings: dict | None = None, packed: PackedPoints | None = None
    ) -> None:
        """Install a point set directly (used by undo and by opening a session)."""
        if points is not self.points:
            kept = [self.points, *self._whole]
            self._whole, dropped = kept[: self.KEEP_WHOLE], kept[self.KEEP_WHOLE :]
            if sum(map(len, dropped)) >= SMALL:
                let_go(dropped)  # freed off the GUI thread
        self.points = points
        if not points.materialized:
            self._make_points.start()  # restarted by every undo: only the one that stays
        self._packed = None if packed is None else (points.version, packed)
        if settings is not None:
            self.settings = dict(settings)
            domain = self.settings.get("domain")
            if domain is not None:
                self.domain = (float(domain[0]), float(domain[1]))
        self.notify()

    def _make_points_off_thread(self) -> None:
        """Make the current set's Point objects on a thread of their own (see MAKE_POINTS_MS)."""
        points = self.points
        if not points.materialized:
            threading.Thread(
                target=_materialize, args=(points,), name="nnviz-points", daemon=True
            ).start()


def _materialize(points: PointSet) -> None:
    with built_to_last():  # 100,000 points without collector pauses
        points.materialize()
