"""A dock's title bar: its name in the window's type, and buttons that float and close it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from app.views.dock_title import DockTitle


def _docked(qtbot) -> tuple[QMainWindow, QDockWidget, DockTitle]:
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = QDockWidget("Training curves", window)
    dock.setWidget(QLabel("body"))
    title = DockTitle(dock)
    dock.setTitleBarWidget(title)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resize(600, 400)
    window.show()
    qtbot.waitExposed(window)
    return window, dock, title


def test_the_title_follows_the_docks_name(qtbot):
    """A new window title (a language switch re-words it) is the bar's text and tooltip."""
    _window, dock, title = _docked(qtbot)
    assert title.label.text() == "Training curves"
    dock.setWindowTitle("训练曲线")
    assert title.label.text() == "训练曲线" and title.label.toolTip() == "训练曲线"


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")  # offscreen's notes
def test_the_buttons_float_and_close_the_dock(qtbot):
    """Clicking "float" floats the dock, again docks it; "close" hides it."""
    _window, dock, title = _docked(qtbot)
    qtbot.mouseClick(title.float_button, Qt.MouseButton.LeftButton)
    assert dock.isFloating()
    qtbot.mouseClick(title.float_button, Qt.MouseButton.LeftButton)
    assert not dock.isFloating()
    qtbot.mouseClick(title.close_button, Qt.MouseButton.LeftButton)
    assert not dock.isVisible()


def test_buttons_show_only_what_the_dock_allows(qtbot):
    """A dock that cannot close has no close button."""
    _window, dock, title = _docked(qtbot)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    assert title.float_button.isVisibleTo(title) and not title.close_button.isVisibleTo(title)


def test_bigger_type_makes_a_bigger_bar(qtbot):
    """Presentation type: the name is drawn in it and the buttons grow to a line of it."""
    window, _dock, title = _docked(qtbot)
    font = window.font()
    font.setPixelSize(26)
    window.setFont(font)
    qtbot.wait(10)
    line = QFontMetrics(title.label.font()).height()
    assert line >= 26
    assert title.close_button.height() >= line and title.height() >= line


def test_the_window_docks_carry_the_bar_in_presentation_type(qtbot, window):
    """Every dock of the main window has this bar, and at 1920×1080 presenting its name is
    at least 20 px tall (Qt's own title stayed at the platform's small size)."""
    window.resize(1920, 1080)
    window.toggle_presentation(True)
    qtbot.wait(30)
    for dock in window.docks.values():
        bar = dock.titleBarWidget()
        assert isinstance(bar, DockTitle)
        assert QFontMetrics(bar.label.font()).height() >= 20
