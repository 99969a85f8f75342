"""The lesson panel: the step's narration with its numbers in bold, step k of n, Back/Next."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import tr, worded

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def narration_html(text: str) -> str:
    """Plain narration to rich text: ``**12**`` becomes bold, paragraphs stay paragraphs."""
    escaped = html.escape(text)
    bold = _BOLD.sub(r"<b>\1</b>", escaped)
    return "<br>".join(bold.split("\n"))


class LessonPanel(QWidget):
    """Shows one step; a presenter's clicker (PgDn/PgUp) or →/← with focus move through it."""

    next_requested = Signal()
    back_requested = Signal()
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last = False  # showing the last step: Next says Finish
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 8, 4)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.position = QLabel()
        top.addWidget(self.title, 1)
        top.addWidget(self.position)
        column.addLayout(top)
        self.narration = QLabel()
        self.narration.setWordWrap(True)
        self.narration.setTextFormat(Qt.TextFormat.RichText)
        self.narration.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.narration, 1)
        buttons = QHBoxLayout()
        self.back_button = self._button(lambda: tr("◀ Back (PgUp)"), self.back_requested)
        self.next_button = self._button(self._next_words, self.next_requested)
        self.leave_button = self._button(lambda: tr("Leave the lesson"), self.leave_requested)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.leave_button)
        column.addLayout(buttons)
        self._sync_fonts()

    def _sync_fonts(self) -> None:
        """The narration a little larger than the rest: it is what the class reads."""
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * 1.25)
        self.narration.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        """Follow the app's type size (presentation mode changes it)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._sync_fonts()

    def _button(self, words: Callable[[], str], signal: Signal) -> QPushButton:
        button = QPushButton()
        worded(button, "setText", words)
        button.clicked.connect(signal.emit)
        return button

    def _next_words(self) -> str:
        return tr("Finish ✓ (PgDn)") if self._last else tr("Next ▶ (PgDn)")

    def show_step(self, lesson: str, step: str, k: int, n: int, narration: str) -> None:
        """Show step ``k`` (0-based) of ``n`` with its title and narration."""
        self.title.setText(f"<b>{html.escape(lesson)}</b> — {html.escape(step)}")
        self.position.setText(tr("step {k} of {n}").format(k=k + 1, n=n))
        self.narration.setText(narration_html(narration))
        self.back_button.setEnabled(k > 0)
        self._last = k + 1 >= n
        self.next_button.setText(self._next_words())

    def clear(self) -> None:
        """No step shown (no lesson plays, and the last one's words are in another language)."""
        for label in (self.title, self.position, self.narration):
            label.clear()

    def show_message(self, text: str) -> None:
        """One line of trouble (a setup the app refused), shown under the narration."""
        self.narration.setText(
            f"{self.narration.text()}<br><span style='color:#c0392b'>{html.escape(text)}</span>"
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """→ / ← step through the lesson while the panel has the focus."""
        if event.key() == Qt.Key.Key_Right:
            self.next_requested.emit()
        elif event.key() == Qt.Key.Key_Left:
            self.back_requested.emit()
        else:
            super().keyPressEvent(event)
