"""Big data in the real window: 100,000-point imports, bounded undo memory, data controls."""

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt

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
