"""The training bridge: a QObject on its own QThread that relays to the training process.

The Lab trains in a child process (nnviz/lab_loop.py says why). This worker, following the Qt
recipe, lives on a QThread: it starts the process, forwards its snapshots as a signal, and
restarts it with the user's network and data if it ever dies. Commands are values, written down a
pipe by a sender thread of the worker's own (the GUI thread only queues them: a 100,000-point
``SetData`` is ~2.4 MB, and writing it blocked the GUI for 14-300 ms while the process read);
snapshots come back at most ~40 per second and only once the GUI has drawn the
previous one, so a slow paint never builds a backlog.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.i18n import switches, tr
from nnviz import commands as cmd
from nnviz import text
from nnviz.image_run import IMAGES, IMAGES_DONE, ImagesDone
from nnviz.lab import Lab
from nnviz.lab_loop import (
    COMMAND,
    DELIVERED,
    FAILED,
    SNAPSHOT,
    STOP,
    SWEEP,
    SWEEP_DONE,
    serve,
)
from nnviz.snapshot import Snapshot, refrozen

POLL_S = 0.05  # how often the relay looks at its stop flag while no snapshot arrives
JOIN_S = 3.0  # how long a stopping process may take before it is terminated
KILL_S = 1.0  # how long a terminated (then a killed) process may take to go
_END = None  # queued last: the sender thread ends
MAX_RESTARTS = 3


def training_context() -> mp.context.BaseContext:
    """Where training processes come from: a fork server with the engine already imported.

    Forking this process is unsafe once Qt runs threads, and spawning a fresh interpreter
    imports NumPy and the engine again for every start (~0.4 s). The fork server is a clean
    interpreter started once, with the engine preloaded; each training process forks from it.
    """
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["nnviz.lab_loop", "nnviz.lab"])
    return ctx


class TrainingWorker(QObject):
    """Runs on the bridge thread; owns the training process and both pipes."""

    snapshot_ready = Signal(object)
    failed = Signal(str)
    sweep_progress = Signal(object)  # a SweepResult: one finished cell of a sweep
    sweep_finished = Signal(object)  # {"experiment", "cancelled", "seconds", "cells", "error"}
    images_progress = Signal(object)  # an ImageEpoch: one epoch of the digit network
    images_finished = Signal(object)  # an ImagesDone: the digit run ended (or was refused)

    def __init__(
        self, make_lab: Callable[[], Lab], recovery: Callable[[], list] = lambda: []
    ) -> None:
        super().__init__()
        self._make_lab = make_lab  # must pickle: a module-level function or a partial
        self._recovery = recovery  # commands that rebuild the user's state after a crash
        self._ctx = training_context()
        self._queue: deque[tuple | None] = deque()  # messages not yet sent, oldest first
        self._cond = threading.Condition()  # guards the queue and which pipe is current
        self._stop = threading.Event()
        self.process: mp.process.BaseProcess | None = None
        self.restarts = 0
        self._seq_base = 0  # a restarted process counts from 1 again; views need seq to grow
        self._last_seq = 0
        self.image_run: int | None = None  # the digit run under way in the process, if any
        with self._cond:
            self._open()
        self._sender = threading.Thread(target=self._send_all, name="nnviz-commands", daemon=True)
        self._sender.start()

    def _open(self, first: tuple = ()) -> None:
        """New pipes and a new (not yet started) process; ``first`` is sent before anything.

        Called with ``_cond`` held: the sender thread writes to the new pipe from now on.
        """
        inbox, self._commands = self._ctx.Pipe(duplex=False)
        self._snapshots, outbox = self._ctx.Pipe(duplex=False)
        self._child_ends = (inbox, outbox)  # closed here once the process has its own copies
        self.process = self._ctx.Process(
            target=serve, args=(self._make_lab, inbox, outbox), name="nnviz-training", daemon=True
        )
        # Its first command: speak the app's language (a switch later sends another).
        first = ((COMMAND, cmd.SetLanguage(text.language())), *first)
        self._queue.extendleft(reversed(first))
        self._cond.notify()

    def send(self, command: cmd.Command) -> None:
        """Send a command to the training process (safe from any thread)."""
        if isinstance(command, cmd.TrainImages):
            self.image_run = command.run
        self._post((COMMAND, command))

    def delivered(self) -> None:
        """The GUI has drawn the last snapshot: the next one may come."""
        self._post((DELIVERED, None))

    def stop(self) -> None:
        """Ask the process to finish and the relay loop to end."""
        self._stop.set()
        self._post((STOP, None))

    def _post(self, message: tuple | None) -> None:
        """Queue a message for the sender thread (returns at once, from any thread)."""
        with self._cond:
            self._queue.append(message)
            self._cond.notify()

    def _send_all(self) -> None:
        """The sender thread: write each queued message to the current pipe, in order."""
        while True:
            with self._cond:
                self._cond.wait_for(lambda: bool(self._queue))
                message, pipe = self._queue.popleft(), self._commands
            if message is _END:
                return
            # A dead process makes sending fail (its pipe has no reader left, see run); the
            # relay notices and restarts it with the user's state.
            with contextlib.suppress(OSError, ValueError):
                pipe.send(message)

    @Slot()
    def run(self) -> None:
        """Start the process and relay its snapshots until stopped."""
        while True:
            self.process.start()
            # The child has its own copies of its pipe ends now. Closing ours means a write
            # to a dead process fails at once instead of filling the pipe and blocking.
            for end in self._child_ends:
                end.close()
            self._relay()
            if self._stop.is_set() or not self._restart():
                break
        self._finish()

    def _relay(self) -> None:
        while not self._stop.is_set():
            if not self._snapshots.poll(POLL_S):
                if not self.process.is_alive():
                    return
                continue
            try:
                kind, value = self._snapshots.recv()
            except (EOFError, OSError):
                return
            if kind == SNAPSHOT:
                snap = refrozen(value)
                if self._seq_base:
                    snap = replace(snap, seq=snap.seq + self._seq_base)
                self._last_seq = snap.seq
                self.snapshot_ready.emit(snap)
            elif kind == SWEEP:
                self.sweep_progress.emit(value)
            elif kind == SWEEP_DONE:
                self.sweep_finished.emit(value)
            elif kind == IMAGES:
                self.images_progress.emit(value.refrozen())
            elif kind == IMAGES_DONE:
                if value.run == self.image_run:
                    self.image_run = None
                self.images_finished.emit(value)
            elif kind == FAILED:
                self.failed.emit(value)
                self._stop.set()

    def _restart(self) -> bool:
        """The process died: start a fresh one and replay the user's data and network."""
        if self.restarts >= MAX_RESTARTS:
            self.failed.emit(tr("Training stopped and could not be restarted; save your work."))
            return False
        self.restarts += 1
        self._seq_base = self._last_seq
        if self.image_run is not None:  # that run died with the process: say so, once
            why = tr(
                "The training process stopped while the digit network trained; train it again."
            )
            self.images_finished.emit(ImagesDone(self.image_run, 0, error=why))
            self.image_run = None
        code = self.process.exitcode
        recovery = [(COMMAND, command) for command in self._recovery()]
        with self._cond:  # the new process hears these before anything still queued
            self._open(tuple(recovery))
        self.failed.emit(
            tr(
                "The training process stopped unexpectedly (exit code {code}); it was restarted "
                "with your data, network and weights."
            ).format(code=code)
        )
        return True

    def _finish(self) -> None:
        """End the sender thread and the process, escalating; every wait here is bounded."""
        self._post(_END)  # after the STOP that stop() queued
        self._sender.join(KILL_S)
        proc = self.process
        if proc is not None and proc.pid is not None:
            proc.join(JOIN_S)
            if proc.is_alive():
                proc.terminate()  # last resorts; the loop reads its pipe every few ms
                proc.join(KILL_S)
            if proc.is_alive():
                self.kill()  # a stopped or wedged process cannot ignore this one
                proc.join(KILL_S)
        self._sender.join(KILL_S)  # a write blocked on the dead process has failed by now

    def kill(self) -> None:
        """Kill the process outright (from any thread): the bridge's very last resort."""
        proc = self.process
        if proc is not None and proc.pid is not None:
            with contextlib.suppress(OSError, ValueError):
                proc.kill()

    def longest_finish_s(self) -> float:
        """The most time _finish can take: the bridge waits this long for its thread."""
        return JOIN_S + 4 * KILL_S + POLL_S


class TrainingBridge(QObject):
    """Owns the worker and its QThread; the GUI talks to training only through this."""

    snapshot_ready = Signal(object)
    failed = Signal(str)
    sweep_progress = Signal(object)  # relayed from the worker, see TrainingWorker
    sweep_finished = Signal(object)
    images_progress = Signal(object)  # relayed from the worker: an ImageEpoch
    images_finished = Signal(object)  # an ImagesDone

    def __init__(self, make_lab: Callable[[], Lab], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.latest: Snapshot | None = None
        self._last_data: cmd.SetData | None = None
        self.worker = TrainingWorker(make_lab, self._recovery)
        self.thread = QThread()
        self.thread.setObjectName("nnviz-training")
        self.worker.moveToThread(self.thread)
        # Connect everything before start(), as the Qt recipe says.
        self.thread.started.connect(self.worker.run)
        self.worker.snapshot_ready.connect(self._on_snapshot)
        self.worker.failed.connect(self.failed)
        self.worker.sweep_progress.connect(self.sweep_progress)
        self.worker.sweep_finished.connect(self.sweep_finished)
        switches.switched.connect(self._speak)
        self.worker.images_progress.connect(self.images_progress)
        self.worker.images_finished.connect(self.images_finished)
        self._running = False

    def start(self) -> None:
        """Start the bridge thread, which starts the training process."""
        self.thread.start()
        self._running = True

    def send(self, command: cmd.Command) -> None:
        """Send a command to the training process."""
        if isinstance(command, cmd.SetData):
            self._last_data = command
        self.worker.send(command)

    @Slot(str)
    def _speak(self, language: str) -> None:
        """The user switched language: the training process words its messages in it too."""
        self.send(cmd.SetLanguage(language))

    def shutdown(self) -> None:
        """Flag → quit() → wait(): stop the process and the thread; safe to call twice.

        The thread is never terminated: killing a thread that runs Python can leave the
        interpreter's lock held and hang the app. Every wait in the worker's _finish is
        bounded instead, so waiting that long (and a little more) is enough.
        """
        if not self._running:
            return
        self._running = False
        switches.switched.disconnect(self._speak)  # a stopped process hears no more
        self.worker.stop()
        self.thread.quit()
        if not self.thread.wait(round(1000 * (self.worker.longest_finish_s() + 2.0))):
            self.worker.kill()  # whatever the thread still waits on ends with the process
            self.thread.wait()  # Qt aborts the app if a running thread is destroyed

    def _recovery(self) -> list:
        """What a restarted process needs to carry on where the user was."""
        out: list = [self._last_data] if self._last_data is not None else []
        snap = self.latest
        if snap is not None:
            out += [cmd.SetSpec(snap.spec), cmd.SetConfig(snap.config)]
            said = tr("Training restarted with your weights.")  # the process says it back
            out.append(cmd.SetParams(snap.params, reason=said))
        return out

    @Slot(object)
    def _on_snapshot(self, snap: Snapshot) -> None:
        # Runs in the GUI thread; drop anything older than what we already drew.
        if self.latest is None or snap.seq > self.latest.seq:
            self.latest = snap
            self.snapshot_ready.emit(snap)
        self.worker.delivered()
