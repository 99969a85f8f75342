"""Stage mode: one view alone in the window, with its own essential controls, for a lecture.

The same key (or Esc) puts every view back exactly where it was: the staged widgets are lent
to a stage page and returned to their docks, and the window's saved layout is restored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TR_NOOP, tr, worded
from app.panels import Panel, Panels

PLANE_PANELS = {"network", "canvas"}  # the views that draw every neuron's picture of the plane


@dataclass(frozen=True)
class StageSpec:
    """A stage: its title, key, the panels it shows side by side, and extra controls."""

    name: str
    title: str  # English, marked for the catalogue: shown as tr(title)
    key: str  # the shortcut that enters and leaves it ("" for the lesson-only stages)
    panels: tuple[str, ...]
    transport: bool = False  # the compact play/step/reset row under the views

    @property
    def shows_plane(self) -> bool:
        """Whether a view that draws every neuron's picture of the plane is on this stage."""
        return bool(PLANE_PANELS & set(self.panels))


STAGES: dict[str, StageSpec] = {
    s.name: s
    for s in (
        StageSpec(
            "playground", QT_TR_NOOP("Playground"), "F6", ("network", "canvas"), transport=True
        ),
        StageSpec("graph", QT_TR_NOOP("Computation graph"), "F7", ("graph",)),
        StageSpec("landscape", QT_TR_NOOP("Loss landscape"), "F8", ("landscape",)),
        StageSpec("plot", QT_TR_NOOP("Lesson plot"), "", ("figure",)),
        StageSpec("experiments", QT_TR_NOOP("Experiments"), "F9", ("experiments",)),
        StageSpec("table", QT_TR_NOOP("Feature table"), "", ("table",)),
        StageSpec("gears", QT_TR_NOOP("Chain rule as gears"), "", ("gears",)),
        StageSpec("knobs", QT_TR_NOOP("Six knobs"), "", ("knobs",)),
        StageSpec("images", QT_TR_NOOP("Images"), "", ("images", "network")),
    )
}


class StageMode:
    """Lends panels to a full-window stage page and gives them back exactly."""

    def __init__(
        self,
        window: QMainWindow,
        central: QStackedWidget,
        panels: Panels,
        docks: dict[str, QDockWidget],
        transport: QWidget,
    ) -> None:
        self.window, self.central, self.panels, self.docks = window, central, panels, docks
        self.transport = transport
        self.active: StageSpec | None = None
        self.page: QWidget | None = None
        self._saved: tuple[QByteArray, QByteArray, QSize] | None = None
        self._lent: list[Callable[[], None]] = []  # how to give each widget back
        self.changed: list[Callable[[str | None], None]] = []  # listeners: the stage name

    def toggle(self, name: str) -> None:
        """Enter stage ``name``, or leave it if it is the one showing."""
        if self.active is not None and self.active.name == name:
            self.leave()
        else:
            self.enter(name)

    def shows_plane(self) -> bool:
        """Whether the neurons' pictures of the plane are on screen (always, off stage)."""
        return self.active is None or self.active.shows_plane

    def enter(self, name: str, extras: tuple[str, ...] = ()) -> None:
        """Put stage ``name``'s views alone in the window (ValueError for an unknown name).

        ``extras`` are panels shown under the views (the lesson panel while a lesson plays).
        """
        if name not in STAGES:
            choices = ", ".join(STAGES)
            raise ValueError(
                tr("no stage called {name}; choose one of {choices}").format(
                    name=repr(name), choices=choices
                )
            )
        if self.active is not None:
            self.leave()
        spec = STAGES[name]
        self._saved = (self.window.saveState(), self.window.saveGeometry(), self.window.size())
        self.page = self._build_page(spec, extras)
        for dock in self.docks.values():
            dock.hide()
        self.central.addWidget(self.page)
        self.central.setCurrentWidget(self.page)
        self.page.setFocus()  # keys (the same F-key, Esc, Space) keep working on stage
        self.active = spec
        self._notify()

    def leave(self) -> None:
        """Give every lent view back and restore the layout exactly as it was."""
        if self.active is None or self.page is None:
            return
        self.central.setCurrentIndex(0)
        for give_back in reversed(self._lent):
            give_back()
        self._lent.clear()
        self.central.removeWidget(self.page)
        self.page.deleteLater()
        self.page, self.active = None, None
        if self._saved is not None:
            state, geometry, size = self._saved
            self.window.restoreGeometry(geometry)
            if not (self.window.isFullScreen() or self.window.isMaximized()):
                self.window.resize(size)  # some platforms ignore the geometry's size
            self.window.restoreState(state)
        self.central.currentWidget().setFocus()
        self._notify()

    # ----- building the page -----------------------------------------------------------------
    def _build_page(self, spec: StageSpec, extras: tuple[str, ...]) -> QWidget:
        page = QWidget()
        page.setObjectName(f"stage:{spec.name}")
        page.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 2, 4, 2)
        header = QLabel()
        worded(header, "setText", lambda: stage_header(spec))
        header.setObjectName("stage-header")
        column.addWidget(header)
        row = QSplitter(Qt.Orientation.Horizontal)
        row.setChildrenCollapsible(False)
        for key in spec.panels:
            row.addWidget(self._borrow(self.panels[key]))
        column.addWidget(row, 1)
        if spec.transport:
            column.addWidget(self._borrow_widget(self.transport))
        for key in extras:
            column.addWidget(self._borrow(self.panels[key]))
        for child in page.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            child.show()  # only once inside the page: a parentless show() would open a window
        for key in (*spec.panels, *extras):
            self.panels[key].widget.show()
        return page

    def _borrow(self, panel: Panel) -> QWidget:
        """Take a panel's widget out of its dock (or the central stack) until we leave."""
        widget = panel.widget
        dock = self.docks.get(panel.key)
        if dock is not None:
            dock.setWidget(QWidget())  # a placeholder while the view is on stage
            self._lent.append(lambda d=dock, w=widget: _give_back_to_dock(d, w))
        else:
            index = self.central.indexOf(widget)
            self.central.removeWidget(widget)
            self._lent.append(lambda w=widget, i=index: self.central.insertWidget(i, w))
        staged = getattr(panel.view, "set_staged", None)  # a view may rearrange for the room
        if staged is not None:
            staged(True)
            self._lent.append(lambda: staged(False))
        return widget

    def _borrow_widget(self, widget: QWidget) -> QWidget:
        """A widget that lives nowhere else (the transport row): hidden again on leaving."""
        self._lent.append(lambda w=widget: (w.hide(), w.setParent(None)))
        return widget

    def _notify(self) -> None:
        for listener in self.changed:
            listener(self.active.name if self.active is not None else None)


def stage_header(spec: StageSpec) -> str:
    """The line over a stage: its title and the keys that bring every view back."""
    keys = tr("{key} or Esc").format(key=spec.key) if spec.key else "Esc"
    title = tr(spec.title)
    return tr("<b>{title}</b> — {keys} returns to every view").format(title=title, keys=keys)


def _give_back_to_dock(dock: QDockWidget, widget: QWidget) -> None:
    placeholder = dock.widget()
    dock.setWidget(widget)
    widget.show()
    if placeholder is not None and placeholder is not widget:
        placeholder.deleteLater()
