"""The Controls dock's column: its panels one under another, scrolling up and down only."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class ControlsColumn(QScrollArea):
    """A vertical scroll area that is always as wide as its content's narrowest layout.

    The panels inside wrap their rows of buttons, so their minimum width is that of the
    widest single row that cannot wrap (a form row's label and field). This area never
    scrolls sideways: it asks the dock for that width plus its vertical scroll bar instead,
    and follows it when the type size changes (presentation mode).
    """

    def __init__(self, *panels: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = QWidget()
        column = QVBoxLayout(self.content)
        for panel in panels:
            column.addWidget(panel)
        column.addStretch(1)
        self.setWidget(self.content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content.installEventFilter(self)
        self._fit()

    def needed_width(self) -> int:
        """The content's minimum width, with room for the vertical scroll bar and the frame."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return self.content.minimumSizeHint().width() + bar + 2 * self.frameWidth()

    def _fit(self) -> None:
        """Never narrower than the content needs (a dock can then not cut it off)."""
        for box in self.content.findChildren(QComboBox):
            if not box.property("elides"):  # an eliding box may be narrower than its text
                _hold_longest_choice(box)
        width = self.needed_width()
        if width != self.minimumWidth():
            self.setMinimumWidth(width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit whenever the content's layout changes (new type size, new texts)."""
        if watched is self.content and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        """Refit on showing: the window sets every panel's minimum size after building it."""
        self._fit()
        super().showEvent(event)


def _hold_longest_choice(box: QComboBox) -> None:
    """Keep a combo box at least as wide as its longest choice in its current type.

    Qt keeps a combo box's minimum size hint from the type it was first shown in, so after
    a switch to presentation type a layout short of room would cut its text.
    """
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # hint follows items
    width = box.sizeHint().width()
    if width != box.minimumWidth():
        box.setMinimumWidth(width)
