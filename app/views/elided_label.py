"""A one-line label that shortens long text with … and shows all of it in a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget


class ElidedLabel(QLabel):
    """Never widens its window for a long message: it elides, and the tooltip has the rest."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty("elides", True)  # layout checks accept it narrower than its text
        self.setWordWrap(False)

    def setText(self, text: str) -> None:
        """Show ``text`` (elided to the width) with the whole of it as the tooltip."""
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        """Only as wide as an ellipsis: the window never grows for a message."""
        fm = QFontMetrics(self.font())
        return QSize(fm.horizontalAdvance("…") * 4, fm.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the text, cut with … where it does not fit."""
        painter = QPainter(self)
        fm = QFontMetrics(self.font())
        shown = fm.elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.rect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)
