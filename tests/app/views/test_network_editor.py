"""The inline number editor: what counts as a number, Enter, Escape and clicking away."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from app.views.network_editor import InlineEditor, parse_value


def test_parse_value_accepts_numbers_and_refuses_the_rest():
    """Plain, unicode-minus and comma-decimal numbers parse; text, NaN and inf do not."""
    assert parse_value(" 0.5 ") == 0.5 and parse_value("−2") == -2.0 and parse_value("0,25") == 0.25
    assert parse_value("1e-3") == 0.001
    for bad in ("abc", "", "nan", "inf", "-inf", "1,000.5"):
        assert parse_value(bad) is None


def _editor(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(300, 200)
    editor = InlineEditor(parent)
    parent.show()
    qtbot.waitExposed(parent)
    editor.open(4, (1, 2), 0.25, QPoint(150, 100), "weight W1[1,2] (X₁ → h1[2])")
    editor.keep_parent = parent  # the test holds the only Python reference to the parent
    return editor


def test_open_prefills_and_enter_emits(qtbot):
    """The editor shows the value selected; Enter emits the target and the new number."""
    editor = _editor(qtbot)
    assert editor.isVisible() and editor.text() == "0.25" and editor.selectedText() == "0.25"
    qtbot.keyClicks(editor, "-3")
    with qtbot.waitSignal(editor.accepted) as accepted:
        qtbot.keyClick(editor, Qt.Key.Key_Enter)
    assert accepted.args == [4, (1, 2), -3.0] and not editor.isVisible()


def test_escape_cancels_without_emitting(qtbot):
    """Escape hides the editor and nothing is applied."""
    editor = _editor(qtbot)
    got = []
    editor.accepted.connect(lambda *a: got.append(a))
    qtbot.keyClicks(editor, "7")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible() and got == [] and editor.target is None
