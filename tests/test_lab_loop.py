"""Tests for the training process's loop, without a process: fake pipes and a fake clock."""

import time
from collections import deque

from nnviz import commands as cmd
from nnviz.lab_loop import (
    COMMAND,
    DELIVERED,
    FAILED,
    MIN_SLICE_S,
    SNAPSHOT,
    STOP,
    TRAIN_SLICE_S,
    LabLoop,
    serve,
)
from tests.factories import broken_lab, failing_lab, make_lab


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class FakePipe:
    """One direction of a pipe: messages wait in a queue."""

    def __init__(self, messages=()) -> None:
        self.queue = deque(messages)
        self.sent = []

    def poll(self, timeout: float = 0.0) -> bool:
        return bool(self.queue)

    def recv(self):
        return self.queue.popleft()

    def send(self, message) -> None:
        self.sent.append(message)


def test_a_snapshot_waits_for_the_gui_to_draw_the_last_one():
    """After one snapshot, the next is due only once the GUI says 'delivered'."""
    clock = FakeClock()
    loop = LabLoop(make_lab(), frame_s=0.025, clock=clock)
    assert loop.snapshot_due()
    first = loop.take_snapshot()
    loop.handle((COMMAND, cmd.StepEpoch()))
    clock.now = 1.0
    assert not loop.snapshot_due()  # changed, but the GUI has not drawn the first yet
    loop.handle((DELIVERED, None))
    assert loop.snapshot_due() and loop.take_snapshot().seq == first.seq + 1


def test_snapshots_are_spaced_by_the_frame_interval():
    """Even with the GUI ready and the state changed, two snapshots are a frame apart."""
    clock = FakeClock()
    loop = LabLoop(make_lab(), frame_s=0.025, clock=clock)
    loop.take_snapshot()
    loop.handle((DELIVERED, None))
    loop.handle((COMMAND, cmd.StepEpoch()))
    clock.now = 0.01
    assert not loop.snapshot_due() and 0 < loop.wait_s() <= 0.015 + 1e-12
    clock.now = 0.03
    assert loop.snapshot_due()


def test_a_training_slice_ends_when_the_next_frame_falls_due():
    """A slice is cut short at the frame's time, so the frame is not kept waiting for it."""
    clock = FakeClock()
    loop = LabLoop(make_lab(), frame_s=0.025, clock=clock)
    loop.take_snapshot()
    assert loop.slice_s() == TRAIN_SLICE_S  # the GUI is still drawing: a whole slice
    loop.handle((DELIVERED, None))
    clock.now = 0.02
    assert abs(loop.slice_s() - 0.005) < 1e-12  # 5 ms to the frame: a 5 ms slice
    clock.now = 0.04
    assert loop.slice_s() == MIN_SLICE_S  # overdue: a short slice, then the snapshot


def test_training_goes_on_when_a_frame_is_overdue_with_nothing_new():
    """Playing at a paced speed, an overdue frame with nothing changed still trains (a slice
    of 0 s would never change anything, and so never send the frame: training stalled)."""
    loop = LabLoop(make_lab(), frame_s=0.025)
    loop.handle((COMMAND, cmd.SetSpeed(25.0)))
    loop.handle((COMMAND, cmd.Play()))
    loop.take_snapshot()
    loop.handle((DELIVERED, None))
    epoch = loop.lab.trainer.epoch
    deadline = time.perf_counter() + 5.0
    while loop.lab.trainer.epoch < epoch + 3 and time.perf_counter() < deadline:
        loop.train()
        if loop.snapshot_due():
            loop.take_snapshot()
            loop.handle((DELIVERED, None))
    assert loop.lab.trainer.epoch >= epoch + 3


def test_bad_commands_and_bugs_are_reported_not_raised():
    """A refused command and a crash inside training both become an 'error' snapshot."""
    loop = LabLoop(make_lab())
    loop.handle((COMMAND, cmd.SetParam(0, (99, 99), 1.0)))
    snap = loop.take_snapshot()
    assert snap.event == "error" and "outside" in snap.message
    loop = LabLoop(broken_lab())
    loop.handle((COMMAND, cmd.Play()))
    loop.train()
    snap = loop.take_snapshot()
    assert snap.event == "error" and "boom" in snap.message and not snap.playing


def test_serve_answers_commands_and_stops():
    """serve() applies commands in order, sends snapshots, and returns on 'stop'."""
    inbox = FakePipe([(COMMAND, cmd.StepEpoch()), (COMMAND, cmd.StepEpoch()), (STOP, None)])
    outbox = FakePipe()
    serve(make_lab, inbox, outbox)
    assert outbox.sent == []  # stop came with the commands, before any frame was due
    inbox = FakePipe([(COMMAND, cmd.StepEpoch())])
    outbox = FakePipe()
    outbox.send = lambda m: (outbox.sent.append(m), inbox.queue.append((STOP, None)))
    serve(make_lab, inbox, outbox)
    kind, snap = outbox.sent[0]
    assert kind == SNAPSHOT and snap.epoch == 1


def test_serve_reports_a_lab_that_cannot_be_built():
    """If the Lab cannot be made, serve() sends one 'failed' message and returns."""
    outbox = FakePipe()
    serve(failing_lab, FakePipe(), outbox)
    assert outbox.sent[0][0] == FAILED and "no lab today" in outbox.sent[0][1]


def test_serve_ends_quietly_when_the_app_is_gone():
    """A closed pipe (the app quit or was killed) ends the loop without an error."""

    class Closed(FakePipe):
        def poll(self, timeout: float = 0.0) -> bool:
            return True

        def recv(self):
            raise EOFError

    serve(make_lab, Closed(), FakePipe())  # returns instead of raising
