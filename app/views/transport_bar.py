"""A compact row of training controls for the stage: play, step, back, reset, speed, numbers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.views.controls_view import DEFAULT_SPEED, SPEEDS
from app.views.steady_label import SteadyLabel
from app.views.widgets import blocked, combo
from nnviz import commands as cmd
from nnviz.snapshot import Snapshot


class TransportBar(QWidget):
    """The few controls a lecturer needs while one view fills the screen."""

    command_requested = Signal(object)  # a nnviz.commands value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        self.play_button = QPushButton("▶ Play")
        self.play_button.setCheckable(True)
        self.play_button.setToolTip("Start or pause training (Space)")
        self.play_button.clicked.connect(self._on_play_clicked)
        row.addWidget(self.play_button)
        for text, tip, command in (
            ("◀ Back", "Undo the last step exactly (←)", cmd.StepBack),
            ("Step ▶", "Train one epoch (→)", cmd.StepEpoch),
            ("Reset", "Re-randomise the parameters (R)", cmd.Reset),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, c=command: self.command_requested.emit(c()))
            row.addWidget(button)
        self.speed = combo(SPEEDS, "How fast training runs")
        self.speed.setCurrentIndex(self.speed.findData(DEFAULT_SPEED))
        self.speed.currentIndexChanged.connect(self._on_speed_changed)
        row.addWidget(self.speed)
        self.numbers = SteadyLabel()
        row.addWidget(self.numbers, 1)

    def show_snapshot(self, snap: Snapshot) -> None:
        """Mirror playing/paused and show the numbers a lecturer reads out."""
        with blocked(self.play_button):
            self.play_button.setChecked(snap.playing)
            self.play_button.setText("❚❚ Pause" if snap.playing else "▶ Play")
        m = snap.metrics
        parts = [f"epoch {snap.epoch}"]
        loss = m.get("train_loss")
        if loss is not None and loss == loss:
            parts.append(f"loss {loss:.4f}")
        acc = m.get("test_acc")
        if snap.kind != "regression" and acc is not None and acc == acc:
            parts.append(f"test accuracy {100 * acc:.1f} %")
        self.numbers.setText("   ".join(parts))

    def _on_play_clicked(self, checked: bool) -> None:
        self.command_requested.emit(cmd.Play() if checked else cmd.Pause())

    def _on_speed_changed(self) -> None:
        self.command_requested.emit(cmd.SetSpeed(self.speed.currentData()))
