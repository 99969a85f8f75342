"""The Controls column: as wide as its content's narrowest layout, never scrolled sideways."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QWidget

from app.views.controls_column import ControlsColumn
from app.views.flow_layout import FlowLayout

CHOICES = ["short", "a much longer choice of words"]


def _panel() -> tuple[QWidget, QComboBox, list[QPushButton]]:
    """A form row with a combo box and a wrapping row of buttons, like the Controls panels."""
    panel = QWidget()
    form = QFormLayout(panel)
    box = QComboBox()
    box.addItems(CHOICES)
    form.addRow(QLabel("Choice"), box)
    row = FlowLayout(one_line_hint=True)
    buttons = [QPushButton(f"button {i}") for i in range(5)]
    for b in buttons:
        row.addWidget(b)
    form.addRow(row)
    return panel, box, buttons


def _column(qtbot) -> tuple[ControlsColumn, QComboBox, list[QPushButton]]:
    panel, box, buttons = _panel()
    column = ControlsColumn(panel)
    qtbot.addWidget(column)
    column.show()
    qtbot.waitExposed(column)
    return column, box, buttons


def test_opens_with_every_row_on_one_line_and_may_narrow_to_wrap(qtbot):
    """Its size hint fits the buttons side by side; its minimum only the widest one."""
    column, _box, buttons = _column(qtbot)
    one_line = sum(b.sizeHint().width() for b in buttons)
    assert column.sizeHint().width() >= one_line
    assert column.minimumWidth() < one_line
    assert column.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_follows_a_larger_type_size(qtbot):
    """With twice the type, the column asks for more width; its content still fits it and
    the combo box stays as wide as its longest choice (Qt would keep its old minimum)."""
    column, box, _buttons = _column(qtbot)
    small = column.minimumWidth()
    font = QFont(column.font())
    font.setPointSizeF(2 * font.pointSizeF())
    column.setFont(font)
    qtbot.waitUntil(lambda: column.minimumWidth() > small)
    column.resize(column.minimumWidth(), 400)
    qtbot.wait(20)
    assert column.minimumWidth() == column.needed_width()
    assert column.widget().width() <= column.viewport().width()
    longest = QFontMetrics(box.font()).horizontalAdvance(CHOICES[1])
    assert box.width() >= longest + 24
