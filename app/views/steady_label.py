"""A label for text that changes every frame without re-laying out the whole window each time."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class SteadyLabel(QWidget):
    """A QLabel in a layout-free frame that asks for a new layout only when its size changes.

    ``QLabel.setText`` always calls ``updateGeometry()``, and Qt passes that up through every
    parent layout to the main window: re-laying out all the docks on every training frame
    (measured: about 40 % of the GUI thread in bench/ui.py). Here the label's request stops at
    this frame, which forwards it only if the new text needs a different size.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text, self)
        # Opaque: a new number repaints this label only, not the dock or window behind it.
        self.setAutoFillBackground(True)
        self._sizes: tuple | None = None
        self._sync_policy()

    # ----- the QLabel calls the views use ----------------------------------------------------
    def text(self) -> str:
        """The text shown."""
        return self.label.text()

    def setText(self, text: str) -> None:
        """Show new text (repaints; re-lays out only if the size must change)."""
        if text != self.label.text():
            self.label.setText(text)
            if not self.isVisible():
                # Hidden (say, while the restore question is asked before the window shows),
                # Qt posts no LayoutRequest, and the status bar would keep the size hint of
                # the old text: the numbers came up one letter wide ("e" of "epoch").
                self._sizes = None
                self.updateGeometry()

    def setWordWrap(self, on: bool) -> None:
        """Wrap long text onto more lines (the height then follows the width)."""
        self.label.setWordWrap(on)
        self._sync_policy()

    def setTextFormat(self, fmt: Qt.TextFormat) -> None:
        """Plain, rich or automatic text, as QLabel."""
        self.label.setTextFormat(fmt)

    # ----- size: exactly the label's ---------------------------------------------------------
    def sizeHint(self) -> QSize:
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return self.label.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.label.setGeometry(self.rect())
        self._sizes = self._measure()

    def changeEvent(self, event: QEvent) -> None:
        # A style sheet on this frame stops Qt handing its font on to the label: hand it on.
        if event.type() == QEvent.Type.FontChange:
            self.label.setFont(self.font())
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # posted by the label's updateGeometry
            sizes = self._measure()
            if sizes != self._sizes:
                self._sizes = sizes
                self._sync_policy()
                self.updateGeometry()
            return True
        return super().event(event)

    def _measure(self) -> tuple:
        hfw = self.label.heightForWidth(self.width()) if self.label.hasHeightForWidth() else -1
        return self.label.sizeHint(), self.label.minimumSizeHint(), hfw

    def _sync_policy(self) -> None:
        policy = QSizePolicy(self.label.sizePolicy())
        if policy != self.sizePolicy():
            self.setSizePolicy(policy)
