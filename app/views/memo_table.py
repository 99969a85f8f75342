"""The memo table: columns as wide as their text, shrunk with "…" only when there is no room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from app.i18n import tr

MIN_COLUMN = 48  # a squeezed column keeps at least this many pixels


class MemoTable(QTableWidget):
    """Rows of (node, value, gradient); every cell's full text is in its tooltip."""

    def __init__(self, header: list[str]) -> None:
        super().__init__(0, len(header))
        self.setHorizontalHeaderLabels(header)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)

    def setHorizontalHeaderLabels(self, labels) -> None:  # noqa: N802 - Qt's name
        """The column titles; the core's formula "∂out/∂node" in the current language."""
        super().setHorizontalHeaderLabels([header_word(t) for t in labels])

    def set_rows(self, rows) -> None:
        """Show these rows, then size the columns to fit them."""
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(r, c, item)
        self.fit_columns()
        if rows:
            self.scrollToBottom()

    def fit_columns(self) -> None:
        """Each column as wide as its widest cell; if they do not fit, shrink them in
        proportion (their text then ends in "…", the tooltip has it all)."""
        widths = self.needed_widths()
        room = self.viewport().width()
        total = sum(widths)
        if total > room > 0:
            widths = [max(MIN_COLUMN, int(w * room / total)) for w in widths]
        for c, w in enumerate(widths):
            self.setColumnWidth(c, w)

    def needed_widths(self) -> list[int]:
        """How wide each column would like to be (its widest cell or its header)."""
        header = self.horizontalHeader()
        return [
            max(self.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(self.columnCount())
        ]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()


def header_word(text: str) -> str:
    """A column title as shown: the gradient column's formula names its ends in words."""
    return tr("∂out/∂node") if text == "∂out/∂node" else text
