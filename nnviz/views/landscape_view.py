"""The landscape view: loss surfaces, gradient-descent paths, the optimizer race, one knob."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nnviz.landscape_picture import LandscapePicture
from nnviz.views.landscape_plots import CurvePlot, SurfacePlot

LR_MIN_EXP, LR_MAX_EXP = -4.0, 0.5  # the learning-rate slider spans 10⁻⁴ … 10^0.5


class LandscapeView(QWidget):
    """Draws LandscapePictures; every control leaves as a request signal."""

    mode_changed = Signal(str)  # "race" or "network"
    surface_selected = Signal(str)
    recompute_requested = Signal()
    start_point_chosen = Signal(float, float)
    lr_changed = Signal(float)
    race_command = Signal(str)  # "play", "pause", "step", "reset"
    racers_changed = Signal(list)
    probe_changed = Signal(float)  # Δx of the secant probe
    fog_toggled = Signal(bool)

    def __init__(
        self, racers: list[tuple[str, tuple[int, int, int]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.picture: LandscapePicture | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_source_row())
        layout.addLayout(self._build_race_row(racers))
        split = QSplitter()
        self.surface = SurfacePlot()
        self.surface.clicked.connect(self.start_point_chosen)
        right = QWidget()
        column = QVBoxLayout(right)
        self.curve = CurvePlot()
        column.addWidget(self.curve, 1)
        column.addLayout(self._build_probe_row())
        self.readout = QLabel()
        self.narration = QLabel()
        self.narration.setWordWrap(True)
        self.narration.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.readout)
        column.addWidget(self.narration, 1)
        split.addWidget(self.surface)
        split.addWidget(right)
        split.setSizes([640, 360])
        layout.addWidget(split, 1)
        self.caption = QLabel("Click the surface to start the race from there.")
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)

    # ----- controls --------------------------------------------------------------------------
    def _build_source_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.addItem("Optimizer race on a surface", "race")
        self.mode.addItem("The live network's loss", "network")
        self.mode.currentIndexChanged.connect(
            lambda _i: self.mode_changed.emit(self.mode.currentData())
        )
        self.surface_choice = QComboBox()
        self.surface_choice.setToolTip("Which surface (race) or which slice (network)")
        self.surface_choice.activated.connect(
            lambda _i: self.surface_selected.emit(self.surface_choice.currentData())
        )
        self.recompute = QPushButton("Recompute")
        self.recompute.setToolTip("Evaluate the surface around the current weights again")
        self.recompute.clicked.connect(self.recompute_requested)
        self.log = QCheckBox("log colours")
        self.log.toggled.connect(self._on_log_toggled)
        for w in (self.mode, self.surface_choice, self.recompute, self.log):
            row.addWidget(w)
        row.addStretch(1)
        return row

    def _build_race_row(self, racers) -> QHBoxLayout:
        row = QHBoxLayout()
        self.lr = QSlider(Qt.Orientation.Horizontal)
        self.lr.setRange(0, 90)
        self.lr.setValue(60)
        self.lr.setToolTip("Learning rate, on a log scale")
        self.lr_label = QLabel()
        self.lr.valueChanged.connect(self._on_lr_moved)
        row.addWidget(QLabel("Learning rate"))
        row.addWidget(self.lr, 1)
        row.addWidget(self.lr_label)
        self.racer_boxes: dict[str, QCheckBox] = {}
        for name, colour in racers:
            box = QCheckBox(name)
            box.setChecked(True)
            box.setStyleSheet(f"color: rgb{tuple(colour)}; font-weight: bold;")
            box.toggled.connect(self._on_racers_toggled)
            self.racer_boxes[name] = box
            row.addWidget(box)
        self.play_button = QPushButton("Play")
        self.play_button.setCheckable(True)
        self.play_button.setToolTip("Run the race")
        self.play_button.toggled.connect(self._on_play_toggled)
        row.addWidget(self.play_button)
        for key, text, tip in (
            ("step", "Step", "One update, narrated"),
            ("reset", "Reset", "Back to the start point"),
        ):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(lambda _=False, k=key: self.race_command.emit(k))
            row.addWidget(b)
        self.glyph_boxes = {}
        for key, text in (
            ("gradient", "gradient"),
            ("momentum", "momentum"),
            ("squared", "Σg² squares"),
        ):
            box = QCheckBox(text)
            box.setChecked(key != "squared")
            box.toggled.connect(lambda on, k=key: self._on_glyph_toggled(k, on))
            self.glyph_boxes[key] = box
            row.addWidget(box)
        self._on_lr_moved(self.lr.value(), emit=False)
        return row

    def _build_probe_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.dx = QSlider(Qt.Orientation.Horizontal)
        self.dx.setRange(1, 100)
        self.dx.setValue(60)
        self.dx.setToolTip("Δx of the probe: shrink it and the secant becomes the tangent")
        self.dx.valueChanged.connect(lambda v: self.probe_changed.emit(self.probe_dx()))
        self.fog = QCheckBox("fog (show only what was evaluated)")
        self.fog.toggled.connect(self.fog_toggled)
        row.addWidget(QLabel("Δx"))
        row.addWidget(self.dx, 1)
        row.addWidget(self.fog)
        return row

    def probe_dx(self) -> float:
        """Δx from the slider: 10^(−3 … 0)."""
        return 10 ** (-3 + 3 * self.dx.value() / 100)

    def learning_rate(self) -> float:
        """The slider's learning rate."""
        return 10 ** (LR_MIN_EXP + (LR_MAX_EXP - LR_MIN_EXP) * self.lr.value() / 90)

    def set_learning_rate(self, lr: float) -> None:
        """Move the slider to ``lr`` (emits lr_changed)."""
        t = (math.log10(lr) - LR_MIN_EXP) / (LR_MAX_EXP - LR_MIN_EXP)
        self.lr.setValue(round(90 * min(max(t, 0.0), 1.0)))

    def _on_lr_moved(self, _v: int, emit: bool = True) -> None:
        self.lr_label.setText(f"{self.learning_rate():.3g}")
        if emit:
            self.lr_changed.emit(self.learning_rate())

    def _on_play_toggled(self, on: bool) -> None:
        self.play_button.setText("Pause" if on else "Play")
        self.race_command.emit("play" if on else "pause")

    def _on_racers_toggled(self) -> None:
        self.racers_changed.emit([n for n, b in self.racer_boxes.items() if b.isChecked()])

    def _on_glyph_toggled(self, key: str, on: bool) -> None:
        if not hasattr(self, "surface"):
            return
        self.surface.show_glyphs[key] = on
        if self.picture is not None:
            self.surface.show_paths(self.picture.paths)

    def _on_log_toggled(self, on: bool) -> None:
        self.surface.log = on
        if self.picture is not None and self.picture.surface is not None:
            self.surface.show_surface(self.picture.surface)

    def set_surfaces(self, items: list[tuple[str, str]]) -> None:
        """Fill the surface/slice chooser with (title, key) pairs."""
        self.surface_choice.clear()
        for title, key in items:
            self.surface_choice.addItem(title, key)

    # ----- drawing ---------------------------------------------------------------------------
    def show_picture(self, pic: LandscapePicture) -> None:
        """Draw a frame; the surface is redrawn only when it changed."""
        old = self.picture
        if pic.surface is not None and (old is None or old.surface is not pic.surface):
            self.surface.show_surface(pic.surface)
        self.surface.show_paths(pic.paths)
        if pic.curve is not None:
            self.curve.show_curve(pic.curve)
            c = pic.curve
            self.readout.setText(
                f"secant Δy/Δx = {c.secant_slope:.4g}   "
                f"derivative = {c.derivative:.4g}   Δx = {c.dx:.3g}"
            )
        self.caption.setText(pic.caption)
        self.narration.setText("<br>".join(pic.narration))
        self.picture = pic

    def set_presentation(self, on: bool) -> None:
        """Thicker paths and bigger captions for a lecture hall."""
        self.surface.width_scale = 1.6 if on else 1.0
        font = QFont()
        font.setPointSizeF(15 if on else 10)
        for label in (self.caption, self.narration, self.readout):
            label.setFont(font)

    def export_image(self, path: str) -> None:
        """Save the whole view as PNG."""
        if not self.grab().save(path):
            raise OSError(f"could not write {path}")
