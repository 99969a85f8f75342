"""The network graph: neurons with live heatmaps, weights as coloured edges, every bias."""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.engine.describe import edge_description, input_names, neuron_formula, neuron_name
from nnviz.palette import INK, magnitude_width, signed_color, symmetric_scale
from nnviz.snapshot import Snapshot
from nnviz.views.network_architecture import ArchitectureControls
from nnviz.views.network_items import NODE, BiasItem, EdgeItem, NodeItem, thumbnail

COL_GAP, ROW_GAP = 170.0, 70.0
THUMBNAIL_PERIOD_S = 0.1  # while playing, neuron pictures refresh 10×/s; edges every frame
MODES = [("weight w", "weight"), ("gradient ∂L/∂w", "gradient"), ("last update Δw", "update")]


class _Scene(QGraphicsScene):
    """Reports hover and clicks on items to the view."""

    def __init__(self, view: NetworkView) -> None:
        super().__init__(view)
        self.owner = view

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        self.owner._on_hover(self.itemAt(event.scenePos(), self.views()[0].transform()))

    def mousePressEvent(self, event) -> None:
        item = self.itemAt(event.scenePos(), self.views()[0].transform())
        if event.button() == Qt.MouseButton.LeftButton and item is not None:
            self.owner._on_item_clicked(item, event.scenePos())
        super().mousePressEvent(event)


class NetworkView(ArchitectureControls, QWidget):
    """Draws snapshots of the live network; edits and architecture changes leave as signals."""

    param_changed = Signal(int, object, float)  # param index, index tuple, value
    neuron_hovered = Signal(object)  # (layer, index) or None
    neuron_clicked = Signal(object)
    spec_change_requested = Signal(object)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snap: Snapshot | None = None
        self.edge_mode = "weight"
        self.nodes: dict[tuple[int, int], NodeItem] = {}
        self.biases: dict[tuple[int, int], BiasItem] = {}
        self.edges: dict[tuple[int, int, int], EdgeItem] = {}
        self._shape: tuple | None = None
        self._thumbs_at = 0.0
        self._hover = None
        self.highlight_nodes: set = set()
        self.highlight_edges: set = set()
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        self.features_row = QHBoxLayout()
        layout.addLayout(self.features_row)
        self.scene = _Scene(self)
        self.canvas = QGraphicsView(self.scene)
        self.canvas.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.canvas.setMouseTracking(True)
        self.canvas.setBackgroundBrush(QBrush(QColor(255, 255, 255)))
        layout.addWidget(self.canvas, 1)
        self.card = QLabel(self.canvas.viewport())
        self.card.setStyleSheet("background: #fffbe6; border: 1px solid #888; padding: 4px;")
        self.card.hide()
        self.editor = QLineEdit(self.canvas.viewport())
        self.editor.hide()
        self.editor.returnPressed.connect(self._on_editor_return)
        self.legend = QLabel(
            "Blue = positive, orange = negative; thickness = size. "
            "Hover for live values, click an edge or bias square to edit. "
            "Changing the architecture or features rebuilds the network."
        )
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)

    def _build_toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.mode = QComboBox()
        for label, key in MODES:
            self.mode.addItem(label, key)
        self.mode.currentIndexChanged.connect(
            lambda _i: self.set_edge_mode(self.mode.currentData())
        )
        self.add_layer = QPushButton("+ layer")
        self.remove_layer = QPushButton("− layer")
        self.add_layer.clicked.connect(lambda: self._change_layers(+1))
        self.remove_layer.clicked.connect(lambda: self._change_layers(-1))
        self.layer_buttons = QHBoxLayout()
        row.addWidget(QLabel("Edges show"))
        row.addWidget(self.mode)
        row.addWidget(self.remove_layer)
        row.addWidget(self.add_layer)
        row.addLayout(self.layer_buttons)
        row.addStretch(1)
        return row

    # ----- snapshots -------------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        """Update thumbnails, edges and biases; rebuild only when the architecture changed."""
        if self.snap is not None and snap.seq <= self.snap.seq:
            return
        shape = (tuple(snap.spec.sizes), snap.spec.bias, snap.spec.features)
        self.snap = snap
        rebuilt = shape != self._shape
        if rebuilt:
            self._rebuild(snap)
            self._shape = shape
        self._restyle()
        now = time.monotonic()
        if rebuilt or not snap.playing or now - self._thumbs_at >= THUMBNAIL_PERIOD_S:
            self._thumbs_at = now
            self._update_thumbnails(snap)
        if self._hover is not None:
            self._show_card(self._hover)

    def _update_thumbnails(self, snap: Snapshot) -> None:
        last = len(snap.spec.sizes) - 1
        for (layer, i), node in self.nodes.items():
            act = (
                "identity"
                if layer == 0
                else snap.spec.output
                if layer == last
                else (snap.spec.activation)
            )
            node.set_image(thumbnail(snap.neuron_grids[layer][i], act))

    def _rebuild(self, snap: Snapshot) -> None:
        self.scene.clear()
        self.nodes, self.biases, self.edges = {}, {}, {}
        sizes = snap.spec.sizes
        tallest = max(sizes)
        names = input_names(snap.spec.features, snap.dim)
        for layer, n in enumerate(sizes):
            for i in range(n):
                y = (i - (n - 1) / 2) * ROW_GAP
                node = NodeItem((layer, i), layer * COL_GAP, y)
                self.scene.addItem(node)
                self.nodes[(layer, i)] = node
                if layer == 0:
                    self._text(names[i], layer * COL_GAP - NODE / 2 - 8, y, right=True)
                elif snap.spec.bias:
                    self.biases[(layer, i)] = BiasItem((layer, i), node)
            self._text(
                self._caption(snap, layer),
                layer * COL_GAP,
                -(tallest - 1) / 2 * ROW_GAP - NODE,
                centre=True,
            )
        for layer in range(1, len(sizes)):
            for i in range(sizes[layer - 1]):
                for j in range(sizes[layer]):
                    a, b = self.nodes[(layer - 1, i)].pos(), self.nodes[(layer, j)].pos()
                    edge = EdgeItem((layer, i, j), a, b)
                    self.scene.addItem(edge)
                    self.edges[(layer, i, j)] = edge
        self._rebuild_layer_buttons(snap)
        self._rebuild_features(snap)
        self._fit()

    def _caption(self, snap: Snapshot, layer: int) -> str:
        sizes = snap.spec.sizes
        if layer == 0:
            return "Input"
        if layer == len(sizes) - 1:
            return f"Output · {snap.spec.output}"
        return f"Hidden {layer} · {snap.spec.activation} · {sizes[layer]}"

    def _text(self, text: str, x: float, y: float, right=False, centre=False) -> None:
        item = QGraphicsSimpleTextItem(text)
        item.setBrush(QBrush(QColor(*INK)))
        r = item.boundingRect()
        dx = -r.width() if right else -r.width() / 2 if centre else 0
        item.setPos(x + dx, y - r.height() / 2)
        self.scene.addItem(item)

    def _fit(self) -> None:
        rect = self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        self.scene.setSceneRect(rect)
        self.canvas.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.nodes:
            self._fit()

    def _values(self) -> tuple[tuple[np.ndarray, ...], float]:
        snap = self.snap
        source = {"weight": snap.params, "gradient": snap.grads, "update": snap.updates}
        arrays = source[self.edge_mode]
        w_arrays = arrays[::2] if snap.spec.bias else arrays
        scale = max((symmetric_scale(a) for a in w_arrays), default=1.0)
        if self.edge_mode == "weight":
            scale = max(min(scale, 5.0), 1e-9)
        return arrays, scale

    def _restyle(self) -> None:
        snap = self.snap
        arrays, scale = self._values()
        for (layer, i, j), edge in self.edges.items():
            v = float(arrays[snap.param_index(layer - 1)][i, j])
            edge.highlighted = (layer, i, j) in self.highlight_edges
            edge.style(signed_color(v, scale), magnitude_width(v, scale))
        for (layer, j), item in self.biases.items():
            b = float(snap.params[snap.param_index(layer - 1, True)][j])
            item.set_value(
                signed_color(
                    b, max(symmetric_scale(snap.params[snap.param_index(layer - 1, True)]), 1.0)
                )
            )
        for key, node in self.nodes.items():
            node.set_highlight(key in self.highlight_nodes)

    def set_edge_mode(self, mode: str) -> None:
        """What edges show: 'weight', 'gradient' or 'update'."""
        if mode not in dict((k, k) for _, k in MODES):
            return
        self.edge_mode = mode
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(self.mode.findData(mode))
        self.mode.blockSignals(False)
        if self.snap is not None:
            self._restyle()

    def set_highlight(self, nodes: set, edges: set) -> None:
        """Light up neurons (layer, index) and edges (layer, i, j) for the graph view."""
        self.highlight_nodes, self.highlight_edges = set(nodes), set(edges)
        if self.snap is not None:
            self._restyle()

    # ----- hover and edit --------------------------------------------------------------------
    def _target(self, item):
        while item is not None and not isinstance(item, (NodeItem, BiasItem, EdgeItem)):
            item = item.parentItem()
        return item

    def _on_hover(self, item) -> None:
        target = self._target(item)
        key = None if target is None else (type(target).__name__, target.key)
        if key != self._hover:
            self._hover = key
            if isinstance(target, NodeItem):
                self.neuron_hovered.emit(target.key)
            elif target is None:
                self.neuron_hovered.emit(None)
        if key is None:
            self.card.hide()
        else:
            self._show_card(key)

    def _show_card(self, key) -> None:
        text = self.describe(*key)
        self.card.setText(text)
        self.card.adjustSize()
        pos = self.canvas.mapFromGlobal(self.cursor().pos())
        self.card.move(
            min(pos.x() + 14, max(self.canvas.width() - self.card.width(), 0)), pos.y() + 14
        )
        self.card.show()

    def describe(self, kind: str, key) -> str:
        """The live hover text for a node, bias or edge."""
        snap = self.snap
        sizes = snap.spec.sizes
        last = len(sizes) - 1
        if kind == "NodeItem":
            layer, i = key
            if layer == 0:
                return f"input {input_names(snap.spec.features, snap.dim)[i]}"
            names = self._layer_inputs(layer)
            act = snap.spec.output if layer == last else snap.spec.activation
            formula = neuron_formula(snap.weights[layer - 1], snap.biases[layer - 1], act, names, i)
            return f"{neuron_name(layer, i, last)} = {formula}"
        if kind == "BiasItem":
            layer, j = key
            pi = snap.param_index(layer - 1, True)
            return (
                f"bias of {neuron_name(layer, j, last)} = {snap.params[pi][j]:.4g}\n"
                f"∂L/∂b = {snap.grads[pi][j]:.3g}   last update Δb = {snap.updates[pi][j]:.3g}"
            )
        layer, i, j = key
        pi = snap.param_index(layer - 1)
        return edge_description(
            float(snap.params[pi][i, j]),
            float(snap.grads[pi][i, j]),
            float(snap.updates[pi][i, j]),
            self._layer_inputs(layer)[i],
            neuron_name(layer, j, last),
        )

    def _layer_inputs(self, layer: int) -> list[str]:
        snap = self.snap
        if layer == 1:
            return input_names(snap.spec.features, snap.dim)
        return [
            neuron_name(layer - 1, k, len(snap.spec.sizes) - 1)
            for k in range(snap.spec.sizes[layer - 1])
        ]

    def _on_item_clicked(self, item, scene_pos: QPointF) -> None:
        target = self._target(item)
        if isinstance(target, NodeItem):
            self.neuron_clicked.emit(target.key)
        elif isinstance(target, (EdgeItem, BiasItem)):
            self.edit_param(target, self.canvas.mapFromScene(scene_pos))

    def edit_param(self, target, at) -> None:
        """Open the inline editor on an edge or bias, prefilled with its value."""
        snap = self.snap
        if isinstance(target, EdgeItem):
            layer, i, j = target.key
            pi, index = snap.param_index(layer - 1), (i, j)
        else:
            layer, j = target.key
            pi, index = snap.param_index(layer - 1, True), (j,)
        self._editing = (pi, index)
        self.editor.setText(f"{float(snap.params[pi][index]):.6g}")
        self.editor.move(at.x(), at.y())
        self.editor.resize(110, self.editor.sizeHint().height())
        self.editor.show()
        self.editor.selectAll()
        self.editor.setFocus()

    def _on_editor_return(self) -> None:
        text = self.editor.text().strip()
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.message.emit(f"{text!r} is not a finite number; the weight was not changed.")
            return
        self.editor.hide()
        pi, index = self._editing
        self.param_changed.emit(pi, index, value)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.editor.isVisible():
            self.editor.hide()
            return
        super().keyPressEvent(event)

    # ----- architecture ----------------------------------------------------------------------
    # ----- presentation and export -----------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Larger legend text (the graph itself scales with the window)."""
        font = self.legend.font()
        font.setPointSizeF(15 if on else 10)
        self.legend.setFont(font)
        self.card.setFont(font)

    def export_image(self, path: str) -> None:
        """PNG via a grab, or SVG by rendering the scene."""
        if path.lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(path)
            rect = self.scene.sceneRect()
            gen.setSize(rect.size().toSize())
            painter = QPainter(gen)
            self.scene.render(painter)
            painter.end()
            return
        if not self.canvas.grab().save(path):
            raise OSError(f"could not write {path}")
