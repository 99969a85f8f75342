"""The data canvas's ViewBox: turns mouse gestures into edit requests in data coordinates."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal

# Distances in screen pixels, so they mean the same at any zoom.
GRAB_PX = 5.0  # a drag that starts this close to a point's centre moves that point
HIT_PX = 6.0  # a right-click (or a trace click) this close to a centre picks that point
CLICK_SLOP_PX = 3.0  # a press and release that moves no further than this is a click


class EditBox(pg.ViewBox):
    """A ViewBox whose clicks and drags edit points instead of panning.

    A gesture that never moves more than CLICK_SLOP_PX from where the button went down is a
    click, however long the button was held: a shaky hand in front of a class still adds a
    point instead of starting a drag that does nothing.
    """

    clicked = Signal(object, object)  # data position (x, y), Qt modifiers/button info dict
    drag_started = Signal(object)
    dragged = Signal(object)
    drag_finished = Signal(object)

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.setMouseEnabled(x=False, y=False)  # gestures edit data; no accidental panning
        self._dragging = False  # a left drag that has moved past the click slop

    def mouseClickEvent(self, ev) -> None:
        ev.accept()
        p = self.mapToView(ev.pos())
        self.clicked.emit(
            np.array([p.x(), p.y()]), {"button": ev.button(), "modifiers": ev.modifiers()}
        )

    def mouseDragEvent(self, ev, axis=None) -> None:
        ev.accept()
        button = ev.button()
        down = ev.buttonDownScreenPos(button)
        moved = np.hypot(ev.screenPos().x() - down.x(), ev.screenPos().y() - down.y())
        start = self.mapToView(ev.buttonDownPos(button))
        start = np.array([start.x(), start.y()])
        if ev.isStart():
            self._dragging = False
        if button == Qt.MouseButton.LeftButton and not self._dragging and moved > CLICK_SLOP_PX:
            self._dragging = True
            self.drag_started.emit(start)
        if self._dragging:
            p = self.mapToView(ev.pos())
            here = np.array([p.x(), p.y()])
            self.dragged.emit(here)
            if ev.isFinish():
                self._dragging = False
                self.drag_finished.emit(here)
        elif ev.isFinish():  # it never went further than a click: it is a click
            self.clicked.emit(start, {"button": button, "modifiers": ev.modifiers()})

    def pixel_distance(self, a: np.ndarray, b: np.ndarray) -> float:
        """Distance between two data points, in screen pixels."""
        return float(self.pixel_distances(np.atleast_2d(a), b)[0])

    def pixel_distances(self, points: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Distances from each data point (rows of ``points``) to ``b``, in screen pixels.

        The view maps data to the screen by a scale and a shift per axis, so three mapped
        points give the whole map and every distance is one vectorised expression.
        """
        o, ex, ey = (
            self.mapViewToDevice(QPointF(x, y)) for x, y in ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0))
        )
        if o is None or ex is None or ey is None:
            return np.full(len(points), np.inf)
        delta = np.asarray(points, dtype=float)[:, :2] - np.asarray(b, dtype=float)[:2]
        dx = delta[:, 0] * (ex.x() - o.x()) + delta[:, 1] * (ey.x() - o.x())
        dy = delta[:, 0] * (ex.y() - o.y()) + delta[:, 1] * (ey.y() - o.y())
        return np.hypot(dx, dy)


class PointsItem(pg.ScatterPlotItem):
    """The scatter of points, letting every click through to the EditBox underneath.

    pyqtgraph's scatter item accepts a left click that lands on a point, so the edit box
    would never hear it: tracing or picking exactly the point under the cursor would fail.
    """

    def mouseClickEvent(self, ev) -> None:
        ev.ignore()
