"""Feature-table view and controller: knobs light lamps, bad input is refused, presets, training."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionSlider

from app.application import make_application
from app.table_controller import TableController
from app.views.table_view import THRESHOLD, TableView
from nnviz.engine.feature_table import load_table


@pytest.fixture
def pair(qtbot):
    """A shown table view on the fruit table with its controller."""
    make_application()
    view = TableView()
    qtbot.addWidget(view)
    controller = TableController(view, "fruit")
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    return view, controller


def drag_handle(qtbot, slider, to_x: int) -> None:
    """Press on a slider's handle, drag it to ``to_x`` and let go, with the real mouse."""
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    handle = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
    )
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(slider, left, pos=handle.center())
    for x in range(handle.center().x(), to_x, -5):
        qtbot.mouseMove(slider, QPoint(x, handle.center().y()))
    qtbot.mouseRelease(slider, left, pos=QPoint(to_x, handle.center().y()))


def test_dragging_a_slider_updates_every_lamp(pair, qtbot):
    """Moving the threshold slider with the mouse and keys relights the lamps as the table says."""
    view, controller = pair
    table = load_table("fruit")
    knobs = table.detectors["watermelon"]
    controller.set_knobs(knobs.weights, 5.0)
    assert view.lamps() == [0] * len(table.rows)
    slider = view.knobs[THRESHOLD].slider
    slider.setFocus()
    for _ in range(2):
        qtbot.keyClick(slider, Qt.Key.Key_PageDown)  # 2 × 10 steps of 0.1: b = 3.0
    assert controller.threshold == pytest.approx(3.0)
    drag_handle(qtbot, slider, to_x=slider.width() // 4)
    b = controller.threshold
    assert b < 0.0
    assert view.lamps() == table.lamps(knobs.weights, b) == controller.lamps()
    assert sum(view.lamps()) >= 2  # a low threshold lights more than the watermelon


def test_each_preset_lights_only_its_fruit(pair, qtbot):
    """Clicking each detector button lights exactly the lamp of its own fruit."""
    view, _ = pair
    rows = list(load_table("fruit").rows)
    for name, button in view.preset_buttons.items():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert view.lamps() == [int(r == name) for r in rows]


def test_typed_value_moves_the_knob_and_the_lamps(pair, qtbot):
    """Typing 3 into a weight's box and pressing Enter sets it and rescores every row."""
    view, controller = pair
    box = view.knobs["big"].box
    box.selectAll()
    qtbot.keyClicks(box, "3")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert controller.weights["big"] == 3.0
    assert view.knobs["big"].slider.value() == 30
    assert view.lamps() == [1, 1, 0, 0, 0, 0]  # the two big fruits


@pytest.mark.parametrize("bad", ["7", "nan", "inf", "abc", "-5.5"])
def test_bad_typed_value_is_refused_with_one_message(pair, qtbot, bad):
    """A number out of range or not a number: one message, the knob and lamps unchanged."""
    view, controller = pair
    controller.preset("apple")
    before = (dict(controller.weights), controller.threshold, view.lamps())
    messages = []
    view.message.connect(messages.append)
    box = view.knobs["red"].box
    box.selectAll()
    qtbot.keyClicks(box, bad)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert len(messages) == 1 and "red" in messages[0]
    assert view.status.text() == messages[0]
    assert (dict(controller.weights), controller.threshold, view.lamps()) == before
    assert box.text() == "1.0"


def test_set_knobs_refuses_bad_values_and_changes_nothing(pair):
    """The lesson player's table.knobs request: unknown names or huge values are refused whole."""
    view, controller = pair
    controller.preset("hawthorn")
    before = (dict(controller.weights), controller.threshold)
    assert not controller.set_knobs({"big": 1.0, "nose": 2.0}, 1.0)
    assert not controller.set_knobs({"big": float("nan")}, 1.0)
    assert not controller.set_knobs({"big": 1.0}, 9.0)
    assert (dict(controller.weights), controller.threshold) == before


def test_train_from_labels_lights_the_target(pair, qtbot):
    """Choosing hawthorn and clicking Train shows knobs learned by the perceptron rule."""
    view, controller = pair
    view.target_box.setCurrentIndex(view.target_box.findData("hawthorn"))
    qtbot.mouseClick(view.train_button, Qt.MouseButton.LeftButton)
    rows = list(load_table("fruit").rows)
    assert view.lamps() == [int(r == "hawthorn") for r in rows]
    assert view.knobs["red"].value() == controller.weights["red"]
    assert "trained" in view.status.text()


def test_choosing_the_weather_table_rebuilds_and_rain_is_and(pair, qtbot):
    """The weather table has two knobs; its rain detector lights only overcast ∧ humid."""
    view, controller = pair
    view.table_box.setCurrentIndex(view.table_box.findData("weather"))
    assert set(view.knobs) == {"overcast", "humid", THRESHOLD}
    qtbot.mouseClick(view.preset_buttons["rain"], Qt.MouseButton.LeftButton)
    assert view.lamps() == [0, 0, 0, 1]
    assert controller.load("planets") is False and controller.table.name == "weather"


def test_presentation_type_is_large_and_export_writes(pair, tmp_path):
    """Presentation mode: every label at least 20 px; the view exports PNG and SVG."""
    view, _ = pair
    view.set_presentation(True)
    assert all(lbl.font().pixelSize() >= 20 for lbl in view.findChildren(type(view.title)))
    assert view.minimumSizeHint().width() <= 1280 and view.minimumSizeHint().height() <= 720
    for suffix in ("png", "svg"):
        path = tmp_path / f"table.{suffix}"
        view.export_image(str(path))
        assert path.stat().st_size > 1000


def test_a_language_switch_rewords_the_table_and_its_words(pair, qtbot):
    """The rule, the shipped table's title, rows and features, knobs and targets in Chinese."""
    from tests.app.language import chinese, zh

    view, controller = pair
    controller.preset("apple")
    with chinese():
        rule = "A lamp lights when Σ w·x − b > 0: each feature x (0 or 1) times its weight w, "
        assert view.rule.text() == zh(rule + "minus b.")
        assert view.knobs[THRESHOLD].label.text() == zh("threshold b")
        assert view.knobs["big"].label.text() == zh("w {feature}").format(feature=zh("big"))
        assert view.preset_buttons["apple"].text() == zh("apple")
        qtbot.waitUntil(lambda: view.title.text() == zh("Which fruit is it?"))
        assert view.table_box.currentText() == zh("fruit")
        assert view.lamps() == controller.lamps()  # words change, lamps do not
        controller.load("weather")
        assert view.target_box.itemText(0) == zh("the table's labels")
        assert view.target_box.itemData(0) == ""
        controller.train("")
        said = zh("trained: settled after {epochs} passes; lit for {rows}")
        assert view.status.text().startswith(said.split("{")[0])
        assert view.status.text().endswith(zh("overcast and humid"))
    qtbot.waitUntil(lambda: view.title.text() == "Will it rain?")
    assert view.target_box.itemText(0) == "the table's labels"
    assert view.knobs[THRESHOLD].label.text() == "threshold b"
