"""The computation-graph view's controls: where the graph comes from, its steps, play, keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy

from app.i18n import tr, worded

SPEEDS_MS = [("slow", 1200), ("normal", 600), ("fast", 200)]


def speed_words() -> dict[str, str]:
    """The play speeds' names in the current language."""
    return {"slow": tr("slow"), "normal": tr("normal"), "fast": tr("fast")}


def mode_words() -> list[tuple[str, str]]:
    """The walk's modes, (label, key), in the current language."""
    return [
        (tr("every op"), "ops"),
        (tr("neuron by neuron"), "neurons"),
        (tr("layers (shapes)"), "layers"),
    ]


def phase_words() -> dict[str, str]:
    """Where the walk is, in words: the picture's phase keys in the current language."""
    return {"forward": tr("forward"), "backward": tr("backward"), "done": tr("done")}


class GraphControls:
    """Mixed into GraphView: the two rows above the graph; every click or key is a signal."""

    def _build_source_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.presets = QComboBox()
        self.presets.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.presets.setMinimumContentsLength(22)
        worded(self.presets, "setToolTip", lambda: tr("Worked examples from the lectures"))
        self.presets.activated.connect(
            lambda _i: self.preset_selected.emit(self.presets.currentData())
        )
        self.formula = QLineEdit()
        worded(
            self.formula,
            "setPlaceholderText",
            lambda: tr("type a formula, e.g. w1**4*w2 + 5*w3  (Enter)"),
        )
        self.formula.returnPressed.connect(lambda: self.formula_submitted.emit(self.formula.text()))
        self.values = QLineEdit()
        worded(self.values, "setPlaceholderText", lambda: tr("values: w1=2, w2=3  (Enter)"))
        worded(
            self.values, "setToolTip", lambda: tr("Set the formula's variables and walk it again")
        )
        self.values.returnPressed.connect(lambda: self.values_submitted.emit(self.values.text()))
        self.trace_button = QPushButton()
        worded(
            self.trace_button,
            "setToolTip",
            lambda: tr(
                "Walk the live network on the example picked with the Trace tool on the data canvas"
            ),
        )
        self.trace_button.clicked.connect(self.trace_requested)
        self.mode = QComboBox()
        for label, key in mode_words():
            self.mode.addItem(label, key)
        self.mode.currentIndexChanged.connect(
            lambda _i: self.mode_changed.emit(self.mode.currentData())
        )
        example = QLabel()
        worded(example, "setText", lambda: tr("Example"))
        for w in (example, self.presets, self.formula, self.values, self.mode):
            row.addWidget(w)
        row.setStretchFactor(self.formula, 2)
        row.setStretchFactor(self.values, 1)
        return row

    def _build_step_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, tip in (
            ("reset", lambda: tr("⟲ Reset"), lambda: tr("Back to the start: nothing computed")),
            ("back", lambda: tr("◀ Back"), lambda: tr("Undo the last step exactly (←)")),
            ("forward", lambda: tr("Step ▶"), lambda: tr("Compute the next node (→)")),
            ("run_forward", lambda: tr("Run forward"), lambda: tr("Compute every value")),
            ("run_backward", lambda: tr("Run backward"), lambda: tr("Compute every gradient")),
        ):
            b = QPushButton()
            worded(b, "setText", text)
            worded(b, "setToolTip", tip)
            b.clicked.connect(lambda _=False, k=key: self.step_requested.emit(k))
            self.buttons[key] = b
            row.addWidget(b)
        self.play = QPushButton(tr("Play"))
        self.play.setCheckable(True)
        self.play.toggled.connect(self._on_play_toggled)
        self.speed = QComboBox()
        words = speed_words()
        for label, ms in SPEEDS_MS:
            self.speed.addItem(words[label], ms)
        self.speed.setCurrentIndex(1)
        self.speed.currentIndexChanged.connect(
            lambda _i: self.timer.setInterval(self.speed.currentData())
        )
        self.gradcheck = QPushButton()
        worded(self.gradcheck, "setText", lambda: tr("Gradient check"))
        worded(
            self.gradcheck,
            "setToolTip",
            lambda: tr("Compare every leaf's backprop gradient with a central finite difference"),
        )
        self.gradcheck.clicked.connect(self.gradcheck_requested)
        self.update_button = QPushButton()
        worded(self.update_button, "setText", lambda: tr("Apply one update"))
        worded(
            self.update_button,
            "setToolTip",
            lambda: tr("Take one SGD step on this example and see the loss and the boundary move"),
        )
        self.update_button.clicked.connect(self.apply_update_requested)
        self.progress = QLabel()
        # A long title must never widen the window: it is cut to the space there is.
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # On the stage the buttons and memo table fold away; this brings them back.
        self.side_toggle = QPushButton()
        worded(self.side_toggle, "setText", lambda: tr("Memo table ▸"))
        self.side_toggle.setCheckable(True)
        worded(
            self.side_toggle,
            "setToolTip",
            lambda: tr("Show the gradient check, the update and the memo table"),
        )
        self.side_toggle.toggled.connect(lambda on: self.side.setVisible(on))
        self.side_toggle.hide()
        for w in (self.play, self.speed, self.side_toggle):
            row.addWidget(w)
        row.addWidget(self.progress, 1)
        return row

    def _reword_controls(self) -> None:
        """Play's text and the mode and speed menus' items in the current language."""
        self.play.setText(tr("Pause") if self.play.isChecked() else tr("Play"))
        for i, (label, _key) in enumerate(mode_words()):
            self.mode.setItemText(i, label)
        words = speed_words()
        for i, (key, _ms) in enumerate(SPEEDS_MS):
            self.speed.setItemText(i, words[key])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = {Qt.Key.Key_Right: "forward", Qt.Key.Key_Left: "back"}
        if event.key() in keys and not self.formula.hasFocus():
            self.step_requested.emit(keys[event.key()])
            return
        super().keyPressEvent(event)

    def _on_play_toggled(self, on: bool) -> None:
        self.play.setText(tr("Pause") if on else tr("Play"))
        if on:
            self.timer.start(self.speed.currentData())
        else:
            self.timer.stop()

    def _on_play_tick(self) -> None:
        self.step_requested.emit("forward")
