"""Training controls: play/step/reset, speed, learning rate, optimizer, architecture heads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TR_NOOP, reworded, tr, worded
from app.views.flow_layout import FlowLayout
from app.views.widgets import add_item, blocked, combo, select_data, worded_label
from nnviz import commands as cmd
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import MAX_PATIENCE, TrainConfig
from nnviz.network.text import parameter_count_text
from nnviz.rules import RULE_LABELS, heads_for
from nnviz.snapshot import Snapshot

LEARNING_RATES = [1e-5, 1e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
REG_RATES = [0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
SPEEDS = [
    (QT_TR_NOOP("max"), None),
    (QT_TR_NOOP("100 epochs/s"), 100.0),
    (QT_TR_NOOP("25 epochs/s"), 25.0),
    (QT_TR_NOOP("10 epochs/s"), 10.0),
    (QT_TR_NOOP("3 epochs/s"), 3.0),
    (QT_TR_NOOP("1 epoch/s"), 1.0),
]
DEFAULT_SPEED = 25.0  # a pace a class can follow; "max" is one choice away
OPTIMIZERS = [
    ("SGD", "sgd"),
    (QT_TR_NOOP("Momentum"), "momentum"),
    (QT_TR_NOOP("Nesterov"), "nesterov"),
    ("Adagrad", "adagrad"),
    ("RMSprop", "rmsprop"),
    ("Adam", "adam"),
    *((label, key) for key, label in RULE_LABELS.items()),  # mistake-driven, no gradient
]
# The core's names of the perceptron rules (RULE_LABELS), for the catalogue: the combo box
# shows every label through tr().
RULE_WORDS = (QT_TR_NOOP("Perceptron rule"), QT_TR_NOOP("Averaged perceptron"))
ACTIVATIONS = [
    ("tanh", "tanh"),
    ("sigmoid", "sigmoid"),
    ("ReLU", "relu"),
    ("leaky ReLU", "leaky_relu"),
    (QT_TR_NOOP("linear"), "identity"),
]
HEAD_LABELS = {
    ("sigmoid", "log"): QT_TR_NOOP("sigmoid + log loss"),
    ("sigmoid", "mse"): "sigmoid + MSE",
    ("tanh", "mse"): "tanh + MSE",
    ("identity", "hinge"): QT_TR_NOOP("linear + hinge"),
    ("softmax", "cross_entropy"): QT_TR_NOOP("softmax + cross-entropy"),
    ("identity", "mse"): QT_TR_NOOP("linear + MSE"),
    ("step", "mse"): QT_TR_NOOP("step (0/1) + MSE"),
}


Words = Callable[[], str]  # makes a text in the current language (it calls tr)


class ControlsView(QWidget):
    """Sends training commands and settings as values; mirrors the latest snapshot."""

    command_requested = Signal(object)  # a nnviz.commands value
    spec_change_requested = Signal(object)  # a NetworkSpec (rebuilds the network)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._snap: Snapshot | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the column around it has margins already
        layout.addLayout(self._build_transport())
        training, model = self._build_training(), self._build_model()
        for words, box in (
            (lambda: tr("Training (changes apply live, no reset)"), training),
            (lambda: tr("Model (changes rebuild the network)"), model),
        ):
            layout.addWidget(_heading(words))
            layout.addWidget(box)
        layout.addStretch(1)

    # ----- construction ----------------------------------------------------------------------
    def _build_transport(self) -> FlowLayout:
        row = FlowLayout(one_line_hint=True)  # wraps onto a second line when the panel is narrow
        self.play_button = PlayButton()
        worded(self.play_button, "setToolTip", lambda: tr("Start or pause training (Space)"))
        self.play_button.setCheckable(True)
        reworded(self.play_button, lambda b: b.setText(play_text(b.isChecked())))
        self.play_button.clicked.connect(self._on_play_clicked)
        self.back_button = self._button(
            lambda: tr("◀ Back"), lambda: tr("Undo the last step exactly (←)"), cmd.StepBack
        )
        self.epoch_button = self._button(
            lambda: tr("Step epoch"), lambda: tr("Train one epoch (→)"), cmd.StepEpoch
        )
        self.batch_button = self._button(
            lambda: tr("Step batch"), lambda: tr("Train one mini-batch (Shift+→)"), cmd.StepBatch
        )
        self.reset_button = self._button(
            lambda: tr("Reset"), lambda: tr("Re-randomise the parameters (R)"), cmd.Reset
        )
        for b in (
            self.play_button,
            self.back_button,
            self.epoch_button,
            self.batch_button,
            self.reset_button,
        ):
            row.addWidget(b)
        return row

    def _button(self, text: Words, tip: Words, command: type) -> QPushButton:
        button = QPushButton()
        worded(button, "setText", text)
        worded(button, "setToolTip", tip)
        button.clicked.connect(lambda: self.command_requested.emit(command()))
        return button

    def _build_training(self) -> QGroupBox:
        box = QGroupBox()
        form = _form(box)
        self.speed = combo(
            SPEEDS, QT_TR_NOOP("Slow training down to watch it, or run at full speed")
        )
        self.speed.setCurrentIndex(self.speed.findData(DEFAULT_SPEED))
        self.lr = combo(
            [(f"{v:g}", v) for v in LEARNING_RATES], QT_TR_NOOP("Step size α of each update")
        )
        self.optimizer = combo(
            OPTIMIZERS, QT_TR_NOOP("How each step uses the gradient (torch.optim rules)")
        )
        self.reg = combo(
            [(QT_TR_NOOP("none"), "none"), ("L1", "l1"), ("L2", "l2")],
            QT_TR_NOOP("Penalty on weight size: L1 = λΣ|w|, L2 = ½λΣw² (biases are free)"),
        )
        self.reg_rate = combo(
            [(f"{v:g}", v) for v in REG_RATES], QT_TR_NOOP("Regularisation rate λ")
        )
        self.batch = QSpinBox()
        self.batch.setRange(1, 500)
        worded(self.batch, "setToolTip", lambda: tr("Examples per gradient step (1 = stochastic)"))
        self.early = QCheckBox()
        worded(self.early, "setText", lambda: tr("Stop early"))
        worded(
            self.early,
            "setToolTip",
            lambda: tr(
                "Hold out 20 % of the training points; stop when their loss has not improved "
                "for 'patience' epochs, and put back the best weights"
            ),
        )
        self.patience = QSpinBox()
        self.patience.setRange(1, MAX_PATIENCE)
        worded(self.patience, "setSuffix", lambda: tr(" epochs"))
        worded(
            self.patience,
            "setToolTip",
            lambda: tr("Epochs to wait for a better validation loss before stopping"),
        )
        form.addRow(worded_label(lambda: tr("Speed")), self.speed)
        form.addRow(worded_label(lambda: tr("Learning rate")), self.lr)
        form.addRow(worded_label(lambda: tr("Optimizer")), self.optimizer)
        form.addRow(worded_label(lambda: tr("Regularisation")), self.reg)
        form.addRow(worded_label(lambda: tr("Reg. rate")), self.reg_rate)
        form.addRow(worded_label(lambda: tr("Batch size")), self.batch)
        form.addRow(self.early)
        form.addRow(worded_label(lambda: tr("Patience")), self.patience)
        self.early.toggled.connect(self._on_config_edited)
        self.patience.editingFinished.connect(self._on_config_edited)
        self.speed.currentIndexChanged.connect(self._on_speed_changed)
        for w in (self.lr, self.optimizer, self.reg, self.reg_rate):
            w.currentIndexChanged.connect(self._on_config_edited)
        self.batch.editingFinished.connect(self._on_config_edited)
        return box

    def _build_model(self) -> QGroupBox:
        box = QGroupBox()
        # Short of room, the Bias check box's long text goes under its label (not wider).
        form = _form(box, QFormLayout.RowWrapPolicy.WrapLongRows)
        self.activation = combo(ACTIVATIONS, QT_TR_NOOP("Hidden-layer activation"))
        self.head = combo([], QT_TR_NOOP("Output activation and loss"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        worded(
            self.seed,
            "setToolTip",
            lambda: tr("Random seed of the initial weights and the shuffling"),
        )
        self.bias = QCheckBox()
        worded(self.bias, "setText", lambda: tr("every neuron has a bias b"))
        worded(
            self.bias,
            "setToolTip",
            lambda: tr("CS188 uses none (h = act(x·W)); the video's threshold is a bias"),
        )
        self.param_count = QLabel()
        self.param_count.setWordWrap(True)  # "… = 25 parameters" wraps in a narrow panel
        form.addRow(worded_label(lambda: tr("Activation")), self.activation)
        form.addRow(worded_label(lambda: tr("Output + loss")), self.head)
        form.addRow(worded_label(lambda: tr("Bias")), self.bias)
        form.addRow(worded_label(lambda: tr("Seed")), self.seed)
        form.addRow(worded_label(lambda: tr("Parameters")), self.param_count)
        self.bias.toggled.connect(self._on_spec_edited)
        self.activation.currentIndexChanged.connect(self._on_spec_edited)
        self.head.currentIndexChanged.connect(self._on_head_edited)
        self.seed.editingFinished.connect(self._on_spec_edited)
        return box

    # ----- snapshots in ----------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        """Mirror the worker's state without echoing any command back."""
        self._snap = snap
        c, s = snap.config, snap.spec
        widgets = (self.play_button, self.batch, self.seed, self.head, self.early, self.patience)
        with blocked(*widgets):
            self.play_button.setChecked(snap.playing)
            self.play_button.setText(play_text(snap.playing))
            if not self.batch.hasFocus():
                self.batch.setValue(int(c.batch_size))
            if not self.seed.hasFocus():
                self.seed.setValue(int(s.seed))
            if not self.patience.hasFocus():
                self.patience.setValue(int(c.patience))
            self.early.setChecked(bool(c.early_stopping))
            self._fill_heads(snap.kind, (s.output, c.loss))
            self.bias.setChecked(s.bias)
        self.param_count.setText(parameter_count_text(snap))
        select_data(self.lr, float(c.lr))
        select_data(self.optimizer, _optimizer_key(c))
        reg = "l1" if c.l1 else "l2" if c.l2 else "none"
        select_data(self.reg, reg)
        select_data(self.reg_rate, float(c.l1 or c.l2))
        select_data(self.activation, s.activation)

    def _fill_heads(self, kind: str, current: tuple[str, str]) -> None:
        heads = heads_for(kind)
        if [self.head.itemData(i) for i in range(self.head.count())] != heads:
            self.head.clear()
            for h in heads:
                add_item(self.head, HEAD_LABELS.get(h, f"{h[0]} + {h[1]}"), h)
        self.head.setCurrentIndex(max(self.head.findData(current), 0))

    # ----- commands out ----------------------------------------------------------------------
    def _on_play_clicked(self, checked: bool) -> None:
        self.command_requested.emit(cmd.Play() if checked else cmd.Pause())

    def toggle_play(self) -> None:
        """Space: flip between playing and paused."""
        self.play_button.click()

    def _on_speed_changed(self) -> None:
        self.command_requested.emit(cmd.SetSpeed(self.speed.currentData()))

    def current_config(self) -> TrainConfig:
        """The training settings as the widgets show them."""
        base = self._snap.config if self._snap else TrainConfig()
        name = self.optimizer.currentData()
        rate = float(self.reg_rate.currentData() or 0.0)
        reg = self.reg.currentData()
        return replace(
            base,
            lr=float(self.lr.currentData()),
            optimizer=name,
            batch_size=int(self.batch.value()),
            l1=rate if reg == "l1" else 0.0,
            l2=rate if reg == "l2" else 0.0,
            early_stopping=self.early.isChecked(),
            patience=int(self.patience.value()),
            optimizer_options=dict(base.optimizer_options) if name == base.optimizer else {},
        )

    def _on_config_edited(self) -> None:
        if self._snap is not None:
            self.command_requested.emit(cmd.SetConfig(self.current_config()))

    def _on_spec_edited(self) -> None:
        if self._snap is None:
            return
        spec: NetworkSpec = self._snap.spec
        new = replace(
            spec,
            activation=self.activation.currentData(),
            seed=self.seed.value(),
            bias=self.bias.isChecked(),
        )
        if new != spec:
            self.spec_change_requested.emit(new)

    def _on_head_edited(self) -> None:
        if self._snap is None or self.head.currentData() is None:
            return
        output, loss = self.head.currentData()
        spec = self._snap.spec
        if output != spec.output:  # rebuild first, so the new loss fits the new output
            self.spec_change_requested.emit(replace(spec, output=output))
        self.command_requested.emit(cmd.SetConfig(replace(self.current_config(), loss=loss)))

    def set_enabled_training(self, enabled: bool) -> None:
        """Grey out the transport buttons (e.g. while a dialog is open)."""
        for b in (self.play_button, self.epoch_button, self.batch_button, self.reset_button):
            b.setEnabled(enabled)


def _heading(words: Words) -> QLabel:
    """A group's title that wraps (a group box's own title would set the panel's width)."""
    label = QLabel()
    label.setWordWrap(True)
    worded(label, "setText", words)
    return label


def _form(
    box: QGroupBox, wrap: QFormLayout.RowWrapPolicy = QFormLayout.RowWrapPolicy.DontWrapRows
) -> QFormLayout:
    """A form that wraps its rows the same way in every style (side by side by default)."""
    form = QFormLayout(box)
    form.setRowWrapPolicy(wrap)
    return form


class PlayButton(QPushButton):
    """Play/Pause, as wide as its wider text: pressing it never reflows its row."""

    def sizeHint(self) -> QSize:
        """The style's hint for the wider of "Play" and "Pause"."""
        hint = super().sizeHint()
        option = QStyleOptionButton()
        self.initStyleOption(option)
        fm = self.fontMetrics()
        for text in (play_text(False), play_text(True)):
            option.text = text
            room = QSize(fm.size(Qt.TextFlag.TextShowMnemonic, text).width(), fm.height())
            size = self.style().sizeFromContents(
                QStyle.ContentsType.CT_PushButton, option, room, self
            )
            hint.setWidth(max(hint.width(), size.width()))
        return hint

    def minimumSizeHint(self) -> QSize:
        """Never narrower than its hint."""
        return self.sizeHint()


def play_text(playing: bool) -> str:
    """The play button's words: what pressing it does now."""
    return tr("❚❚ Pause") if playing else tr("▶ Play")


def _optimizer_key(c: TrainConfig) -> str:
    opts = c.optimizer_options
    if c.optimizer == "sgd" and opts.get("nesterov"):
        return "nesterov"
    if c.optimizer == "sgd" and opts.get("momentum"):
        return "momentum"
    return c.optimizer
