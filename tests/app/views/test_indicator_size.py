"""Tick boxes and radio dots sized with the presentation type."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from app.views.indicator_size import size_indicators


def indicator_width(box: QCheckBox | QRadioButton) -> int:
    """How wide the style draws the box's tick box or radio dot."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if isinstance(box, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    return box.style().subElementRect(element, option, box).width()


def _boxes(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    column = QVBoxLayout(root)
    tick, dot, own = QCheckBox("log colours"), QRadioButton("Add"), QCheckBox("styled")
    own.setStyleSheet("QCheckBox { color: red; }")  # a view's own look
    for w in (tick, dot, own):
        column.addWidget(w)
    root.show()
    qtbot.waitExposed(root)
    return root, tick, dot, own


def test_indicators_grow_with_the_type_and_shrink_back(qtbot):
    """Sized to 20 px they are drawn 20 px wide; None gives them back to the style."""
    root, tick, dot, own = _boxes(qtbot)
    normal = indicator_width(tick)
    assert size_indicators(root, 20) == 2
    assert indicator_width(tick) == 20 and indicator_width(dot) == 20
    assert own.styleSheet() == "QCheckBox { color: red; }"  # left as its view made it
    size_indicators(root, None)
    assert indicator_width(tick) == normal and tick.styleSheet() == ""


def test_presentation_mode_sizes_every_tick_box_in_the_window(qtbot, window):
    """F5 at 1920×1080: the window's tick boxes are at least 16 px; F5 again, as before."""
    window.resize(1920, 1080)
    qtbot.wait(30)
    boxes = [b for b in window.findChildren(QCheckBox) if not b.styleSheet()]
    normal = {b: indicator_width(b) for b in boxes}
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.presenting and all(indicator_width(b) >= 16 for b in boxes)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not window.presenting and {b: indicator_width(b) for b in boxes} == normal
