"""Big data in the real window: 100,000-point imports, bounded undo memory, data controls."""

import json
import threading
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

import app.session_open as session_open
from nnviz.data.csv_io import write_csv

N = 100_000
IMPORTS = 20
# Measured: 207 MB for 20 imports (before: ~60 MB more per import); a margin for the allocator.
RSS_GROWTH_MB = 400


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def _big_csv(path: Path, seed: int) -> np.ndarray:
    X = np.random.default_rng(seed).uniform(-5, 5, (N, 2))
    write_csv(path, X, (X[:, 0] * X[:, 1] > 0).astype(int))
    return X


def test_twenty_big_imports_keep_memory_bounded_and_undo_exact(window, tmp_path):
    """20 imports of 100,000 points grow RSS by less than the bound; undo/redo is exact."""
    files = [tmp_path / f"p{i}.csv" for i in range(3)]
    for i, f in enumerate(files):
        _big_csv(f, i)
    rss0 = _rss_mb()
    seen = []
    for i in range(IMPORTS):
        assert window.session_io.import_csv(files[i % 3])
        seen.append(window.doc.points.all_arrays())
    grown = _rss_mb() - rss0
    print(f"RSS growth after {IMPORTS} imports: {grown:.0f} MB")
    assert grown < RSS_GROWTH_MB
    stack, kept = window.doc.undo_stack, []
    while stack.canUndo():
        stack.undo()
    while stack.canRedo():
        stack.redo()
        kept.append(window.doc.points.all_arrays())
    assert kept, "at least the newest import can be undone"
    for got, want in zip(kept, seen[-len(kept) :], strict=True):
        assert all(np.array_equal(a, b) for a, b in zip(got, want, strict=True))
    assert _rss_mb() - rss0 < RSS_GROWTH_MB


def test_background_import_installs_the_points_and_a_bad_file_changes_nothing(
    window, qtbot, tmp_path
):
    """The menu's import reads off the GUI thread; a refused file leaves the points alone."""
    X = _big_csv(tmp_path / "points.csv", 7)
    io = window.session_io
    with qtbot.waitSignal(io.csv.finished, timeout=60_000) as got:
        io.csv.import_in_background(tmp_path / "points.csv")
        assert "Importing points.csv" in window.status.message.text()
    assert got.args == [True] and np.array_equal(window.doc.points.all_arrays()[0], X)
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n1,2,0\n3,oops,1\n", encoding="utf-8")
    before = window.doc.points.version
    with qtbot.waitSignal(io.csv.finished, timeout=60_000) as got:
        io.csv.import_in_background(bad)
    assert got.args == [False] and window.doc.points.version == before
    assert "line 3" in window.status.message.text()


def test_regenerate_and_the_sliders_regenerate_the_points(window, qtbot):
    """Regenerate gives new points (new seed, same count); Noise and Test share apply."""
    dc = window.data_controls
    X0, _y, _t, _ids = window.doc.points.all_arrays()
    seed0 = window.doc.settings.get("seed", 0)
    qtbot.mouseClick(dc.regenerate, Qt.MouseButton.LeftButton)
    X1, _y, _t, _ids = window.doc.points.all_arrays()
    assert window.doc.settings["seed"] != seed0
    assert len(X1) == len(X0) and not np.array_equal(X1, X0)
    dc.noise.setFocus()
    qtbot.keyClick(dc.noise, Qt.Key.Key_Right)
    assert window.doc.settings["noise"] == dc.noise.value() / 100 > 0
    tests_before = int(window.doc.points.all_arrays()[2].sum())
    dc.ratio.setFocus()
    for _ in range(2):
        qtbot.keyClick(dc.ratio, Qt.Key.Key_Left)
    assert window.doc.settings["test_ratio"] == dc.ratio.value() / 100
    assert int(window.doc.points.all_arrays()[2].sum()) < tests_before


def _save_big_session(window, path: Path, seed: int) -> np.ndarray:
    """Import 100,000 points and save the session; their positions, ordered by id."""
    _big_csv(path.with_suffix(".csv"), seed)
    assert window.session_io.import_csv(path.with_suffix(".csv"))
    window.wait_for_snapshot(lambda s: True)
    assert window.session_io.save_to(path)
    return window.doc.points.all_arrays()[0]


def test_opening_a_big_session_reads_it_on_the_job_thread(window, qtbot, tmp_path, monkeypatch):
    """File ▸ Open reads and checks 100,000 points off the GUI thread, then installs them."""
    path = tmp_path / "big.nnviz"
    X = _save_big_session(window, path, 3)
    window.load_preset("xor")
    assert len(window.doc.points) == 500
    threads, read = [], session_open.read_session

    def reading(p):
        threads.append(threading.current_thread())
        return read(p)

    monkeypatch.setattr(session_open, "read_session", reading)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    opener = window.session_io.opener
    with qtbot.waitSignal(opener.finished, timeout=60_000) as got:
        window.actions["open"].trigger()
        assert "Opening big.nnviz" in window.status.message.text()
        assert len(window.doc.points) == 500  # nothing changes until the file is checked
    assert got.args == [True] and threads and threads[0] is not threading.main_thread()
    assert np.array_equal(window.doc.points.all_arrays()[0], X)
    assert window.session_io.path == path and "Opened big.nnviz" in window.status.message.text()


def test_a_refused_session_opened_in_the_background_changes_nothing(window, qtbot, tmp_path):
    """A file that fails the checks gives one message; points, undo and file stay as they were."""
    good = tmp_path / "good.nnviz"
    assert window.session_io.save_to(good)
    raw = json.loads(good.read_text(encoding="utf-8"))
    raw["dataset"]["domain"] = "abc"
    bad = tmp_path / "bad.nnviz"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    doc, io = window.doc, window.session_io
    before = (doc.points.version, doc.undo_stack.count(), dict(doc.settings), io.path)
    with qtbot.waitSignal(io.opener.finished, timeout=60_000) as got:
        io.open_in_background(bad)
    assert got.args == [False]
    assert (doc.points.version, doc.undo_stack.count(), dict(doc.settings), io.path) == before
    assert "dataset.domain" in window.status.message.text()


def test_only_the_newest_of_two_opens_is_installed(window, qtbot, tmp_path):
    """Opening B while A is still being read: A's result is dropped, B is installed once."""
    a, b = tmp_path / "a.nnviz", tmp_path / "b.nnviz"
    _save_big_session(window, a, 4)
    window.load_preset("xor")
    window.wait_for_snapshot(lambda s: True)
    assert window.session_io.save_to(b)
    installed: list[bool] = []
    io = window.session_io
    io.opener.finished.connect(installed.append)
    io.open_in_background(a)
    io.open_in_background(b)
    qtbot.waitUntil(lambda: bool(installed), timeout=60_000)
    qtbot.wait(300)  # A's result, if it came, would have been installed by now
    assert installed == [True] and io.path == b and len(window.doc.points) == 500


def test_undo_history_of_big_imports_is_bounded_and_says_so(window, tmp_path):
    """Past the bound the history is cleared (with a message); undo still works after it."""
    doc = window.doc
    doc.HISTORY_POINTS = 250_000  # this window's bound: two 100,000-point imports fit
    path = tmp_path / "p.csv"
    _big_csv(path, 5)
    for _ in range(2):
        assert window.session_io.import_csv(path)
    assert doc.undo_stack.count() >= 2 and "cleared" not in window.status.message.text()
    assert window.session_io.import_csv(path)
    assert "undo history cleared" in window.status.message.text()  # beside "Imported …"
    assert doc.undo_stack.count() == 1 and doc.history_points <= doc.HISTORY_POINTS
    before = doc.points.all_arrays()
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    assert all(np.array_equal(a, b) for a, b in zip(doc.points.all_arrays(), before, strict=True))


def test_undoing_the_newest_import_takes_the_very_same_set_back(window, tmp_path):
    """The newest steps swap whole sets back (no rebuilding); older ones rebuild exactly."""
    doc, paths = window.doc, [tmp_path / f"p{i}.csv" for i in range(4)]
    sets = [doc.points]
    for i, p in enumerate(paths):
        _big_csv(p, 10 + i)
        assert window.session_io.import_csv(p)
        sets.append(doc.points)
    arrays = [s.all_arrays() for s in sets]
    doc.undo_stack.undo()
    assert doc.points is sets[3]  # kept whole: swapped back, not rebuilt
    doc.undo_stack.redo()
    assert doc.points is sets[4]
    for k in (3, 2, 1, 0):  # deeper steps are rebuilt from their arrays, exactly
        doc.undo_stack.undo()
        got = doc.points.all_arrays()
        assert all(np.array_equal(a, b) for a, b in zip(got, arrays[k], strict=True))
    assert len(doc._whole) <= doc.KEEP_WHOLE
