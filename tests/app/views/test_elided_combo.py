"""ElidedComboBox: full width when there is room; in a narrow row it shrinks and shows "…"."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.application import make_application
from app.views.elided_combo import ElidedComboBox
from app.views.flow_layout import FlowLayout

LONG = "Two chosen weights (Shift+click edges in the network)"


def _row(qtbot, width: int) -> tuple[QWidget, ElidedComboBox]:
    make_application()
    panel = QWidget()
    qtbot.addWidget(panel)
    row = FlowLayout(panel)
    combo = ElidedComboBox()
    combo.addItems(["Short", LONG])
    combo.setCurrentIndex(1)
    row.addWidget(combo)
    panel.resize(width, 80)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, combo


def test_with_room_the_whole_choice_shows(qtbot):
    panel, combo = _row(qtbot, 1200)
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(LONG)
    assert not combo.is_elided()


def test_in_a_narrow_row_it_stays_inside_and_elides(qtbot):
    panel, combo = _row(qtbot, 220)
    assert combo.geometry().right() <= panel.width()  # nothing runs off the panel's edge
    assert combo.is_elided()
    combo.repaint()  # draws the cut text without error
    combo.setCurrentIndex(0)
    assert not combo.is_elided()
