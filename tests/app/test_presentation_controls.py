"""The Controls panel at projector sizes: rows wrap, every control shows whole, no side scroll."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from app.views.controls_column import ControlsColumn
from tests.app.layout_check import clipped, cut_off

# (window size, presentation mode): two projectors in presentation mode, the everyday window.
SIZES = [((1280, 720), True), ((1920, 1080), True), ((1480, 900), False)]


def _show(qtbot, window, size, presenting) -> ControlsColumn:
    """The window at ``size`` (in presentation mode if asked); returns the Controls column."""
    window.resize(*size)
    qtbot.wait(60)
    if presenting:
        window.toggle_presentation(True)
    qtbot.wait(60)
    column = window.docks["controls"].widget()
    assert isinstance(column, ControlsColumn)
    return column


@pytest.mark.parametrize(("size", "presenting"), SIZES, ids=lambda v: str(v))
def test_every_control_shows_whole_without_sideways_scrolling(qtbot, window, size, presenting):
    """No label, button, check box or combo box in Controls is cut by the panel's right edge,
    the panel has no horizontal scroll bar, and its content is no wider than what it shows."""
    column = _show(qtbot, window, size, presenting)
    dock = window.docks["controls"]
    assert cut_off(dock) == []
    assert clipped(dock) == []
    assert column.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert not column.horizontalScrollBar().isVisible()
    assert column.widget().width() <= column.viewport().width()
    assert window.width() <= size[0] and window.height() <= size[1]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_in_chinese_too_every_control_shows_whole(qtbot, window, size):
    """View ▸ Language ▸ 简体中文 (other words, other widths): still nothing cut, no side scroll."""
    actions = [a for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
    next(a for a in actions if a.text() == "简体中文").trigger()
    assert window.controls.play_button.text() != "▶ Play"
    column = _show(qtbot, window, size, True)
    assert cut_off(window.docks["controls"]) == []
    assert column.widget().width() <= column.viewport().width()


def test_the_panel_is_never_narrower_than_its_narrowest_layout(qtbot, window):
    """At 1920×1080 presentation type the panel asks for the room its form rows need, and
    the wrapped rows keep that need modest (a lecturer's screen keeps room for the views)."""
    column = _show(qtbot, window, (1920, 1080), True)
    content = column.widget()
    assert column.width() >= column.needed_width()
    assert content.width() >= content.minimumSizeHint().width()
    assert content.minimumSizeHint().width() <= 0.26 * window.width()


def test_a_wrapped_transport_button_still_steps_one_batch(qtbot, window):
    """At 1280×720 presentation type 'Step batch' moves to a second line (it was cut off at
    the panel's edge) and a click on it trains exactly one mini-batch."""
    column = _show(qtbot, window, (1280, 720), True)
    controls = window.controls
    assert controls.batch_button.y() > controls.play_button.y()  # wrapped, not squeezed
    column.ensureWidgetVisible(controls.batch_button)
    before = window.latest
    assert not before.playing
    qtbot.mouseClick(controls.batch_button, Qt.MouseButton.LeftButton)
    snap = window.wait_for_snapshot(lambda s: s.step > before.step)
    assert snap is not None and snap.step == before.step + 1


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_tool_buttons_are_whole_and_pick_the_tool(qtbot, window, size):
    """Brush and Trace (cut off before) are on screen whole, and clicking picks the tool."""
    column = _show(qtbot, window, size, True)
    tools = {b.property("tool"): b for b in window.data_controls.tools.buttons()}
    for name in ("brush", "trace"):
        button = tools[name]
        column.ensureWidgetVisible(button)
        assert button.visibleRegion().boundingRect().width() == button.width()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.canvas.tool == name
