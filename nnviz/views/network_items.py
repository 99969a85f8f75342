"""QGraphicsItems for the network graph: neuron nodes with thumbnails, biases, weight edges."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsPixmapItem, QGraphicsRectItem

from nnviz.palette import HIGHLIGHT, INK, signed_image

NODE = 48.0
BIAS = 12.0


def thumbnail(grid: np.ndarray, activation: str, size: int = 48) -> QPixmap:
    """A neuron's output over the plane (or along x for 1-D data) as a small picture."""
    if grid.ndim == 1:
        return _curve_thumbnail(grid, size)
    centre, scale = (0.5, 0.5) if activation == "sigmoid" else (0.0, None)
    values = grid - centre
    finite = values[np.isfinite(values)]
    s = scale or (float(np.max(np.abs(finite))) if finite.size else 1.0) or 1.0
    rgba = np.ascontiguousarray(signed_image(values, s)[::-1])  # row 0 is the bottom: flip
    h, w = rgba.shape[:2]
    image = QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
    return QPixmap.fromImage(image).scaled(
        size, size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _curve_thumbnail(values: np.ndarray, size: int) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(QColor(250, 250, 250))
    v = np.nan_to_num(values)
    lo, hi = float(v.min()), float(v.max())
    span = hi - lo or 1.0
    xs = np.linspace(2, size - 2, len(v))
    ys = size - 2 - (v - lo) / span * (size - 4)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(*INK), 1.5))
    for i in range(len(v) - 1):
        painter.drawLine(QPointF(xs[i], ys[i]), QPointF(xs[i + 1], ys[i + 1]))
    painter.end()
    return pix


class NodeItem(QGraphicsRectItem):
    """One neuron: a framed thumbnail of its output. ``key`` is (layer, index)."""

    def __init__(self, key: tuple[int, int], x: float, y: float) -> None:
        super().__init__(-NODE / 2, -NODE / 2, NODE, NODE)
        self.key = key
        self.setPos(x, y)
        self.setAcceptHoverEvents(True)
        self.pixmap = QGraphicsPixmapItem(self)
        self.pixmap.setPos(-NODE / 2, -NODE / 2)
        self.set_highlight(False)

    def set_image(self, pix: QPixmap) -> None:
        """Show a new thumbnail."""
        self.pixmap.setPixmap(pix)

    def set_highlight(self, on: bool) -> None:
        """A crimson frame when the graph view's current step involves this neuron."""
        self.highlighted = on
        colour = QColor(*HIGHLIGHT) if on else QColor(*INK)
        self.setPen(QPen(colour, 4 if on else 1.2))
        self.setZValue(3 if on else 2)


class BiasItem(QGraphicsRectItem):
    """A neuron's bias: a small square at its lower left, coloured by value."""

    def __init__(self, key: tuple[int, int], node: NodeItem) -> None:
        super().__init__(-BIAS / 2, -BIAS / 2, BIAS, BIAS, node)
        self.key = key
        self.setPos(-NODE / 2 - 2, NODE / 2 - 2)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(4)

    def set_value(self, colour: tuple[int, int, int]) -> None:
        """Colour the square by the bias."""
        self.setBrush(QBrush(QColor(*colour)))
        self.setPen(QPen(QColor(*INK), 1))


class EdgeItem(QGraphicsPathItem):
    """One weight W_layer[i, j], drawn as a Bézier from neuron i to neuron j."""

    def __init__(self, key: tuple[int, int, int], a: QPointF, b: QPointF) -> None:
        super().__init__()
        self.key = key  # (layer, i, j) with layer 1-based
        start, end = QPointF(a.x() + NODE / 2, a.y()), QPointF(b.x() - NODE / 2, b.y())
        path = QPainterPath(start)
        mid = (start.x() + end.x()) / 2
        path.cubicTo(QPointF(mid, start.y()), QPointF(mid, end.y()), end)
        self.setPath(path)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.highlighted = False

    def style(self, colour: tuple[int, int, int], width: float) -> None:
        """Sign → colour, magnitude → width (crimson when highlighted)."""
        # Skip the Qt call when nothing visible changed: fewer calls keep the GUI responsive.
        key = (colour, round(width * 4) / 4, self.highlighted)
        if key == getattr(self, "_style_key", None):
            return
        self._style_key = key
        c = QColor(*HIGHLIGHT) if self.highlighted else QColor(*colour)
        self.setPen(
            QPen(
                c,
                width + (2 if self.highlighted else 0),
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
            )
        )
        self.setZValue(1 if self.highlighted else 0)

    def shape(self) -> QPainterPath:
        """A fatter hit area so thin edges are easy to hover and click."""
        from PySide6.QtGui import QPainterPathStroker

        stroker = QPainterPathStroker()
        stroker.setWidth(max(self.pen().widthF(), 8))
        return stroker.createStroke(self.path())


def hover_rect(text_width: float, text_height: float) -> QRectF:
    """Padding around a hover card's text."""
    return QRectF(-6, -4, text_width + 12, text_height + 8)
