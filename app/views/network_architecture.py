"""The network view's controls: edge mode, add/remove layers and neurons, input features."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TR_NOOP, reworded, tr, worded
from app.views.flow_layout import FlowLayout, hold_wrapped_height
from app.views.widgets import blocked, worded_label
from nnviz.engine.features import feature_table
from nnviz.engine.spec import MAX_HIDDEN_LAYERS, MAX_NEURONS, NetworkSpec
from nnviz.network.text import MODES
from nnviz.palette import BLUE

NEW_LAYER_NEURONS = 2
# The core's edge-mode words (nnviz.network.text.MODES), for the catalogue: shown through tr().
MODE_WORDS = (
    QT_TR_NOOP("weight"),
    QT_TR_NOOP("gradient"),
    QT_TR_NOOP("update"),
    QT_TR_NOOP("weight w"),
    QT_TR_NOOP("gradient ∂L/∂w of the loss"),
    QT_TR_NOOP("last update Δw"),
)


Words = Callable[[], str]  # makes a text in the current language (it calls tr)


def neurons_text(n: int) -> str:
    """'4 neurons' (or '1 neuron') in the current language."""
    return tr("{n} neuron").format(n=n) if n == 1 else tr("{n} neurons").format(n=n)


class CompactButton(QPushButton):
    """A push button as wide as its text (styles otherwise ask for at least 75 px)."""

    def sizeHint(self) -> QSize:
        """Text width plus a little padding, in the current font."""
        h = super().sizeHint().height()
        return QSize(max(self.fontMetrics().horizontalAdvance(self.text()) + 18, h), h)

    def minimumSizeHint(self) -> QSize:
        """As small as the size hint."""
        return self.sizeHint()


def toggle_button(label: Words, tooltip: Words) -> QPushButton:
    """A checkable button that turns solid blue when on (a palette, not a style sheet, so it
    still follows the window's font in presentation mode); its words follow the language."""
    b = CompactButton()
    worded(b, "setText", label)
    worded(b, "setToolTip", tooltip)
    b.setCheckable(True)
    b.toggled.connect(lambda on: _paint_toggle(b, on))
    return b


def set_toggle(b: QPushButton, on: bool) -> None:
    """Check or uncheck a toggle button without emitting, and colour it to match."""
    with blocked(b):
        b.setChecked(on)
    _paint_toggle(b, on)


def _paint_toggle(b: QPushButton, on: bool) -> None:
    palette = QPalette()
    if on:
        palette.setColor(QPalette.ColorRole.Button, QColor(*BLUE))
        palette.setColor(QPalette.ColorRole.ButtonText, QColor("white"))
    b.setPalette(palette)


def _group(row: FlowLayout) -> QHBoxLayout:
    """Controls that wrap together as one unit of a flowing row (a label stays with its buttons)."""
    box = QWidget()
    line = QHBoxLayout(box)
    line.setContentsMargins(0, 0, 0, 0)
    line.setSpacing(row.spacing())
    row.addWidget(box)
    return line


class _SpecEmitter(QWidget):
    """Base for controls that turn a click into ``spec_requested(new spec)``."""

    spec_requested = Signal(object)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec: NetworkSpec | None = None
        # On a language switch the tooltips and captions that depend on the spec follow.
        reworded(self, lambda me: me.spec is not None and me.show_spec(me.spec))

    def _request(self, **changes: object) -> None:
        if self.spec is None:
            return
        try:
            new = self.spec.with_(**changes)
        except ValueError as error:  # the spec says exactly what is wrong
            self.message.emit(tr("Cannot change the network: {reason}.").format(reason=error))
            return
        self.spec_requested.emit(new)


class ArchitectureBar(_SpecEmitter):
    """Two rows: 'Edges show' and ± layer on top, the input-feature toggles below."""

    mode_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        # Rows that wrap: at large type a narrow view gets two lines, never squeezed buttons.
        top = FlowLayout()
        modes = _group(top)
        modes.addWidget(worded_label(lambda: tr("Edges show:")))
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QPushButton] = {}
        for key, (label, what, _symbol) in MODES.items():
            b = toggle_button(
                lambda label=label: tr(label),
                lambda what=what: tr("Colour and thickness of each edge show its {what}").format(
                    what=tr(what)
                ),
            )
            b.clicked.connect(lambda _=False, k=key: self.mode_selected.emit(k))
            self.mode_group.addButton(b)
            self.mode_buttons[key] = b
            modes.addWidget(b)
        set_toggle(self.mode_buttons["weight"], True)
        layers = _group(top)
        self.remove_layer = CompactButton()
        self.add_layer = CompactButton()
        worded(self.remove_layer, "setText", lambda: tr("− layer"))
        worded(self.add_layer, "setText", lambda: tr("+ layer"))
        self.remove_layer.clicked.connect(lambda: self._change_layers(-1))
        self.add_layer.clicked.connect(lambda: self._change_layers(+1))
        layers.addWidget(self.remove_layer)
        layers.addWidget(self.add_layer)
        column.addLayout(top)
        self.features_row = FlowLayout()
        column.addLayout(self.features_row)
        self.feature_buttons: dict[str, QPushButton] = {}
        self._dim: int | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Ask for the height the wrapped rows need at this width."""
        super().resizeEvent(event)
        hold_wrapped_height(self)

    def show_mode(self, mode: str) -> None:
        """Check the button of the current edge mode (without emitting)."""
        set_toggle(self.mode_buttons[mode], True)  # the exclusive group unchecks the others
        for b in self.mode_buttons.values():
            _paint_toggle(b, b.isChecked())

    def show_spec(self, spec: NetworkSpec) -> None:
        """Sync buttons to the network: limits disable buttons and say why."""
        self.spec = spec
        n = len(spec.hidden)
        can_add, can_remove = n < MAX_HIDDEN_LAYERS, n > 0
        self.add_layer.setEnabled(can_add)
        self.add_layer.setToolTip(
            tr("Add a hidden layer of {n} neurons (rebuilds the network)").format(
                n=NEW_LAYER_NEURONS
            )
            if can_add
            else tr("At most {most} hidden layers (this network has {n})").format(
                most=MAX_HIDDEN_LAYERS, n=n
            )
        )
        self.remove_layer.setEnabled(can_remove)
        self.remove_layer.setToolTip(
            tr("Remove the last hidden layer (rebuilds the network)")
            if can_remove
            else tr("No hidden layers left: inputs connect straight to the output")
        )
        if spec.input_dim != self._dim:
            self._build_features(spec.input_dim)
        for name, b in self.feature_buttons.items():
            set_toggle(b, name in spec.features)

    def _build_features(self, dim: int) -> None:
        self._dim = dim
        while self.features_row.count():
            item = self.features_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.features_row.addWidget(worded_label(lambda: tr("Inputs:")))
        self.feature_buttons = {}
        for name, (label, _fn) in feature_table(dim).items():
            b = toggle_button(
                lambda label=label: label,  # a formula (X₁, sin(X₁)): the same in every language
                lambda label=label: tr(
                    "Feed {feature} into the network, or take it out (rebuilds it)"
                ).format(feature=label),
            )
            b.toggled.connect(lambda on, n=name: self._toggle_feature(n, on))
            self.feature_buttons[name] = b
            self.features_row.addWidget(b)

    def _change_layers(self, delta: int) -> None:
        hidden = self.spec.hidden if self.spec is not None else ()
        new = (*hidden, NEW_LAYER_NEURONS) if delta > 0 else hidden[:-1]
        self._request(hidden=tuple(new))

    def _toggle_feature(self, name: str, on: bool) -> None:
        if self.spec is None:
            return
        order = list(feature_table(self.spec.input_dim))
        chosen = [f for f in order if (f in self.spec.features and f != name) or (f == name and on)]
        if not chosen:
            self.message.emit(
                tr("The network needs at least one input feature; that one stays on.")
            )
            set_toggle(self.feature_buttons[name], True)
            return
        self._request(features=tuple(chosen))


class NeuronStrip(_SpecEmitter):
    """'− 4 +' above each hidden column of the graph, placed where the view says."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[tuple[QPushButton, QLabel, QPushButton]] = []
        self._xs: list[float] = []
        self.setFixedHeight(QPushButton("+").sizeHint().height() + 4)  # no jump when filled

    def show_spec(self, spec: NetworkSpec) -> None:
        """One group of buttons per hidden layer; a layer's limits disable its buttons."""
        self.spec = spec
        while len(self.groups) > len(spec.hidden):
            for w in self.groups.pop():
                w.deleteLater()
        while len(self.groups) < len(spec.hidden):
            k = len(self.groups)
            minus, label, plus = CompactButton("−", self), QLabel(self), CompactButton("+", self)
            minus.clicked.connect(lambda _=False, k=k: self._change_neurons(k, -1))
            plus.clicked.connect(lambda _=False, k=k: self._change_neurons(k, +1))
            self.groups.append((minus, label, plus))
        for k, (minus, _label, plus) in enumerate(self.groups):
            n = spec.hidden[k]
            minus.setEnabled(n > 1)
            minus.setToolTip(
                tr("Remove a neuron from hidden layer {k}").format(k=k + 1)
                if n > 1
                else tr("A layer keeps at least 1 neuron; use “− layer” to remove the layer")
            )
            plus.setEnabled(n < MAX_NEURONS)
            plus.setToolTip(
                tr("Add a neuron to hidden layer {k}").format(k=k + 1)
                if n < MAX_NEURONS
                else tr("At most {most} neurons per layer").format(most=MAX_NEURONS)
            )
        self._layout_groups()

    def place(self, xs: list[float]) -> None:
        """Centre group k on x = xs[k] (this widget's pixels)."""
        self._xs = list(xs)
        self._layout_groups()

    def _layout_groups(self) -> None:
        """'− 4 neurons +' when the columns are far apart, '− 4 +' (narrower) when close."""
        h = max((b.sizeHint().height() for g in self.groups for b in g), default=24)
        self.setFixedHeight(h + 4)
        xs = self._xs
        spacing = min((b - a for a, b in zip(xs, xs[1:], strict=False)), default=1000.0)
        side = h + 2 if spacing >= 3 * h else max(h * 2 // 3, 14)
        # Words only while neighbouring groups keep a clear gap between them.
        widest = self.fontMetrics().horizontalAdvance(neurons_text(MAX_NEURONS))
        words = spacing >= 2 * side + widest + 8 + h
        for k, (minus, label, plus) in enumerate(self.groups):
            n = self.spec.hidden[k] if self.spec is not None else 0
            label.setText(neurons_text(n) if words else str(n))
            label.adjustSize()
            total = 2 * side + label.width() + 8
            x = int(xs[k] - total / 2) if k < len(xs) else 0
            minus.setGeometry(x, 2, side, h)
            label.move(x + side + 4, 2 + (h - label.height()) // 2)
            plus.setGeometry(x + side + label.width() + 8, 2, side, h)
            for w in (minus, label, plus):
                w.setVisible(k < len(xs))

    def _change_neurons(self, layer: int, delta: int) -> None:
        if self.spec is None or layer >= len(self.spec.hidden):
            return
        hidden = list(self.spec.hidden)
        hidden[layer] += delta
        self._request(hidden=tuple(hidden))
