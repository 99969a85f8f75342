"""The training thread: a QObject on its own QThread that iterates the pure Lab.

Commands arrive as values through a thread-safe queue read between training steps (a looping
slot never sees queued signal calls); snapshots leave as a signal, at most ~60 per second and
only once the GUI has taken the previous one, so a slow GUI never builds a backlog.
"""

from __future__ import annotations

import queue
import threading
import time
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from nnviz import commands as cmd
from nnviz.lab import Lab
from nnviz.snapshot import Snapshot

FRAME_S = 1.0 / 40.0  # newest snapshot at most every 25 ms (measured: bench/ui.py)
TRAIN_SLICE_S = 0.008  # train in slices this long between command checks


class TrainingWorker(QObject):
    """Runs in the worker thread; owns the Lab (model, data, trainer)."""

    snapshot_ready = Signal(object)

    def __init__(self, make_lab: Callable[[], Lab]) -> None:
        super().__init__()
        self._make_lab = make_lab
        self._commands: queue.Queue[cmd.Command] = queue.Queue()
        self._stop = threading.Event()
        self._delivered = threading.Event()
        self._delivered.set()
        self._pending: list[cmd.Command] = []  # taken off the queue while waiting, not yet run
        self.thread_name = ""

    def send(self, command: cmd.Command) -> None:
        """Queue a command (safe to call from any thread)."""
        self._commands.put(command)

    def stop(self) -> None:
        """Ask the loop to finish after its current slice."""
        self._stop.set()

    def delivered(self) -> None:
        """The GUI has drawn the last snapshot: the next one may be sent."""
        self._delivered.set()

    @Slot()
    def run(self) -> None:
        """The loop: apply queued commands, train a slice, emit the newest snapshot."""
        self.thread_name = threading.current_thread().name
        lab = self._make_lab()
        # Hand the GIL over between mini-batches: otherwise every Qt call the GUI thread makes
        # waits up to a whole switch interval for this loop (the "convoy" effect).
        lab.between_steps = lambda: time.sleep(0)
        dirty, last_emit = True, 0.0
        while not self._stop.is_set():
            dirty |= self._apply_commands(lab)
            if lab.playing:
                dirty |= self._train_slice(lab)
            now = time.perf_counter()
            if dirty and now - last_emit >= FRAME_S and self._delivered.is_set():
                self._delivered.clear()
                self.snapshot_ready.emit(lab.snapshot())
                dirty, last_emit = False, now
            elif not lab.playing:
                self._wait_for_command()

    def _apply_commands(self, lab: Lab) -> bool:
        changed = False
        while True:
            if self._pending:
                command = self._pending.pop(0)
            else:
                try:
                    command = self._commands.get_nowait()
                except queue.Empty:
                    return changed
            try:
                lab.apply(command)
            except ValueError as exc:  # bad input: say so, change nothing
                lab._say("error", str(exc))
            except Exception as exc:  # noqa: BLE001 - a bug must not kill the thread
                lab.playing = False
                lab._say("error", _describe(exc))
            changed = True

    def _train_slice(self, lab: Lab) -> bool:
        try:
            return lab.advance(TRAIN_SLICE_S) > 0 or not lab.playing
        except Exception as exc:  # noqa: BLE001 - pause and report instead of dying
            lab.playing = False
            lab._say("error", _describe(exc))
            return True

    def _wait_for_command(self) -> None:
        try:
            command = self._commands.get(timeout=FRAME_S)
        except queue.Empty:
            return
        self._pending.append(command)  # handled first at the top of the loop, in order


def _describe(exc: Exception) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    place = f" (in {where[0].name})" if where else ""
    return f"Training stopped by an unexpected error{place}: {type(exc).__name__}: {exc}"


class TrainingThread(QObject):
    """Owns the worker and its QThread; the GUI talks to training only through this."""

    snapshot_ready = Signal(object)

    def __init__(self, make_lab: Callable[[], Lab], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = TrainingWorker(make_lab)
        self.thread = QThread()
        self.thread.setObjectName("nnviz-training")
        self.worker.moveToThread(self.thread)
        # Connect everything before start(), as the Qt recipe says.
        self.thread.started.connect(self.worker.run)
        self.worker.snapshot_ready.connect(self._on_snapshot)
        self.latest: Snapshot | None = None
        self._running = False

    def start(self) -> None:
        """Start the thread (its loop begins by sending a first snapshot)."""
        self.thread.start()
        self._running = True

    def send(self, command: cmd.Command) -> None:
        """Send a command to the worker."""
        self.worker.send(command)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Flag → quit() → wait(): stop cleanly; safe to call more than once."""
        if not self._running:
            return
        self._running = False
        self.worker.stop()
        self.thread.quit()
        if not self.thread.wait(timeout_ms):
            self.thread.terminate()  # last resort; the loop checks its flag every ~10 ms
            self.thread.wait()

    @Slot(object)
    def _on_snapshot(self, snap: Snapshot) -> None:
        # Runs in the GUI thread; drop anything older than what we already drew.
        if self.latest is None or snap.seq > self.latest.seq:
            self.latest = snap
            self.snapshot_ready.emit(snap)
        self.worker.delivered()
