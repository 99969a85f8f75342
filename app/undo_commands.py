"""Every edit to the user's points as an undoable QUndoCommand."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtGui import QUndoCommand

from app.i18n import QT_TR_NOOP
from nnviz.data.packed import pack
from nnviz.data.point_set import PointSet

if TYPE_CHECKING:
    from app.document import Document


class AddPoints(QUndoCommand):
    """Add one point (a click) or many (a brush stroke) in one undo step."""

    def __init__(self, doc: Document, positions: np.ndarray, labels: np.ndarray) -> None:
        n = len(positions)
        # The step is named in English, marked for the catalogue; Edit ▸ Undo translates it.
        super().__init__(QT_TR_NOOP("add point") if n == 1 else QT_TR_NOOP("paint points"))
        self.doc, self.positions, self.labels = doc, positions, labels
        self.ids: list[int] = []

    def redo(self) -> None:
        pts = self.doc.points
        if self.ids:  # redo after undo: bring back the very same points (same ids)
            for p in self._removed:
                pts.restore(p)
        else:
            self.ids = [
                pts.add(pos, lab) for pos, lab in zip(self.positions, self.labels, strict=True)
            ]
        self.doc.notify()

    def undo(self) -> None:
        self._removed = [self.doc.points.remove(i) for i in reversed(self.ids)][::-1]
        self.doc.notify()


class RemovePoint(QUndoCommand):
    """Delete one point; undo puts it back with the same id."""

    def __init__(self, doc: Document, point_id: int) -> None:
        super().__init__(QT_TR_NOOP("delete point"))
        self.doc, self.point_id = doc, point_id

    def redo(self) -> None:
        self.removed = self.doc.points.remove(self.point_id)
        self.doc.notify()

    def undo(self) -> None:
        self.doc.points.restore(self.removed)
        self.doc.notify()


class MovePoint(QUndoCommand):
    """Drag one point to a new place."""

    def __init__(self, doc: Document, point_id: int, new: np.ndarray, old: np.ndarray) -> None:
        super().__init__(QT_TR_NOOP("move point"))
        self.doc, self.point_id, self.new, self.old = doc, point_id, new, old

    def redo(self) -> None:
        self.doc.points.move(self.point_id, self.new)
        self.doc.notify()

    def undo(self) -> None:
        self.doc.points.move(self.point_id, self.old)
        self.doc.notify()


class ReplacePoints(QUndoCommand):
    """Swap the whole point set: regenerate, a preset, clear or a CSV import.

    Both sides are kept packed (arrays, a few bytes a point; see nnviz.data.packed); the old
    side is shared with the previous step's new side. Undo/redo takes the set back whole if
    the document still keeps it (the newest steps), else builds it over the arrays (its
    Point objects are made later, off the GUI thread: see Document.MAKE_POINTS_MS).
    """

    def __init__(self, doc: Document, new: PointSet, text: str, settings: dict | None = None):
        super().__init__(text)
        self.doc, self.new, self.old = doc, pack(new), doc.packed_points()
        self.new_version, self.old_version = new.version, doc.points.version
        self.new_settings = dict(settings or doc.settings)
        self.old_settings = dict(doc.settings)
        self.first: PointSet | None = new.copy()  # the first redo needs no rebuilding

    def redo(self) -> None:
        first, self.first = self.first, None
        points = first if first is not None else self.doc.points_for(self.new_version, self.new)
        self.new_version = points.version  # a rebuilt set has a version of its own
        self.doc.set_points(points, self.new_settings, self.new)

    def undo(self) -> None:
        points = self.doc.points_for(self.old_version, self.old)
        self.old_version = points.version
        self.doc.set_points(points, self.old_settings, self.old)
