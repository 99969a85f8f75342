"""Walk a widget tree and report text that does not fit its widget or is too small to read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QRadioButton,
    QWidget,
)

SLACK = 2  # pixels of rounding between Qt's own size hints and font metrics


def _visible(w: QWidget) -> bool:
    """On screen now: shown, with a size, and not behind another tab or dock."""
    return w.isVisible() and w.width() > 0 and w.height() > 0 and not w.visibleRegion().isEmpty()


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def needed_width(w: QWidget) -> tuple[str, int] | None:
    """(text, pixels its text needs) for a label, button or combo box; None for others."""
    fm = QFontMetrics(w.font())
    if isinstance(w, QComboBox):
        text = w.currentText()
        return text, fm.horizontalAdvance(text) + 24  # + the arrow, at the least
    if isinstance(w, QCheckBox | QRadioButton):
        text = _plain(w.text())
        return text, fm.horizontalAdvance(text) + 18  # + the box
    if isinstance(w, QAbstractButton):
        text = _plain(w.text())
        return text, fm.horizontalAdvance(text) + 6
    if isinstance(w, QLabel):
        if w.wordWrap() or w.textFormat() == Qt.TextFormat.RichText or not w.text():
            return None
        if "<" in w.text() and GuiQt.mightBeRichText(w.text()):
            return None
        widest = max(w.text().split("\n"), key=fm.horizontalAdvance)
        return w.text(), fm.horizontalAdvance(widest)
    return None


def clipped(root: QWidget) -> list[str]:
    """Every visible label, button or combo box narrower than its text."""
    out = []
    for w in _texts(root):
        text, pixels = needed_width(w)
        if w.width() + SLACK < pixels:
            out.append(f"{type(w).__name__} {text[:40]!r}: {w.width()} px < {pixels} px")
    return out


def cut_off(root: QWidget) -> list[str]:
    """Every visible label, button or combo box whose visible part is narrower than its text:
    cut off by the edge of the panel it sits in (a scrolled-away part counts as cut)."""
    out = []
    for w in _texts(root):
        text, pixels = needed_width(w)
        seen = w.visibleRegion().boundingRect().width()
        if seen + SLACK < pixels:
            out.append(f"{type(w).__name__} {text[:40]!r}: cut to {seen} px of {pixels} px")
    return out


def _texts(root: QWidget) -> list[QWidget]:
    """The visible text widgets under ``root`` that must show their text whole."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not _visible(w) or w.width() >= 10_000 or w.property("elides"):
            continue
        need = needed_width(w)
        if need is not None and need[0].strip():
            out.append(w)
    return out


def too_small(root: QWidget, min_px: int) -> list[str]:
    """Every visible text widget whose font is shorter than ``min_px`` pixels."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not _visible(w) or needed_width(w) is None:
            continue
        height = QFontMetrics(w.font()).height()
        if height < min_px:
            out.append(f"{type(w).__name__} {needed_width(w)[0][:30]!r}: {height} px")
    return out
