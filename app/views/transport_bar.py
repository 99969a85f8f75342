"""A compact row of training controls for the stage: play, step, back, reset, speed, numbers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.i18n import QT_TR_NOOP, reworded, tr, worded
from app.views.controls_view import DEFAULT_SPEED, SPEEDS, play_text
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
        self.play_button = QPushButton()
        self.play_button.setCheckable(True)
        reworded(self.play_button, lambda b: b.setText(play_text(b.isChecked())))
        worded(self.play_button, "setToolTip", lambda: tr("Start or pause training (Space)"))
        self.play_button.clicked.connect(self._on_play_clicked)
        row.addWidget(self.play_button)
        for text, tip, command in (
            (QT_TR_NOOP("◀ Back"), QT_TR_NOOP("Undo the last step exactly (←)"), cmd.StepBack),
            (QT_TR_NOOP("Step ▶"), QT_TR_NOOP("Train one epoch (→)"), cmd.StepEpoch),
            (QT_TR_NOOP("Reset"), QT_TR_NOOP("Re-randomise the parameters (R)"), cmd.Reset),
        ):
            button = QPushButton()
            worded(button, "setText", lambda source=text: tr(source))
            worded(button, "setToolTip", lambda source=tip: tr(source))
            button.clicked.connect(lambda _=False, c=command: self.command_requested.emit(c()))
            row.addWidget(button)
        self.speed = combo(SPEEDS, QT_TR_NOOP("How fast training runs"))
        self.speed.setCurrentIndex(self.speed.findData(DEFAULT_SPEED))
        self.speed.currentIndexChanged.connect(self._on_speed_changed)
        row.addWidget(self.speed)
        self.numbers = SteadyLabel(grow=True)  # numbers change every frame: never re-lay out
        row.addWidget(self.numbers, 1)

    def show_snapshot(self, snap: Snapshot) -> None:
        """Mirror playing/paused and show the numbers a lecturer reads out."""
        with blocked(self.play_button):
            self.play_button.setChecked(snap.playing)
            self.play_button.setText(play_text(snap.playing))
        m = snap.metrics
        parts = [tr("epoch {epoch}").format(epoch=snap.epoch)]
        loss = m.get("train_loss")
        if loss is not None and loss == loss:
            parts.append(tr("loss {loss}").format(loss=f"{loss:.4f}"))
        acc = m.get("test_acc")
        if snap.kind != "regression" and acc is not None and acc == acc:
            parts.append(tr("test accuracy {accuracy}").format(accuracy=f"{100 * acc:.1f} %"))
        self.numbers.setText("   ".join(parts))

    def _on_play_clicked(self, checked: bool) -> None:
        self.command_requested.emit(cmd.Play() if checked else cmd.Pause())

    def _on_speed_changed(self) -> None:
        self.command_requested.emit(cmd.SetSpeed(self.speed.currentData()))
