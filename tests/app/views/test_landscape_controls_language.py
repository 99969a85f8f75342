"""The landscape's controls in 简体中文 and back, at once: worded texts, choosers, racers."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.i18n import Language, tr
from app.views.landscape_controls import LandscapeControls
from tests.app.views.test_landscape_controls import shown_controls

CJK = re.compile(r"[\u4e00-\u9fff]")
RACERS = [("sgd", "Gradient descent", (255, 255, 255)), ("adam", "Adam", (221, 132, 82))]


@pytest.fixture
def controls(qtbot):
    """The controls, shown, with two racers."""
    return shown_controls(qtbot, RACERS)


@pytest.fixture
def switch():
    """switch(language): the app's language now (Qt's LanguageChange delivered); English after."""
    language = Language()

    def to(name: str) -> None:
        language.set(name, remember=False)
        QApplication.processEvents()  # Qt posts LanguageChange to each window

    yield to
    to("en")


def _words(c: LandscapeControls) -> dict[str, str]:
    """What the user reads on a few controls, by what each one is."""
    return {
        "Recompute": c.recompute.text(),
        "fog": c.fog.text(),
        "Walk": c.walk.text(),
        "Walk ×10": c.walk_ten.text(),
        "Play": c.play_button.text(),
        "slow": c.regime_buttons["slow"].text(),
        "condition ": c.condition.prefix(),
        "Optimizer race on a surface": c.mode.itemText(0),
        "The live network's loss": c.mode.itemText(1),
        "Gradient descent": c.racer_boxes["sgd"].text(),
        "Adam": c.racer_boxes["adam"].text(),
        "Show only what has been evaluated (the foggy mountain)": c.fog.toolTip(),
    }


def test_a_switch_rewords_every_control_at_once_and_back(controls, switch):
    """Each text becomes its catalogue's Chinese (Adam stays Adam); English comes back."""
    english = _words(controls)
    assert english == {source: source for source in english}
    switch("zh_CN")
    chinese = _words(controls)
    assert chinese == {source: tr(source) for source in english}
    assert all(CJK.search(t) for s, t in chinese.items() if s != "Adam")
    assert chinese["Adam"] == "Adam"
    assert controls.narrated.itemText(0) == chinese["Gradient descent"]
    switch("en")
    assert _words(controls) == english and controls.narrated.itemText(0) == "Gradient descent"


def test_play_and_pause_speak_the_language_of_the_moment(controls, switch, qtbot):
    """Play pressed in Chinese reads Pause in Chinese; a switch while playing keeps Pause."""
    switch("zh_CN")
    seen = []
    controls.race_command.connect(seen.append)
    qtbot.mouseClick(controls.play_button, Qt.MouseButton.LeftButton)
    assert seen == ["play"] and controls.play_button.text() == tr("Pause")
    assert CJK.search(controls.play_button.text())
    switch("en")
    assert controls.play_button.text() == "Pause"
    controls.show_playing(False)
    assert controls.play_button.text() == "Play"


def test_a_racers_state_is_worded_and_kept_across_a_switch(controls, switch):
    """'Gradient descent — diverged' from the core reads in Chinese, and back in English."""
    controls.show_legend((("Gradient descent — diverged", (255, 255, 255)), ("Adam", (0, 0, 0))))
    assert controls.racer_boxes["sgd"].text() == "Gradient descent — diverged"
    switch("zh_CN")
    assert controls.racer_boxes["sgd"].text() == f"{tr('Gradient descent')} — {tr('diverged')}"
    assert controls.racer_boxes["adam"].text() == "Adam"
    controls.show_legend((("Gradient descent", (255, 255, 255)),))  # running again
    assert controls.racer_boxes["sgd"].text() == tr("Gradient descent")
    switch("en")
    assert controls.racer_boxes["sgd"].text() == "Gradient descent"


def test_a_regimes_tooltip_names_it_in_the_same_words(controls, switch):
    """The bowl's button tooltip holds the button's own (translated) word."""
    switch("zh_CN")
    button = controls.regime_buttons["oscillating"]
    assert button.text() in button.toolTip() and CJK.search(button.toolTip())
    assert "{regime}" not in button.toolTip()
