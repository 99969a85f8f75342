"""The stage's transport bar: its buttons send commands, its numbers never shrink the row."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from app.application import make_application
from app.views.transport_bar import TransportBar
from nnviz import commands as cmd
from tests.app.shown import shown
from tests.factories import make_snapshot


def _bar(qtbot) -> tuple[TransportBar, list]:
    make_application()
    bar = TransportBar()
    sent: list = []
    bar.command_requested.connect(sent.append)
    return shown(qtbot, bar, 900, 40), sent


def test_play_and_step_clicks_send_their_commands(qtbot):
    bar, sent = _bar(qtbot)
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert isinstance(sent[-1], cmd.Play)
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert isinstance(sent[-1], cmd.Pause)


def test_a_shorter_number_keeps_the_widest_size(qtbot):
    """Numbers change every frame: a shorter line must not shrink the label (and re-lay out)."""
    bar, _ = _bar(qtbot)
    snap = make_snapshot(epochs=3)
    long = dataclasses.replace(snap, epoch=123456789)
    bar.show_snapshot(long)
    wide = bar.numbers.sizeHint().width()
    bar.show_snapshot(dataclasses.replace(snap, epoch=7))
    assert "7" in bar.numbers.text()
    assert bar.numbers.sizeHint().width() == wide
    assert bar.numbers.label.sizeHint().width() < wide  # the text itself did get shorter
