"""Autosave off the GUI thread: the newest session is written by a thread of its own."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.i18n import tr
from nnviz.session import Session, save_session


class AutosaveWriter(QObject):
    """Writes sessions (immutable copies) in the background, newest first, one at a time.

    A 10,000-point session takes ~0.2 s to encode and fsync (100,000: ~1.5 s), far too long
    for the GUI thread. The encoder is pure Python and fsync releases the lock, so the GUI
    stays responsive. Only the newest waiting session is written: an older one that was
    never started is dropped. ``wait()`` returns once everything submitted is on disk.
    """

    failed = Signal(str)  # emitted from the writer thread; Qt queues it to the GUI thread

    def __init__(
        self, save: Callable[[Path, Session], None] = save_session, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._cond = threading.Condition()
        self._pending: tuple[Path, Session] | None = None
        self._busy = False  # a writer thread is running (it ends once nothing waits)

    def submit(self, path: Path, session: Session) -> None:
        """Write ``session`` to ``path`` soon (replacing any write not yet started)."""
        with self._cond:
            self._pending = (path, session)
            if not self._busy:
                self._busy = True
                threading.Thread(target=self._run, name="nnviz-autosave", daemon=True).start()

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until every submitted session is written; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._busy, timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                if self._pending is None:
                    self._busy = False
                    self._cond.notify_all()
                    return
                (path, session), self._pending = self._pending, None
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._save(path, session)
            except Exception as exc:  # noqa: BLE001 - say so; the next autosave tries again
                self.failed.emit(tr("Autosave failed: {error}").format(error=exc))
