"""Tests for sweeps in the training loop: cells between other work, streamed, cancellable."""

import numpy as np

from nnviz import commands as cmd
from nnviz.experiments.sweep import Sweep, SweepResult
from nnviz.lab_loop import COMMAND, STOP, SWEEP, SWEEP_DONE, LabLoop, serve
from tests.factories import make_lab
from tests.test_lab_loop import FakeClock, FakePipe

SMALL = Sweep("double-descent", (5, 10, 15, 20), (0, 1))


def _run_sweep(loop: LabLoop, turns: int) -> list:
    """Give the loop ``turns`` turns of sweep work; every message it wants to send."""
    sent = []
    for _ in range(turns):
        loop.sweep_step()
        sent += loop.take_messages()
    return sent


def test_cells_stream_in_grid_order_then_one_done_message():
    """One cell per turn, in order, each a SweepResult with growing progress; then 'done'."""
    loop = LabLoop(make_lab(), clock=FakeClock())
    loop.handle((COMMAND, cmd.StartSweep(SMALL)))
    assert loop.wait_s() == 0.0  # a waiting cell means no nap
    first = _run_sweep(loop, 1)
    assert [kind for kind, _ in first] == [SWEEP]
    sent = first + _run_sweep(loop, 5)
    kinds = [kind for kind, _ in sent]
    assert kinds == [SWEEP] * 4 + [SWEEP_DONE]
    results = [value for kind, value in sent if kind == SWEEP]
    assert all(isinstance(r, SweepResult) for r in results)
    assert [r.value for r in results] == [5, 10, 15, 20]
    assert [r.progress for r in results] == [0.25, 0.5, 0.75, 1.0]
    done = sent[-1][1]
    assert done["cancelled"] is False and done["cells"] == 4 and done["error"] is None
    assert done["experiment"] == "double-descent" and loop.sweep is None


def test_cancel_stops_within_one_cell_and_says_so():
    """After Cancel no further cell is computed; one 'done' message says it was cancelled."""
    loop = LabLoop(make_lab())
    loop.handle((COMMAND, cmd.StartSweep(SMALL)))
    assert len(_run_sweep(loop, 1)) == 1
    loop.handle((COMMAND, cmd.CancelSweep()))
    (kind, done), *rest = loop.take_messages()
    assert kind == SWEEP_DONE and done["cancelled"] is True and done["cells"] == 1
    assert rest == [] and _run_sweep(loop, 3) == []


def test_a_cancelled_sweep_leaves_the_live_run_exactly_as_it_was():
    """The live network's weights, epoch and history are untouched by a sweep and its cancel."""
    loop = LabLoop(make_lab())
    loop.handle((COMMAND, cmd.StepEpoch()))
    before = loop.lab.snapshot()
    loop.handle((COMMAND, cmd.StartSweep(SMALL)))
    _run_sweep(loop, 2)
    loop.handle((COMMAND, cmd.CancelSweep()))
    after = loop.lab.snapshot()
    assert after.epoch == before.epoch == 1
    for a, b in zip(after.params, before.params, strict=True):
        assert np.array_equal(a, b)


def test_training_carries_on_between_cells():
    """While a sweep runs, a playing lab still trains every turn and snapshots stay due."""
    clock = FakeClock()
    loop = LabLoop(make_lab(), clock=clock)
    loop.handle((COMMAND, cmd.Play()))
    loop.handle((COMMAND, cmd.StartSweep(SMALL)))
    for _ in range(3):
        loop.train()
        loop.sweep_step()
    assert loop.lab.snapshot().epoch > 0 and loop.snapshot_due()


def test_a_new_sweep_ends_the_running_one_first():
    """StartSweep during a sweep: the old one is reported cancelled, the new one runs."""
    loop = LabLoop(make_lab())
    loop.handle((COMMAND, cmd.StartSweep(SMALL)))
    _run_sweep(loop, 1)
    loop.handle((COMMAND, cmd.StartSweep(Sweep("double-descent", (7,), (0,)))))
    (kind, done), *_ = loop.take_messages()
    assert kind == SWEEP_DONE and done["cancelled"]
    sent = _run_sweep(loop, 1)
    assert [k for k, _ in sent] == [SWEEP, SWEEP_DONE] and sent[0][1].value == 7


def test_a_failing_cell_ends_the_sweep_with_a_message_not_the_loop():
    """A cell that raises ends its sweep with an error text; the loop keeps answering."""
    loop = LabLoop(make_lab())
    bad = Sweep("double-descent", (5,), (0,), options=(("no_such_option", 1),))
    loop.handle((COMMAND, cmd.StartSweep(bad)))
    (kind, done), *_ = _run_sweep(loop, 1)
    assert kind == SWEEP_DONE and not done["cancelled"] and "no_such_option" in done["error"]
    loop.handle((COMMAND, cmd.StepEpoch()))
    assert loop.lab.snapshot().epoch == 1


def test_serve_sends_sweep_messages_through_the_pipe():
    """serve() computes the cells between commands and sends each result, then 'done'."""
    inbox = FakePipe([(COMMAND, cmd.StartSweep(Sweep("double-descent", (5, 10), (0,))))])
    outbox = FakePipe()

    def send(message) -> None:
        outbox.sent.append(message)
        if message[0] == SWEEP_DONE:
            inbox.queue.append((STOP, None))

    outbox.send = send
    serve(make_lab, inbox, outbox)
    kinds = [kind for kind, _ in outbox.sent if kind != "snapshot"]
    assert kinds == [SWEEP, SWEEP, SWEEP_DONE]
