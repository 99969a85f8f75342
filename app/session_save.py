"""Saving a session: the state is taken on the GUI thread, written on the file thread."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app.i18n import tr
from app.jobs import JobRunner
from nnviz.data.limits import shown
from nnviz.session import Session, save_session

KEY = "save:"  # this runner's job keys, one per save (a newer save never cancels an older one)


class SessionSaver(QObject):
    """Writes sessions on the file thread, in the order asked, each one exactly as handed over.

    The session handed to ``submit`` is a copy taken at the moment of saving (points, weights,
    settings, layout), so later edits never reach the file. Encoding 100,000 points takes
    ~2 s in pure Python, which lets the GUI thread run. The file thread is the one that opens
    sessions and imports CSV files, so a file opened right after saving it is read only once
    it is written. ``wait()`` returns once every save asked for is on disk (or has failed).
    """

    saved = Signal(object)  # the path, once written
    failed = Signal(object, str)  # the path and the message that says why it was not written

    def __init__(self, jobs: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self._ids = itertools.count(1)
        self._cond = threading.Condition()
        self._writing = 0  # saves asked for and not yet finished
        jobs.result_ready.connect(self._on_result)

    @property
    def busy(self) -> bool:
        """True while a save is queued or being written."""
        with self._cond:
            return self._writing > 0

    def submit(self, path: Path, session: Session) -> None:
        """Write ``session`` to ``path`` on the file thread; ``saved`` or ``failed`` follows."""
        path = Path(path)
        with self._cond:
            self._writing += 1

        def job(_cancelled: Any) -> Iterator[tuple[Path, str]]:
            try:
                save_session(path, session)  # atomic: a temp file, then one rename
            except (OSError, ValueError) as exc:
                error = str(exc)
            except Exception as exc:  # noqa: BLE001 - last resort: say so, keep the thread
                error = f"{type(exc).__name__}: {shown(exc)}"
            else:
                error = ""
            finally:
                with self._cond:
                    self._writing -= 1
                    self._cond.notify_all()
            yield path, error

        self.jobs.submit(f"{KEY}{next(self._ids)}", job)

    def wait(self, timeout: float = 60.0) -> bool:
        """Block until every save asked for is finished; False on timeout (quitting)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._writing == 0, timeout)

    @Slot(str, object)
    def _on_result(self, key: str, value: tuple[Path, str]) -> None:
        if not key.startswith(KEY):
            return
        path, error = value
        if error:
            said = tr("Could not save {name}: {reason}").format(name=path.name, reason=error)
            self.failed.emit(path, said)
        else:
            self.saved.emit(path)
