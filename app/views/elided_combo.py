"""A combo box that, short of room, shows its choice cut with … (its list shows every one whole)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

MIN_CHARACTERS = 12  # never narrower than about this many characters


class ElidedComboBox(QComboBox):
    """As wide as its longest choice when there is room; narrower (elided) when there is not.

    A plain combo box cut off by the edge of its panel hides the end of its text with no sign
    ("Two chosen weights (Shift+click edges in the ne"); this one ends it with "…", and
    its drop-down list shows every choice whole.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("elides", True)  # layout checks accept it narrower than its text
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def minimumSizeHint(self) -> QSize:
        """Room for a dozen characters and the arrow: a layout may shrink it to that."""
        hint = super().minimumSizeHint()
        fm = QFontMetrics(self.font())
        wanted = fm.horizontalAdvance("x" * MIN_CHARACTERS) + fm.height() * 2
        return QSize(min(hint.width(), wanted), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """The frame and arrow as the style draws them; the text cut to the room left."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        room = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, max(room.width() - 2, 0)
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def is_elided(self) -> bool:
        """True if the choice does not fit and is shown cut."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        room = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return self.fontMetrics().horizontalAdvance(self.currentText()) > room.width() - 2
