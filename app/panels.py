"""The registry of the window's panels: menus, layout, export and presentation iterate it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.i18n import tr
from nnviz.snapshot import Snapshot

Area = Qt.DockWidgetArea


class KeepsState(Protocol):
    """Something whose settings go into the session file (strings only, validated on load)."""

    def saved_state(self) -> dict[str, str]: ...

    def restore_state(self, view: dict[str, Any]) -> None: ...


@dataclass
class Panel:
    """One view of the window and everything the app does with it.

    ``widget`` goes into the dock (a scroll area, say); ``view`` is the view itself, which
    draws snapshots, scales for presentation and exports images when it can.
    """

    key: str
    title: str  # English, marked for the catalogue with QT_TR_NOOP: shown as shown_title()
    widget: QWidget
    view: QWidget
    area: Area | None  # None: the central widget
    show_snapshot: Callable[[Snapshot], None] | None = None
    export: bool = True  # File ▸ Export image offers it
    tab_with: str | None = None  # share a dock area as a tab beside this panel
    stage: str | None = None  # the stage (single-view mode) this panel belongs to
    state: KeepsState | None = None  # what of this panel a session file keeps
    minimum: tuple[int, int] = (220, 160)  # the smallest size at which it still reads well
    # A view that only draws skips snapshots while hidden (it is given the newest one when it
    # shows); a controller that keeps state from them (a path, the traced network) gets them all.
    feed_hidden: bool = False

    def shown_title(self) -> str:
        """The title in the current language."""
        return tr(self.title)

    def set_presentation(self, on: bool) -> None:
        """Large type and thick lines, when the view supports it."""
        scale = getattr(self.view, "set_presentation", None)
        if scale is not None:
            scale(on)

    def saved_state(self) -> dict[str, str]:
        """This panel's part of the session's view settings."""
        return self.state.saved_state() if self.state is not None else {}

    def restore_state(self, view: dict[str, Any]) -> None:
        """Take this panel's settings back from a loaded session (bad values are skipped)."""
        if self.state is not None:
            self.state.restore_state(view)

    def export_image(self, path: str) -> None:
        """PNG or SVG of the view (raises OSError when it cannot be written)."""
        self.view.export_image(path)


class Panels:
    """The panels in the order they were added; adding one = one entry here."""

    def __init__(self) -> None:
        self._panels: dict[str, Panel] = {}

    def add(self, panel: Panel) -> Panel:
        """Register a panel under its unique key."""
        if panel.key in self._panels:
            raise ValueError(f"two panels are called {panel.key!r}")  # a programming error
        self._panels[panel.key] = panel
        return panel

    def __iter__(self) -> Iterator[Panel]:
        return iter(self._panels.values())

    def __contains__(self, key: object) -> bool:
        return key in self._panels

    def __getitem__(self, key: str) -> Panel:
        if key not in self._panels:
            choices = ", ".join(self._panels)
            raise ValueError(
                tr("no view called {name}; choose one of {choices}").format(
                    name=repr(key), choices=choices
                )
            )
        return self._panels[key]

    def keys(self) -> list[str]:
        """Every panel's key, in order."""
        return list(self._panels)

    def exportable(self) -> list[Panel]:
        """The panels File ▸ Export image offers."""
        return [p for p in self if p.export]
