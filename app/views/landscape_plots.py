"""The landscape view's two plots: the 2-D surface with paths, and the 1-D knob panel."""

from __future__ import annotations

from dataclasses import fields
from functools import cache

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QPen

from app.i18n import tr
from app.views.landscape_words import racer_status
from app.views.plot_style import (
    line_scale,
    pixel_font,
    set_title,
    style_axis,
    style_plot,
    type_px,
)
from nnviz.landscape.contours import shading
from nnviz.landscape.picture import CurvePicture, LandscapePicture, PathPicture, SurfacePicture
from nnviz.palette import HIGHLIGHT, INK

GRADIENT = (0, 200, 220)
MOMENTUM = (220, 0, 200)
TANGENT = (0, 158, 115)
CONTOUR_PEN = pg.mkPen((255, 255, 255, 140), width=1)
CLEAR = (255, 255, 255, 0)  # a hollow dot's fill
HAZE = (255, 255, 255, 160)  # the ball's fill when it is off the plane
Colour = tuple[int, ...] | str
ON_PLANE = 0.05  # relative distance below which a path point counts as lying on the plane


class SurfacePlot(pg.PlotWidget):
    """Heatmap + contour lines of a loss surface, with optimizer paths on top."""

    clicked = Signal(float, float)

    def __init__(self) -> None:
        super().__init__()
        self.setBackground("w")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.addItem(self.image)
        # Every contour line of every level is one path of segments, computed in the pure core.
        self.contours = pg.PlotCurveItem(pen=CONTOUR_PEN, connect="pairs")
        self.addItem(self.contours)
        cmap = pg.colormap.get("viridis")
        self.colorbar = pg.ColorBarItem(colorMap=cmap, interactive=False, width=14)
        self.colorbar.setImageItem(self.image, insert_in=self.getPlotItem())
        # The axes are cached pictures: a frame that only moves the paths does not repaint them.
        cached = pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
        for axis in (self.getAxis("bottom"), self.getAxis("left"), self.colorbar.axis):
            axis.setCacheMode(cached)
        steady_axes(self.getAxis("left"), self.getAxis("bottom"), self.colorbar.axis)
        self._texts: dict[str, str] = {}  # axis and title texts as last set
        self.paths: dict[str, tuple] = {}  # name → (line, dots on / off the plane, ball)
        self._pool: dict[str, list] = {}  # glyph items by kind, reused frame after frame
        self._used: dict[str, int] = {}
        self.log = False
        self.show_glyphs = {"gradient": True, "momentum": True, "squared": False}
        self.scene().sigMouseClicked.connect(self._on_click)
        for axis in (self.getAxis("bottom"), self.getAxis("left"), self.colorbar.axis):
            axis.enableAutoSIPrefix(False)  # "(x0.001)" on an axis only confuses
        self.width_scale = 1.0
        self.legend: pg.LegendItem | None = None  # made when a picture first asks for one
        self._legend_entries: tuple = ()
        self.text_font = pixel_font(type_px())
        self._surface: SurfacePicture | None = None  # the surface drawn, for re-wording
        self._stale = False  # the language changed while the plot was hidden

    def set_presentation(self, on: bool, px: int | None = None) -> None:
        """Thicker lines; axis, title and colour-bar type from the window's font."""
        self.width_scale = line_scale(on)
        px = px or type_px()
        style_plot(self.getPlotItem(), on, px)
        style_axis(self.colorbar.axis, on, px)
        self.colorbar.axis.setWidth(None)  # pyqtgraph fixes it at 45 px: too narrow for big type
        steady_axes(self.getAxis("left"), self.getAxis("bottom"), self.colorbar.axis)
        self.text_font = pixel_font(px)
        for label in self._pool.get("text", []):
            label.setFont(self.text_font)

    def show_surface(self, s: SurfacePicture | None) -> None:
        """Draw the surface over its true coordinates (y up), or clear it while computing."""
        if s is None:
            self.image.clear()
            self.contours.setData([], [])
            self._surface = None
            self._set_text("title", tr("computing the surface…"))
            return
        shade = shading(s.values, s.xs, s.ys, self.log)
        lo, hi = float(shade.levels[0]), float(shade.levels[-1])
        self.image.setImage(shade.image, autoLevels=False, levels=(lo, hi))
        self.colorbar.setLevels((lo, hi))
        x0, x1, y0, y1 = (float(v) for v in (s.xs[0], s.xs[-1], s.ys[0], s.ys[-1]))
        # Each pixel is centred on its grid point, so colours, contours and paths agree.
        hx, hy = _half_cell(s.xs), _half_cell(s.ys)
        self.image.setRect(QRectF(x0 - hx, y0 - hy, x1 - x0 + 2 * hx, y1 - y0 + 2 * hy))
        seg = shade.segments
        self.contours.setData(seg[:, 0], seg[:, 1], connect="pairs")
        self._word_surface(s)
        self.getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _word_surface(self, s: SurfacePicture) -> None:
        """The axes, colour bar and title of surface ``s`` in the current language."""
        self._surface = s
        note = "" if s.refined else tr("  (coarse preview…)")
        self._set_text("bottom", s.x_label)
        self._set_text("left", s.y_label)
        value = tr("loss") if s.value_label == "loss" else s.value_label  # the core's default
        bar = f"log₁₀({value} − min)" if self.log else value
        self._set_text("bar", bar)
        self._set_text("title", s.title + note)

    def changeEvent(self, event: QEvent) -> None:
        """Re-word the surface's captions on a switch of language (the picture stays)."""
        if event.type() == QEvent.Type.LanguageChange:
            self._stale = not reword_if_shown(self, self.reword)
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        """Shown again after a switch of language made while hidden: re-word now."""
        super().showEvent(event)
        if self._stale:
            self._stale = not reword_if_shown(self, self.reword)

    def reword(self) -> None:
        """The captions of the surface drawn, in the current language."""
        if self._surface is not None:
            self._word_surface(self._surface)

    def _set_text(self, where: str, text: str) -> None:
        """An axis caption or the title, set only when it changed (each one re-lays the plot)."""
        if self._texts.get(where) == text:
            return
        self._texts[where] = text
        if where == "title":
            set_title(self.getPlotItem(), text, color=INK)
        elif where == "bar":
            self.colorbar.axis.setLabel(text, color=INK)
        else:
            self.setLabel(where, text, color=INK)

    def show_paths(self, pic: LandscapePicture) -> None:
        """Trails with a ball at the head, the cross-sections and the glyphs."""
        keep = {p.name for p in pic.paths}
        for name in list(self.paths):
            if name not in keep:
                for item in self.paths.pop(name):
                    self.removeItem(item)
        self._used = {kind: 0 for kind in self._pool}
        for p in pic.paths:
            self._draw_path(p)
        if pic.cross is not None:
            self._cross(*pic.cross)
        self._show_legend(pic.legend if pic.plot_legend else ())
        for kind, items in self._pool.items():  # glyphs not needed this frame are hidden
            for item in items[self._used.get(kind, 0) :]:
                item.hide()

    def _show_legend(self, entries: tuple[tuple[str, tuple[int, int, int]], ...]) -> None:
        """The paths' names (with their step counts) in a box on the plot, when asked for."""
        entries = tuple((racer_status(name), colour) for name, colour in entries)
        if entries == self._legend_entries:  # compared as shown: a switch of language redraws
            return
        self._legend_entries = entries
        if self.legend is None:
            self.legend = pg.LegendItem(
                offset=(10, 10), brush=pg.mkBrush(40, 44, 52, 200), labelTextColor="w"
            )
            self.legend.setParentItem(self.getPlotItem().vb)
        self.legend.clear()
        for name, colour in entries:
            sample = pg.PlotDataItem(pen=pg.mkPen(colour, width=3))
            self.legend.addItem(sample, name)
        self.legend.setVisible(bool(entries))

    def legend_texts(self) -> list[str]:
        """The names in the plot's legend box (empty when it is hidden)."""
        if self.legend is None or not self.legend.isVisible():
            return []
        return [label.text for _, label in self.legend.items]

    def _take(self, kind: str, make):
        """A glyph item from the pool (made once, reused every frame: adding items is slow)."""
        items = self._pool.setdefault(kind, [])
        n = self._used.get(kind, 0)
        if n == len(items):
            items.append(make())
            self.addItem(items[-1])
        self._used[kind] = n + 1
        items[n].show()
        return items[n]

    def _draw_path(self, p: PathPicture) -> None:
        items = self.paths.get(p.name)
        if items is None:  # the trail, its dots on and off the plane, and the ball on top
            items = (pg.PlotDataItem(), *(pg.ScatterPlotItem() for _ in range(3)))
            for item in items:
                self.addItem(item)
            self.paths[p.name] = items
        line, on, off, ball = items
        w = self.width_scale
        line.setData(p.xs, p.ys, pen=_pen(p.color, 2.5 * w))
        if not len(p.xs):
            for dots in (on, off, ball):
                dots.setData([], [])
            return
        x, y = float(p.xs[-1]), float(p.ys[-1])
        # Honest drawing: a point far from the slice plane is hollow, since the contours under
        # it show the loss of its shadow on the plane, not its own.
        away = np.zeros(len(p.xs), bool) if p.off_plane is None else p.off_plane >= ON_PLANE
        trail = p.off_plane is not None
        for dots, hollow in ((on, False), (off, True)):
            pick = (away[:-1] == hollow) & trail
            dots.setData(
                p.xs[:-1][pick], p.ys[:-1][pick], size=6 * w, pen=_pen(p.color),
                brush=_brush(CLEAR if hollow else p.color),
            )  # fmt: skip
        brush = _brush(HAZE if away[-1] else p.color)
        ball.setData([x], [y], size=15 * w, pen=_pen(INK, 1.5), brush=brush)
        if p.status == "diverged":
            self._text("diverged", x, y, p.color)
        self._glyphs(p, x, y)

    def _glyphs(self, p: PathPicture, x: float, y: float) -> None:
        span = self._span()
        if self.show_glyphs["gradient"] and p.gradient is not None:
            self._arrow(x, y, -np.asarray(p.gradient), GRADIENT, span)
        if self.show_glyphs["momentum"] and p.momentum is not None:
            self._arrow(x, y, -np.asarray(p.momentum), MOMENTUM, span)
        if self.show_glyphs["squared"] and p.squared is not None:
            # Squares whose sides are √(Σg²) per axis, so their area is the accumulated g².
            sx, sy = (np.sqrt(np.abs(v)) for v in p.squared)
            scale = 0.15 * span / max(sx, sy, 1e-12)
            rect = self._take("rect", pg.QtWidgets.QGraphicsRectItem)
            rect.setRect(x, y, sx * scale, sy * scale)
            rect.setPen(_pen(p.color, 1.5))

    def _cross(self, x: float, y: float, gx: float, gy: float) -> None:
        """Dashed cross-sections through the explained ball and −∂L/∂x, −∂L/∂y along them."""
        dash = _pen((255, 255, 255, 200), 1.5, dashed=True)
        for angle, pos in ((90, x), (0, y)):
            line = self._take(f"cross{angle}", lambda a=angle: pg.InfiniteLine(angle=a, pen=dash))
            line.setPos(pos)
        norm = float(np.hypot(gx, gy))
        if not self.show_glyphs["gradient"] or not np.isfinite(norm) or norm == 0:
            return
        k = 0.15 * self._span() / norm  # the whole gradient gets 15% of the view
        for vx, vy in ((-gx * k, 0.0), (0.0, -gy * k)):
            self._arrow(x, y, np.array([vx, vy]), GRADIENT, 0.0, dashed=True)

    def _arrow(self, x, y, v: np.ndarray, colour, span: float, dashed: bool = False) -> None:
        norm = float(np.hypot(*v))
        if not np.isfinite(norm) or norm == 0:
            return
        d = v / norm * 0.15 * span if span else v  # span 0: draw v at its own length
        line = self._take("shaft", pg.PlotDataItem)
        line.setData([x, x + d[0]], [y, y + d[1]], pen=_pen(colour, 3 * self.width_scale, dashed))
        head = self._take("head", lambda: pg.ArrowItem(pen=None, angle=0))
        head.setStyle(headLen=12 * self.width_scale, brush=_brush(colour))  # rebuilt on change
        # Turning the item draws what setStyle(angle=…) would, without a new path every frame.
        head.setRotation(180 - float(np.degrees(np.arctan2(d[1], d[0]))))
        head.setPos(x + d[0], y + d[1])

    def _text(self, text: str, x: float, y: float, colour) -> None:
        label = self._take(
            "text", lambda: pg.TextItem(anchor=(0, 1), fill=pg.mkBrush(40, 44, 52, 180))
        )
        label.setText(text, color=colour)
        label.setFont(self.text_font)
        label.setPos(x, y)

    def _span(self) -> float:
        (x0, x1), (y0, y1) = self.getViewBox().viewRange()
        return float(max(x1 - x0, y1 - y0))

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        vb = self.getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        p = vb.mapSceneToView(event.scenePos())
        self.clicked.emit(float(p.x()), float(p.y()))


class CurvePlot(pg.PlotWidget):
    """The loss along one knob: the curve (or only what the fog reveals), a secant, a tangent."""

    def __init__(self) -> None:
        super().__init__()
        self.setBackground("w")
        legend = self.getPlotItem().addLegend(offset=(8, 8), labelTextColor=INK)
        legend.setBrush(pg.mkBrush(255, 255, 255, 210))
        self.curve = self.plot(pen=pg.mkPen(INK, width=2), name=tr("loss"))
        dash = Qt.PenStyle.DashLine
        self.probe = self.plot(pen=pg.mkPen(HIGHLIGHT, width=2, style=dash), name=tr("secant"))
        self.tangent = self.plot(pen=pg.mkPen(TANGENT, width=2), name=tr("tangent"))
        self.key = legend
        self._stale = False  # the language changed while the plot was hidden
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

    def changeEvent(self, event: QEvent) -> None:
        """Re-word the legend and the loss axis on a switch of language."""
        if event.type() == QEvent.Type.LanguageChange:
            self._stale = not reword_if_shown(self, self.reword)
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        """Shown again after a switch of language made while hidden: re-word now."""
        super().showEvent(event)
        if self._stale:
            self._stale = not reword_if_shown(self, self.reword)

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
        shown = self.ranges[1] if self.ranges is not None else None
        ranges = ((float(c.xs[0]), float(c.xs[-1])), steady_range(shown, lo, hi))
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
            opts = {"color": INK, "position": 0.9}
            line = pg.InfiniteLine(at, angle=90, pen=pen, label=name, labelOpts=opts)
            line.label.setFont(pixel_font(type_px()))
            self.addItem(line)
            self.marks.append(line)


def steady_axes(*axes: pg.AxisItem) -> None:
    """Axes that grow to fit their widest tick labels but never shrink back.

    Otherwise a new range with shorter labels ("0.5" after "0.05") narrows the axis, the plot
    beside it widens, and every frame of training shifts the picture sideways (and redraws it
    all). Called again when the type size changes, so they fit the new type from scratch.
    """
    for axis in axes:
        axis.setStyle(autoReduceTextSpace=False)
        axis.textWidth, axis.textHeight = 30, 18  # pyqtgraph's starting sizes: measured anew
        if axis.orientation in ("left", "right"):
            axis._updateWidth()
        else:
            axis._updateHeight()


@cache
def _pen(colour: Colour, width: float = 1.0, dashed: bool = False) -> QPen:
    """One pen object per style, shared frame after frame.

    pyqtgraph keeps one rendered dot per pen and brush *object*: a new pen every frame would
    render every dot again.
    """
    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    return pg.mkPen(colour, width=width, style=style)


@cache
def _brush(colour: Colour) -> QBrush:
    """One brush object per colour (see :func:`_pen`)."""
    return pg.mkBrush(colour)


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


def _half_cell(axis: np.ndarray) -> float:
    """Half the spacing of an evenly spaced grid axis (0 for a single point)."""
    return float(axis[-1] - axis[0]) / (2 * (len(axis) - 1)) if len(axis) > 1 else 0.0


def steady_range(
    shown: tuple[float, float] | None, lo: float, hi: float, fill: float = 0.9
) -> tuple[float, float]:
    """The range to show for data from ``lo`` to ``hi``: the one ``shown`` while the data
    still lie inside it and fill at least ``fill`` of it, else a new one with room to move.

    A curve that changes a little while training then keeps its axes (and their tick labels)
    still, instead of redrawing them a few times a second.
    """
    if shown is not None:
        a, b = shown
        if a <= lo and hi <= b and hi - lo >= fill * (b - a):
            return shown
    room = (hi - lo) * (1 / fill - 1) / 4  # half the slack `fill` allows, split either side
    return lo - room, hi + room


def _finite_range(v: np.ndarray) -> tuple[float, float]:
    """Min and 98th percentile of the finite values (a wall far away must not flatten all)."""
    v = v[np.isfinite(v)]
    if not len(v):
        return 0.0, 1.0
    lo, hi = float(np.min(v)), float(np.percentile(v, 98))
    return (lo, hi) if hi > lo else (lo - 0.5, lo + 0.5)


def reword_if_shown(plot: pg.PlotWidget, reword) -> bool:
    """Call ``reword()`` if the plot is on screen with its items; True if it was called.

    A hidden plot waits for its next show: new words re-lay out the plot later (a posted
    layout request), which must not reach a closed window's items once they are deleted.
    """
    if getattr(plot, "closed", False) or not plot.isVisible():
        return False
    item = plot.getPlotItem()
    if not (shiboken6.isValid(item) and shiboken6.isValid(item.vb)):
        return False
    reword()
    return True
