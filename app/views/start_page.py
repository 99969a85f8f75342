"""The start page: every lesson, grouped by lecture, each with its one-line promise."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr, worded
from nnviz.lessons.groups import group_title
from nnviz.lessons.lesson_file import Lesson


class StartPage(QDialog):
    """Pick a lesson (double-click or Enter), or close it and play on your own."""

    lesson_chosen = Signal(str)  # a lesson id

    def __init__(
        self,
        lessons: list[Lesson],
        show_at_start: bool,
        parent: QWidget | None = None,
        language: str = "en",
    ) -> None:
        super().__init__(parent)
        self.language = language
        worded(self, "setWindowTitle", lambda: tr("nnviz — lessons"))
        column = QVBoxLayout(self)
        intro = QLabel()
        worded(
            intro,
            "setText",
            lambda: tr(
                "<b>See a neural network learn.</b> Pick a lesson: each step sets the app up and "
                "says what to look for, with every number computed live. PgDn / PgUp (or a "
                "presenter's clicker) step through it. Or close this page and click points "
                "onto the plane yourself: Space trains."
            ),
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.tree = QTreeWidget()
        worded(
            self.tree,
            "setHeaderLabels",
            lambda: [tr("Lesson"), tr("What you will understand")],
        )
        self.tree.setColumnWidth(0, 320)
        self.tree.itemActivated.connect(self._on_activated)
        column.addWidget(self.tree, 1)
        self._fill(lessons)
        self.show_at_start = QCheckBox()
        worded(self.show_at_start, "setText", lambda: tr("Show this page when nnviz starts"))
        self.show_at_start.setChecked(show_at_start)
        column.addWidget(self.show_at_start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self._open_current)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.resize(980, 640)

    def _fill(self, lessons: list[Lesson]) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for lesson in lessons:
            if lesson.group not in groups:
                top = QTreeWidgetItem([group_title(lesson.group, self.language), ""])
                top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(top)
                top.setExpanded(True)
                groups[lesson.group] = top
            title, promise = lesson.title.get(self.language), lesson.promise.get(self.language)
            item = QTreeWidgetItem([title, promise])
            item.setData(0, Qt.ItemDataRole.UserRole, lesson.id)
            item.setToolTip(1, promise)
            groups[lesson.group].addChild(item)

    def lesson_items(self) -> list[QTreeWidgetItem]:
        """Every lesson's row (not the group headings)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out += [top.child(j) for j in range(top.childCount())]
        return out

    def _on_activated(self, item: QTreeWidgetItem, column: int) -> None:
        lesson_id = item.data(0, Qt.ItemDataRole.UserRole)
        if lesson_id:
            self.lesson_chosen.emit(lesson_id)
            self.accept()

    def _open_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._on_activated(item, 0)
