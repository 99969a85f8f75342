"""Tests for the background job runner: off the GUI thread, progressive, cancellable."""

import os
import sys
import threading

import pytest

from app.jobs import JOB_NICENESS, JobRunner


def test_results_arrive_in_order_from_another_thread(qtbot):
    """A job's yields arrive in order, computed on a thread other than the GUI's."""
    runner = JobRunner()
    got, threads = [], []

    def job(cancelled):
        threads.append(threading.current_thread().name)
        yield "coarse"
        yield "fine"

    runner.result_ready.connect(lambda key, value: got.append((key, value)))
    runner.submit("slice", job)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=3000)
    runner.shutdown()
    assert got == [("slice", "coarse"), ("slice", "fine")]
    assert threads[0] != threading.current_thread().name


def test_newer_job_cancels_older(qtbot):
    """Submitting under the same key stops the old job; only the new one's results arrive."""
    runner = JobRunner()
    started = threading.Event()
    got, stopped = [], []

    def slow(cancelled):
        started.set()
        while not cancelled():
            started.wait(0.01)
        stopped.append(True)
        yield "old"

    def fast(cancelled):
        yield "new"

    runner.result_ready.connect(lambda key, value: got.append(value))
    runner.submit("k", slow)
    assert started.wait(2)
    runner.submit("k", fast)
    qtbot.waitUntil(lambda: got == ["new"], timeout=3000)
    runner.shutdown()
    assert stopped == [True]


def test_failure_is_reported_not_fatal(qtbot):
    """An exception in a job is reported and later jobs still run."""
    runner = JobRunner()
    errors, got = [], []

    def bad(cancelled):
        raise RuntimeError("nope")
        yield

    runner.failed.connect(lambda key, msg: errors.append(msg))
    runner.result_ready.connect(lambda key, value: got.append(value))
    runner.submit("a", bad)
    runner.submit("b", lambda cancelled: iter([1]))
    qtbot.waitUntil(lambda: bool(errors) and got == [1], timeout=3000)
    runner.shutdown()
    assert "nope" in errors[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_jobs_run_below_the_gui_threads_priority(qtbot):
    """A slice's burst of work gives way to the GUI thread: the job thread is niced."""
    runner = JobRunner()
    seen = []

    def job(cancelled):
        yield os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    runner.result_ready.connect(lambda key, value: seen.append(value))
    runner.submit("slice", job)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    runner.shutdown()
    gui = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert seen[0] == min(19, gui + JOB_NICENESS)


@pytest.mark.skipif(os.geteuid() != 0, reason="only a privileged user may raise a priority")
def test_shutdown_gives_a_running_job_back_the_gui_priority_and_waits_for_it(qtbot):
    """Closing: no frame is left to protect, so the last job finishes at full priority."""
    runner = JobRunner()
    started, go, after = threading.Event(), threading.Event(), []

    def job(cancelled):
        started.set()
        go.wait(10)
        after.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        yield None

    runner.submit("slice", job)
    assert started.wait(5)
    threading.Timer(0.3, go.set).start()  # the job ends while shutdown() waits for it
    runner.shutdown()
    assert runner.thread.isFinished()
    assert after == [os.getpriority(os.PRIO_PROCESS, threading.get_native_id())]
