"""A second worker thread for on-demand computations (landscape slices, optimizer races).

Jobs are generator functions run off the GUI thread; each yielded value is delivered as a
result (so a coarse grid can arrive before the refined one). Submitting a new job under the
same key cancels the old one: it stops at its next ``cancelled()`` check or yield.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

JOB_NICENESS = 10  # Linux "nice": 0 is the default, 19 the lowest priority
Job = Callable[[Callable[[], bool]], Iterator[Any]]


class _JobWorker(QObject):
    """Lives in the job thread; runs one job at a time from a queue."""

    result_ready = Signal(str, int, object)  # key, job id, value
    failed = Signal(str, int, str)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: queue.Queue[tuple[str, int, Job] | None] = queue.Queue()
        self.latest: dict[str, int] = {}
        self.lock = threading.Lock()
        self.native_id: int | None = None  # the job thread's id, once it runs

    def is_stale(self, key: str, job_id: int) -> bool:
        """True once a newer job with the same key has been submitted."""
        with self.lock:
            return self.latest.get(key, job_id) != job_id

    @Slot()
    def run(self) -> None:
        """Take jobs until a None arrives."""
        self.native_id = threading.get_native_id()
        _yield_to_the_gui()
        while (item := self.jobs.get()) is not None:
            key, job_id, job = item
            if self.is_stale(key, job_id):
                continue
            try:
                for value in job(lambda k=key, j=job_id: self.is_stale(k, j)):
                    if self.is_stale(key, job_id):
                        break
                    self.result_ready.emit(key, job_id, value)
            except Exception as exc:  # noqa: BLE001 - report, keep the thread alive
                self.failed.emit(key, job_id, f"{type(exc).__name__}: {exc}")


def _yield_to_the_gui() -> None:
    """Run this thread at a lower priority (nice + JOB_NICENESS) than the GUI's and training's.

    A landscape slice is a burst of NumPy work once a second; at the same priority it takes
    the GUI thread's core in the middle of a frame (frames then took twice their CPU time in
    wall time). Nobody waits for a job from one frame to the next, so it gives way.
    """
    with contextlib.suppress(AttributeError, OSError):  # not on Linux: run as it is
        me = threading.get_native_id()
        lower = min(19, os.getpriority(os.PRIO_PROCESS, me) + JOB_NICENESS)
        os.setpriority(os.PRIO_PROCESS, me, lower)


def _stop_yielding(native_id: int | None) -> None:
    """Give the job thread the ordinary priority back (where this user may raise it)."""
    if native_id is None:
        return
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, native_id, os.getpriority(os.PRIO_PROCESS, 0))


class JobRunner(QObject):
    """Submit jobs from the GUI thread; results come back as signals in the GUI thread."""

    result_ready = Signal(str, object)  # key, value (only from the newest job of that key)
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self.worker = _JobWorker()
        self.thread = QThread()
        self.thread.setObjectName("nnviz-jobs")
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.result_ready.connect(self._on_result)
        self.worker.failed.connect(self._on_failed)
        self.thread.start()
        self._running = True

    def submit(self, key: str, job: Job) -> int:
        """Run ``job`` off the GUI thread, cancelling any older job with this key."""
        job_id = next(self._ids)
        with self.worker.lock:
            self.worker.latest[key] = job_id
        self.worker.jobs.put((key, job_id, job))
        return job_id

    def cancel(self, key: str) -> None:
        """Abandon whatever job runs under ``key``."""
        with self.worker.lock:
            self.worker.latest[key] = -1

    def shutdown(self) -> None:
        """Cancel everything and stop the thread (flag → quit → wait)."""
        if not self._running:
            return
        self._running = False
        with self.worker.lock:
            self.worker.latest = {k: -1 for k in self.worker.latest}
        self.worker.jobs.put(None)
        _stop_yielding(self.worker.native_id)  # closing: no frame left to give way to
        self.thread.quit()
        # A job stops at its next yield. Qt must never destroy a running thread (it aborts the
        # app), so this waits for that however long it takes.
        self.thread.wait()

    @Slot(str, int, object)
    def _on_result(self, key: str, job_id: int, value: object) -> None:
        if not self.worker.is_stale(key, job_id):
            self.result_ready.emit(key, value)

    @Slot(str, int, str)
    def _on_failed(self, key: str, job_id: int, message: str) -> None:
        if not self.worker.is_stale(key, job_id):
            self.failed.emit(key, message)
