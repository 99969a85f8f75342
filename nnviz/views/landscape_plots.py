"""The landscape view's two plots: the 2-D surface with paths, and the 1-D knob panel."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal

from nnviz.landscape_picture import CurvePicture, PathPicture, SurfacePicture
from nnviz.palette import HIGHLIGHT, INK

N_LEVELS = 12


def surface_image(values: np.ndarray, log: bool) -> tuple[np.ndarray, np.ndarray]:
    """Colour-ready values (log1p if asked) and contour levels spread over their range."""
    v = np.where(np.isfinite(values), values, np.nan)
    if log:
        v = np.log10(np.maximum(v - np.nanmin(v), 0) + 1e-3)
    lo, hi = np.nanpercentile(v, 1), np.nanpercentile(v, 97)
    return np.nan_to_num(v, nan=hi), np.linspace(lo, hi, N_LEVELS)


class SurfacePlot(pg.PlotWidget):
    """Heatmap + contour lines of a loss surface, with optimizer paths on top."""

    clicked = Signal(float, float)

    def __init__(self) -> None:
        super().__init__()
        self.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.addItem(self.image)
        self.image.setLookupTable(pg.colormap.get("viridis").getLookupTable(nPts=256))
        self.contours: list[pg.IsocurveItem] = []
        self.paths: dict[str, tuple[pg.PlotDataItem, pg.ScatterPlotItem]] = {}
        self.glyphs: list[pg.GraphicsObject] = []
        self.log = False
        self.show_glyphs = {"gradient": True, "momentum": True, "squared": False}
        self.scene().sigMouseClicked.connect(self._on_click)
        self.getPlotItem().showGrid(x=False, y=False)
        self.width_scale = 1.0

    def show_surface(self, s: SurfacePicture) -> None:
        """Draw the surface over its true coordinates (y up)."""
        img, levels = surface_image(s.values, self.log)
        self.image.setImage(img, autoLevels=False, levels=(levels[0], levels[-1]))
        x0, x1, y0, y1 = s.xs[0], s.xs[-1], s.ys[0], s.ys[-1]
        self.image.setRect(pg.QtCore.QRectF(x0, y0, x1 - x0, y1 - y0))
        for c in self.contours:
            c.setParentItem(None)
            self.removeItem(c)
        self.contours = []
        for level in levels[1:-1]:
            iso = pg.IsocurveItem(
                img, level, pen=pg.mkPen((255, 255, 255, 150), width=1), axisOrder="row-major"
            )
            iso.setParentItem(self.image)
            self.contours.append(iso)
        note = "" if s.refined else "  (coarse preview…)"
        self.setLabel("bottom", s.x_label)
        self.setLabel("left", s.y_label)
        self.setTitle(s.title + note)

    def show_paths(self, paths: tuple[PathPicture, ...]) -> None:
        """Trails with a ball at the head, plus the optional glyphs."""
        keep = {p.name for p in paths}
        for name in list(self.paths):
            if name not in keep:
                for item in self.paths.pop(name):
                    self.removeItem(item)
        for g in self.glyphs:
            self.removeItem(g)
        self.glyphs = []
        for p in paths:
            self._draw_path(p)

    def _draw_path(self, p: PathPicture) -> None:
        if p.name not in self.paths:
            line = pg.PlotDataItem(name=p.name)
            ball = pg.ScatterPlotItem()
            self.addItem(line)
            self.addItem(ball)
            self.paths[p.name] = (line, ball)
        line, ball = self.paths[p.name]
        line.setData(p.xs, p.ys, pen=pg.mkPen(p.color, width=2.5 * self.width_scale))
        if len(p.xs):
            x, y = float(p.xs[-1]), float(p.ys[-1])
            ball.setData(
                [x],
                [y],
                size=14 * self.width_scale,
                brush=pg.mkBrush(p.color),
                pen=pg.mkPen(INK, width=1.5),
            )
            self._glyphs(p, x, y)

    def _glyphs(self, p: PathPicture, x: float, y: float) -> None:
        span = self._span()
        if self.show_glyphs["gradient"] and p.gradient is not None:
            self._arrow(x, y, -np.asarray(p.gradient), (0, 200, 220), span)
        if self.show_glyphs["momentum"] and p.momentum is not None:
            self._arrow(x, y, -np.asarray(p.momentum), (220, 0, 200), span)
        if self.show_glyphs["squared"] and p.squared is not None:
            # Squares whose area is the accumulated squared gradient (per axis side lengths).
            sx, sy = (np.sqrt(np.abs(v)) for v in p.squared)
            scale = 0.15 * span / max(sx, sy, 1e-12)
            rect = pg.QtWidgets.QGraphicsRectItem(x, y, sx * scale, sy * scale)
            rect.setPen(pg.mkPen(p.color, width=1.5))
            self.addItem(rect)
            self.glyphs.append(rect)

    def _arrow(self, x: float, y: float, v: np.ndarray, colour, span: float) -> None:
        norm = float(np.hypot(*v))
        if not np.isfinite(norm) or norm == 0:
            return
        d = v / norm * 0.12 * span  # a fixed on-screen length; the direction is the point
        line = pg.PlotDataItem(
            [x, x + d[0]], [y, y + d[1]], pen=pg.mkPen(colour, width=3 * self.width_scale)
        )
        head = pg.ScatterPlotItem(
            [x + d[0]], [y + d[1]], symbol="o", size=7, brush=pg.mkBrush(colour), pen=None
        )
        for item in (line, head):
            self.addItem(item)
            self.glyphs.append(item)

    def _span(self) -> float:
        (x0, x1), (y0, y1) = self.getViewBox().viewRange()
        return float(max(x1 - x0, y1 - y0))

    def _on_click(self, event) -> None:
        if event.button() != pg.QtCore.Qt.MouseButton.LeftButton:
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
        self.curve = self.plot(pen=pg.mkPen(INK, width=2))
        self.probe = self.plot(
            pen=pg.mkPen(HIGHLIGHT, width=2, style=pg.QtCore.Qt.PenStyle.DashLine)
        )
        self.tangent = self.plot(pen=pg.mkPen((0, 158, 115), width=2))
        self.dots = pg.ScatterPlotItem()
        self.addItem(self.dots)
        self.setLabel("left", "loss")

    def show_curve(self, c: CurvePicture) -> None:
        """Draw curve, secant through (x, x+dx) and the tangent at x."""
        seen = np.isfinite(c.values)
        self.curve.setData(
            c.xs[seen],
            c.values[seen],
            pen=pg.mkPen(INK, width=2) if not c.fog else None,
            symbol="o" if c.fog else None,
            symbolSize=5,
        )
        half = 0.25 * (c.xs[-1] - c.xs[0])
        xs = np.array([c.x - half, c.x + half])
        self.probe.setData(xs, c.y + c.secant_slope * (xs - c.x))
        self.tangent.setData(xs, c.y + c.derivative * (xs - c.x))
        self.dots.setData(
            [c.x, c.x + c.dx],
            [c.y, c.y + c.secant_slope * c.dx],
            size=10,
            brush=pg.mkBrush(HIGHLIGHT),
        )
        self.setLabel("bottom", c.label)
