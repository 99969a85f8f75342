"""The landscape's surface plot: a loss heatmap with contour lines and the paths across it."""

from __future__ import annotations

from functools import cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QPen

from app.i18n import RewordWhenShown, tr
from app.views.heatmap_item import HeatmapItem
from app.views.landscape_axes import plot_items_alive, steady_axes, steady_range
from app.views.landscape_words import racer_status
from app.views.plot_style import line_scale, pixel_font, set_title, style_axis, style_plot, type_px
from nnviz.landscape.contours import shading
from nnviz.landscape.picture import LandscapePicture, PathPicture, SurfacePicture
from nnviz.palette import INK

GRADIENT = (0, 200, 220)
MOMENTUM = (220, 0, 200)
CONTOUR_PEN = pg.mkPen((255, 255, 255, 140), width=1)
CLEAR = (255, 255, 255, 0)  # a hollow dot's fill
HAZE = (255, 255, 255, 160)  # the ball's fill when it is off the plane
Colour = tuple[int, ...] | str
BAR_FILL = 0.8  # a new colour scale once a surface's values span less than 80 % of it
ON_PLANE = 0.05  # relative distance below which a path point counts as lying on the plane


class SurfacePlot(RewordWhenShown, pg.PlotWidget):
    """Heatmap + contour lines of a loss surface, with optimizer paths on top."""

    clicked = Signal(float, float)

    def __init__(self) -> None:
        super().__init__()
        self.setBackground("w")
        # The colours and, drawn by the same item, every contour line of every level (one
        # path of segments, computed in the pure core).
        self.image = HeatmapItem(CONTOUR_PEN)
        self.addItem(self.image)
        cmap = pg.colormap.get("viridis")
        self.colorbar = pg.ColorBarItem(colorMap=cmap, interactive=False, width=14)
        self.colorbar.setImageItem(self.image, insert_in=self.getPlotItem())
        # The axes are cached pictures: a frame that only moves the paths does not repaint them.
        cached = pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
        for axis in (self.getAxis("bottom"), self.getAxis("left"), self.colorbar.axis):
            axis.setCacheMode(cached)
        # So is the heatmap with its contours: a moving ball repaints the pixels under it by
        # copying them, not by scaling the whole surface image again (5 ms a frame at 1080p).
        self.image.setCacheMode(cached)
        steady_axes(self.getAxis("left"), self.getAxis("bottom"), self.colorbar.axis)
        # Only the round values are labelled on the colour bar: a scale from 0.05 to 1.98 got
        # a label every 0.1, nineteen of them, where 0.5, 1 and 1.5 say it all.
        self.colorbar.axis.setStyle(maxTextLevel=0)
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
        self._bar_levels: dict[bool, tuple[float, float]] = {}  # the colour scale shown

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
            self._bar_levels = {}
            self.image.clear()
            self._surface = None
            self._set_text("title", tr("computing the surface…"))
            return
        # Made ahead on the job thread for the network's slices; else shaded here.
        shade = s.shades[self.log] if s.shades else shading(s.values, s.xs, s.ys, self.log)
        # The colour scale holds still while the network's slices change a little (a new one
        # every second while training): redrawing the bar and its ticks is a third of a frame.
        shown = self._bar_levels.get(self.log)  # log colours have a scale of their own
        lo, hi = float(shade.levels[0]), float(shade.levels[-1])
        if shown is not None:  # later ones keep it while they fit (the first gets its own)
            steady_lo, hi = steady_range(shown, lo, hi, BAR_FILL)
            lo = steady_lo if lo < 0 else max(steady_lo, 0.0)  # no room below a loss of 0
        self.image.setImage(shade.image, autoLevels=False, levels=(lo, hi))
        if (lo, hi) != shown:
            self._bar_levels = {self.log: (lo, hi)}
            self.colorbar.setLevels((lo, hi))
        x0, x1, y0, y1 = (float(v) for v in (s.xs[0], s.xs[-1], s.ys[0], s.ys[-1]))
        # Each pixel is centred on its grid point, so colours, contours and paths agree.
        hx, hy = _half_cell(s.xs), _half_cell(s.ys)
        width, height = x1 - x0 + 2 * hx, y1 - y0 + 2 * hy
        self.image.setRect(QRectF(x0 - hx, y0 - hy, width, height))
        rows, columns = shade.image.shape[:2]
        self.image.set_lines(shade.segments, x0 - hx, y0 - hy, width / columns, height / rows)
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

    def reword_ready(self) -> bool:
        """The plot's items are still there (a closed window's are deleted)."""
        return plot_items_alive(self)

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
        # A plain line item: a plot curve re-derives its data ranges and path on every set.
        line = self._take("shaft", pg.QtWidgets.QGraphicsLineItem)
        line.setLine(x, y, x + float(d[0]), y + float(d[1]))
        line.setPen(_pen(colour, 3 * self.width_scale, dashed))
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


def _half_cell(axis: np.ndarray) -> float:
    """Half the spacing of an evenly spaced grid axis (0 for a single point)."""
    return float(axis[-1] - axis[0]) / (2 * (len(axis) - 1)) if len(axis) > 1 else 0.0
