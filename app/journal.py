"""Journaling: autosave shortly after every change, so a kill -9 loses at most ~2 s of work."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QTimer, SignalInstance

from app.document import Document
from nnviz.snapshot import Snapshot

QUIET_S = 0.5  # save once the user has paused editing this long …
MAX_DELAY_S = 1.5  # … but never later than this after the first unsaved change


class Journal(QObject):
    """Calls ``save`` soon after the user changes something (debounced, with a deadline).

    Changes are edits to the points (``Document.changed``) and, seen in the snapshots, a new
    network or training settings, or new weights while paused (a weight dragged, a step, a
    reset). A stream of edits (a brush stroke) still saves every ``MAX_DELAY_S``. Training's
    own progress is left to the 30-second autosave, which stays as the fallback.
    """

    def __init__(
        self,
        save: Callable[[], None],
        document: Document,
        snapshots: SignalInstance,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.save, self.clock = save, clock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.flush)
        self._first_unsaved: float | None = None
        self._seen: Snapshot | None = None
        document.changed.connect(self.touch)
        snapshots.connect(self._on_snapshot)

    @property
    def pending(self) -> bool:
        """True while a change waits to be saved."""
        return self._first_unsaved is not None

    def touch(self) -> None:
        """Something changed: save after a quiet moment, and by the deadline at the latest."""
        now = self.clock()
        if self._first_unsaved is None:
            self._first_unsaved = now
        wait = min(QUIET_S, self._first_unsaved + MAX_DELAY_S - now)
        self.timer.start(max(0, round(wait * 1000)))

    def flush(self) -> None:
        """Save now if anything is waiting."""
        self.timer.stop()
        if self._first_unsaved is None:
            return
        self._first_unsaved = None
        self.save()

    def _on_snapshot(self, snap: Snapshot) -> None:
        seen, self._seen = self._seen, snap
        if seen is None:
            return
        new_network = snap.spec != seen.spec or snap.config != seen.config
        new_weights = not snap.playing and not _same_params(snap.params, seen.params)
        if new_network or new_weights:
            self.touch()


def _same_params(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
