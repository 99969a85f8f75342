"""The network graph's digit-network mode: the image as one node, neurons as weight pictures.

The network view hands its scene and canvas to an ``ImageGraphDrawing`` while the Images
panel is showing; it draws an ``ImageGraph`` (nnviz/network/image_graph.py) and nothing else.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsScene

from app.views.network_canvas import NetworkCanvas, Target
from app.views.network_items import THUMB, EdgeItem, NodeItem, TextLabel
from nnviz.network import image_graph as ig
from nnviz.network.layout import NODE, column_gap, graph_bounds, label_gap, node_position
from nnviz.palette import BLUE, GREY, INK, ORANGE, magnitude_widths, signed_colors, signed_image

ROW_GAP = 58.0  # tighter than the live graph's: a column of 16 pictures must still be legible
IMAGE_SCALE = 2.0  # the image node is drawn this many times a neuron's size
BAR = 9  # pixels of the activation bar under a neuron's picture


def _pixmap(rgba: np.ndarray) -> QPixmap:
    rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
    h, w = rgba.shape[:2]
    return QPixmap.fromImage(QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy())


def image_pixmap(image: np.ndarray | None) -> QPixmap:
    """The traced image, ink dark on paper; a question mark when nothing is traced."""
    if image is None:
        pix = QPixmap(THUMB, THUMB)
        pix.fill(QColor(246, 246, 246))
        painter = QPainter(pix)
        painter.setPen(QColor(*INK))
        font = QFont()
        font.setPixelSize(THUMB // 2)
        painter.setFont(font)
        painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, "?")
        painter.end()
        return pix
    v = np.clip(np.asarray(image, dtype=float), 0.0, 1.0)
    g = np.round(255 * (1.0 - 0.85 * v)).astype(np.uint8)
    rgba = np.dstack([g, g, g, np.full_like(g, 255)])
    return _pixmap(rgba).scaled(THUMB, THUMB)  # nearest: every pixel stays a crisp square


def neuron_pixmap(picture: np.ndarray | None, level: float | None, label: str = "") -> QPixmap:
    """A neuron: its weight picture (or a digit label) over a bar showing its output in [−1, 1]."""
    pix = QPixmap(THUMB, THUMB)
    pix.fill(QColor(255, 255, 255))
    painter = QPainter(pix)
    top = THUMB - BAR if level is not None else THUMB
    if picture is not None:
        scale = float(np.max(np.abs(picture))) or 1.0
        art = _pixmap(signed_image(picture, scale)).scaled(top, top)
        painter.drawPixmap((THUMB - top) // 2, 0, art)
    if label:
        font = QFont()
        font.setPixelSize(int(top * 0.7))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(*INK))
        painter.drawText(QRectF(0, 0, THUMB, top), Qt.AlignmentFlag.AlignCenter, label)
    if level is not None:
        painter.fillRect(QRectF(0, top, THUMB, BAR), QColor(*GREY))
        t = float(np.clip(level, -1.0, 1.0))
        mid = THUMB / 2 if label == "" else 0.0  # a probability grows from the left
        width = abs(t) * (THUMB / 2 if label == "" else THUMB)
        left = mid if t >= 0 else mid - width
        painter.fillRect(
            QRectF(left, top + 1, width, BAR - 2), QColor(*(BLUE if t >= 0 else ORANGE))
        )
    painter.end()
    return pix


class ImageGraphDrawing:
    """The collapsed digit network in the view's scene: build once per shape, restyle per trace."""

    def __init__(self, scene: QGraphicsScene, canvas: NetworkCanvas) -> None:
        self.scene, self.canvas = scene, canvas
        self.graph: ig.ImageGraph | None = None
        self.nodes: dict[tuple[int, int], NodeItem] = {}
        self.edges: dict[tuple[int, int, int], EdgeItem] = {}
        self.captions: list[TextLabel] = []
        self.values: dict[int, TextLabel] = {}  # the outputs' "98 %" at their right
        self._shape: tuple | None = None
        self._gap: float | None = None
        self._px = 13

    # ----- building --------------------------------------------------------------------------
    def show(self, graph: ig.ImageGraph, px: int) -> None:
        """Draw ``graph``; the scene is rebuilt only when its shape or the type size changed."""
        shape = (graph.sizes, graph.k, px)
        if shape != self._shape:
            self._build(graph, px)
            self._shape = shape
        self.graph = graph
        self._restyle()

    def forget(self) -> None:
        """The scene was cleared (the live network is back): build again next time."""
        self._shape, self.graph, self._gap = None, None, None
        self.nodes, self.edges, self.captions, self.values = {}, {}, [], {}

    def _build(self, graph: ig.ImageGraph, px: int) -> None:
        self.scene.clear()
        self.forget()
        self._px = px
        for layer, n in enumerate(graph.sizes):
            for i in range(n):
                node = NodeItem((layer, i), 0.0, 0.0)
                self.nodes[(layer, i)] = node
                self.scene.addItem(node)
            label = TextLabel(ig.caption(graph, layer), px - 1)
            self.captions.append(label)
            self.scene.addItem(label)
        self.nodes[(0, 0)].setScale(IMAGE_SCALE)
        for i in range(graph.sizes[-1]):
            self.values[i] = label = TextLabel([""], px, align="left")
            self.scene.addItem(label)
        for layer in range(1, len(graph.sizes)):
            for i in range(graph.sizes[layer - 1]):
                for j in range(graph.sizes[layer]):
                    edge = EdgeItem((layer, i, j), QPointF(), QPointF())
                    self.edges[(layer, i, j)] = edge
                    self.scene.addItem(edge)

    def _place(self, gap: float) -> None:
        self._gap = gap
        sizes = self._shape[0]
        for (layer, i), node in self.nodes.items():
            node.setPos(*node_position(layer, i, sizes[layer], gap, ROW_GAP))
        reach = NODE / 2 * (IMAGE_SCALE - 1)  # the image node is wider than a neuron
        for (layer, i, j), edge in self.edges.items():
            a = self.nodes[(layer - 1, i)].pos()
            if layer == 1:
                a = QPointF(a.x() + reach, a.y())
            edge.set_ends(a, self.nodes[(layer, j)].pos())
        top = self._bounds(gap)[1]
        for layer, label in enumerate(self.captions):
            label.setPos(layer * gap, top - 6)
        last = len(sizes) - 1
        for i, label in self.values.items():
            label.setPos(last * gap + NODE / 2 + 6, self.nodes[(last, i)].y())

    def _bounds(self, gap: float) -> tuple[float, float, float, float]:
        left, top, width, height = graph_bounds(self._shape[0], gap, ROW_GAP)
        image_half = NODE / 2 * IMAGE_SCALE
        return min(left, -image_half), min(top, -image_half - 4), width, max(height, 2 * image_half)

    def fit(self) -> float:
        """Fit the graph, its captions and the outputs' values into the canvas; the min width."""
        if not self.nodes or self._shape is None:
            return 0.0
        sizes = self._shape[0]
        vp = self.canvas.viewport().rect()
        apart = max(c.pixel_width() for c in self.captions) + 16
        line = self._px + 3
        margins = (apart / 2, 2 * line + 12, max(apart / 2, 4 * self._px), 8)
        usable_w = max(vp.width() - margins[0] - margins[2], 1)
        usable_h = max(vp.height() - margins[1] - margins[3], 1)
        gap = column_gap(sizes, usable_w / usable_h, ROW_GAP)
        needed = label_gap(sizes, usable_w, usable_h, apart)
        gap = max(gap, needed) if needed is not None else gap
        if gap != self._gap:
            self._place(gap)
        left, top, width, height = self._bounds(gap)
        self.canvas.fit(QRectF(left, top, width - left + graph_bounds(sizes, gap)[0], height),
                        margins)  # fmt: skip
        return (len(sizes) - 1) * apart + margins[0] + margins[2] + NODE

    # ----- styling ---------------------------------------------------------------------------
    def _restyle(self) -> None:
        g = self.graph
        t = g.trace
        colours = [signed_colors(e, s).tolist() for e, s in zip(g.edges, g.scales, strict=True)]
        widths = [magnitude_widths(e, s).tolist() for e, s in zip(g.edges, g.scales, strict=True)]
        lit_edges = t.lit_edges if t is not None else frozenset()
        for (layer, i, j), edge in self.edges.items():
            edge.style(tuple(colours[layer - 1][i][j]), widths[layer - 1][i][j],
                       (layer, i, j) in lit_edges)  # fmt: skip
        lit_nodes = t.lit_nodes if t is not None else frozenset()
        for key, node in self.nodes.items():
            node.set_image(self._picture(*key))
            node.set_highlight(key in lit_nodes)
        last = g.layers
        for i, label in self.values.items():
            text = "" if t is None else f"{100 * float(t.outputs[-1][i]):.0f} %"
            label.set_lines([text])
            label.set_colour(self.nodes[(last, i)].highlighted)

    def _picture(self, layer: int, i: int) -> QPixmap:
        g = self.graph
        t = g.trace
        if layer == 0:
            return image_pixmap(None if t is None else t.image)
        level = None
        if t is not None:
            out = t.outputs[layer - 1]
            bound = 1.0 if g.activations[layer - 1] in ("tanh", "sigmoid", "softmax") else None
            level = float(out[i]) / (bound or max(float(np.max(np.abs(out))), 1e-9))
        if layer == 1:
            return neuron_pixmap(g.pictures[i], level)
        if layer == g.layers:
            return neuron_pixmap(None, level, label=str(i))
        return neuron_pixmap(None, level, label=str(i + 1))

    # ----- words -----------------------------------------------------------------------------
    def card(self, target: Target) -> str:
        """The hover card of a node or an edge of the digit network."""
        if isinstance(target, NodeItem):
            return ig.node_text(self.graph, *target.key)
        if isinstance(target, EdgeItem):
            return ig.edge_text(self.graph, *target.key)
        return ""

    def lit(self) -> tuple[set, set]:
        """The crimson nodes and edges now (what a test reads)."""
        nodes = {k for k, n in self.nodes.items() if n.highlighted}
        edges = {k for k, e in self.edges.items() if e.highlighted}
        return nodes, edges


class ImageGraphMode:
    """The network view's half that swaps the live network for the digit network and back.

    Mixed into ``NetworkView``: while ``image_graph`` is set the view draws it, keeps the live
    snapshots that arrive (drawn again the moment the mode ends) and edits nothing.
    """

    image_graph: ig.ImageGraph | None = None

    def show_image_graph(self, graph: ig.ImageGraph | None) -> None:
        """Draw the digit network with its input collapsed (None: the live network again)."""
        if graph is None:
            self._leave_image_mode()
            return
        if self.image_graph is None:  # entering: nothing of the live network may stay half-used
            self._leave_hover()
            self.editor.cancel()
            self._spec, self.nodes, self.biases, self.edges, self.labels = None, {}, {}, {}, {}
            self._image = ImageGraphDrawing(self.scene, self.canvas)
        self.image_graph = graph
        self._live_parts(False)
        self._image.show(graph, self._label_px())
        self._fit_image()
        self._update_legend(0.0)
        if self._hover is not None and not self.editor.isVisible():
            self._show_card()

    def _leave_image_mode(self) -> None:
        if self.image_graph is None:
            return
        self.image_graph = None
        self._leave_hover()
        self._image.forget()
        self._live_parts(True)
        self.scene.clear()
        self._spec, self.nodes, self.biases, self.edges, self.labels = None, {}, {}, {}, {}
        snap, self.snap = self.snap, None
        if snap is not None:
            self.show_snapshot(snap)
        else:
            self._waiting()
            self._update_legend(0.0)

    def _live_parts(self, on: bool) -> None:
        """The architecture buttons and the rebuild note belong to the live network only."""
        self.bar.setVisible(on)
        self.strip.setVisible(on)
        self.note.setVisible(on and not self.presenting)

    def _fit_image(self) -> None:
        least = self._image.fit()
        self.canvas.setMinimumWidth(round(least))
        self.setMinimumSize(max(round(least) + 8, 380), 300)

    def image_lit(self) -> tuple[set, set]:
        """The digit network's crimson nodes and edges (empty sets outside the mode)."""
        return self._image.lit() if self.image_graph is not None else (set(), set())
