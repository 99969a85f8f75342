"""Architecture controls of the network view: layers, neurons and features leave as new specs."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from nnviz.engine.spec import NetworkSpec
from tests.app.views.network_helpers import one_d_snapshot, shown_view
from tests.factories import make_snapshot

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(scope="module")
def base():
    """A real snapshot of the default 2-4-2-1 network."""
    return make_snapshot()


def test_add_layer_click_emits_a_spec_with_one_more_layer(qtbot, base):
    """'+ layer' appends a hidden layer of 2 neurons; '− layer' drops the last one."""
    view = shown_view(qtbot, base)
    with qtbot.waitSignal(view.spec_change_requested) as grown:
        qtbot.mouseClick(view.bar.add_layer, LEFT)
    assert grown.args[0].hidden == (4, 2, 2) and grown.args[0].features == base.spec.features
    with qtbot.waitSignal(view.spec_change_requested) as shrunk:
        qtbot.mouseClick(view.bar.remove_layer, LEFT)
    assert shrunk.args[0].hidden == (4,)


def test_layer_buttons_disable_at_the_limits_and_say_why(qtbot):
    """Six hidden layers: '+ layer' is off with a reason; none: '− layer' is off."""
    view = shown_view(qtbot, make_snapshot(NetworkSpec(hidden=(2,) * 6)))
    assert not view.bar.add_layer.isEnabled() and "At most 6" in view.bar.add_layer.toolTip()
    view.show_snapshot(dataclasses.replace(make_snapshot(NetworkSpec(hidden=())), seq=50))
    assert not view.bar.remove_layer.isEnabled() and view.bar.add_layer.isEnabled()
    assert view.strip.groups == [] and set(view.nodes) == {(0, 0), (0, 1), (1, 0)}


def test_neuron_buttons_sit_above_their_columns_and_emit(qtbot, base):
    """'+' over hidden layer 2 asks for one more neuron there; limits disable the buttons."""
    view = shown_view(qtbot, base)
    minus, _label, plus = view.strip.groups[1]
    at = view.canvas.mapFromScene(view.nodes[(2, 0)].scenePos())
    node_x = view.canvas.viewport().mapTo(view, at).x()
    left = view.strip.mapTo(view, minus.geometry().topLeft()).x()
    right = view.strip.mapTo(view, plus.geometry().topRight()).x()
    assert abs((left + right) / 2 - node_x) <= 3
    with qtbot.waitSignal(view.spec_change_requested) as more:
        qtbot.mouseClick(plus, LEFT)
    assert more.args[0].hidden == (4, 3)
    view.show_snapshot(dataclasses.replace(make_snapshot(NetworkSpec(hidden=(8, 1))), seq=60))
    assert (
        not view.strip.groups[0][2].isEnabled() and "At most 8" in view.strip.groups[0][2].toolTip()
    )
    assert not view.strip.groups[1][0].isEnabled() and view.strip.groups[1][2].isEnabled()


def test_feature_toggle_emits_a_spec_with_that_feature(qtbot, base):
    """Checking X₁² adds it (in the table's order); unchecking X₂ removes it."""
    view = shown_view(qtbot, base)
    buttons = view.bar.feature_buttons
    assert buttons["x1"].isChecked() and not buttons["x1^2"].isChecked()
    with qtbot.waitSignal(view.spec_change_requested) as added:
        qtbot.mouseClick(buttons["x1^2"], LEFT)
    assert added.args[0].features == ("x1", "x2", "x1^2")
    with qtbot.waitSignal(view.spec_change_requested) as removed:
        qtbot.mouseClick(buttons["x2"], LEFT)
    assert removed.args[0].features == ("x1",)


def test_turning_off_the_last_feature_is_refused(qtbot):
    """With only X₁ left, unchecking it says why, keeps it checked and emits no spec."""
    view = shown_view(qtbot, make_snapshot(NetworkSpec(features=("x1",))))
    specs, messages = [], []
    view.spec_change_requested.connect(specs.append)
    view.message.connect(messages.append)
    qtbot.mouseClick(view.bar.feature_buttons["x1"], LEFT)
    assert specs == [] and len(messages) == 1 and "at least one input" in messages[0]
    assert view.bar.feature_buttons["x1"].isChecked()


def test_one_d_data_offers_powers_of_x(qtbot):
    """For curves the toggles are x, x², … and sin(x), synced to the spec."""
    view = shown_view(qtbot, one_d_snapshot())
    labels = [b.text() for b in view.bar.feature_buttons.values()]
    assert labels[:2] == ["x", "x²"] and "sin(x)" in labels and "X₁" not in labels
    assert view.bar.feature_buttons["x^2"].isChecked()
    assert not view.bar.feature_buttons["x^3"].isChecked()


def test_edge_mode_buttons_are_exclusive(qtbot, base):
    """Exactly one of weight / gradient / update is checked, and clicks switch it."""
    view = shown_view(qtbot, base)
    with qtbot.waitSignal(view.bar.mode_selected) as chosen:
        qtbot.mouseClick(view.bar.mode_buttons["update"], LEFT)
    assert chosen.args == ["update"] and view.edge_mode == "update"
    assert [b.isChecked() for b in view.bar.mode_buttons.values()] == [False, False, True]
