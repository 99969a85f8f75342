"""The data canvas's ViewBox: turns mouse gestures into edit requests in data coordinates."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from app.i18n import tr, worded
from app.views.elided_label import ElidedLabel
from app.views.label_chip import LabelChip
from app.views.steady_label import SteadyLabel
from nnviz.engine.likelihood import likelihood_readout
from nnviz.engine.probability_contours import (
    ContourSet,
    class_probability_grid,
    shown_by_default,
)
from nnviz.palette import INK
from nnviz.snapshot import Snapshot

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


class ProbabilityContours:
    """Thin labelled iso-probability lines (0.1, 0.3, 0.7, 0.9) and a label on every level.

    The 0.5 line is the canvas's decision boundary, drawn thicker by the canvas itself; this
    only adds its "0.5" label. Lines and labels come ready-made in the snapshot (the training
    process makes them): the thin lines are one array drawn as one path.
    """

    def __init__(self, plot: pg.PlotWidget) -> None:
        self.plot = plot
        self.lines = pg.PlotCurveItem(pen=pg.mkPen(INK, width=1), connect="pairs")
        self.lines.setZValue(5)
        plot.addItem(self.lines)
        self.labels: list[LabelChip] = []
        self.shown: ContourSet | None = None
        self.font = QFont()

    def show(self, contours: ContourSet | None) -> None:
        """Draw the thin lines and label each level that crosses the plane (None: nothing)."""
        if contours is self.shown:
            return  # the same snapshot's lines again (e.g. a hover came and went)
        self.shown = contours
        pts = _NO_POINTS if contours is None else contours.thin
        self.lines.setData(pts[:, 0], pts[:, 1], connect="pairs")
        placed = [] if contours is None else [c for c in contours.lines if c.label_at is not None]
        while len(self.labels) < len(placed):  # made once, reused every frame
            label = LabelChip()
            label.setFont(self.font)
            label.setZValue(6)
            self.plot.addItem(label)
            self.labels.append(label)
        for label, c in zip(self.labels, placed, strict=False):
            if label.toPlainText() != c.label:  # laying out text costs more than comparing it
                label.setText(c.label)
            label.setPos(*c.label_at)
            label.show()
        for label in self.labels[len(placed) :]:
            label.hide()

    def clear(self) -> None:
        """Nothing drawn (a model without probabilities, or the toggle is off)."""
        self.show(None)

    def set_font(self, font: QFont) -> None:
        """The labels' type (the window's, larger in presentation mode)."""
        self.font = QFont(font)
        for label in self.labels:
            label.setFont(self.font)

    def label_texts(self) -> list[str]:
        """The labels on the canvas now, bottom level first."""
        return [lab.toPlainText() for lab in self.labels if lab.isVisible()]


class Readout(SteadyLabel):
    """A one-line readout that changes every frame: an ElidedLabel in a SteadyLabel's frame.

    ElidedLabel.setText (a QLabel's) asks every layout up to the main window for a new layout,
    so the live log-likelihood re-laid out the whole window on every training frame. Inside
    this frame the request goes no further unless the text needs more room than any before
    it ("−59.3" after "−59.31" keeps the room it had, so the canvas never twitches).
    """

    def __init__(self, tooltip: str, min_text: str) -> None:
        super().__init__()
        self.label.setParent(None)  # SteadyLabel's plain QLabel gives way to an eliding one
        self.label = ElidedLabel("", self)
        self.label.setToolTip(tooltip)
        self.setMinimumWidth(QFontMetrics(self.font()).horizontalAdvance(min_text))
        self._widest = QSize()
        self._sync_policy()

    def setText(self, text: str) -> None:
        """Show new text; no text (a model without probabilities) gives the room back."""
        if not text:
            self._widest = QSize()
        super().setText(text)

    def sizeHint(self) -> QSize:
        """As big as the biggest text since the last reset, so a shorter one moves nothing."""
        self._widest = self._widest.expandedTo(self.label.sizeHint())
        return self._widest

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # new type (presentation): measure afresh
            self._widest = QSize()
        super().changeEvent(event)

    def _measure(self) -> tuple:
        return self.sizeHint(), self.label.minimumSizeHint(), -1  # one line: no height-for-width


class ProbabilityRow(QWidget):
    """Under the canvas: the "probability contours" toggle and the live log-likelihood.

    The contours are on by default for log-loss models (where P(y|x) is what training
    maximises) and off otherwise, until the user chooses; they exist only for two-class
    models whose output is a probability. The training process draws them into the
    snapshot only while they are wanted: ``wanted`` says when that changes (None: the
    default, False: off or the canvas is hidden, True: the user turned them on).
    """

    toggled = Signal()
    wanted = Signal(object)  # None, True or False: for a commands.ShowProbabilityContours

    def __init__(self, plot: pg.PlotWidget) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.box = QCheckBox()
        worded(self.box, "setText", lambda: tr("probability contours"))
        worded(
            self.box,
            "setToolTip",
            lambda: tr(
                "Lines where the network says P(class 2 | x) = 0.1, 0.3, 0.5, 0.7, 0.9; "
                "the 0.5 line is the decision boundary."
            ),
        )
        self.box.toggled.connect(self._on_toggled)
        self.likelihood = Readout(  # new digits every frame: no new layout for them
            "ll = Σ log P(y_i | x_i) over the training points (natural log)", "ll = −0000.0 "
        )
        worded(
            self.likelihood.label,
            "setToolTip",
            lambda: tr("ll = Σ log P(y_i | x_i) over the training points (natural log)"),
        )
        row.addWidget(self.box)
        row.addWidget(self.likelihood, 1)
        self.contours = ProbabilityContours(plot)
        self.choice: bool | None = None  # None: on for log-loss models, else off
        self.asked: bool | None = None  # what the lab was last told (it starts at the default)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._settle.timeout.connect(self._ask)

    def _on_toggled(self, on: bool) -> None:
        self.choice = bool(on)
        self._ask()
        self.toggled.emit()

    def showEvent(self, event) -> None:
        """On screen again: the snapshots should carry the lines again (if wanted)."""
        super().showEvent(event)
        self._settle.start()

    def hideEvent(self, event) -> None:
        """Hidden (another stage, a closed dock): no frame should pay for lines nobody sees."""
        super().hideEvent(event)
        self._settle.start()

    def _ask(self) -> None:
        """Tell the lab what to make, if that changed.

        Asked once events settle: moving the canvas onto a stage hides and shows it in one
        go, and it must not blink its lines off for that.
        """
        wish = self.choice if self.isVisible() else False
        if wish != self.asked:
            self.asked = wish
            self.wanted.emit(wish)

    def show_snapshot(self, snap: Snapshot, output_shown: bool) -> None:
        """The readout, and contours over the output (not over a focused neuron)."""
        self.likelihood.setText(likelihood_readout(snap.metrics))
        possible = (
            snap.dim == 2
            and output_shown
            and class_probability_grid(snap.spec.output, snap.n_classes, snap.output_grid)
            is not None
        )
        on = shown_by_default(snap.config.loss) if self.choice is None else self.choice
        self.box.setEnabled(possible)
        if self.box.isChecked() != (on and possible):
            with QSignalBlocker(self.box):
                self.box.setChecked(on and possible)
        # The lines come with the snapshot once the lab has heard that they are wanted.
        self.contours.show(snap.probability_contours if on and possible else None)


_NO_POINTS = np.zeros((0, 2))
