"""The canvas's points as one item: one rendered symbol per look, every point a pixmap copy."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph import functions as fn
from pyqtgraph.graphicsItems.ScatterPlotItem import SymbolAtlas, drawSymbol
from pyqtgraph.Qt import QtCore, QtGui, internals

Style = tuple[str, float, QtGui.QPen, QtGui.QBrush]  # symbol, size (px), pen, brush


class PointLayer(pg.GraphicsObject):
    """Every point of the canvas, drawn the way pyqtgraph's scatter draws them, at array speed.

    pyqtgraph's ScatterPlotItem keeps a Python record per point (pen, brush, symbol, data, …):
    100,000 points cost ~0.3 s of bookkeeping in ``setData`` even with one shared brush, and
    seconds with a brush per point. Here a point is only its position and the index of its
    look (class colour × train/test); each look is rendered once into pyqtgraph's symbol atlas
    and every point is one fragment copied from it, in index order, so the picture (including
    which of two overlapping points is on top) is the scatter's own.
    """

    def __init__(self) -> None:
        super().__init__()
        self.atlas = SymbolAtlas()
        self._fragments = internals.PrimitiveArray(QtGui.QPainter.PixmapFragment, 10)
        self.xy = np.zeros((0, 2))
        self.look = np.zeros(0, dtype=np.intp)
        self.styles: list[Style] = []
        self._sources = np.zeros((0, 4))  # each look's rectangle in the atlas (sx, sy, sw, sh)
        self._bounds: tuple[float, float, float, float] | None = None  # x0, x1, y0, y1

    def set_points(self, xy: np.ndarray, look: np.ndarray, styles: list[Style]) -> None:
        """Positions (N, 2), each point's look (N,) as an index into ``styles``."""
        self.prepareGeometryChange()
        self.xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        self.look = np.asarray(look, dtype=np.intp).reshape(-1)
        self.styles = list(styles)
        if len(self.atlas) > max(1000, 4 * len(self.styles)):
            self.atlas.clear()  # looks of long ago (other colours, other sizes): start afresh
        self._sources = self._atlas_rects()
        if len(self.xy):
            x0, y0 = self.xy.min(axis=0)
            x1, y1 = self.xy.max(axis=0)
            self._bounds = (float(x0), float(x1), float(y0), float(y1))
        else:
            self._bounds = None
        self.informViewBoundsChanged()
        self.update()

    def __len__(self) -> int:
        return len(self.xy)

    def _atlas_rects(self) -> np.ndarray:
        if not self.styles:
            return np.zeros((0, 4))
        return np.array(self.atlas[self.styles], dtype=float).reshape(-1, 4)

    # ----- QGraphicsItem ---------------------------------------------------------------------
    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):
        """The points' extent along one axis (for the view's auto-range)."""
        if self._bounds is None:
            return (None, None)
        return self._bounds[2 * ax : 2 * ax + 2]

    def pixelPadding(self) -> float:
        """Half the widest symbol, in pixels, beyond the points' centres."""
        return self.atlas.maxWidth * 0.7072

    def boundingRect(self) -> QtCore.QRectF:
        if self._bounds is None:
            return QtCore.QRectF()
        x0, x1, y0, y1 = self._bounds
        px = py = 0.0
        pad = self.pixelPadding()
        if pad > 0:
            vx, vy = self.pixelVectors()
            px = 0.0 if vx is None else vx.length() * pad
            py = 0.0 if vy is None else vy.length() * pad
        return QtCore.QRectF(x0 - px, y0 - py, x1 - x0 + 2 * px, y1 - y0 + 2 * py)

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()
        super().viewTransformChanged()

    def paint(self, p: QtGui.QPainter, *args) -> None:
        if not len(self.xy):
            return
        # Map the centres to device pixels, so the symbols keep their pixel size at any zoom.
        pts = fn.transformCoordinates(p.transform(), self.xy.T.copy())
        pts = fn.clip_array(pts, -(2**30), 2**30)  # Qt crashes on absurd coordinates
        p.resetTransform()
        if self._exportOpts is not False:
            self._paint_vectors(p, pts)
            return
        widget = args[1] if len(args) > 1 else None
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        if dpr != self.atlas.devicePixelRatio():  # another screen: render the looks again
            self.atlas.setDevicePixelRatio(dpr)
            self.atlas.clear()
            self._sources = self._atlas_rects()
        self._fragments.resize(len(self.xy))
        frags = self._fragments.ndarray()
        frags[:, 0:2] = pts.T
        frags[:, 2:6] = self._sources[self.look]
        frags[:, 6:10] = [1 / dpr, 1 / dpr, 0.0, 1.0]  # scale x, scale y, rotation, opacity
        p.drawPixmapFragments(*self._fragments.drawargs(), self.atlas.pixmap)

    def _paint_vectors(self, p: QtGui.QPainter, pts: np.ndarray) -> None:
        """Exporting (PNG or SVG): every symbol drawn as a shape, as the scatter does."""
        opts = self._exportOpts
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, opts.get("antialias", True))
        scale = opts.get("resolutionScale", 1.0)
        for (x, y), k in zip(pts.T.tolist(), self.look.tolist(), strict=True):
            symbol, size, pen, brush = self.styles[k]
            p.resetTransform()
            p.translate(x, y)
            drawSymbol(p, symbol, size * scale, pen, brush)
