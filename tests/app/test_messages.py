"""Messages that stay true: each is replaced or cleared when what it describes changes."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt

from nnviz import commands as cmd


def _pixel(window, x: float, y: float) -> QPoint:
    """Viewport pixel of data point (x, y) on the data canvas."""
    plot = window.canvas.plot
    return plot.mapFromScene(plot.getViewBox().mapViewToScene(QPointF(x, y)))


def _click(window, qtbot, x: float, y: float) -> None:
    """A real left click at data point (x, y)."""
    qtbot.mouseClick(window.canvas.plot.viewport(), Qt.MouseButton.LeftButton,
                     pos=_pixel(window, x, y))  # fmt: skip


def _settle(window):
    """Wait until every command sent so far has been applied and drawn."""
    seq = window.latest.seq
    window.send(cmd.RequestSnapshot())
    return window.wait_for_snapshot(lambda s: s.seq > seq and not s.playing)


def test_outside_the_plane_clears_on_the_next_successful_edit(window, qtbot):
    """'That click is outside the plane' goes away once a click adds a point."""
    _click(window, qtbot, 6.15, 0.0)
    assert "outside the plane" in window.status.message.text()
    n = len(window.doc.points)
    _click(window, qtbot, 5.6, -5.5)
    assert len(window.doc.points) == n + 1
    assert window.status.message.text() == ""


def test_outside_the_plane_clears_when_training_starts(window, qtbot):
    """The complaint about a click does not stay while the network trains."""
    _click(window, qtbot, 6.15, 0.0)
    assert "outside the plane" in window.status.message.text()
    window.send(cmd.Play())
    assert window.wait_for_snapshot(lambda s: s.playing and s.epoch >= 1) is not None
    window.send(cmd.Pause())
    assert "outside the plane" not in window.status.message.text()


def test_a_reset_message_clears_when_training_starts(window, qtbot):
    """'Reset: the parameters were re-randomised' is about fresh weights; a step ends that."""
    window.send(cmd.Reset())
    assert _settle(window) is not None
    assert "Reset" in window.status.message.text()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.wait_for_snapshot(lambda s: s.epoch == 1) is not None
    assert "Reset" not in window.status.message.text()


def test_an_untagged_message_stays_through_training(window, qtbot):
    """A plain message (e.g. presentation mode on) is not withdrawn by training."""
    window.status.say("Presentation mode on (F5 to leave)")
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.wait_for_snapshot(lambda s: s.epoch == 1) is not None
    assert "Presentation mode" in window.status.message.text()


def test_traced_message_gives_way_to_the_walk_and_to_a_new_graph(window, qtbot):
    """'Traced: N operations. Press → to walk' lasts until the first step, and goes with
    the trace when an example is shown instead."""
    graph = window.graph
    graph.trace_training_point(0)
    assert "Press →" in graph.view.message.text()
    graph.step("forward")
    assert "Press →" not in graph.view.message.text()
    assert graph.view.caption.text() == graph.view.picture.caption
    graph.trace_training_point(0)
    assert "Press →" in graph.view.message.text()
    graph.load_preset("cs188")
    assert "Traced" not in graph.view.message.text()
    description = graph.view.message.text()
    graph.step("forward")
    assert graph.view.message.text() == description  # still true while walking the example


def test_a_stale_trace_warning_stays_while_walking(window, qtbot):
    """After a reset the old trace's warning holds on every step until it is re-traced."""
    graph = window.graph
    graph.trace_training_point(0)
    window.send(cmd.Reset())
    assert window.wait_for_snapshot(lambda s: s.event == "reset") is not None
    graph.step("forward")
    assert "network changed" in graph.view.message.text()
    graph.trace()
    assert "network changed" not in graph.view.message.text()


def test_curve_fit_caption_names_no_class_and_no_boundary(window, qtbot):
    """The 1-D regression canvas says what its line is, not 'class 2 … decision boundary'."""
    window.load_preset("curve")
    caption = window.canvas.caption.text()
    assert "class" not in caption and "decision boundary" not in caption
    assert "prediction" in caption
    assert _settle(window) is not None  # (the landscape trips on a 1-D snapshot over 2-D data)
    window.load_preset("xor")
    assert "decision boundary" in window.canvas.caption.text()


def test_choosing_xor_does_not_say_the_architecture_changed(window, qtbot):
    """XOR has the circle demo's 2-4-2-1 network: no rebuild, no message, weights kept."""
    window.send(cmd.StepEpoch())
    before = window.wait_for_snapshot(lambda s: s.epoch == 1)
    window.load_preset("xor")
    snap = _settle(window)
    assert snap.spec.sizes == before.spec.sizes and snap.epoch == 1
    assert all(np.array_equal(a, b) for a, b in zip(snap.params, before.params, strict=True))
    assert "architecture changed" not in window.status.message.text()
    assert window.status.message.text().startswith("XOR")


def test_a_restored_session_shows_its_saved_epoch(window, tmp_path):
    """Open a session saved at epoch 4: the status bar says epoch 4, not epoch 0."""
    window.send(cmd.RunEpochs(4))
    saved = window.wait_for_snapshot(lambda s: s.epoch >= 4 and not s.playing)
    path = tmp_path / "s.nnviz"
    assert window.session_io.save_to(path)
    window.send(cmd.Reset())
    assert window.wait_for_snapshot(lambda s: s.epoch == 0) is not None
    assert window.session_io.open_path(path)
    snap = window.wait_for_snapshot(lambda s: s.epoch == saved.epoch)
    assert snap is not None and snap.metrics["train_loss"] == saved.metrics["train_loss"]
    assert f"epoch {saved.epoch}" in window.status.numbers.text()


def test_a_missing_class_complaint_goes_when_a_real_class_is_picked(window, qtbot):
    """'class 5 is not available' is withdrawn once the user picks a class that exists."""
    qtbot.keyClick(window, Qt.Key.Key_5)
    assert "not available" in window.status.message.text()
    qtbot.keyClick(window, Qt.Key.Key_2)
    assert window.status.message.text() == ""
