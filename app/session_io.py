"""Files: sessions (save/open/autosave), CSV points, and view images."""

from __future__ import annotations

import base64
import contextlib
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow

from app.autosave_writer import AutosaveWriter
from app.context import Context
from app.csv_import import CsvImporter
from app.i18n import QT_TR_NOOP, tr
from app.panels import Panels
from app.session_open import SessionOpener
from app.session_save import SessionSaver
from nnviz import commands as cmd
from nnviz.data.csv_io import write_csv
from nnviz.session import Session, save_session

AUTOSAVE_MS = 30_000


def session_filter() -> str:
    """The file dialogs' filter for sessions, in the current language."""
    return tr("nnviz sessions (*.nnviz);;All files (*)")


class SessionIO:
    """Everything that reads or writes files: sessions, autosave, CSV points, view images.

    ``window`` is used for its layout (saveState/restoreState), as the parent of dialogs and
    for the whole-window image; everything else comes through the context and the panels.
    """

    def __init__(
        self,
        ctx: Context,
        panels: Panels,
        window: QMainWindow,
        ask: Callable[[str], bool],
        interactive: bool,
        autosave_dir: Path | None = None,
    ) -> None:
        self.ctx, self.panels, self.window, self.ask = ctx, panels, window, ask
        self.path: Path | None = None
        folder = autosave_dir or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
        self.autosave_path = folder / "autosave.nnviz"
        # A headless run (screenshots, reports, benchmarks) must not replace the user's real
        # autosave with its demo; it autosaves only into a folder it was given.
        self.autosave_enabled = interactive or autosave_dir is not None
        self.csv = CsvImporter(ctx, window)  # reads big files off the GUI thread
        # Sessions are read on the same file thread (the window stops it on close).
        self.opener = SessionOpener(ctx, self.csv.jobs, self._install, window)
        # Ctrl+S writes there too: the state is copied at once, the file written meanwhile.
        self.saver = SessionSaver(self.csv.jobs, window)
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(lambda _path, said: self.ctx.warn(said))
        self.writer = AutosaveWriter(parent=window)
        self.writer.failed.connect(lambda text: self.ctx.say(text, error=True))
        # The fallback: the journal (app/journal.py) saves soon after each change.
        self.timer = QTimer(window)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave_soon)
        self.timer.start()

    # ----- sessions --------------------------------------------------------------------------
    def current_session(self) -> Session | None:
        """Everything the user made, from the document and the newest snapshot."""
        snap = self.ctx.latest()
        if snap is None:
            return None
        state = bytes(self.window.saveState().data())
        view = {"window_state": base64.b64encode(state).decode("ascii")}
        for panel in self.panels:
            view.update(panel.saved_state())
        return Session(
            self.ctx.document.points.copy(),
            snap.spec,
            snap.config,
            tuple(np.array(p) for p in snap.params),
            dict(self.ctx.document.settings),
            snap.epoch,
            view,
        )

    def save_to(self, path: Path) -> bool:
        """Write the session to ``path`` now (scripts, tests); False (with a message) if not."""
        session = self.current_session()
        if session is None:
            self.ctx.warn(tr("Nothing to save yet: the network has not started."))
            return False
        try:
            save_session(path, session)
        except (OSError, ValueError) as exc:
            self.ctx.warn(tr("Could not save {name}: {reason}").format(name=path.name, reason=exc))
            return False
        self.ctx.say(tr("Saved {path}").format(path=path))
        return True

    def save_in_background(self, path: Path) -> bool:
        """Save as the menu does: the session as it is now, written on the file thread.

        False (with a message) if there is nothing to save yet. Once written, ``path`` becomes
        the current file and the status line says so; a failed write says why, once.
        """
        session = self.current_session()  # copies: later edits never reach this file
        if session is None:
            self.ctx.warn(tr("Nothing to save yet: the network has not started."))
            return False
        path = Path(path)
        self.saver.submit(path, session)
        self.ctx.say(tr("Saving {name}…").format(name=path.name))
        return True

    def _on_saved(self, path: Path) -> None:
        self.path = path
        self.ctx.say(tr("Saved {path}").format(path=path))

    def open_path(self, path: Path) -> bool:
        """Open a session now; a bad file gives one message and leaves everything as it was."""
        return self.opener.open_now(Path(path))

    def open_in_background(self, path: Path) -> None:
        """Open a session as the menu does: read and checked off the GUI thread, then installed."""
        self.opener.open_in_background(Path(path))

    def _install(self, path: Path, s: Session) -> Iterator[None]:
        """An accepted session becomes the current one (``SessionOpener`` checked it).

        Step by step: the opener lets the event loop run at each ``yield`` when it opens in
        the background (100,000 points and then the layout in one go kept the window still
        for ~0.15 s); opening now runs every step at once.
        """
        note = yield from self._apply_steps(s)
        self.path = path
        opened = tr("Opened {name}").format(name=path.name)
        self.ctx.say(opened + (f"; {note}" if note else ""))

    def apply_session(self, s: Session) -> str:
        """Install a loaded session: data (undoable), network, settings, weights, layout.

        Returns a note for the status line ("" if none): the undo history was cleared.
        """
        steps = self._apply_steps(s)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return str(done.value)

    def _apply_steps(self, s: Session) -> Generator[None, None, str]:
        """``apply_session`` in steps that each cost the GUI thread a few tens of ms."""
        note = self.ctx.document.replace(s.points, QT_TR_NOOP("open session"), {**s.dataset})
        yield
        self.ctx.send(cmd.SetSpec(s.spec))
        self.ctx.send(cmd.SetConfig(s.config))
        self.ctx.send(
            cmd.SetParams(tuple(s.params), reason=tr("Session restored."), epoch=int(s.epoch))
        )
        state = s.view.get("window_state")
        if isinstance(state, str):
            # An unreadable layout is not worth refusing the whole session for.
            with contextlib.suppress(ValueError):
                layout = base64.b64decode(state, validate=True)
                if layout != bytes(self.window.saveState().data()):  # ~70 ms, then a relayout
                    self.window.restoreState(QByteArray(layout))
        yield
        for panel in self.panels:
            panel.restore_state(s.view)
        return note

    def save(self) -> None:
        """Ctrl+S: save to the current file, or ask for one."""
        if self.path is None:
            self.save_as_dialog()
        else:
            self.save_in_background(self.path)

    def save_as_dialog(self) -> None:
        """Ask where to save."""
        name, _ = QFileDialog.getSaveFileName(
            self.window, tr("Save session"), "session.nnviz", session_filter()
        )
        if name:
            path = Path(name if name.endswith(".nnviz") else f"{name}.nnviz")
            self.save_in_background(path)  # the current file once it is written

    def open_dialog(self) -> None:
        """Ask which session to open."""
        name, _ = QFileDialog.getOpenFileName(self.window, tr("Open session"), "", session_filter())
        if name:
            self.open_in_background(Path(name))

    # ----- autosave --------------------------------------------------------------------------
    def autosave(self) -> None:
        """Closing: finish any save under way, then autosave; return once both are on disk."""
        self.saver.wait()  # nothing the user saved is lost by quitting
        if self.autosave_soon():
            self.writer.wait()

    def autosave_soon(self) -> bool:
        """Start an autosave in the background (never a dialog); False if there is nothing."""
        if not self.autosave_enabled:
            return False
        session = self.current_session()  # copies: the writer never sees later edits
        if session is None:
            return False
        self.writer.submit(self.autosave_path, session)
        return True

    def offer_restore(self) -> bool:
        """At start-up: offer to bring back the autosaved session, if there is one."""
        if not self.autosave_path.is_file():
            return False
        if not self.ask(tr("Restore the session autosaved when nnviz last closed?")):
            return False
        return self.open_path(self.autosave_path)

    # ----- CSV -------------------------------------------------------------------------------
    def import_csv(self, path: Path) -> bool:
        """Replace the points by a CSV file's now (one undo step); bad files change nothing."""
        return self.csv.import_now(path)

    def export_csv(self, path: Path) -> bool:
        """Write every point (train and test) to CSV."""
        X, y, _, _ = self.ctx.document.points.all_arrays()
        try:
            write_csv(path, X, y)
        except OSError as exc:
            self.ctx.warn(
                tr("Could not write {name}: {reason}").format(name=Path(path).name, reason=exc)
            )
            return False
        self.ctx.say(tr("Exported {n} points to {path}").format(n=len(X), path=path))
        return True

    def import_csv_dialog(self) -> None:
        """Ask for a CSV file to import."""
        name, _ = QFileDialog.getOpenFileName(
            self.window, tr("Import points"), "", tr("CSV (*.csv)")
        )
        if name:
            self.csv.import_in_background(Path(name))

    def export_csv_dialog(self) -> None:
        """Ask where to export the points."""
        name, _ = QFileDialog.getSaveFileName(
            self.window, tr("Export points"), "points.csv", tr("CSV (*.csv)")
        )
        if name:
            self.export_csv(Path(name))

    # ----- images ----------------------------------------------------------------------------
    def export_view(self, key: str, path: Path) -> bool:
        """Save one view (or the whole window) as PNG or SVG."""
        try:
            if key == "window":
                if not self.window.grab().save(str(path)):
                    raise OSError(tr("Qt could not write the image"))
            else:
                self.panels[key].export_image(str(path))
        except (OSError, ValueError) as exc:
            self.ctx.warn(tr("Could not export the image: {reason}").format(reason=exc))
            return False
        self.ctx.say(tr("Exported {path}").format(path=path))
        return True

    def export_dialog(self, key: str) -> None:
        """Ask where to export a view's image."""
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            tr("Export image"),
            f"{key}.png",
            tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if name:
            self.export_view(key, Path(name))
