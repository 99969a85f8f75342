"""Python's cyclic garbage collector, run on the GUI thread only (and paused for big builds).

Left to itself, the collector runs in whichever thread happens to allocate when a threshold is
crossed: the training bridge's thread, the job thread, the autosave writer. A cycle it frees
may hold the last reference to a widget, whose C++ side is then destroyed on that thread; Qt
allows that only on the GUI thread (anything else can crash or deadlock). So the app turns
automatic collection off and a GUI-thread timer collects instead, generation by generation,
with the interpreter's own thresholds. pyqtgraph's documentation gives the same advice.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

INTERVAL_MS = 500  # how often the GUI thread looks: ~0.02 ms when nothing is due

_lock = threading.Lock()
_pauses = 0  # threads inside ``paused()`` now
_automatic_was_on = False  # automatic collection, as the first pause found it
_collector: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    """A timer on the GUI thread that runs whatever collection the thresholds say is due."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.collections = [0, 0, 0]  # passes run, per generation (for tests and benchmarks)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> int | None:
        """Collect the oldest generation whose threshold is crossed; which one, or None.

        The interpreter's rule: generation 0 once its allocations exceed the first threshold,
        an older generation once the younger one has been collected more often than its own.
        """
        if _pauses:
            return None
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return None
        generation = 0
        for older in (1, 2):
            if counts[older] > thresholds[older]:
                generation = older
        gc.collect(generation)
        self.collections[generation] += 1
        return generation


def collect_on_gui_thread() -> GuiThreadCollector:
    """Turn automatic collection off and collect on the GUI thread from now on (idempotent)."""
    global _collector
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("collect_on_gui_thread() needs the application, on its own thread")
    if _collector is None:
        _collector = GuiThreadCollector(app)
        with _lock:
            gc.disable()  # for good: a pause ending now leaves it off, as _collector is set
    return _collector


def collector() -> GuiThreadCollector | None:
    """The GUI thread's collector, once installed."""
    return _collector


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No collection (automatic or on the GUI thread) while inside; nestable, any thread."""
    global _pauses, _automatic_was_on
    with _lock:
        if _pauses == 0:
            _automatic_was_on = gc.isenabled()
        _pauses += 1
        gc.disable()
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _automatic_was_on and _collector is None:
                gc.enable()
