"""A layout that places widgets left to right and wraps onto a new line when out of room."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Rows of controls that wrap instead of forcing the window wider (Qt's flow layout).

    Each line's items are centred vertically, so a check box sits level with a button.
    With ``one_line_hint`` its size hint asks for room for every item on one line (a panel
    that opens at its hint then starts unwrapped); it still wraps when given less.
    """

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 6, *, one_line_hint: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._one_line_hint = one_line_hint
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        if not self._one_line_hint:
            return self.minimumSize()
        hints = [item.sizeHint() for item in self._items if not item.isEmpty()]
        width = sum(h.width() for h in hints) + self.spacing() * max(len(hints) - 1, 0)
        height = max((h.height() for h in hints), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """As wide as the widest single control: everything else may wrap."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items in lines no wider than ``rect``; returns the height used."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self.spacing()
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            # Never wider than the row (a long combo box elides instead of running off the edge).
            hint.setWidth(max(min(hint.width(), area.width()), item.minimumSize().width()))
            if lines[-1] and x + hint.width() > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, hint))
            x += hint.width() + gap
        y = area.y()
        for line in lines:
            height = max((h.height() for _, h in line), default=0)
            x = area.x()
            for item, hint in line:
                if move:  # centre each control on its line
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), hint))
                x += hint.width() + gap
            y += height + gap
        return y - gap - rect.y() + m.bottom() if lines[0] else m.top() + m.bottom()


def hold_wrapped_height(widget: QWidget) -> None:
    """Make ``widget`` at least as tall as its wrapped rows need at its current width.

    Qt's box layouts ask a child only for its one-line minimum, so a parent short of room
    would lay wrapped rows over each other; call this from the widget's ``resizeEvent``.
    """
    layout = widget.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    height = layout.heightForWidth(widget.width())
    if height > 0 and height != widget.minimumHeight():
        widget.setMinimumHeight(height)
