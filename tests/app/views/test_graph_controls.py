"""Tests for the computation-graph view's controls: buttons, keys, the formula box, play."""

from PySide6.QtCore import Qt

from app.views.graph_view import GraphView
from tests.app.views.test_graph_view import _picture


def test_buttons_and_keys_emit_step_requests(qtbot):
    """Step/back buttons and the arrow keys emit the matching requests."""
    view = GraphView()
    qtbot.addWidget(view)
    view.show_picture(_picture(step=2))
    seen = []
    view.step_requested.connect(seen.append)
    qtbot.mouseClick(view.buttons["forward"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.buttons["back"], Qt.MouseButton.LeftButton)
    view.canvas.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert seen == ["forward", "back", "forward", "back"]


def test_formula_entry_emits_on_enter(qtbot):
    """Typing a formula and Enter submits it."""
    view = GraphView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.formula_submitted) as sig:
        qtbot.keyClicks(view.formula, "x*y")
        qtbot.keyClick(view.formula, Qt.Key.Key_Return)
    assert sig.args == ["x*y"]


def test_play_steps_forward_at_the_chosen_speed_and_stops_at_the_end(qtbot):
    """Play ticks "forward" at the speed picked; it unchecks itself on the last step."""
    view = GraphView()
    qtbot.addWidget(view)
    view.show_picture(_picture(step=2))
    view.speed.setCurrentIndex(2)  # fast
    qtbot.mouseClick(view.play, Qt.MouseButton.LeftButton)
    assert view.play.text() == "Pause" and view.timer.isActive()
    assert view.timer.interval() == 200
    with qtbot.waitSignal(view.step_requested) as sig:
        pass
    assert sig.args == ["forward"]
    view.show_picture(_picture(step=4))  # the last of four steps
    assert not view.play.isChecked() and not view.timer.isActive()
    assert view.play.text() == "Play"
