"""A short label on a translucent chip: upright, pixel-sized at any zoom, and cheap to draw."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem

from nnviz.palette import INK

PAD_PX = 3.0  # room between the text and the chip's edge


class LabelChip(QGraphicsItem):
    """Text centred on its position on a white chip (a contour's "0.3").

    pyqtgraph's TextItem lays out a rich-text document and re-computes its transform on every
    paint; five of them cost ~3 ms of each training frame at 1920×1080. This draws one line
    of plain text in a rectangle, in device pixels (it ignores the view's scaling).
    """

    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self._text = ""
        self._font = QFont()
        self._rect = QRectF()

    def toPlainText(self) -> str:
        """The text shown (TextItem's name for it)."""
        return self._text

    def setText(self, text: str) -> None:
        """Show ``text`` (re-measured only when it changes)."""
        if text != self._text:
            self._text = text
            self._measure()

    def setFont(self, font: QFont) -> None:
        """Draw in ``font`` (presentation mode passes the window's larger type)."""
        self._font = QFont(font)
        self._measure()

    def font(self) -> QFont:
        """The font the text is drawn in."""
        return QFont(self._font)

    def _measure(self) -> None:
        metrics = QFontMetricsF(self._font)
        width = metrics.horizontalAdvance(self._text) + 2 * PAD_PX
        height = metrics.height() + PAD_PX
        self.prepareGeometryChange()
        self._rect = QRectF(-width / 2, -height / 2, width, height)
        self.update()

    # ----- QGraphicsItem ---------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 190))
        painter.drawRect(self._rect)
        painter.setPen(QColor(*INK))
        painter.setFont(self._font)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self._text)

    # ----- what pyqtgraph's view box asks of its items ----------------------------------------
    def dataBounds(self, axis: int, frac: float = 1.0, orthoRange=None) -> None:
        """No say in the view's auto-range: a label follows the data, it is not data."""
        return None

    def pixelPadding(self) -> float:
        """No padding asked of the auto-range either."""
        return 0.0
