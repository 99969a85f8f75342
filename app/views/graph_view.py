"""The computation-graph view: walk one example's forward and backward pass op by op."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr, worded
from app.views.graph_canvas import GraphCanvas
from app.views.graph_controls import GraphControls, phase_words
from app.views.graph_items import EdgeItem, NodeItem
from app.views.memo_table import MemoTable
from app.views.network_export import export_svg
from nnviz.graph.picture import GraphPicture


class GraphView(GraphControls, QWidget):
    """Draws GraphPictures; every button or key leaves as a request signal."""

    step_requested = Signal(str)  # forward, back, run_forward, run_backward, reset
    node_clicked = Signal(int)  # jump to this node
    formula_submitted = Signal(str)
    values_submitted = Signal(str)  # "w1=2, w2=3" for the formula's leaves
    preset_selected = Signal(str)
    trace_requested = Signal()  # trace the network's selected example again
    gradcheck_requested = Signal()
    apply_update_requested = Signal()
    mode_changed = Signal(str)  # "ops", "neurons" or "layers"
    offer_chosen = Signal(str)  # the key of a button offered under the message
    language_changed = Signal()  # the view re-worded itself: the picture should be redrawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale_ = 1.0
        self.picture: GraphPicture | None = None
        self._nodes: dict[int, NodeItem] = {}
        self._edges: dict[tuple[int, int], EdgeItem] = {}
        self._shape: tuple | None = None
        self._traced = False  # the trace button offers a re-trace
        self._placeholder = ""  # what the preset box says when no preset is shown
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_play_tick)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_source_row())
        layout.addLayout(self._build_step_row())
        self.caption = QLabel(tr("Pick a preset, type a formula, or trace a data point."))
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.caption)
        self.scene = QGraphicsScene(self)
        self.canvas = GraphCanvas(self.scene)
        self.canvas.node_clicked.connect(self.node_clicked)
        self.memo = MemoTable([tr("node"), tr("value"), "∂out/∂node"])
        worded(
            self.memo,
            "setToolTip",
            lambda: tr(
                "The memo table: each node's gradient is computed once and reused, like "
                "dynamic programming"
            ),
        )
        self.side = side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        for w in (self.trace_button, self.gradcheck, self.update_button, self.memo):
            column.addWidget(w)
        split = QSplitter()
        split.addWidget(self.canvas)
        split.addWidget(side)
        split.setSizes([700, 260])
        layout.addWidget(split, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.offers = QHBoxLayout()  # buttons offered with a message ("trace the worst point")
        layout.addLayout(self.offers)
        self.set_traced(False)
        self._style_caption()

    def set_staged(self, on: bool) -> None:
        """On the stage the graph gets the width: the side column folds behind a button."""
        self.side_toggle.setChecked(False)
        self.side_toggle.setVisible(on)
        self.side.setVisible(not on)

    # ----- drawing ---------------------------------------------------------------------------
    def set_presets(self, items: list[tuple[str, str]]) -> None:
        """Fill the preset menu with (title, name) pairs; the shown preset stays shown."""
        shown = self.presets.currentData()
        self.presets.blockSignals(True)
        self.presets.clear()
        for title, name in items:
            self.presets.addItem(title, name)
        self.presets.setCurrentIndex(self.presets.findData(shown) if shown is not None else -1)
        self.presets.blockSignals(False)

    def show_source(self, preset: str | None, formula: str) -> None:
        """Show which preset (or typed formula) the graph comes from."""
        self._set_placeholder("formula")
        self.presets.setCurrentIndex(self.presets.findData(preset) if preset else -1)
        self.formula.setText(formula)

    def set_traced(self, traced: bool) -> None:
        """The trace button traces the picked example, or re-traces the one shown."""
        self._traced = traced
        self.trace_button.setText(
            tr("Re-trace with current weights") if traced else tr("Trace network example")
        )

    def _set_placeholder(self, which: str) -> None:
        """What the preset box says with no preset chosen: 'formula' or 'network'."""
        self._placeholder = which
        words = {"formula": tr("your formula"), "network": tr("a traced network example")}
        self.presets.setPlaceholderText(words.get(which, ""))

    def show_picture(self, pic: GraphPicture) -> None:
        """Draw a picture; items are rebuilt only when the graph itself changed."""
        shape = (
            tuple((n.id, n.x, n.y) for n in pic.nodes),
            tuple((e.source, e.target) for e in pic.edges),
            self.scale_,
        )
        if shape != self._shape:
            self._rebuild(pic)
            self._shape = shape
        # Restyle only what this step changed: a walk step touches a handful of items.
        resized = {n.id for n in pic.nodes if self._nodes[n.id].node != n and
                   self._nodes[n.id].update_node(n)}  # fmt: skip
        for e in pic.edges:
            item = self._edges[(e.source, e.target)]
            if e.source in resized or e.target in resized:
                item.reroute()  # a box grew for its text: the edge meets its new side
            if item.edge != e:
                item.update_edge(e)
        self.show_offers([])  # an offer belongs to the moment it was made
        self.picture = pic
        self.caption.setText(pic.caption or pic.title)
        self.memo.setHorizontalHeaderLabels(list(pic.memo_header))
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(self.mode.findData(pic.mode))
        self.mode.blockSignals(False)
        self.mode.setEnabled(pic.source == "network")
        self.values.setEnabled(pic.source == "formula")
        self.update_button.setEnabled(pic.source == "network")
        self.progress.setText(
            tr("<b>{title}</b> — {phase} · step {index}/{count}").format(
                title=pic.title,
                phase=phase_words().get(pic.phase, pic.phase),
                index=pic.step_index,
                count=pic.step_count,
            )
        )
        if pic.source == "network":
            self._set_placeholder("network")
            self.presets.setCurrentIndex(-1)  # the graph is a traced example, not a preset
            self.formula.clear()
        self._fill_memo(pic)
        self.buttons["back"].setEnabled(pic.step_index > 0)
        self.buttons["forward"].setEnabled(pic.step_index < pic.step_count)
        if pic.step_index >= pic.step_count and self.play.isChecked():
            self.play.setChecked(False)
        self._follow_current(pic)

    def _rebuild(self, pic: GraphPicture) -> None:
        self.scene.clear()
        self._nodes = {n.id: NodeItem(n, self.scale_) for n in pic.nodes}
        for item in self._nodes.values():
            self.scene.addItem(item)
        self._edges = {}
        for e in pic.edges:
            item = EdgeItem(e, self._nodes[e.source], self._nodes[e.target], self.scale_)
            self._edges[(e.source, e.target)] = item
            self.scene.addItem(item)
        self.canvas.new_graph(self.scene.itemsBoundingRect())

    def _follow_current(self, pic: GraphPicture) -> None:
        """Keep the node being computed in view (the user's zoom stays as it is)."""
        current = [n for n in pic.nodes if n.state == "current"]
        self.canvas.follow(self._nodes[current[0].id] if current else None)

    def _fill_memo(self, pic: GraphPicture) -> None:
        self.memo.set_rows(pic.memo)

    def show_message(self, text: str, error: bool = False) -> None:
        """One line under the graph (errors in red)."""
        self.message.setStyleSheet(f"color: {'#c0392b' if error else '#2c3e50'};")
        self.message.setText(text)

    def show_offers(self, offers: list[tuple[str, str]]) -> None:
        """Buttons under the message, (key, text) each; a click emits ``offer_chosen(key)``."""
        while self.offers.count():
            widget = self.offers.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for key, text in offers:
            b = QPushButton(text)
            b.setProperty("offer", key)
            b.clicked.connect(lambda _=False, k=key: self.offer_chosen.emit(k))
            self.offers.addWidget(b)
        if offers:
            self.offers.addStretch(1)

    def offer_buttons(self) -> list[QPushButton]:
        """The buttons offered right now."""
        items = (self.offers.itemAt(i).widget() for i in range(self.offers.count()))
        return [w for w in items if isinstance(w, QPushButton)]

    def set_update_enabled(self, enabled: bool) -> None:
        """'Apply one update' only makes sense for a traced network example."""
        self.update_button.setEnabled(enabled)

    # ----- language --------------------------------------------------------------------------
    def reword(self) -> None:
        """Re-word what depends on the view's state, then ask for the picture again.

        Texts set once re-word through ``worded``; the trace button, play button, preset
        placeholder and the combo boxes' items follow here, and ``language_changed`` lets the
        controller redraw the picture (its caption, titles and notes) in the new language.
        """
        self.set_traced(self._traced)
        self._set_placeholder(self._placeholder)
        self._reword_controls()
        if self.picture is None:
            self.caption.setText(tr("Pick a preset, type a formula, or trace a data point."))
        for node in self._nodes.values():  # "value …", "grad …" and "local …" are Qt's words
            node.update_node(node.node)
        for edge in self._edges.values():
            edge.reroute()
            edge.update_edge(edge.edge)
        self.language_changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.reword()
        super().changeEvent(event)

    # ----- presentation and export -----------------------------------------------------------
    def _style_caption(self) -> None:
        font = QFont()
        font.setPointSizeF(13.0 * self.scale_)
        self.caption.setFont(font)

    def set_presentation(self, on: bool) -> None:
        """Bigger nodes and captions for a lecture hall."""
        self.scale_ = 1.6 if on else 1.0
        self._style_caption()
        if self.picture is not None:
            self.show_picture(self.picture)

    def export_image(self, path: str) -> None:
        """Save the graph: ``.svg`` as vectors (the whole graph, for slides), else a PNG grab."""
        if str(path).lower().endswith(".svg"):
            export_svg(self.scene, str(path))
        elif not self.canvas.grab().save(str(path)):
            raise OSError(tr("could not write {path}").format(path=path))

    def centre_on_node(self, node: int) -> None:
        """Scroll the graph so node ``node`` of the current picture is in the middle."""
        if node in self._nodes:
            self.canvas.centerOn(self._nodes[node])
