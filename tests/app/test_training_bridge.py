"""Tests for the training bridge: a process of its own, coalesced, restarted, clean shutdown."""

import os
import signal
import threading
import time

import numpy as np
import pytest

from app.training_bridge import TrainingBridge
from nnviz import commands as cmd
from tests.factories import broken_lab, failing_lab, make_lab


@pytest.fixture
def training(qtbot):
    """A started training thread on circle data, always shut down afterwards."""
    t = TrainingBridge(make_lab)
    snaps = []
    t.snapshot_ready.connect(snaps.append)
    t.start()
    qtbot.waitUntil(lambda: len(snaps) >= 1, timeout=5000)
    yield t, snaps
    t.shutdown()


def test_training_runs_in_its_own_process(training, qtbot):
    """The Lab trains in a child process; a bridge thread (not the GUI thread) relays it."""
    t, snaps = training
    assert t.worker.process.pid not in (None, os.getpid()) and t.worker.process.is_alive()
    assert t.thread.isRunning()  # the QThread bridge relays it
    assert not snaps[-1].params[0].flags.writeable  # arrays arrive read-only


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
    """A bug inside training pauses it and reports the error instead of ending the process."""
    t = TrainingBridge(broken_lab)
    snaps = []
    t.snapshot_ready.connect(snaps.append)
    t.start()
    try:
        t.send(cmd.Play())
        qtbot.waitUntil(lambda: bool(snaps) and snaps[-1].event == "error", timeout=10000)
        assert "boom" in snaps[-1].message and not snaps[-1].playing
        assert t.thread.isRunning() and t.worker.process.is_alive()
    finally:
        t.shutdown()


def test_a_lab_that_cannot_start_says_why(qtbot):
    """If the Lab cannot be built, one message says why; nothing hangs."""
    t = TrainingBridge(failing_lab)
    messages = []
    t.failed.connect(messages.append)
    t.start()
    try:
        qtbot.waitUntil(lambda: bool(messages), timeout=10000)
        assert "could not start" in messages[0] and "no lab today" in messages[0]
    finally:
        t.shutdown()


def test_a_killed_process_is_restarted_with_the_users_weights(training, qtbot):
    """If the training process dies, a new one carries on from the last weights and data."""
    t, snaps = training
    t.send(cmd.StepEpoch())
    qtbot.waitUntil(lambda: snaps[-1].epoch == 1, timeout=10000)
    weights, seq = snaps[-1].params, snaps[-1].seq
    messages = []
    t.failed.connect(messages.append)
    t.worker.process.kill()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "restarted" in messages[0]
    t.send(cmd.RequestSnapshot())
    qtbot.waitUntil(lambda: snaps[-1].seq > seq and snaps[-1].message != "", timeout=10000)
    qtbot.waitUntil(
        lambda: all(np.array_equal(a, b) for a, b in zip(snaps[-1].params, weights, strict=True)),
        timeout=10000,
    )


def test_shutdown_while_training_is_clean(qtbot):
    """Stopping mid-training ends the thread promptly; a second shutdown is harmless."""
    t = TrainingBridge(make_lab)
    t.start()
    t.send(cmd.Play())
    qtbot.wait(300)
    t.shutdown()
    assert t.thread.isFinished() and not t.worker.process.is_alive()
    t.shutdown()


def _frozen_bridge(qtbot) -> tuple[TrainingBridge, object]:
    """A started bridge whose process is frozen (SIGSTOP): it reads nothing, not even STOP,
    and cannot act on SIGTERM; only SIGKILL ends it."""
    t = TrainingBridge(make_lab)
    snaps = []
    t.snapshot_ready.connect(snaps.append)
    t.start()
    qtbot.waitUntil(lambda: len(snaps) >= 1, timeout=10000)
    proc = t.worker.process
    os.kill(proc.pid, signal.SIGSTOP)
    return t, proc


def test_shutdown_kills_a_process_that_cannot_answer(qtbot, monkeypatch):
    """A frozen process (SIGSTOP) is killed; the thread ends by itself, never terminated."""
    monkeypatch.setattr("app.training_bridge.JOIN_S", 0.5)
    t, proc = _frozen_bridge(qtbot)
    t.send(cmd.SetData(_big_data()))  # more than the pipe holds: the sender blocks writing
    terminated = []
    monkeypatch.setattr(t.thread, "terminate", lambda: terminated.append(True))
    t.shutdown()
    assert t.thread.isFinished() and not terminated
    assert not proc.is_alive() and proc.exitcode == -signal.SIGKILL
    assert not t.worker._sender.is_alive()  # its write failed once the process was gone


def test_a_thread_that_outlasts_its_wait_is_freed_by_killing_the_process(qtbot, monkeypatch):
    """Last resort: if the thread is still waiting on the process, the process is killed."""
    monkeypatch.setattr("app.training_bridge.JOIN_S", 60.0)  # _finish would wait a minute
    t, proc = _frozen_bridge(qtbot)
    monkeypatch.setattr(t.worker, "longest_finish_s", lambda: 0.0)  # the bridge waits 2 s
    kills, kill = [], t.worker.kill
    monkeypatch.setattr(t.worker, "kill", lambda: (kills.append(True), kill()))
    t.shutdown()
    assert kills and t.thread.isFinished() and proc.exitcode == -signal.SIGKILL


def _big_data(n: int = 60_000, version: int = 77) -> cmd.DataArrays:
    """Points enough that one SetData (~1.4 MB) is far more than a pipe holds (64 KB)."""
    X = np.random.default_rng(1).uniform(-5, 5, (n, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(np.int64)
    half = n // 2
    return cmd.DataArrays(X[:half], y[:half], X[half:], y[half:], "binary", 2, 2, version=version)


def test_commands_are_written_by_the_workers_sender_thread(training, qtbot):
    """send() only queues: a big SetData is written to the pipe by another thread, in order."""
    t, snaps = training
    writers, pipe = [], t.worker._commands

    class Recording:
        def send(self, message):
            writers.append((threading.current_thread(), message[1]))
            pipe.send(message)

    t.worker._commands = Recording()
    t.send(cmd.SetData(_big_data()))
    t.send(cmd.RequestSnapshot(token=5))
    qtbot.waitUntil(lambda: snaps[-1].token == 5, timeout=20000)
    assert snaps[-1].data_version == 77  # the data arrived before the request that follows it
    sent = [m for _thread, m in writers if isinstance(m, cmd.SetData | cmd.RequestSnapshot)]
    assert [type(m) for m in sent] == [cmd.SetData, cmd.RequestSnapshot]
    assert all(thread is not threading.main_thread() for thread, _m in writers)


def test_a_restart_replays_big_data_without_hanging(training, qtbot):
    """The replayed SetData is bigger than a pipe holds: the new process still gets it all."""
    t, snaps = training
    t.send(cmd.SetData(_big_data(version=78)))
    t.send(cmd.RequestSnapshot(token=6))
    qtbot.waitUntil(lambda: snaps[-1].token == 6, timeout=20000)
    messages = []
    t.failed.connect(messages.append)
    t.worker.process.kill()
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    t.send(cmd.RequestSnapshot(token=7))
    qtbot.waitUntil(lambda: snaps[-1].token == 7, timeout=20000)
    assert snaps[-1].data_version == 78 and "restarted" in messages[0]
