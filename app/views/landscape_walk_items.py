"""The fog walker on the landscape's 1-D plot: its stops, the loss it felt, where it stands."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, Signal

from app.i18n import tr
from app.views.plot_style import line_scale, pixel_font, type_px
from nnviz.landscape.knob_walk import WalkPicture
from nnviz.palette import BLUE, INK

TRAIL = BLUE
GREY_LINE = (150, 150, 150)
Z = 20  # above the curve, the secant and the tangent


class WalkItems(QObject):
    """Draws a WalkPicture on a plot: a dotted trail through each stop, a ring where it stands.

    Every stop is drawn at the loss the walker evaluated there (not read off the curve), so
    in the fog the trail is the only thing the walker has actually seen besides its probes.
    A left click on the plot emits ``clicked(x)``: put the walker at that knob value.
    """

    clicked = Signal(float)

    def __init__(self, plot: pg.PlotWidget) -> None:
        super().__init__(plot)
        self.plot = plot
        self.trail = pg.PlotDataItem()
        self.here = pg.ScatterPlotItem()
        # Left of the walker: the Δx probe's second point is always to its right.
        self.note = pg.TextItem(color=INK, anchor=(1.0, 0.5), fill=pg.mkBrush(255, 255, 255, 200))
        self.held = pg.InfiniteLine(angle=90, pen=pg.mkPen(GREY_LINE, style=Qt.PenStyle.DotLine))
        self.held_note = pg.TextItem(color=INK, anchor=(0.5, 1.0))  # at the foot of its line
        for item in (self.trail, self.here, self.note, self.held, self.held_note):
            item.setZValue(Z)
            plot.addItem(item)
        self.width_scale = 1.0
        self.picture: WalkPicture | None = None
        plot.scene().sigMouseClicked.connect(self._on_click)
        self.set_presentation(False)

    def set_presentation(self, on: bool, px: int | None = None) -> None:
        """Bigger marks and type for a projector."""
        self.width_scale = line_scale(on)
        self.note.setFont(pixel_font(px or type_px(), bold=True))
        self.held_note.setFont(pixel_font(px or type_px()))
        self.show(self.picture)

    def show(self, walk: WalkPicture | None) -> None:
        """Draw the walk, or nothing (None)."""
        self.picture = walk
        if walk is None or not len(walk.xs):
            self.trail.setData([], [])
            self.here.setData([], [])
            self.note.setText("")
            self._show_held(float("nan"))
            return
        self._show_held(walk.held if abs(walk.held - walk.xs[0]) > 1e-12 else float("nan"))
        w = self.width_scale
        ok = np.isfinite(walk.xs) & np.isfinite(walk.ys)
        xs, ys = walk.xs[ok], walk.ys[ok]
        self.trail.setData(
            xs, ys, pen=pg.mkPen(TRAIL, width=1.5 * w, style=Qt.PenStyle.DotLine),
            symbol="o", symbolSize=6 * w, symbolBrush=pg.mkBrush(TRAIL), symbolPen=None,
        )  # fmt: skip
        if not len(xs):
            return
        x, y = float(xs[-1]), float(ys[-1])
        self.here.setData(
            [x], [y], size=16 * w, brush=pg.mkBrush(*TRAIL, 90), pen=pg.mkPen(TRAIL, width=2.5 * w)
        )
        steps = len(walk.xs) - 1
        text = tr("start") if steps == 0 else tr("step %n", "", steps)
        if walk.status == "stopped":
            text = tr("stopped after %n steps", "", steps)
        self.note.setText(text)
        self._place_note(x, y)

    def _place_note(self, x: float, y: float) -> None:
        """Left of the ring, clear of it; to its right when the plot's left edge would cut it."""
        vb = self.plot.getViewBox()
        (x0, x1), _ys = vb.viewRange()
        gap = 0.03 * (x1 - x0)
        per_px = (x1 - x0) / max(vb.width(), 1.0)  # knob units per screen pixel
        fits = x - gap - self.note.boundingRect().width() * per_px >= x0
        self.note.setAnchor((1.0, 0.5) if fits else (0.0, 0.5))
        self.note.setPos(x - gap if fits else x + gap, y)

    def _show_held(self, x: float) -> None:
        """A dotted line where the weight is in the network (when the walk started elsewhere)."""
        shown = bool(np.isfinite(x))
        self.held.setVisible(shown)
        self.held_note.setVisible(shown)
        if shown:
            self.held.setValue(x)
            self.held_note.setText(tr("in the network"))
            (_x0, _x1), (y0, _y1) = self.plot.getViewBox().viewRange()
            self.held_note.setPos(x, y0)

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        x = float(vb.mapSceneToView(event.scenePos()).x())
        if np.isfinite(x):
            self.clicked.emit(x)
