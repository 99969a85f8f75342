"""Opening a session: read and checked off the GUI thread, installed on it only if accepted."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.context import Context
from app.i18n import tr
from app.jobs import JobRunner
from app.long_lived import built_to_last
from nnviz.data.limits import shown
from nnviz.session import Session, SessionError, load_session

KEY = "open"  # this runner's job key (the CSV import shares the file thread)


def read_session(path: Path) -> Session | str:
    """The checked session, or the one message that says why the file is refused (no Qt).

    ``load_session`` is the validation boundary: it reads and checks the whole file and raises
    only SessionError. The last-resort branch keeps a bug in those checks from crashing the app.
    """
    try:
        session = load_session(path)
        # The point arrays the undo step, the canvas and the training process all start
        # from, made here rather than on the GUI thread (100,000 points: ~0.1 s).
        session.points.all_arrays()
    except SessionError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - last resort: report, change nothing
        return tr("Could not open {name} (unexpected error {error})").format(
            name=Path(path).name, error=f"{type(exc).__name__}: {shown(exc)}"
        )
    return session


class SessionOpener(QObject):
    """Opens sessions now (scripts, the command line) or in the background (the menu).

    ``install`` applies an accepted session to the window, in steps (a generator: the event
    loop runs between two steps of a background open); a refused file changes nothing.
    """

    finished = Signal(bool)  # after a background open: True if the session was installed

    def __init__(
        self,
        ctx: Context,
        jobs: JobRunner,
        install: Callable[[Path, Session], Iterator[None]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.jobs, self.install = ctx, jobs, install
        self.jobs.result_ready.connect(self._on_result)
        self.jobs.failed.connect(self._on_failed)
        self.loading: Path | None = None  # the file being read in the background

    def open_now(self, path: Path) -> bool:
        """Read, check and install ``path`` on this thread; False (with a message) if refused."""
        result = read_session(Path(path))
        if isinstance(result, str):
            self.ctx.warn(result)
            return False
        for _step in self.install(Path(path), result):
            pass
        return True

    def open_in_background(self, path: Path) -> None:
        """Read and check the file on the job thread; the window changes only once it is done.

        A newer request replaces an older one still being read (only the newest is installed).
        """
        path = Path(path)
        self.loading = path
        self.ctx.say(tr("Opening {file}…").format(file=path.name))

        def job(_cancelled: Any) -> Iterator[tuple[Path, Session | str]]:
            with built_to_last():  # 100,000 points without collector pauses
                result = read_session(path)
            yield path, result

        self.jobs.submit(KEY, job)

    @Slot(str, object)
    def _on_result(self, key: str, value: tuple[Path, Session | str]) -> None:
        if key != KEY:
            return
        path, result = value
        self.loading = None
        if isinstance(result, str):
            self.ctx.warn(result)
            self.finished.emit(False)
        else:
            self._step(self.install(path, result))

    def _step(self, steps: Iterator[None]) -> None:
        """One step of installing; the next once the event loop has run (drawn, ticked)."""
        try:
            next(steps)
        except StopIteration:
            self.finished.emit(True)
        else:
            # A timer, not a posted call (Qt 6 runs a 0 ms single shot as one): the window
            # draws and other timers fire before the next step.
            QTimer.singleShot(1, self, lambda: self._step(steps))

    @Slot(str, str)
    def _on_failed(self, key: str, message: str) -> None:
        if key != KEY:
            return
        self.loading = None
        self.ctx.warn(tr("Could not open the session ({reason})").format(reason=message))
        self.finished.emit(False)
