"""Ctrl+S writes on the file thread: exactly the state at that moment, once, even when quitting."""

import threading
import time

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

import app.session_save as session_save
from nnviz.session import load_session


def _points(window) -> tuple:
    return window.doc.points.all_arrays()


def _same(a: tuple, b: tuple) -> bool:
    return all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


def _errors(window, monkeypatch) -> list[str]:
    """Every error line the status bar is asked to show from now on."""
    said, say = [], window.status.say

    def recording(text, *args, error=False, **kwargs):
        if error:
            said.append(text)
        return say(text, *args, error=error, **kwargs)

    monkeypatch.setattr(window.status, "say", recording)
    return said


def test_ctrl_s_writes_on_the_file_thread_exactly_what_there_was(
    window, qtbot, monkeypatch, tmp_path
):
    """The file holds the points as they were at Ctrl+S, though they change before the write."""
    go, writers, real = threading.Event(), [], session_save.save_session

    def held_back(p, session):
        writers.append(threading.current_thread())
        assert go.wait(30)
        real(p, session)

    monkeypatch.setattr(session_save, "save_session", held_back)
    window.session_io.path = path = tmp_path / "s.nnviz"
    before = _points(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Saving s.nnviz" in window.status.message.text()
    window.load_preset("xor")  # the user carries on while the file is written
    assert not _same(_points(window), before)
    with qtbot.waitSignal(window.session_io.saver.saved, timeout=30_000):
        go.set()
    assert writers and writers[0] is not threading.main_thread()
    assert _same(load_session(path).points.all_arrays(), before)
    assert "Saved" in window.status.message.text() and window.session_io.path == path


def test_a_failed_save_as_says_so_once_and_names_no_file(window, qtbot, monkeypatch, tmp_path):
    """A folder that does not exist: one message; the window keeps no current file."""
    where = tmp_path / "missing" / "s.nnviz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(where), ""))
    errors = _errors(window, monkeypatch)
    with qtbot.waitSignal(window.session_io.saver.failed, timeout=30_000):
        window.actions["save_as"].trigger()
    qtbot.wait(100)  # anything else the failure set off has arrived by now
    assert len(errors) == 1 and "Could not save s.nnviz" in errors[0]
    assert window.session_io.path is None and not where.exists()


def test_quitting_waits_for_a_save_still_queued_behind_other_file_work(
    window, qtbot, monkeypatch, tmp_path
):
    """Close right after Ctrl+S while the file thread is busy: the file is complete anyway."""
    path = tmp_path / "q.nnviz"
    io = window.session_io
    io.path = path
    started = threading.Event()

    def busy(_cancelled):
        started.set()
        time.sleep(0.3)  # some other file work ahead of the save (an open, an import)
        yield None

    io.csv.jobs.submit("busy", busy)
    assert started.wait(10)
    before = _points(window)
    window.actions["save"].trigger()
    window.close()  # waits for the save, autosaves, stops the threads
    assert _same(load_session(path).points.all_arrays(), before)
