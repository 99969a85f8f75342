"""Less to lose: edits are autosaved within ~2 s, exactly; an unexpected error is logged."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer

from app.application import install_last_resort
from app.journal import MAX_DELAY_S
from nnviz import commands as cmd
from nnviz.session import load_session

WAIT_MS = int(MAX_DELAY_S * 1000) + 8000  # the deadline plus a generous margin for slow CI


def _saved_points(path):
    return load_session(path).points.all_arrays() if path.is_file() else None


def _same(a, b) -> bool:
    return a is not None and all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


def test_edits_are_autosaved_soon_and_restore_exactly(window, qtbot):
    """Adding, moving and deleting points reaches the autosave file, point for point."""
    path = window.session_io.autosave_path
    doc = window.doc
    doc.add_points(np.array([[0.123456789, -1.5], [2.25, 3.0]]), np.array([0, 1]))
    first = doc.points.ids[-1]
    doc.move_point(first, np.array([1.0 / 3.0, 2.0 / 7.0]))
    doc.remove_point(doc.points.ids[0])
    expected = doc.points.all_arrays()
    qtbot.waitUntil(lambda: _same(_saved_points(path), expected), timeout=WAIT_MS)
    assert not window.journal.pending


def test_a_network_change_is_journaled(window, qtbot):
    """A new learning rate (seen in the next snapshot) is autosaved without waiting 30 s."""
    path = window.session_io.autosave_path
    config = window.latest.config
    lr = 0.0123 if config.lr != 0.0123 else 0.0456
    from dataclasses import replace

    window.send(cmd.SetConfig(replace(config, lr=lr)))
    saved_lr = lambda: path.is_file() and load_session(path).config.lr == lr  # noqa: E731
    qtbot.waitUntil(saved_lr, timeout=WAIT_MS)


def test_an_exception_in_a_slot_is_logged_shown_and_autosaved(window, qtbot, tmp_path):
    """The last-resort hook writes the log, says so in red, autosaves, and chains the hook."""

    def broken_slot() -> None:
        raise RuntimeError("boom in a slot")

    with qtbot.capture_exceptions() as caught:
        reporter = install_last_resort(window, tmp_path / "logs")
        try:
            QTimer.singleShot(0, broken_slot)
            qtbot.waitUntil(lambda: "Something went wrong" in window.status.message.text())
            window.session_io.writer.wait()
        finally:
            reporter.uninstall()
    log = (tmp_path / "logs" / "nnviz.log").read_text(encoding="utf-8")
    assert "boom in a slot" in log and "broken_slot" in log
    text = window.status.message.text()
    assert "RuntimeError: boom in a slot" in text and str(reporter.log_path) in text
    assert window.session_io.autosave_path.is_file()
    assert len(caught) == 1  # the previous hook (here pytest-qt's) still sees it
