"""Saving, opening, CSV and image export through the main window."""

import numpy as np

from nnviz import commands as cmd


def _train(window, epochs=3):
    window.send(cmd.RunEpochs(epochs))
    return window.wait_for_snapshot(lambda s: s.epoch >= epochs and not s.playing)


def test_save_then_open_restores_everything(window, tmp_path):
    """Save → change everything → open restores data, weights and settings exactly."""
    snap = _train(window)
    path = tmp_path / "s.nnviz"
    assert window.session_io.save_to(path)
    X0, y0, t0, _ = window.doc.points.all_arrays()
    window.load_preset("xor")
    window.wait_for_snapshot(lambda s: s.seq > snap.seq + 1)
    assert window.session_io.open_path(path)
    restored = window.wait_for_snapshot(
        lambda s: all(np.array_equal(a, b) for a, b in zip(s.params, snap.params, strict=True))
    )
    assert restored is not None
    assert restored.config == snap.config and restored.spec == snap.spec
    X1, y1, t1, _ = window.doc.points.all_arrays()
    assert np.array_equal(X0, X1) and np.array_equal(y0, y1) and np.array_equal(t0, t1)


def test_corrupt_file_leaves_the_session_untouched(window, tmp_path):
    """A broken file gives one message and changes nothing."""
    snap = _train(window, 2)
    bad = tmp_path / "bad.nnviz"
    bad.write_text('{"format": "nnviz-session", "version": 2, "points": ', encoding="utf-8")
    n = len(window.doc.points)
    assert not window.session_io.open_path(bad)
    assert "not a valid session" in window.status.message.text()
    assert len(window.doc.points) == n
    window.send(cmd.RequestSnapshot())
    later = window.wait_for_snapshot(lambda s: s.seq > snap.seq)
    assert all(np.array_equal(a, b) for a, b in zip(later.params, snap.params, strict=True))


def test_csv_round_trip_through_the_window(window, tmp_path):
    """Export points to CSV, clear, import: the same points come back."""
    path = tmp_path / "pts.csv"
    X0, y0, _, _ = window.doc.points.all_arrays()
    assert window.session_io.export_csv(path)
    window.playground.clear_points()
    assert len(window.doc.points) == 0
    assert window.session_io.import_csv(path)
    X1, y1, _, _ = window.doc.points.all_arrays()
    order0, order1 = np.lexsort(X0.T), np.lexsort(X1.T)
    assert np.allclose(X0[order0], X1[order1]) and np.array_equal(y0[order0], y1[order1])


def test_bad_csv_changes_nothing(window, tmp_path):
    """A CSV with text in a number column is refused whole, naming the line."""
    path = tmp_path / "bad.csv"
    path.write_text("x1,x2,label\n1,2,0\n3,oops,1\n", encoding="utf-8")
    n = len(window.doc.points)
    assert not window.session_io.import_csv(path)
    assert "line 3" in window.status.message.text()
    assert len(window.doc.points) == n


def test_export_views_as_png(window, tmp_path):
    """Every view and the whole window export to non-empty PNG files; plots also to SVG."""
    for key in ("window", "canvas", "network", "curves", "graph", "landscape"):
        path = tmp_path / f"{key}.png"
        assert window.session_io.export_view(key, path), key
        assert path.stat().st_size > 1000
    for key in ("canvas", "network", "curves", "graph", "landscape"):
        path = tmp_path / f"{key}.svg"
        assert window.session_io.export_view(key, path), key
        assert path.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))


def test_typed_formula_and_its_values_survive_save_and_open(window, tmp_path):
    """A formula the user typed, with its leaf values, comes back from the session file."""
    g = window.graph
    g.view.formula.setText("sin(a*b) + a")
    g.view.formula.returnPressed.emit()
    g.view.values.setText("a=0.5, b=-2")
    g.view.values.returnPressed.emit()
    path = tmp_path / "f.nnviz"
    assert window.session_io.save_to(path)
    g.load_preset("cs188")
    assert window.session_io.open_path(path)
    assert g.explainer.formula == "sin(a*b) + a"
    assert g.explainer.graph.leaf_values == {"a": 0.5, "b": -2.0}
    assert g.view.formula.text() == "sin(a*b) + a"


def test_a_headless_window_never_touches_the_users_autosave(qtbot, tmp_path):
    """Screenshots and benchmarks (no autosave folder given) leave the real autosave alone."""
    from app.main_window import MainWindow

    w = MainWindow("xor", interactive=False)
    qtbot.addWidget(w)
    w.show()
    w.wait_for_snapshot(lambda s: True)
    target = tmp_path / "autosave.nnviz"
    w.session_io.autosave_path = target  # where it would have written
    w.close()
    assert not target.exists()
