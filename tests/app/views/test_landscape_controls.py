"""The landscape's controls: the Δx slider's ticks, the weight chooser, Walk by mode."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.application import make_application
from app.views.landscape_controls import LandscapeControls

RACERS = [("sgd", "Gradient descent", (255, 255, 255))]


def shown_controls(qtbot, racers) -> LandscapeControls:
    """The controls with their probe row in a widget (as the view places it), shown."""
    make_application()
    box = QWidget()
    column = QVBoxLayout(box)
    c = LandscapeControls(racers)
    column.addWidget(c)
    column.addLayout(c.probe_row())
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    c.holder = box  # the holder lives as long as the controls do (qtbot keeps no reference)
    return c


@pytest.fixture
def controls(qtbot):
    """The controls, shown, with one racer."""
    return shown_controls(qtbot, RACERS)


def test_decades_of_dx_fall_on_slider_ticks(controls, qtbot):
    """0.1 at first (the race's own Δx); Home and End reach 0.0001 and 1 exactly."""
    assert controls.probe_dx() == 0.1
    seen = []
    controls.probe_changed.connect(seen.append)
    controls.dx.setFocus()
    qtbot.keyClick(controls.dx, Qt.Key.Key_Home)
    qtbot.keyClick(controls.dx, Qt.Key.Key_End)
    assert seen == [0.0001, 1.0]


def test_show_probe_dx_moves_the_slider_silently(controls):
    """A Δx set elsewhere (a lesson) shows on the slider without asking for anything."""
    seen = []
    controls.probe_changed.connect(seen.append)
    controls.show_probe_dx(0.01)
    assert controls.probe_dx() == pytest.approx(0.01) and seen == []
    controls.show_probe_dx(float("nan"))
    controls.show_probe_dx(1e-9)  # below the slider: its first tick
    assert controls.probe_dx() == 0.0001 and seen == []


def test_the_weight_chooser_lists_and_emits_the_index(controls, qtbot):
    """set_weights fills silently; choosing by keyboard emits the weight's index in θ."""
    seen = []
    controls.knob_weight_selected.connect(seen.append)
    controls.show_mode("network", "weights")
    controls.set_weights([("W1[0,0]", 0), ("W1[0,1]", 1), ("b1[0]", 2)], 1)
    assert controls.weight.currentText() == "W1[0,1]" and seen == []
    controls.weight.setFocus()
    qtbot.keyClick(controls.weight, Qt.Key.Key_Down)
    assert seen == [2]


def test_walk_belongs_to_the_race_and_the_network(controls):
    """Walk and Walk ×10 work on a surface and on the network; the weight list only there."""
    for mode, walks, weights in (
        ("race", True, False),
        ("network", True, True),
        ("likelihood", False, False),
    ):
        controls.show_mode(mode, "bowl")
        assert controls.walk.isEnabled() == controls.walk_ten.isEnabled() == walks
        assert controls.weight.isVisible() == weights


def test_walk_ten_asks_for_ten_steps(controls, qtbot):
    """A click on Walk ×10 is one request for ten steps."""
    seen = []
    controls.walk_steps.connect(seen.append)
    qtbot.mouseClick(controls.walk_ten, Qt.MouseButton.LeftButton)
    assert seen == [10]
