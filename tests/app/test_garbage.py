"""The cyclic garbage collector runs on the GUI thread only, and waits while a big build runs."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from app import garbage


class _Cycle:
    """An object that refers to itself: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def passes():
    """The thread of every collection pass while the test runs, as (thread name, generation)."""
    seen: list[tuple[str, int]] = []

    def note(phase, info):
        if phase == "start":
            seen.append((threading.current_thread().name, info["generation"]))

    gc.callbacks.append(note)
    yield seen
    gc.callbacks.remove(note)


def test_cycles_made_on_another_thread_are_freed_on_the_gui_thread(qapp, qtbot, passes):
    """A worker thread makes far more garbage than any threshold: no pass runs on it; the GUI
    thread's timer frees the garbage."""
    collector = garbage.collect_on_gui_thread()
    assert not gc.isenabled()
    kept: list[weakref.ref] = []

    def make_garbage():
        for _ in range(20 * gc.get_threshold()[0]):
            kept.append(weakref.ref(_Cycle()))

    worker = threading.Thread(target=make_garbage, name="garbage-maker")
    worker.start()
    worker.join()
    assert not [p for p in passes if p[0] != "MainThread"]
    assert kept[0]() is not None  # made, unreachable, not yet freed
    qtbot.waitUntil(lambda: kept[0]() is None, timeout=5 * garbage.INTERVAL_MS)
    assert all(name == "MainThread" for name, _ in passes) and passes
    assert sum(collector.collections) >= 1


def test_collect_due_runs_the_generation_the_thresholds_ask_for(qapp):
    """Nothing due: no pass. Past the first threshold: a pass, and then nothing due again."""
    collector = garbage.collect_on_gui_thread()
    gc.collect()
    assert collector.collect_due() is None
    made = [_Cycle() for _ in range(gc.get_threshold()[0] + 10)]
    assert collector.collect_due() in (0, 1, 2)
    assert collector.collect_due() is None
    del made


def test_the_gui_thread_waits_while_a_build_is_paused(qapp):
    """Inside ``paused()`` (a 100,000-point import on the job thread) no pass starts."""
    collector = garbage.collect_on_gui_thread()
    with garbage.paused():
        made = [_Cycle() for _ in range(3 * gc.get_threshold()[0])]
        assert collector.collect_due() is None
    assert collector.collect_due() is not None
    del made


def test_installing_from_another_thread_is_refused(qapp):
    failures: list[Exception] = []

    def install():
        try:
            garbage.collect_on_gui_thread()
        except RuntimeError as exc:
            failures.append(exc)

    thread = threading.Thread(target=install)
    thread.start()
    thread.join()
    assert failures and "own thread" in str(failures[0])


@pytest.fixture
def automatic(monkeypatch):
    """Automatic collection on, as in a script with no window (no GUI-thread collector)."""
    monkeypatch.setattr(garbage, "_collector", None)
    was_on = gc.isenabled()
    gc.enable()
    yield
    if not was_on:
        gc.disable()


def test_without_a_window_a_pause_turns_automatic_collection_off_then_on(automatic):
    with garbage.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pauses_restart_collection_only_at_the_end(automatic):
    """Two builds at once (the job thread and an undo): collection waits for both."""
    with garbage.paused():
        with garbage.paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_automatic_collection_that_was_off_stays_off(automatic):
    gc.disable()
    with garbage.paused():
        pass
    assert not gc.isenabled()


def test_a_failed_build_still_ends_the_pause(automatic):
    with pytest.raises(ValueError), garbage.paused():
        raise ValueError("a refused file")
    assert gc.isenabled()
