"""The landscape's 1-D plot: the loss along one knob, a secant through Δx and the tangent."""

from __future__ import annotations

import contextlib
import warnings
from dataclasses import fields

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from app.i18n import RewordWhenShown, tr
from app.views.landscape_axes import plot_items_alive, steady_axes, steady_range
from app.views.plot_style import line_scale, pixel_font, style_plot, type_px
from nnviz.landscape.picture import CurvePicture
from nnviz.palette import HIGHLIGHT, INK

TANGENT = (0, 158, 115)
X_FILL = 0.8  # the curve spans at least this share of the x axis before the axis moves


class CurvePlot(RewordWhenShown, pg.PlotWidget):
    """The loss along one knob: the curve (or only what the fog reveals), a secant, a tangent."""

    def __init__(self) -> None:
        super().__init__()
        self.setBackground("w")
        legend = self.getPlotItem().addLegend(offset=(8, 8), labelTextColor=INK)
        legend.setBrush(pg.mkBrush(255, 255, 255, 210))
        # The legend's anchor follows its size; re-worded legends resize while being deleted,
        # after their view box, so the anchor must stop following first ("ViewBox deleted").
        self.destroyed.connect(lambda *_: _stop_following(legend))
        self.curve = self.plot(pen=pg.mkPen(INK, width=2), name=tr("loss"))
        dash = Qt.PenStyle.DashLine
        self.probe = self.plot(pen=pg.mkPen(HIGHLIGHT, width=2, style=dash), name=tr("secant"))
        self.tangent = self.plot(pen=pg.mkPen(TANGENT, width=2), name=tr("tangent"))
        self.key = legend
        self.walked = pg.ScatterPlotItem()
        self.dots = pg.ScatterPlotItem()
        self.addItem(self.walked)
        self.addItem(self.dots)
        self.marks: list = []
        self._marks: tuple = ()
        self.shown: CurvePicture | None = None  # the curve on screen (redrawn only on change)
        self.width_scale = 1.0
        self.setLabel("left", tr("loss"), color=INK)
        for side in ("left", "bottom"):  # an SI prefix only confuses, and re-lays out the axis
            self.getAxis(side).enableAutoSIPrefix(False)
        self.ranges: tuple | None = None  # (x range, y range) shown
        cached = pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
        for side in ("left", "bottom"):  # cached pictures, redrawn when the ranges change
            self.getAxis(side).setCacheMode(cached)
        steady_axes(self.getAxis("left"), self.getAxis("bottom"))

    def set_presentation(self, on: bool, px: int | None = None) -> None:
        """Axis, legend and mark type from the window's font; thicker lines for a projector."""
        self.width_scale = w = line_scale(on)
        style_plot(self.getPlotItem(), on, px or type_px())
        steady_axes(self.getAxis("left"), self.getAxis("bottom"))
        self.curve.setPen(pg.mkPen(INK, width=2 * w))
        self.probe.setPen(pg.mkPen(HIGHLIGHT, width=2 * w, style=Qt.PenStyle.DashLine))
        self.tangent.setPen(pg.mkPen(TANGENT, width=2 * w))
        self._marks = ()  # the marks' labels are redrawn at the new size
        self.shown = self.ranges = None

    def reword_ready(self) -> bool:
        """The plot's items are still there (a closed window's are deleted)."""
        return plot_items_alive(self)

    def reword(self) -> None:
        """The legend's names and the loss axis in the current language."""
        for item, word in (
            (self.curve, tr("loss")),
            (self.probe, tr("secant")),
            (self.tangent, tr("tangent")),
        ):
            label = self.key.getLabel(item)
            if label is not None:
                label.setText(word)
        self.setLabel("left", tr("loss"), color=INK)

    def clear_curve(self) -> None:
        """Nothing to show yet."""
        self.shown = None
        for item in (self.curve, self.probe, self.tangent):
            item.setData([], [])
        self.dots.setData([], [])
        self.walked.setData([], [])

    def show_curve(self, c: CurvePicture) -> None:
        """Draw curve, secant through (x, x+dx) and the tangent at x (unless already drawn)."""
        if self.shown is not None and same_curve(self.shown, c):
            return
        self.shown = c
        seen, w = np.isfinite(c.values), self.width_scale
        if c.fog:
            ink = pg.mkBrush(INK)
            self.curve.setData(c.xs[seen], c.values[seen], pen=None, symbol="o", symbolSize=5 * w,
                               symbolBrush=ink)  # fmt: skip
        else:
            self.curve.setData(
                c.xs[seen], c.values[seen], pen=pg.mkPen(INK, width=2 * w), symbol=None
            )
        half = 0.25 * (c.xs[-1] - c.xs[0])
        xs = np.array([c.x - half, c.x + half])
        self.probe.setData(xs, c.y + c.secant_slope * (xs - c.x))
        self.tangent.setData(xs, c.y + c.derivative * (xs - c.x))
        self.dots.setData(
            [c.x, c.x + c.dx], [c.y, c.y + c.secant_slope * c.dx], size=10 * w,
            brush=pg.mkBrush(HIGHLIGHT),
        )  # fmt: skip
        if c.walked is not None and len(c.walked):
            ys = np.interp(c.walked, c.xs[seen], c.values[seen]) if seen.any() else c.walked
            self.walked.setData(c.walked, ys, symbol="t", size=9 * w, brush=pg.mkBrush(0, 114, 178))
        else:
            self.walked.setData([], [])
        if c.marks != self._marks:
            self._show_marks(c.marks)
        lo, hi = _finite_range(np.r_[c.values[seen], c.y])
        shown_x, shown_y = self.ranges if self.ranges is not None else (None, None)
        # The curve follows the moving weight: keep the x axis while the curve still fills
        # most of it, so training redraws the axes every few seconds, not 4 times a second.
        x_range = steady_range(shown_x, float(c.xs[0]), float(c.xs[-1]), fill=X_FILL)
        ranges = (x_range, steady_range(shown_y, lo, hi))
        if ranges != self.ranges:  # new ranges redraw the axes: not for every small change
            self.ranges = ranges
            self.setXRange(*ranges[0], padding=0.02)
            self.setYRange(*ranges[1], padding=0.08)
        if self.getAxis("bottom").labelText != c.label:
            self.setLabel("bottom", c.label, color=INK)

    def _show_marks(self, marks: tuple) -> None:
        """Named vertical lines (init, now) on the 1-D axis."""
        for m in self.marks:
            self.removeItem(m)
        self.marks, self._marks = [], marks
        for name, at in marks:
            pen = pg.mkPen((150, 150, 150), style=Qt.PenStyle.DotLine)
            # Halfway up: the legend fills the top left, the curve starts high at "init" and
            # ends low at "now"; the middle of both lines is usually free.
            opts = {"color": INK, "position": 0.55}
            line = pg.InfiniteLine(at, angle=90, pen=pen, label=name, labelOpts=opts)
            line.label.setFont(pixel_font(type_px()))
            self.addItem(line)
            self.marks.append(line)


def same_curve(a: CurvePicture, b: CurvePicture) -> bool:
    """True if the two pictures draw the same (field by field, arrays by value)."""
    for f in fields(CurvePicture):
        u, v = getattr(a, f.name), getattr(b, f.name)
        if isinstance(u, np.ndarray) or isinstance(v, np.ndarray):
            if u is None or v is None or not np.array_equal(u, v, equal_nan=True):
                return False
        elif u != v:
            return False
    return True


def _finite_range(v: np.ndarray) -> tuple[float, float]:
    """Min and 98th percentile of the finite values (a wall far away must not flatten all)."""
    v = v[np.isfinite(v)]
    if not len(v):
        return 0.0, 1.0
    lo, hi = float(np.min(v)), float(np.percentile(v, 98))
    return (lo, hi) if hi > lo else (lo - 0.5, lo + 0.5)


def _stop_following(legend: pg.LegendItem) -> None:
    """Disconnect the anchor that moves ``legend`` with its own size changes."""
    with warnings.catch_warnings(), contextlib.suppress(RuntimeError, TypeError):
        warnings.simplefilter("ignore", RuntimeWarning)  # already disconnected: nothing to do
        legend.geometryChanged.disconnect()
