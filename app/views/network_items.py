"""QGraphicsItems for the network graph: neuron nodes with thumbnails, biases, weight edges."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from nnviz.network.layout import NODE
from nnviz.network.text import activation_of
from nnviz.palette import BLUE, GREY, HIGHLIGHT, INK, ORANGE, neuron_centre_scale, neuron_images
from nnviz.snapshot import Snapshot

BIAS = 12.0
THUMB = 48  # thumbnail pixels (the grid is shrunk in NumPy first: cheap and smooth enough)


def thumbnail(grid: np.ndarray, activation: str, size: int = THUMB) -> QPixmap:
    """A neuron's output over the plane (or along x for 1-D data) as a small picture."""
    return thumbnails(np.asarray(grid, dtype=float)[None], activation, size)[0]


def thumbnails(grids: np.ndarray, activation: str, size: int = THUMB) -> list[QPixmap]:
    """One picture per neuron of a layer, (n, R, R) or (n, R), coloured in one NumPy pass."""
    grids = np.asarray(grids, dtype=float)
    if grids.ndim == 2:
        return [_curve_thumbnail(g, activation, size) for g in grids]
    if grids.ndim != 3 or grids.size == 0:
        return [_blank(size) for _ in range(len(grids))]
    step = max(1, min(grids.shape[1:]) // size)  # 100×100 → 50×50: fewer pixels to convert
    # Row 0 is the bottom of the plane, so flip; the item scales the picture smoothly on paint.
    rgba = np.ascontiguousarray(neuron_images(grids[:, ::step, ::step], activation)[:, ::-1])
    h, w = rgba.shape[1:3]
    return [
        QPixmap.fromImage(QImage(one.data, w, h, 4 * w, QImage.Format.Format_RGBA8888))
        for one in rgba
    ]


def show_thumbnails(nodes: dict[tuple[int, int], NodeItem], snap: Snapshot) -> None:
    """Every neuron's picture from the snapshot's grids (``nodes`` by (layer, index))."""
    # A layer at a time: one colouring pass per layer, not one per neuron.
    for layer, grids in enumerate(snap.neuron_grids):
        for i, picture in enumerate(thumbnails(grids, activation_of(snap.spec, layer))):
            node = nodes.get((layer, i))
            if node is not None:
                node.set_image(picture)


def _blank(size: int) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(QColor(250, 250, 250))
    return pix


def _curve_thumbnail(values: np.ndarray, activation: str, size: int) -> QPixmap:
    """1-D data: the neuron's output along x as a line, blue above zero and orange below."""
    pix = _blank(size)
    if values.size < 2:
        return pix
    centre, scale = neuron_centre_scale(values, activation)
    t = np.clip(np.nan_to_num(values - centre) / scale, -1.0, 1.0)
    half = size / 2 - 3
    xs = np.linspace(2, size - 2, len(t))
    ys = size / 2 - t * half  # y up: larger values are higher in the picture
    path = QPainterPath(QPointF(xs[0], size / 2))
    for x, y in zip(xs, ys, strict=True):
        path.lineTo(QPointF(x, y))
    path.lineTo(QPointF(xs[-1], size / 2))
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    for colour, top in ((BLUE, 0.0), (ORANGE, size / 2)):
        painter.save()
        painter.setClipRect(QRectF(0, top, size, size / 2))
        painter.setBrush(QColor(*colour, 110))
        painter.drawPath(path)
        painter.restore()
    painter.setPen(QPen(QColor(*GREY).darker(130), 1))
    painter.drawLine(QPointF(0, size / 2), QPointF(size, size / 2))
    painter.setPen(QPen(QColor(*INK), 1.5))
    for k in range(len(t) - 1):
        painter.drawLine(QPointF(xs[k], ys[k]), QPointF(xs[k + 1], ys[k + 1]))
    painter.end()
    return pix


class NodeItem(QGraphicsRectItem):
    """One neuron: a framed thumbnail of its output. ``key`` is (layer, index)."""

    def __init__(self, key: tuple[int, int], x: float, y: float) -> None:
        super().__init__(-NODE / 2, -NODE / 2, NODE, NODE)
        self.key = key
        self.setPos(x, y)
        self.halo = QGraphicsRectItem(-NODE / 2 - 7, -NODE / 2 - 7, NODE + 14, NODE + 14, self)
        self.halo.setPen(QPen(Qt.PenStyle.NoPen))
        self.halo.setBrush(QColor(*HIGHLIGHT, 70))
        self.halo.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.pixmap = QGraphicsPixmapItem(self)
        self.pixmap.setPos(-NODE / 2, -NODE / 2)
        self.pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.highlighted: bool | None = None
        self.set_highlight(False)

    def set_image(self, pix: QPixmap) -> None:
        """Show a new thumbnail, stretched to the node's size."""
        self.pixmap.setPixmap(pix)
        if pix.width() > 0:
            self.pixmap.setScale(NODE / pix.width())

    def set_highlight(self, on: bool) -> None:
        """A crimson frame and glow when the graph view's current step involves this neuron."""
        if on == self.highlighted:
            return
        self.highlighted = on
        colour = QColor(*HIGHLIGHT) if on else QColor(*INK)
        self.setPen(QPen(colour, 4 if on else 1.2))
        self.halo.setVisible(on)
        self.setZValue(3 if on else 2)


class BiasItem(QGraphicsRectItem):
    """A neuron's bias: a small square at its lower left, coloured by value."""

    def __init__(self, key: tuple[int, int], node: NodeItem) -> None:
        super().__init__(-BIAS / 2, -BIAS / 2, BIAS, BIAS, node)
        self.key = key
        self.setPos(-NODE / 2 - 2, NODE / 2 - 2)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setPen(QPen(QColor(*INK), 1))
        self.colour: tuple[int, int, int] | None = None

    def set_value(self, colour: tuple[int, int, int]) -> None:
        """Colour the square by the bias."""
        if colour != self.colour:
            self.colour = colour
            self.setBrush(QBrush(QColor(*colour)))


class EdgeItem(QGraphicsPathItem):
    """One weight W_layer[i, j], drawn as a Bézier from neuron i to neuron j."""

    def __init__(self, key: tuple[int, int, int], a: QPointF, b: QPointF) -> None:
        super().__init__()
        self.key = key  # (layer, i, j) with layer 1-based
        self._shape: QPainterPath | None = None
        self.set_ends(a, b)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.highlighted = False
        self.colour: tuple[int, int, int] = GREY
        self.width = 1.0
        self._style_key: tuple | None = None

    def set_ends(self, a: QPointF, b: QPointF) -> None:
        """An S-curve from the right of the node at ``a`` to the left of the node at ``b``."""
        start, end = QPointF(a.x() + NODE / 2, a.y()), QPointF(b.x() - NODE / 2, b.y())
        path = QPainterPath(start)
        mid = (start.x() + end.x()) / 2
        path.cubicTo(QPointF(mid, start.y()), QPointF(mid, end.y()), end)
        self.setPath(path)
        self._shape = None

    def style(self, colour: tuple[int, int, int], width: float, highlighted: bool) -> None:
        """Sign → colour, magnitude → width (crimson and wider when highlighted)."""
        # Skip the Qt call when nothing visible changed: fewer calls keep the GUI responsive.
        key = (colour, round(width * 4) / 4, highlighted)
        if key == self._style_key:
            return
        self._style_key = key
        self.colour, self.width, self.highlighted = colour, width, highlighted
        c = QColor(*HIGHLIGHT) if highlighted else QColor(*colour)
        pen = QPen(c, width + (3 if highlighted else 0))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self._shape = None
        self.setZValue(1 if highlighted else 0)

    def shape(self) -> QPainterPath:
        """A fatter hit area so thin edges are easy to hover and click."""
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(max(self.pen().widthF(), 8.0))
            self._shape = stroker.createStroke(self.path())
        return self._shape


class TextLabel(QGraphicsRectItem):
    """Text that keeps its pixel size however far the graph is zoomed out (one line per row).

    ``align`` is "centre" (centred on the anchor, growing upwards), "right" (ending at it) or
    "left" (starting at it); the last two are centred on the anchor vertically.
    """

    def __init__(self, lines: list[str], pixel_size: int, align: str = "centre") -> None:
        super().__init__(0, 0, 0, 0)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.texts: list[QGraphicsSimpleTextItem] = []
        self.align, self.pixel_size = align, pixel_size
        self.set_lines(lines)

    def set_lines(self, lines: list[str]) -> None:
        """Show these lines instead (the same alignment and size)."""
        if [t.text() for t in self.texts] == list(lines):
            return
        for item in self.texts:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.texts = []
        px, align = self.pixel_size, self.align
        font = QFont()
        font.setPixelSize(px)
        y = -len(lines) * (px + 3) if align == "centre" else -len(lines) * (px + 3) / 2
        for line in lines:
            item = QGraphicsSimpleTextItem(line, self)
            item.setFont(font)
            item.setBrush(QColor(*INK))
            w = item.boundingRect().width()
            item.setPos({"centre": -w / 2, "right": -w}.get(align, 0.0), y)
            self.texts.append(item)
            y += px + 3

    def set_colour(self, highlighted: bool) -> None:
        """Crimson and bold when it belongs to a highlighted neuron, else ink."""
        for item in self.texts:
            item.setBrush(QColor(*(HIGHLIGHT if highlighted else INK)))
            font = item.font()
            font.setBold(highlighted)
            item.setFont(font)

    def text(self) -> str:
        """All lines, joined by newlines."""
        return "\n".join(t.text() for t in self.texts)

    def pixel_width(self) -> float:
        """Width on screen, in pixels."""
        return max((t.boundingRect().width() for t in self.texts), default=0.0)
