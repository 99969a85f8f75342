"""The network graph: neurons with live heatmaps, weights as coloured edges, every bias."""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QGraphicsScene,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr, worded
from app.views.network_architecture import ArchitectureBar, NeuronStrip
from app.views.network_canvas import NetworkCanvas, Target
from app.views.network_editor import InlineEditor
from app.views.network_export import export_svg
from app.views.network_image import ImageGraphMode
from app.views.network_items import BiasItem, EdgeItem, NodeItem, TextLabel, show_thumbnails
from app.views.plot_style import type_px
from app.views.steady_label import SteadyLabel
from nnviz.engine.describe import input_names
from nnviz.engine.linear_collapse import collapse_text
from nnviz.network import image_graph, text
from nnviz.network.layout import (
    MAX_COL_GAP,
    NODE,
    column_gap,
    graph_bounds,
    label_gap,
    node_position,
)
from nnviz.palette import magnitude_widths, signed_color, signed_colors
from nnviz.snapshot import Snapshot

LABEL_PX = 13  # captions and input names, in screen pixels at any zoom
THUMBNAIL_PERIOD_S = 0.1  # while playing, neuron pictures refresh 10×/s; edges every frame
MIN_SIZE = (380, 300)  # the main window's floor for this panel (app/main_window.py)
CAPTION_GAP_PX = 16  # at least this much clear space between two layers' captions


class NetworkView(ImageGraphMode, QWidget):
    """Draws snapshots of the live network; edits and architecture changes leave as signals.

    While the Images panel shows, it draws the digit network instead (``show_image_graph``).
    """

    param_changed = Signal(int, object, float)  # param index, index tuple, value
    neuron_hovered = Signal(object)  # (layer, index) with layer 0 = inputs, or None
    neuron_clicked = Signal(object)  # (layer, index)
    param_picked = Signal(int, object)  # Shift+click on an edge or bias: param index, index
    spec_change_requested = Signal(object)  # NetworkSpec
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snap: Snapshot | None = None
        self.edge_mode = "weight"
        self.nodes: dict[tuple[int, int], NodeItem] = {}
        self.biases: dict[tuple[int, int], BiasItem] = {}
        self.edges: dict[tuple[int, int, int], EdgeItem] = {}
        self.highlight_nodes: set[tuple[int, int]] = set()
        self.highlight_edges: set[tuple[int, int, int]] = set()
        self.presenting = False
        self._spec = None
        self._gap: float | None = None
        self.labels: dict[tuple[str, int], TextLabel] = {}
        self._thumbs_at = 0.0
        self._hover: Target | None = None
        self._hover_pos = QPoint()
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.bar = ArchitectureBar()
        self.strip = NeuronStrip()
        self.scene = QGraphicsScene(self)
        self.canvas = NetworkCanvas(self.scene, self._on_hover, self._on_click, self._fit)
        self.editor = InlineEditor(self.canvas.viewport())
        self.legend = SteadyLabel(grow=True)  # its scale changes while training
        self.legend.setWordWrap(True)
        self.note = QLabel()
        worded(self.note, "setText",
               lambda: tr("Changing the architecture or features rebuilds the network with fresh "
                          "weights."))  # fmt: skip
        grey = self.note.palette()
        grey.setColor(QPalette.ColorRole.WindowText, QColor(90, 95, 105))
        self.note.setPalette(grey)
        self.note.setWordWrap(True)
        self._waiting()
        for w in (self.bar, self.strip):
            layout.addWidget(w)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.note)
        for source in (self.bar, self.strip):
            source.spec_requested.connect(self.spec_change_requested)
            source.message.connect(self.message)
        self.bar.mode_selected.connect(self.set_edge_mode)
        self.editor.accepted.connect(self.param_changed)
        self.editor.invalid.connect(self.message)
        self.editor.closed.connect(self.canvas.card.hide)
        self._update_legend(0.0)

    # ----- snapshots -------------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        """Update thumbnails, edges and biases; rebuild only when the architecture changed."""
        if self.snap is not None and snap.seq <= self.snap.seq:
            return  # stale: an older snapshot arrived late
        self.snap = snap
        if self.image_graph is not None:
            return  # kept, and drawn when the digit network gives the view back
        rebuilt = snap.spec != self._spec
        if rebuilt:
            self._rebuild(snap)
        self._restyle()
        now = time.monotonic()
        if rebuilt or not snap.playing or now - self._thumbs_at >= THUMBNAIL_PERIOD_S:
            self._thumbs_at = now
            show_thumbnails(self.nodes, snap)
        if self._hover is not None and not self.editor.isVisible():
            self._show_card()  # the hover card follows the numbers live

    def _rebuild(self, snap: Snapshot) -> None:
        self._spec, self._gap = snap.spec, None
        self._leave_hover()
        self.editor.cancel()
        self.scene.clear()
        self.nodes, self.biases, self.edges, self.labels = {}, {}, {}, {}
        sizes = snap.spec.sizes
        px = self._label_px()
        for layer, n in enumerate(sizes):
            for i in range(n):
                self.nodes[(layer, i)] = node = NodeItem((layer, i), 0.0, 0.0)
                self.scene.addItem(node)
                if layer > 0 and snap.spec.bias:
                    self.biases[(layer, i)] = BiasItem((layer, i), node)
            caption = text.layer_caption(snap.spec, layer).split(" · ", 1)
            if layer == 0:
                caption.append((tr("{n} feature") if n == 1 else tr("{n} features")).format(n=n))
            self.labels[("caption", layer)] = TextLabel(caption, px - 1)
        for i, name in enumerate(input_names(snap.spec.features, snap.dim)):
            self.labels[("input", i)] = TextLabel([name], px + 1, align="right")
        for label in self.labels.values():
            self.scene.addItem(label)
        for layer in range(1, len(sizes)):
            for i in range(sizes[layer - 1]):
                for j in range(sizes[layer]):
                    self.edges[(layer, i, j)] = edge = EdgeItem((layer, i, j), QPointF(), QPointF())
                    self.scene.addItem(edge)
        self.bar.show_spec(snap.spec)
        self.strip.show_spec(snap.spec)
        self._fit()

    def _place(self, gap: float) -> None:
        """Move every node, edge and label to the columns ``gap`` apart."""
        self._gap = gap
        sizes = self._spec.sizes
        for (layer, i), node in self.nodes.items():
            node.setPos(*node_position(layer, i, sizes[layer], gap))
        for (layer, i, j), edge in self.edges.items():
            edge.set_ends(self.nodes[(layer - 1, i)].pos(), self.nodes[(layer, j)].pos())
        top = graph_bounds(sizes, gap)[1]
        for (kind, k), label in self.labels.items():
            if kind == "caption":
                label.setPos(k * gap, top - 6)
            else:
                label.setPos(-NODE / 2 - 6, self.nodes[(0, k)].y())

    def _label_px(self) -> int:
        """The window's type (presentation mode enlarges it), never smaller than 13 px."""
        return max(LABEL_PX, type_px(self))

    def _fit(self) -> None:
        """Fit the whole graph into the view and put the ± buttons above their columns."""
        if self.image_graph is not None:
            self._fit_image()
            return
        if not self.nodes:
            return
        vp = self.canvas.viewport().rect()
        margins = self._margins()
        usable_w = max(vp.width() - margins[0] - margins[2], 1)
        usable_h = max(vp.height() - margins[1] - margins[3], 1)
        gap = column_gap(self._spec.sizes, usable_w / usable_h)
        # Captions keep their pixel size: columns never come closer than the widest caption.
        apart = max(v.pixel_width() for (kind, _), v in self.labels.items() if kind == "caption")
        needed = label_gap(self._spec.sizes, usable_w, usable_h, apart + CAPTION_GAP_PX)
        gap = max(gap, needed) if needed is not None else MAX_COL_GAP
        columns = len(self._spec.sizes) - 1
        least = columns * (apart + CAPTION_GAP_PX) + margins[0] + margins[2] + NODE
        self.canvas.setMinimumWidth(round(least))  # narrower, the captions would overlap
        self._hold_minimum()
        if gap != self._gap:
            self._place(gap)
        self.canvas.fit(QRectF(*graph_bounds(self._spec.sizes, gap)), margins)
        xs = []
        for layer in range(1, len(self._spec.hidden) + 1):
            at = self.canvas.mapFromScene(QPointF(layer * gap, 0))
            xs.append(self.strip.mapFromGlobal(self.canvas.viewport().mapToGlobal(at)).x())
        self.strip.place(xs)

    def _hold_minimum(self) -> None:
        """Never smaller than the wrapped header, the graph's least size and the legend."""
        m = self.layout().contentsMargins()
        width = self.canvas.minimumWidth() + m.left() + m.right()
        parts = (self.bar.minimumHeight(), self.strip.height(), self.canvas.minimumHeight())
        legend = self.legend.heightForWidth(max(self.width() - m.left() - m.right(), 1))
        height = sum(parts) + max(legend, 0) + m.top() + m.bottom() + 3 * self.layout().spacing()
        if self.note.isVisible():
            height += self.note.heightForWidth(max(self.width(), 1)) + self.layout().spacing()
        self.setMinimumSize(max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1]))

    def _margins(self) -> tuple[float, float, float, float]:
        """Pixels around the graph for the input names, the captions and half the last one."""
        inputs = [v.pixel_width() for (kind, _), v in self.labels.items() if kind == "input"]
        captions = [v for (kind, _), v in self.labels.items() if kind == "caption"]
        line = captions[0].texts[0].font().pixelSize() + 3
        left = max(max(inputs, default=0) + 14, captions[0].pixel_width() / 2 - NODE / 4)
        right = max(14.0, captions[-1].pixel_width() / 2 - NODE / 4)
        return left, len(captions[0].texts) * line + 12, right, 8

    def _restyle(self) -> None:
        if self.image_graph is not None:
            return
        snap = self.snap
        arrays, scale = text.edge_values(snap, self.edge_mode)
        # Colours and widths for whole layers at once: a per-edge NumPy call costs ~10 µs each.
        colours = [signed_colors(a, scale).tolist() for a in arrays]
        widths = [magnitude_widths(a, scale).tolist() for a in arrays]
        for (layer, i, j), edge in self.edges.items():
            lit = (layer, i, j) in self.highlight_edges
            edge.style(tuple(colours[layer - 1][i][j]), widths[layer - 1][i][j], lit)
        b_scale = text.edge_values(snap, "weight")[1]
        for (layer, j), item in self.biases.items():
            b = float(snap.params[snap.param_index(layer - 1, True)][j])
            item.set_value(signed_color(b, b_scale))
        for key, node in self.nodes.items():
            node.set_highlight(key in self.highlight_nodes)
        self._update_legend(scale)

    def _update_legend(self, scale: float) -> None:
        if self.image_graph is not None:
            html = image_graph.legend_text(self.image_graph)
        else:
            html = text.legend_html(self.edge_mode, scale, self.presenting) + self._collapse_html()
        if html != self.legend.text():
            self.legend.setText(html)

    def _collapse_html(self) -> str:
        """With identity hidden layers: the one matrix the whole network equals (from the lab)."""
        summary = self.snap.collapse if self.snap is not None else None
        return "" if summary is None else f"<br><b>{collapse_text(summary)}</b>"

    def set_edge_mode(self, mode: str) -> None:
        """What edges show: 'weight' (w), 'gradient' (∂L/∂w) or 'update' (Δw)."""
        if mode not in text.MODES:
            choices = ", ".join(text.MODES)
            self.message.emit(tr("Unknown edge mode {mode}; choose {choices}.").format(
                mode=repr(mode), choices=choices))  # fmt: skip
            return
        self.edge_mode = mode
        self.bar.show_mode(mode)
        if self.snap is not None:
            self._restyle()

    def saved_state(self) -> dict[str, str]:
        """What a session file keeps of this view: the edge mode."""
        return {"edge_mode": self.edge_mode}

    def restore_state(self, view: dict) -> None:
        """Take the edge mode back from a session (an unknown one is skipped)."""
        mode = view.get("edge_mode")
        if isinstance(mode, str) and mode in text.MODES:
            self.set_edge_mode(mode)

    def set_highlight(self, nodes: set, edges: set) -> None:
        """Light up neurons (layer, index) and edges (layer, i, j) in crimson for the graph view."""
        self.highlight_nodes = {tuple(n) for n in nodes}
        self.highlight_edges = {tuple(e) for e in edges}
        if self.snap is not None:
            self._restyle()

    # ----- hover, click and edit -------------------------------------------------------------
    def _on_hover(self, target: Target | None, pos: QPoint) -> None:
        self._hover_pos = pos
        if target is not self._hover:
            was_node = isinstance(self._hover, NodeItem)
            self._hover = target
            if isinstance(target, NodeItem):
                self.neuron_hovered.emit(target.key)
            elif was_node:
                self.neuron_hovered.emit(None)
        if self.editor.isVisible():
            return  # the card is showing the editor's hint
        if target is None or (self.snap is None and self.image_graph is None):
            self.canvas.card.hide()
        else:
            self._show_card()

    def _leave_hover(self) -> None:
        if self._hover is not None:
            self._on_hover(None, QPoint())

    def _show_card(self) -> None:
        target, snap = self._hover, self.snap
        if self.image_graph is not None:
            card = self._image.card(target)
        elif isinstance(target, NodeItem):
            card = text.node_text(snap, *target.key)
        elif isinstance(target, BiasItem):
            card = text.bias_text(snap, *target.key)
        else:
            card = text.edge_text(snap, *target.key)
        self.canvas.show_card(card, self._hover_pos)

    def hover_text(self) -> str:
        """The hover card's current text ('' when nothing is hovered)."""
        return self.canvas.card.text() if self.canvas.card.isVisible() else ""

    def _on_click(self, target: Target, pos: QPoint, shift: bool = False) -> None:
        if self.image_graph is not None:
            if not isinstance(target, NodeItem):
                self.message.emit(tr("The digit network learns only by training; its weights "
                                     "are not edited here."))  # fmt: skip
            return
        if self.snap is None:
            return
        if isinstance(target, NodeItem):
            self.neuron_clicked.emit(target.key)
            return
        snap = self.snap
        if isinstance(target, EdgeItem):
            layer, i, j = target.key
            pi, index = snap.param_index(layer - 1), (i, j)
            what = text.parameter_title(snap, layer, i, j)
        else:
            layer, j = target.key
            pi, index = snap.param_index(layer - 1, True), (j,)
            what = text.parameter_title(snap, layer, j)
        if shift:  # Shift+click picks the parameter (e.g. as a landscape axis) instead of editing
            self.param_picked.emit(pi, index)
            self.message.emit(tr("Picked the {what}.").format(what=what))
            return
        self.editor.open(pi, index, float(snap.params[pi][index]), pos, what)
        below = self.editor.pos() + QPoint(-16, self.editor.height() - 12)
        self.canvas.show_card(tr("new {what}\nEnter applies · Escape cancels").format(what=what),
                              below)  # fmt: skip

    # ----- presentation and export -----------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """The graph's captions, the hover card, the legend and the buttons in the window's type."""
        self.presenting = on
        self.setFont(QFont())  # inherit the window's type, which presentation mode enlarges
        # The rebuild note is also in the ± buttons' tooltips: on a projector the graph
        # needs the room more. The graph keeps room for its captions and a few neurons.
        self.note.setVisible(not on and self.image_graph is None)
        self.canvas.setMinimumHeight(round(9 * type_px(self)) if on else 0)
        self.reword()  # the captions in the new size

    def reword(self) -> None:
        """The scene built again from what it shows, in today's words and type size.

        A language switch calls it: the window's newest snapshot is one this view has drawn
        (and skips), so the captions, the legend and the waiting note are made here again.
        """
        if self.image_graph is not None:
            self._image.forget()
            self.show_image_graph(self.image_graph)
        elif self.snap is not None:
            self._spec = None  # a rebuild makes every caption again
            snap, self.snap = self.snap, None
            self.show_snapshot(snap)
        else:
            self._waiting()
            self._update_legend(0.0)

    def _waiting(self) -> None:
        """No network yet: the scene says so."""
        self.scene.clear()
        self.scene.addSimpleText(tr("Waiting for the network…"))

    def export_image(self, path: str) -> None:
        """Save the graph as PNG (a grab of the view) or SVG (the scene as vectors)."""
        self.canvas.card.hide()
        if str(path).lower().endswith(".svg"):
            export_svg(self.scene, str(path))
        elif not self.canvas.grab().save(str(path)):
            raise OSError(tr("could not write {path}").format(path=path))
