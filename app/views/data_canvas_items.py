"""The data canvas's ViewBox: turns mouse gestures into edit requests in data coordinates."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal

PICK_PX = 12.0  # how close (in pixels) a click must be to grab a point


class EditBox(pg.ViewBox):
    """A ViewBox whose clicks and drags edit points instead of panning."""

    clicked = Signal(object, object)  # data position (x, y), Qt modifiers/button info dict
    drag_started = Signal(object)
    dragged = Signal(object)
    drag_finished = Signal(object)

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.setMouseEnabled(x=False, y=False)  # gestures edit data; no accidental panning

    def mouseClickEvent(self, ev) -> None:
        ev.accept()
        p = self.mapToView(ev.pos())
        self.clicked.emit(
            np.array([p.x(), p.y()]), {"button": ev.button(), "modifiers": ev.modifiers()}
        )

    def mouseDragEvent(self, ev, axis=None) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        p = self.mapToView(ev.pos())
        here = np.array([p.x(), p.y()])
        if ev.isStart():
            start = self.mapToView(ev.buttonDownPos())
            self.drag_started.emit(np.array([start.x(), start.y()]))
        self.dragged.emit(here)
        if ev.isFinish():
            self.drag_finished.emit(here)

    def pixel_distance(self, a: np.ndarray, b: np.ndarray) -> float:
        """Distance between two data points, in screen pixels."""
        pa = self.mapViewToDevice(QPointF(float(a[0]), float(a[1])))
        pb = self.mapViewToDevice(QPointF(float(b[0]), float(b[1])))
        if pa is None or pb is None:
            return float("inf")
        return float(np.hypot(pa.x() - pb.x(), pa.y() - pb.y()))


class PointsItem(pg.ScatterPlotItem):
    """The scatter of points, letting every click through to the EditBox underneath.

    pyqtgraph's scatter item accepts a left click that lands on a point, so the edit box
    would never hear it: tracing or picking exactly the point under the cursor would fail.
    """

    def mouseClickEvent(self, ev) -> None:
        ev.ignore()
