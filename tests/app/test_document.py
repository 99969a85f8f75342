"""The document: undo of whole point sets is cheap and exact, its arrays are made once."""

import numpy as np
import pytest

import app.document as document
from app.document import Document
from nnviz.data import Dataset
from nnviz.data.point_set import PointSet

N = 3_000


def _points(seed: int, n: int = N) -> PointSet:
    X = np.random.default_rng(seed).uniform(-5, 5, (n, 2))
    ds = Dataset(X, (X[:, 0] > 0).astype(int), "binary", 2, "test", (-6.0, 6.0))
    return PointSet.from_dataset(ds, 0.5, seed)


def _same(a: tuple, b: tuple) -> bool:
    return all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


@pytest.fixture
def doc(qtbot, monkeypatch):
    monkeypatch.setattr(document, "SMALL", 1_000)  # these sets count as big (fewer is faster)
    d = Document()
    d.MAKE_POINTS_MS = 0  # the thread that makes Point objects starts on the next turn
    d._make_points.setInterval(0)
    return d


def test_undo_and_redo_all_of_several_replacements_give_the_exact_points(doc, qtbot):
    """Four replacements undone to the start and redone: every set comes back exactly."""
    seen = [doc.points.all_arrays()]
    for seed in range(4):
        doc.replace(_points(seed), "import")
        seen.append(doc.points.all_arrays())
    stack = doc.undo_stack
    for k in range(3, -1, -1):
        stack.undo()
        assert _same(doc.points.all_arrays(), seen[k])
    for k in range(1, 5):
        stack.redo()
        assert _same(doc.points.all_arrays(), seen[k])
    assert len(doc.points) == N and doc.points.ids == list(range(N))


def test_a_deep_undo_makes_its_points_off_the_gui_thread_and_edits_then_work(doc, qtbot):
    """A set taken back from a deeper step has arrays first; its points follow on a thread."""
    doc.replace(_points(9), "import")
    first = doc.points.all_arrays()
    for seed in range(3):
        doc.replace(_points(seed), "import")
    for _ in range(3):
        doc.undo_stack.undo()
    assert not doc.points.materialized  # taken back over its arrays: nothing rebuilt yet
    assert _same(doc.points.all_arrays(), first)
    qtbot.waitUntil(lambda: doc.points.materialized, timeout=10_000)
    _x, _y, _t, ids = doc.points.all_arrays()
    doc.move_point(int(ids[0]), np.array([1.5, -2.5]))  # an ordinary edit on the set
    assert tuple(doc.points.get(int(ids[0])).position) == (1.5, -2.5)
    doc.undo_stack.undo()
    assert _same(doc.points.all_arrays(), first)


def test_an_edit_right_after_a_deep_undo_needs_no_waiting(doc, qtbot):
    """An edit before the thread has run makes the points itself; ids carry on as before."""
    for seed in range(3):
        doc.replace(_points(seed), "import")
    before = doc.points.all_arrays()
    for _ in range(2):
        doc.undo_stack.undo()
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert not doc.points.materialized
    doc.add_points(np.array([[0.5, 0.5]]), np.array([1]))
    X, y, _t, ids = doc.points.all_arrays()
    assert int(ids[-1]) == N and tuple(X[-1]) == (0.5, 0.5) and int(y[-1]) == 1
    doc.undo_stack.undo()
    assert _same(doc.points.all_arrays(), before)


def test_data_arrays_are_made_once_a_version_and_read_only(doc):
    """The worker's arrays are shared until the points change, and cannot be written."""
    doc.replace(_points(5), "import")
    a = doc.data_arrays()
    assert doc.data_arrays() is a
    assert not a.X_train.flags.writeable and not a.y_test.flags.writeable
    X, y, test, _ids = doc.points.all_arrays()
    assert np.array_equal(a.X_train, X[~test]) and np.array_equal(a.y_test, y[test])
    with pytest.raises(ValueError):
        a.X_train[0, 0] = 99.0
    doc.move_point(0, np.array([0.25, 0.25]))
    b = doc.data_arrays()
    assert b is not a and b.version == doc.points.version != a.version


def test_a_small_set_taken_back_is_made_at_once(doc, monkeypatch):
    """Below SMALL points an undo makes the points on the spot: no thread for a few ms."""
    monkeypatch.setattr(document, "SMALL", 10 * N)
    for seed in range(2):
        doc.replace(_points(seed), "import")
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.points.materialized and len(doc.points) == len(doc.undo_stack.command(0).old)
