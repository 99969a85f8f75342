"""The inline number editor the network view opens over a clicked edge or bias."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from app.i18n import tr


def parse_value(text: str) -> float | None:
    """A finite float from what the user typed ('−0.5' and '0,5' too), else None."""
    cleaned = text.strip().replace("−", "-").replace("\u2212", "-")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class InlineEditor(QLineEdit):
    """Enter applies, Escape (or clicking elsewhere) cancels; bad text keeps it open."""

    accepted = Signal(int, object, float)  # param index, index tuple, value
    invalid = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.target: tuple[int, tuple[int, ...]] | None = None
        self.what = tr("value")
        self.setFixedWidth(120)
        self.returnPressed.connect(self._on_return_pressed)
        self.hide()

    def open(self, pi: int, index: tuple[int, ...], value: float, at: QPoint, what: str) -> None:
        """Show at ``at`` (parent pixels), prefilled with ``value``, text selected.

        ``what`` names the number being edited, in the current language ("weight w1[1,2]").
        """
        self.target, self.what = (pi, tuple(index)), what
        self.setToolTip(tr("New {what}: Enter applies, Escape cancels").format(what=what))
        self.setText(f"{value:.6g}")
        parent = self.parentWidget()
        x = min(max(at.x() - self.width() // 2, 0), max(parent.width() - self.width(), 0))
        y = min(max(at.y() - self.height() - 6, 0), max(parent.height() - self.height(), 0))
        self.move(x, y)
        self.show()
        self.raise_()
        self.selectAll()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel(self) -> None:
        """Close without applying."""
        was_open = self.isVisible()
        self.target = None
        self.hide()
        if was_open:
            self.closed.emit()

    def _on_return_pressed(self) -> None:
        if self.target is None:
            return
        value = parse_value(self.text())
        if value is None:
            self.invalid.emit(
                tr(
                    "“{text}” is not a finite number; the {what} was not changed "
                    "(type e.g. 0.5, press Escape to cancel)."
                ).format(text=self.text().strip(), what=self.what)
            )
            self.selectAll()
            return
        pi, index = self.target
        self.cancel()
        self.accepted.emit(pi, index, value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Clicking or tabbing away means "never mind"; other focus changes (a popup) do not.
        reasons = (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.TabFocusReason)
        if event.reason() in reasons:
            self.cancel()
