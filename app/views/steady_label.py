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

    With ``grow=True`` the size asked for is the largest any text has needed so far (for
    numbers that change every frame: a shorter text then never shrinks the label and re-lays
    out the window, and the text stays put instead of jittering). The widest is forgotten
    when the font or the language changes, or on ``forget_size()``.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, grow: bool = False) -> None:
        super().__init__(parent)
        self.grow = grow
        self._most = QSize(0, 0)  # the largest size hint so far (grow mode)
        self._tallest: dict[int, int] = {}  # width → the tallest wrapped height so far
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

    def forget_size(self) -> None:
        """Grow mode: size to the present text again (say, after the words became fewer)."""
        self._most, self._tallest = QSize(0, 0), {}
        self._sizes = None
        self.updateGeometry()

    # ----- size: the label's (or the largest so far) -----------------------------------------
    def sizeHint(self) -> QSize:
        hint = self.label.sizeHint()
        if not self.grow:
            return hint
        self._most = self._most.expandedTo(hint)
        return QSize(self._most)

    def minimumSizeHint(self) -> QSize:
        hint = self.label.minimumSizeHint()
        if not self.grow or self.label.wordWrap():  # wrapped text may get narrower, not shorter
            return hint
        return hint.expandedTo(self.sizeHint())

    def hasHeightForWidth(self) -> bool:
        return self.label.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        height = self.label.heightForWidth(width)
        if not self.grow:
            return height
        if len(self._tallest) > 64:  # the widths of one session's layouts: a handful
            self._tallest.clear()
        height = max(height, self._tallest.get(width, 0))
        self._tallest[width] = height
        return height

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.label.setGeometry(self.rect())
        self._sizes = self._measure()

    def changeEvent(self, event: QEvent) -> None:
        # A style sheet on this frame stops Qt handing its font on to the label: hand it on.
        if event.type() == QEvent.Type.FontChange:
            self.label.setFont(self.font())
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._most, self._tallest = QSize(0, 0), {}  # other type or words: measure anew
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
        hfw = self.heightForWidth(self.width()) if self.label.hasHeightForWidth() else -1
        return self.sizeHint(), self.minimumSizeHint(), hfw

    def _sync_policy(self) -> None:
        policy = QSizePolicy(self.label.sizePolicy())
        if policy != self.sizePolicy():
            self.setSizePolicy(policy)
