"""Tests for the training thread: off the GUI thread, coalesced, clean shutdown."""

import threading
import time

import pytest

from nnviz import commands as cmd
from nnviz.worker import TrainingThread
from tests.factories import make_lab


@pytest.fixture
def training(qtbot):
    """A started training thread on circle data, always shut down afterwards."""
    t = TrainingThread(make_lab)
    snaps = []
    t.snapshot_ready.connect(snaps.append)
    t.start()
    qtbot.waitUntil(lambda: len(snaps) >= 1, timeout=5000)
    yield t, snaps
    t.shutdown()


def test_training_runs_off_the_gui_thread(training, qtbot):
    """The worker loop runs in its own thread, not the GUI thread."""
    t, snaps = training
    assert t.worker.thread_name and t.worker.thread_name != threading.current_thread().name
    assert t.thread.isRunning()


def test_play_delivers_snapshots_and_the_loss_falls(training, qtbot):
    """Play → snapshots keep arriving with increasing seq and a falling loss."""
    t, snaps = training
    first = snaps[-1].metrics["train_loss"]
    t.send(cmd.Play())
    qtbot.waitUntil(lambda: snaps[-1].epoch >= 30, timeout=10000)
    seqs = [s.seq for s in snaps]
    assert seqs == sorted(seqs)
    assert snaps[-1].metrics["train_loss"] < first


def test_snapshots_are_coalesced(training, qtbot):
    """However fast training runs, at most about 60 snapshots arrive per second."""
    t, snaps = training
    t.send(cmd.Play())
    qtbot.wait(200)
    n0, t0 = len(snaps), time.perf_counter()
    qtbot.wait(1000)
    rate = (len(snaps) - n0) / (time.perf_counter() - t0)
    assert rate <= 65


def test_bad_command_reports_and_keeps_running(training, qtbot):
    """An invalid command produces an error message; the thread keeps going."""
    t, snaps = training
    t.send(cmd.SetParam(0, (99, 99), 1.0))
    qtbot.waitUntil(lambda: snaps[-1].event == "error", timeout=5000)
    assert "outside" in snaps[-1].message
    t.send(cmd.StepEpoch())
    qtbot.waitUntil(lambda: snaps[-1].epoch == 1, timeout=5000)


def test_worker_exception_pauses_with_message(qtbot):
    """A bug inside training pauses it and reports the error instead of killing the thread."""

    def broken_lab():
        lab = make_lab()

        def explode(budget_s=0.01):
            raise RuntimeError("boom")

        lab.advance = explode
        return lab

    t = TrainingThread(broken_lab)
    snaps = []
    t.snapshot_ready.connect(snaps.append)
    t.start()
    try:
        t.send(cmd.Play())
        qtbot.waitUntil(lambda: bool(snaps) and snaps[-1].event == "error", timeout=5000)
        assert "boom" in snaps[-1].message and not snaps[-1].playing
        assert t.thread.isRunning()
    finally:
        t.shutdown()


def test_shutdown_while_training_is_clean(qtbot):
    """Stopping mid-training ends the thread promptly; a second shutdown is harmless."""
    t = TrainingThread(make_lab)
    t.start()
    t.send(cmd.Play())
    qtbot.wait(300)
    t.shutdown()
    assert t.thread.isFinished()
    t.shutdown()
