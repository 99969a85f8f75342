"""The training loop behind the app, run in a process of its own: commands in, snapshots out.

Pure Python (no Qt), so the whole loop is tested without threads or processes. Why a process
and not only a thread: NumPy on small arrays holds Python's global interpreter lock for most of
each mini-batch, so a training *thread* and the GUI thread keep taking the lock from each other
(measured in bench/ui.py: 26 % of the bare engine's speed and 50 ms hiccups in the GUI). In its
own process the engine has a core to itself and the GUI thread only paints.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from typing import Any, Protocol

from nnviz import commands as cmd
from nnviz.experiments.sweep_run import SWEEP, SWEEP_DONE, RunningSweep  # noqa: F401 - protocol
from nnviz.image_run import IMAGES, IMAGES_DONE, RunningImages, start_message  # noqa: F401
from nnviz.lab import Lab
from nnviz.text import _

FRAME_S = 1.0 / 40.0  # the newest snapshot at most every 25 ms
TRAIN_SLICE_S = 0.008  # train in slices this long between looks at the command pipe
MIN_SLICE_S = 0.001  # and at least this long (a mini-batch or more), whenever frames are due

# Messages: ("command", Command), ("delivered", None), ("stop", None) go to the loop;
# ("snapshot", Snapshot) and ("failed", text) come back, and while a sweep runs
# ("sweep", SweepResult) per cell and one ("sweep_done", {...}) (see experiments/sweep_run.py),
# and while the digit images train ("images", ImageEpoch) per epoch and one ("images_done", ...).
COMMAND, DELIVERED, STOP = "command", "delivered", "stop"
SNAPSHOT, FAILED = "snapshot", "failed"


class Channel(Protocol):
    """The half of a pipe the loop uses (multiprocessing's Connection fits)."""

    def poll(self, timeout: float = 0.0) -> bool: ...

    def recv(self) -> Any: ...

    def send(self, message: Any) -> None: ...


class LabLoop:
    """Applies commands, trains in slices and hands out snapshots as fast as they are taken.

    A new snapshot is sent only after the GUI said it drew the last one ("delivered"), so a
    slow paint never builds a backlog, and never more often than every ``frame_s`` seconds.
    """

    def __init__(self, lab: Lab, frame_s: float = FRAME_S, clock=time.perf_counter) -> None:
        self.lab = lab
        self.frame_s = frame_s
        self.clock = clock
        self.dirty = True  # the GUI has not seen the latest state yet
        self.delivered = True  # the GUI has drawn the last snapshot we sent
        self.stopped = False
        self._last_emit = -float("inf")
        self.sweep: RunningSweep | None = None  # computed a cell per loop turn
        self.images: RunningImages | None = None  # the digit network, an epoch per loop turn
        self.outgoing: list[tuple[str, Any]] = []  # sweep and image messages for the pipe

    def handle(self, message: tuple[str, Any]) -> None:
        """One message from the GUI side."""
        kind, value = message
        if kind == STOP:
            self.stopped = True
        elif kind == DELIVERED:
            self.delivered = True
        elif kind == COMMAND and isinstance(value, cmd.StartSweep | cmd.CancelSweep):
            self._sweep_command(value)
        elif kind == COMMAND and isinstance(value, cmd.TrainImages | cmd.CancelImages):
            self._images_command(value)
        elif kind == COMMAND:
            self._apply(value)
        else:
            self._report(_("unknown message {kind!r}", kind=kind))

    def _apply(self, command: cmd.Command) -> None:
        try:
            self.lab.apply(command)
        except ValueError as exc:  # bad input: say so, change nothing
            self._report(str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug must not end training for good
            self.lab.playing = False
            self._report(describe(exc))
        self.dirty = True

    def _sweep_command(self, command: cmd.StartSweep | cmd.CancelSweep) -> None:
        """Start or cancel a sweep; a new one first ends the one running (as cancelled)."""
        if self.sweep is not None:
            self.outgoing.append(self.sweep.cancel())
            self.sweep = None
        if isinstance(command, cmd.StartSweep):
            self.sweep = RunningSweep(command.sweep, self.clock)

    def sweep_step(self) -> None:
        """One cell of the running sweep, between training slices (commands are read between)."""
        if self.sweep is None:
            return
        self.outgoing += self.sweep.step()
        if self.sweep.finished:
            self.sweep = None

    def _images_command(self, command: cmd.TrainImages | cmd.CancelImages) -> None:
        """Start or cancel the image run; a new one first ends the one going (as cancelled)."""
        if self.images is not None:
            self.outgoing.append(self.images.cancel())
            self.images = None
        if isinstance(command, cmd.TrainImages):
            self.images, refused = start_message(command)
            self.outgoing += refused

    def images_step(self) -> None:
        """One epoch of the image run, between training slices (commands are read between)."""
        if self.images is None:
            return
        self.outgoing += self.images.step()
        if self.images.finished:
            self.images = None

    def take_messages(self) -> list[tuple[str, Any]]:
        """The sweep messages to send now (and forget)."""
        out, self.outgoing = self.outgoing, []
        return out

    def train(self) -> None:
        """Train one slice if playing; a bug pauses and is reported instead of escaping."""
        if not self.lab.playing:
            return
        try:
            if self.lab.advance(self.slice_s()) > 0 or not self.lab.playing:
                self.dirty = True
        except Exception as exc:  # noqa: BLE001 - pause and report instead of dying
            self.lab.playing = False
            self._report(describe(exc))
            self.dirty = True

    def slice_s(self) -> float:
        """How long to train before looking again: a slice, cut short at the next frame's time.

        Otherwise a frame falls due in the middle of a slice and waits for its end, and the
        frames come every 25 + 4 ms on average instead of every 25 ms. Never shorter than
        MIN_SLICE_S: an overdue frame with nothing new to show must not stop training.
        """
        if not self.delivered:  # the GUI is still drawing: no frame can fall due yet
            return TRAIN_SLICE_S
        left = self.frame_s - (self.clock() - self._last_emit)
        return min(TRAIN_SLICE_S, max(MIN_SLICE_S, left))

    def snapshot_due(self) -> bool:
        """Something changed, the GUI is ready, and the frame interval has passed."""
        ready = self.dirty and self.delivered
        return ready and self.clock() - self._last_emit >= self.frame_s

    def take_snapshot(self):
        """The snapshot to send now (and the GUI owes us a 'delivered' for it)."""
        self.dirty, self.delivered = False, False
        self._last_emit = self.clock()
        return self.lab.snapshot()

    def wait_s(self) -> float:
        """How long to wait for a message before looking again."""
        if self.sweep is not None or self.images is not None:  # a cell or an epoch is waiting
            return 0.0
        if self.lab.playing:  # at a speed limit, nap instead of spinning between epochs
            paced = self.lab.epochs_per_second and self.lab.stop_at_epoch is None
            return 0.002 if paced else 0.0
        if self.dirty and self.delivered:  # only the frame interval holds the snapshot back
            return max(0.0, self.frame_s - (self.clock() - self._last_emit))
        return self.frame_s

    def _report(self, text: str) -> None:
        self.lab._say("error", text)


def serve(make_lab: Callable[[], Lab], inbox: Channel, outbox: Channel) -> None:
    """Run a Lab until told to stop: the body of the training process."""
    try:
        loop = LabLoop(make_lab())
    except Exception as exc:  # noqa: BLE001 - tell the GUI why training cannot start
        outbox.send((FAILED, _("Training could not start: {error}", error=describe(exc))))
        return
    try:
        _run(loop, inbox, outbox)
    except (EOFError, BrokenPipeError, ConnectionResetError):
        return  # the app has gone (closed or killed): so does its training process


def _run(loop: LabLoop, inbox: Channel, outbox: Channel) -> None:
    while not loop.stopped:
        timeout = loop.wait_s()
        while not loop.stopped and inbox.poll(timeout):
            loop.handle(inbox.recv())
            timeout = 0.0
        if loop.stopped:
            return
        loop.train()
        loop.sweep_step()
        loop.images_step()
        for message in loop.take_messages():
            outbox.send(message)
        if loop.snapshot_due():
            outbox.send((SNAPSHOT, loop.take_snapshot()))


def describe(exc: BaseException) -> str:
    """An unexpected error in one line: its type, message and where it happened."""
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    kind = type(exc).__name__
    if where:
        return _(
            "Training stopped by an unexpected error (in {function}): {kind}: {error}",
            function=where[0].name,
            kind=kind,
            error=exc,
        )
    return _("Training stopped by an unexpected error: {kind}: {error}", kind=kind, error=exc)
