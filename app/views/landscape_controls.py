"""The landscape view's controls: every one leaves as a request signal carrying a value."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr, worded
from app.views.elided_combo import ElidedComboBox
from app.views.flow_layout import FlowLayout, hold_wrapped_height
from app.views.landscape_words import mode_titles, racer_status, racer_word, regime_titles

LR_MIN_EXP, LR_MAX_EXP = -4.0, 1.0  # the learning-rate slider spans 10⁻⁴ … 10
LR_TICKS = 500
DX_TICKS = 30  # Δx slider ticks per decade: 0.0001, 0.001, …, 1 each fall on a tick
DX_MIN_EXP, DX_DECADES = -4, 4  # the Δx slider spans 10⁻⁴ … 1
SPEEDS = (0.1, 0.2, 1.0, 5.0, 10.0)
REGIMES = ("slow", "good", "oscillating", "diverging")


def swatch(colour: tuple[int, int, int]) -> QIcon:
    """A small square of the racer's colour with a dark rim (white shows on white too)."""
    pix = QPixmap(14, 14)
    pix.fill(QColor(*colour))
    painter = QPainter(pix)
    painter.setPen(QColor(40, 44, 52))
    painter.drawRect(0, 0, 13, 13)
    painter.end()
    return QIcon(pix)


class LandscapeControls(QWidget):
    """Three rows: what to look at, the race, and the 1-D probe."""

    mode_changed = Signal(str)  # "race" or "network"
    surface_selected = Signal(str)
    condition_changed = Signal(float)
    recompute_requested = Signal()
    log_toggled = Signal(bool)
    three_d_toggled = Signal(bool)
    lr_changed = Signal(float)
    lr_regime_requested = Signal(str)
    race_command = Signal(str)  # "play", "pause", "step", "reset", "walk"
    racers_changed = Signal(list)
    speed_changed = Signal(float)
    narrated_changed = Signal(str)
    glyph_toggled = Signal(str, bool)
    knob_selected = Signal(str)
    probe_changed = Signal(float)  # Δx of the secant probe
    fog_toggled = Signal(bool)
    knob_weight_selected = Signal(int)  # network mode: the weight (its index in θ) to turn
    walk_steps = Signal(int)  # that many fog-walk steps at once

    def __init__(self, racers: list[tuple[str, str, tuple[int, int, int]]]) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._source_row())
        column.addLayout(self._race_row(racers))
        column.addLayout(self._glyph_row(racers))
        for combo in self.findChildren(QComboBox):
            # As wide as the longest title: the rows wrap instead of cutting a title short.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Ask for the height the wrapped rows need at this width."""
        super().resizeEvent(event)
        hold_wrapped_height(self)

    # ----- rows ------------------------------------------------------------------------------
    def _source_row(self) -> FlowLayout:
        row = FlowLayout()
        self.mode = ElidedComboBox()
        for key, title in mode_titles().items():
            self.mode.addItem(title, key)
        self.mode.currentIndexChanged.connect(lambda _i: self.mode_changed.emit(self.mode_key()))
        self.surface_choice = ElidedComboBox()
        worded(
            self.surface_choice,
            "setToolTip",
            lambda: tr("Which surface (race) or which slice plane (network)"),
        )
        self.surface_choice.activated.connect(
            lambda _i: self.surface_selected.emit(self.surface_choice.currentData())
        )
        self.condition = QDoubleSpinBox()
        self.condition.setRange(1.0, 1000.0)
        self.condition.setValue(10.0)
        worded(self.condition, "setPrefix", lambda: tr("condition "))
        worded(
            self.condition,
            "setToolTip",
            lambda: tr("The bowl's condition number λmax/λmin: bigger is narrower"),
        )
        self.condition.editingFinished.connect(
            lambda: self.condition_changed.emit(self.condition.value())
        )
        self.recompute = QPushButton()
        worded(self.recompute, "setText", lambda: tr("Recompute"))
        worded(
            self.recompute,
            "setToolTip",
            lambda: tr("Evaluate the slice again around the current weights"),
        )
        self.recompute.clicked.connect(self.recompute_requested)
        self.log = QCheckBox()
        worded(self.log, "setText", lambda: tr("log colours"))
        self.log.toggled.connect(self.log_toggled)
        self.three_d = QCheckBox()
        worded(self.three_d, "setText", lambda: tr("3-D"))
        worded(self.three_d, "setToolTip", lambda: tr("Show the surface in 3-D (needs OpenGL)"))
        self.three_d.toggled.connect(self.three_d_toggled)
        for w in (self.mode, self.surface_choice, self.recompute):
            row.addWidget(w)
        row.addWidget(self.log)
        row.addWidget(self.three_d)
        self.glyph_boxes = {}
        for key, make, on in (
            ("gradient", lambda: tr("gradient arrow"), True),
            ("momentum", lambda: tr("momentum arrow"), True),
            ("squared", lambda: tr("Σg² squares"), False),
        ):
            box = QCheckBox()
            worded(box, "setText", make)
            box.setChecked(on)
            box.toggled.connect(lambda v, k=key: self.glyph_toggled.emit(k, v))
            self.glyph_boxes[key] = box
            row.addWidget(box)
        return row

    def _race_row(self, racers) -> FlowLayout:
        row = FlowLayout()
        self.lr = QSlider(Qt.Orientation.Horizontal)
        self.lr.setRange(0, LR_TICKS)
        worded(self.lr, "setToolTip", lambda: tr("Learning rate, on a log scale"))
        self.lr.setMinimumWidth(140)
        self.lr_label = QLabel()
        self.lr_label.setMinimumWidth(48)
        self._lr = 0.01
        self.lr.valueChanged.connect(self._on_lr_moved)
        lr_name = QLabel()
        worded(lr_name, "setText", lambda: tr("Learning rate"))
        row.addWidget(lr_name)
        row.addWidget(self.lr)
        row.addWidget(self.lr_label)
        row.addWidget(self.condition)
        self.regime_buttons = {}
        for name in REGIMES:
            b = QPushButton()
            worded(b, "setText", lambda n=name: regime_titles()[n])
            worded(
                b,
                "setToolTip",
                lambda n=name: tr(
                    "The bowl at a {regime} learning rate (in units of 1/λmax)"
                ).format(regime=regime_titles()[n]),
            )
            b.clicked.connect(lambda _=False, n=name: self.lr_regime_requested.emit(n))
            self.regime_buttons[name] = b
            row.addWidget(b)
        self.play_button = QPushButton()
        self.play_button.setCheckable(True)
        worded(self.play_button, "setText", self._play_text)
        worded(self.play_button, "setToolTip", lambda: tr("Run the race"))
        self.play_button.toggled.connect(self._on_play_toggled)
        row.addWidget(self.play_button)
        for key, text, tip in (
            ("step", lambda: tr("Step"), lambda: tr("One update, narrated stage by stage")),
            ("reset", lambda: tr("Reset"), lambda: tr("Every ball back to the start point")),
        ):
            b = QPushButton()
            worded(b, "setText", text)
            worded(b, "setToolTip", tip)
            b.clicked.connect(lambda _=False, k=key: self.race_command.emit(k))
            row.addWidget(b)
        self.speed = QComboBox()
        for s in SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        worded(self.speed, "setToolTip", lambda: tr("Playback speed: updates per frame"))
        self.speed.currentIndexChanged.connect(
            lambda _i: self.speed_changed.emit(float(self.speed.currentData()))
        )
        row.addWidget(self.speed)
        self.set_learning_rate(0.01, emit=False)
        return row

    def _glyph_row(self, racers) -> FlowLayout:
        row = FlowLayout()
        self.racer_boxes: dict[str, QCheckBox] = {}
        self._racer_labels = {key: label for key, label, _ in racers}  # the core's (English)
        self._racer_states: dict[str, str] = {}  # each box's legend entry, as the core said it
        self._legend: tuple = ()  # the last legend shown
        for key, label, colour in racers:
            box = QCheckBox(racer_word(label))
            box.setChecked(True)
            box.setIcon(swatch(colour))  # the racer's colour; the text stays readable
            box.toggled.connect(self._on_racers_toggled)
            self.racer_boxes[key] = box
            row.addWidget(box)
        explain = QLabel()
        worded(explain, "setText", lambda: tr("explain"))
        row.addWidget(explain)
        self.narrated = QComboBox()
        for key, label, _ in racers:
            self.narrated.addItem(racer_word(label), key)
        worded(
            self.narrated,
            "setToolTip",
            lambda: tr("Whose update Step explains, and whose cross-sections show"),
        )
        self.narrated.currentIndexChanged.connect(
            lambda _i: self.narrated_changed.emit(self.narrated.currentData())
        )
        row.addWidget(self.narrated)
        self._racer_row = [*self.racer_boxes.values(), explain, self.narrated]
        return row

    def show_race_controls(self, on: bool) -> None:
        """The racers' boxes belong to frames with optimizers racing (not the ll paths)."""
        for widget in self._racer_row:
            widget.setVisible(on)

    def probe_row(self) -> FlowLayout:
        """Knob chooser, Δx slider, fog and the 1-D walk (placed under the 1-D plot)."""
        row = FlowLayout()
        self.knob = QComboBox()
        self.knob.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.knob.activated.connect(lambda _i: self.knob_selected.emit(self.knob.currentData()))
        self.weight = QComboBox()  # network mode: which weight the 1-D panel and the walk turn
        self.weight.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        worded(
            self.weight,
            "setToolTip",
            lambda: tr(
                "The weight the fog walk turns (W1[i,j]: from input i to neuron j of layer 1)"
            ),
        )
        self.weight.activated.connect(
            lambda _i: self.knob_weight_selected.emit(int(self.weight.currentData()))
        )
        self.dx = QSlider(Qt.Orientation.Horizontal)
        self.dx.setRange(0, DX_DECADES * DX_TICKS)
        self.dx.setValue((DX_DECADES - 1) * DX_TICKS)  # Δx = 0.1, the race's own
        worded(
            self.dx,
            "setToolTip",
            lambda: tr("Δx of the probe: shrink it and the secant becomes the tangent"),
        )
        self.dx.setMinimumWidth(120)
        self.dx.valueChanged.connect(lambda _v: self.probe_changed.emit(self.probe_dx()))
        self.fog = QCheckBox()
        worded(self.fog, "setText", lambda: tr("fog"))
        worded(
            self.fog,
            "setToolTip",
            lambda: tr("Show only what has been evaluated (the foggy mountain)"),
        )
        self.fog.toggled.connect(self.fog_toggled)
        self.walk = QPushButton()
        worded(self.walk, "setText", lambda: tr("Walk"))
        worded(self.walk, "setToolTip",
               lambda: tr("Feel the slope with Δx and take one step downhill (W)"))  # fmt: skip
        self.walk.clicked.connect(lambda: self.race_command.emit("walk"))
        self.walk_ten = QPushButton()
        worded(self.walk_ten, "setText", lambda: tr("Walk ×10"))
        worded(self.walk_ten, "setToolTip", lambda: tr("Ten steps downhill (Shift+W)"))
        self.walk_ten.clicked.connect(lambda: self.walk_steps.emit(10))
        dx_name = QLabel("Δx")
        for w in (self.knob, self.weight, dx_name, self.dx, self.fog, self.walk, self.walk_ten):
            row.addWidget(w)
        return row

    # ----- values ----------------------------------------------------------------------------
    def mode_key(self) -> str:
        """The chosen mode: "race" or "network"."""
        return str(self.mode.currentData())

    def probe_dx(self) -> float:
        """Δx from the slider: 10^(−4 … 0)."""
        return 10 ** (DX_MIN_EXP + self.dx.value() / DX_TICKS)

    def show_probe_dx(self, dx: float) -> None:
        """Move the Δx slider to the tick nearest ``dx`` without asking for anything."""
        if not (math.isfinite(dx) and dx > 0):
            return
        with QSignalBlocker(self.dx):
            decades = min(max(math.log10(dx) - DX_MIN_EXP, 0.0), DX_DECADES)
            self.dx.setValue(round(DX_TICKS * decades))

    def set_weights(self, items: list[tuple[str, int]], current: int | None) -> None:
        """Fill the weight chooser with (name, index in θ), selecting ``current``, silently."""
        with QSignalBlocker(self.weight):
            self.weight.clear()
            for name, k in items:
                self.weight.addItem(name, k)
            self.weight.setCurrentIndex(max(self.weight.findData(current), 0))

    def learning_rate(self) -> float:
        """The learning rate the slider stands for (exact after set_learning_rate)."""
        return self._lr

    def set_learning_rate(self, lr: float, emit: bool = True) -> None:
        """Show ``lr`` exactly (the slider moves to the nearest tick)."""
        t = (math.log10(lr) - LR_MIN_EXP) / (LR_MAX_EXP - LR_MIN_EXP)
        with QSignalBlocker(self.lr):
            self.lr.setValue(round(LR_TICKS * min(max(t, 0.0), 1.0)))
        self._lr = float(lr)
        self.lr_label.setText(f"{lr:.3g}")
        if emit:
            self.lr_changed.emit(self._lr)

    def set_items(self, combo: QComboBox, items: list[tuple[str, str]], current: str) -> None:
        """Fill a chooser with (title, key) pairs without emitting, selecting ``current``."""
        with QSignalBlocker(combo):
            combo.clear()
            for title, key in items:
                combo.addItem(title, key)
            combo.setCurrentIndex(max(combo.findData(current), 0))

    def show_mode(self, mode: str, surface: str) -> None:
        """Enable what makes sense: condition and lr lessons only on the bowl, etc."""
        race = mode == "race"
        self.condition.setVisible(race and surface == "bowl")
        for b in self.regime_buttons.values():
            b.setVisible(race and surface == "bowl")
        self.recompute.setEnabled(mode == "network")
        for button in (self.walk, self.walk_ten):
            button.setEnabled(mode in ("race", "network"))
        self.weight.setVisible(mode == "network")
        with QSignalBlocker(self.mode):  # a lesson or a click on the paths may change the mode
            self.mode.setCurrentIndex(max(self.mode.findData(mode), 0))

    def _on_lr_moved(self, v: int) -> None:
        lr = 10 ** (LR_MIN_EXP + (LR_MAX_EXP - LR_MIN_EXP) * v / LR_TICKS)
        self._lr = float(f"{lr:.3g}")
        self.lr_label.setText(f"{self._lr:.3g}")
        self.lr_changed.emit(self._lr)

    def _play_text(self) -> str:
        """Play, or Pause while the race runs."""
        return tr("Pause") if self.play_button.isChecked() else tr("Play")

    def _on_play_toggled(self, on: bool) -> None:
        self.play_button.setText(self._play_text())
        self.race_command.emit("play" if on else "pause")

    def show_playing(self, on: bool) -> None:
        """Mirror the session's play state (a finished race pops the button up)."""
        with QSignalBlocker(self.play_button):
            self.play_button.setChecked(on)
        self.play_button.setText(self._play_text())

    def show_legend(self, legend: tuple[tuple[str, tuple[int, int, int]], ...]) -> None:
        """Each racer's box says how its run stands ("Adam — diverged")."""
        if legend == self._legend:  # the same every frame while the race runs
            return
        self._legend = legend
        status = {name.split(" — ")[0]: name for name, _ in legend}
        for key, label in self._racer_labels.items():
            self._racer_states[key] = status.get(label, label)
        self._word_racers()

    def _word_racers(self) -> None:
        """The racers' boxes and the explain chooser in the current language."""
        for key, box in self.racer_boxes.items():
            label = self._racer_labels[key]
            text = racer_status(self._racer_states.get(key, label))
            if text != box.text():  # a new text re-lays out the window: only when it changed
                box.setText(text)

    def reword(self) -> None:
        """The words a switch of language changes beyond the ``worded`` ones: the choosers."""
        for key, title in mode_titles().items():
            self.mode.setItemText(max(self.mode.findData(key), 0), title)
        for i in range(self.narrated.count()):
            self.narrated.setItemText(i, racer_word(self._racer_labels[self.narrated.itemData(i)]))
        self._word_racers()

    def changeEvent(self, event: QEvent) -> None:
        """Re-word on a switch of language (Qt sends LanguageChange to every widget)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.reword()
        super().changeEvent(event)

    def _on_racers_toggled(self) -> None:
        self.racers_changed.emit([k for k, b in self.racer_boxes.items() if b.isChecked()])
