"""A loss surface's heatmap with its contour lines drawn in the same item (one cached picture).

As two items, the colours and the lines were two screen-sized cached pictures: every frame
blended both, and every new surface rendered both again. Drawn by one item they are one
picture: a frame copies one, and a new surface (once a second while training) renders one.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPainter, QPainterPath, QPen


class HeatmapItem(pg.ImageItem):
    """An image whose pixels sit on grid cells, with contour segments drawn over it."""

    def __init__(self, pen: QPen) -> None:
        super().__init__(axisOrder="row-major")
        self.pen = pen
        self._segments = np.zeros((0, 2))  # in the surface's coordinates, in pairs
        self._path: QPainterPath | None = None  # the same, in image pixels, ready to draw

    def set_lines(self, segments: np.ndarray, x0: float, y0: float, dx: float, dy: float) -> None:
        """Contour segments (pairs of points in surface coordinates) over an image whose pixel
        (0, 0) has its corner at (x0, y0) and whose pixels are dx by dy."""
        self._segments = np.asarray(segments, dtype=float).reshape(-1, 2)
        if len(self._segments) == 0 or dx == 0 or dy == 0:
            self._path = None
        else:  # into the image's own pixel coordinates, where this item paints
            u = (self._segments[:, 0] - x0) / dx
            v = (self._segments[:, 1] - y0) / dy
            self._path = pg.arrayToQPath(u, v, connect="pairs")
        self.update()

    def lines(self) -> tuple[np.ndarray, np.ndarray]:
        """The contour segments' x and y, in surface coordinates (pairs of points)."""
        return self._segments[:, 0], self._segments[:, 1]

    def clear(self) -> None:
        """No surface: no colours and no lines."""
        self._segments, self._path = np.zeros((0, 2)), None
        super().clear()

    def paint(self, painter: QPainter, *args) -> None:
        """The colours, then the lines (a cosmetic pen: one screen pixel wide at any zoom).

        The colours blend smoothly between grid points, as the contours assume the loss does
        (linear between samples), instead of standing in squares a fiftieth of the plot wide.
        """
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        super().paint(painter, *args)
        if self._path is not None and self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(self.pen)
            painter.drawPath(self._path)
