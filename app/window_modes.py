"""The window's modes: presentation type, stage, layout reset, full screen, language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from app.i18n import LANGUAGES, tr
from app.playground_controller import preset_menu
from app.views.indicator_size import size_indicators


def presentation_pixels(height: int) -> int:
    """Type size for the back row: about a fiftieth of the window's height, at least 16 px.

    1080 px high → 22 px type; a 720 px projector → 16 px (physically as large on the wall).
    """
    return max(16, round(height / 50))


class WindowModes:
    """Mixed into MainWindow: the modes a lecturer switches with F5, F6–F8, F11 and Esc."""

    def toggle_presentation(self, on: bool | None = None) -> None:
        """Large type and thick lines, readable from the back of a lecture room."""
        action = self.actions["presentation"]
        on = action.isChecked() if on is None else on
        action.setChecked(on)
        self.presenting = on
        self._apply_type_size(force=True)
        if on and self.stage.active is None:
            # Large type wraps the network's header rows: give it half of the room the data
            # canvas (square, aspect-locked) would otherwise pad with blank margins.
            room = self.width() - self.docks["controls"].width()
            self.resizeDocks([self.docks["canvas"]], [room // 2], Qt.Orientation.Horizontal)
        self.status.set_presentation(on)
        self.status.say_worded(
            lambda: tr("Presentation mode on (F5 to leave)") if on else tr("Presentation mode off")
        )

    def _apply_type_size(self, force: bool = False) -> None:
        """Every widget's type, menus and popups included: the app font, sized for the room.

        The views take their sizes from it (so they are told again when it changes).
        """
        app = QApplication.instance()
        if self._normal_font is None:
            self._normal_font = QFont(app.font())
        font = QFont(self._normal_font)
        indicator = None  # tick boxes as the style draws them
        if self.presenting:
            px = presentation_pixels(self.height())
            font.setPointSizeF(px * 72.0 / max(self.logicalDpiY(), 1))
            indicator = round(0.85 * px)  # a little smaller than the type, as beside body text
        if not force and font == app.font():
            return
        app.setFont(font)
        self.setFont(font)
        self.transport.setFont(font)
        size_indicators(self, indicator)
        for panel in self.panels:
            panel.set_presentation(self.presenting)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In presentation mode the type follows the window's height (a projector's size)."""
        super().resizeEvent(event)
        if self.presenting and event.oldSize().height() != event.size().height():
            self._apply_type_size()

    def reset_layout(self) -> None:
        """View ▸ Reset layout: every panel back where it starts, whatever was saved."""
        self.stage.leave()
        self.restoreState(self.default_layout)
        for panel in self.panels:
            dock = self.docks.get(panel.key)
            if dock is not None:
                dock.setFloating(False)
        self.docks["curves"].raise_()
        self.resizeDocks([self.docks["curves"]], [300], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["canvas"]], [600], Qt.Orientation.Horizontal)
        self.status.say_worded(lambda: tr("Layout reset: every view is back in its place."))

    def toggle_stage(self, name: str) -> None:
        """F6/F7/F8: that view alone in the window; the same key (or Esc) brings all back."""
        self.stage.toggle(name)
        active = self.stage.active
        if active is not None and active.transport and self.latest is not None:
            self.transport.show_snapshot(self.latest)  # its numbers, before the next snapshot
        if active is not None:
            self.status.say_worded(
                lambda: tr("{title} on stage: {key} or Esc returns to every view.").format(
                    title=tr(active.title), key=active.key
                )
            )

    def set_language(self, language: str) -> None:
        """View ▸ Language: switch at once, without a restart (remembered for next time)."""
        try:
            self.language.set(language)
        except ValueError as exc:
            self.status.say(str(exc), error=True)
            return
        name = LANGUAGES[language]  # each language says its name in its own words
        self.status.say_worded(lambda: tr("Language: {name}").format(name=name))

    def reword(self, language: str) -> None:
        """The whole window in the new language at once (Language.changed calls this).

        Texts set once re-set themselves (``worded``); what views drew from data is drawn
        again: each view's ``reword()`` if it has one, then the newest snapshot to every view
        that only draws it (controllers that keep state from snapshots are not fed twice).
        """
        self.data_controls.set_presets(preset_menu())
        if not self.lessons.active:  # a playing lesson re-words its step itself
            self.lessons.panel.clear()
        for panel in self.panels:
            reword = getattr(panel.view, "reword", None)
            if reword is not None:
                reword()
        snap = self.latest
        if snap is not None:
            self.status.show_numbers(snap)
            self.transport.show_snapshot(snap)
            for panel in self.panels:
                if panel.show_snapshot is None or panel.feed_hidden:
                    continue
                if panel.widget.isVisible():
                    panel.show_snapshot(snap)
                else:
                    self._behind.add(panel.key)  # re-worded once it shows
        self.status.reword()  # a message said in words (not a snapshot's) follows too

    def toggle_fullscreen(self) -> None:
        """F11: full screen and back."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def show_shortcuts(self) -> None:
        """F1: the keyboard shortcuts."""
        from app.menus import shortcuts_help

        if self.interactive:
            QMessageBox.information(self, tr("Keyboard shortcuts"), shortcuts_help())
        else:
            self.status.say(tr("Space play/pause · → epoch · R reset · Ctrl+Z undo · F5 present"))
