"""Tests for the editable point set."""

import numpy as np
import pytest

from nnviz.data import Dataset, Point, PointSet, make_dataset


def _points(n=20, ratio=0.5):
    return PointSet.from_dataset(make_dataset("circle", n=n), ratio, 0)


def _same(a, b):
    """True if two tuples of arrays are identical in shape, dtype and value."""
    return all(x.dtype == y.dtype and np.array_equal(x, y) for x, y in zip(a, b, strict=True))


def test_from_dataset_keeps_order_ids_and_splits_exactly():
    """Ids 0..N−1 follow the dataset's order; a 50 % split gives 10 + 10 points."""
    ds = make_dataset("circle", n=20)
    ps = PointSet.from_dataset(ds, 0.5, 0)
    X, y, test, ids = ps.all_arrays()
    assert ids.tolist() == list(range(20)) and np.array_equal(X, ds.X) and np.array_equal(y, ds.y)
    assert test.sum() == 10 and len(ps.train_arrays()[0]) == 10 and len(ps.test_arrays()[0]) == 10
    assert ps.kind == "binary" and ps.n_classes == 2 and ps.dim == 2 and len(ps) == 20


def test_from_dataset_split_is_seeded():
    """The same seed gives the same train/test flags."""
    a, b = _points(100, 0.3), _points(100, 0.3)
    assert np.array_equal(a.all_arrays()[2], b.all_arrays()[2])


def test_arrays_have_the_task_dtype():
    """Classification labels come out int64, regression targets float64."""
    assert _points().all_arrays()[1].dtype == np.int64
    reg = PointSet.from_dataset(make_dataset("sin"), 0.25, 1)
    assert reg.all_arrays()[1].dtype == np.float64 and reg.all_arrays()[0].shape == (60, 1)


def test_every_edit_bumps_the_version():
    """add, move, relabel, remove and restore each increase the version."""
    ps = _points()
    seen = [ps.version]
    i = ps.add([1.0, 2.0], 1)
    seen.append(ps.version)
    ps.move(i, [3.0, 4.0])
    seen.append(ps.version)
    ps.relabel(i, 0)
    seen.append(ps.version)
    p = ps.remove(i)
    seen.append(ps.version)
    ps.restore(p)
    seen.append(ps.version)
    assert seen == sorted(set(seen))


def test_versions_are_never_shared_between_different_sets():
    """A freshly made set never reuses another set's version number."""
    a, b = _points(), _points()
    assert a.version != b.version and a.copy().version == a.version


def test_edits_return_what_undo_needs():
    """move returns the old position, relabel the old label, remove the whole point."""
    ps = _points()
    i = ps.add([1.0, 2.0], 1, is_test=True)
    assert ps.get(i) == Point(i, (1.0, 2.0), 1, True)
    assert ps.move(i, np.array([3.0, 4.0])) == (1.0, 2.0)
    assert ps.relabel(i, 0) == 1
    assert ps.remove(i) == Point(i, (3.0, 4.0), 0, True) and i not in ps and len(ps) == 20


def test_ids_are_never_reused():
    """After deleting the newest point, the next add gets a fresh id."""
    ps = _points()
    i = ps.add([0, 0], 0)
    ps.remove(i)
    assert ps.add([0, 0], 0) == i + 1


def test_remove_then_restore_is_exact():
    """Undoing a delete gives back identical arrays and the same id."""
    ps = _points()
    before = ps.all_arrays()
    p = ps.remove(ps.ids[5])
    ps.restore(p)
    assert _same(before, ps.all_arrays())


def test_move_and_relabel_undo_round_trips():
    """Moving back and relabelling back give identical arrays."""
    ps = _points()
    before = ps.all_arrays()
    old_pos = ps.move(3, [0.5, 0.5])
    old_label = ps.relabel(3, 1 - ps.get(3).label)
    ps.relabel(3, old_label)
    ps.move(3, old_pos)
    assert _same(before, ps.all_arrays())


def test_restore_refuses_a_live_id_or_a_bad_point():
    """Restoring over an existing id, or a malformed Point, raises and changes nothing."""
    ps = _points()
    v = ps.version
    for bad in (ps.get(0), Point(99, (np.nan, 0.0), 0), Point(99, (0.0, 0.0), 5), "point"):
        with pytest.raises(ValueError):
            ps.restore(bad)
    assert ps.version == v and len(ps) == 20


@pytest.mark.parametrize(
    "position, label, is_test",
    [
        ([np.nan, 0], 1, False),
        ([np.inf, 0], 1, False),
        ([1, 2, 3], 1, False),
        ([1], 1, False),
        ([1, 2], 2, False),
        ([1, 2], -1, False),
        ([1, 2], 0.5, False),
        ("ab", 1, False),
        ([1, 2], "x", False),
        ([1, 2], None, False),
        ([1, 2], 1, "yes"),
    ],
)
def test_bad_add_changes_nothing(position, label, is_test):
    """NaN, wrong dimension or an impossible label raise ValueError and leave the set as it was."""
    ps = _points()
    before, v = ps.all_arrays(), ps.version
    with pytest.raises(ValueError):
        ps.add(position, label, is_test)
    assert ps.version == v and _same(before, ps.all_arrays())
    assert ps.add([0, 0], 0) == 20  # no id was used up by the failed add


def test_bad_move_and_relabel_change_nothing():
    """A bad position or label for an existing point raises and leaves it untouched."""
    ps = _points()
    before, v = ps.all_arrays(), ps.version
    with pytest.raises(ValueError):
        ps.move(0, [np.nan, 1])
    with pytest.raises(ValueError):
        ps.relabel(0, 3)
    assert ps.version == v and _same(before, ps.all_arrays())


@pytest.mark.parametrize("bad_id", [999, -1, "3", 1.0, True, None])
def test_unknown_id_raises_key_error_and_changes_nothing(bad_id):
    """get, move, relabel and remove of an unknown id raise KeyError naming it."""
    ps = _points()
    v = ps.version
    for call in (ps.get, ps.remove, lambda i: ps.move(i, [0, 0]), lambda i: ps.relabel(i, 0)):
        with pytest.raises(KeyError, match="no point with id"):
            call(bad_id)
    assert ps.version == v and len(ps) == 20


def test_nearest_with_and_without_limit():
    """nearest finds the closest point, None beyond max_distance or when empty."""
    ps = PointSet("binary", 2, 2)
    assert ps.nearest([0, 0]) is None
    a = ps.add([0, 0], 0)
    b = ps.add([5, 5], 1)
    assert ps.nearest([0.2, -0.1]) == a and ps.nearest([4, 4.5]) == b
    assert ps.nearest([2.5, 2.4], max_distance=0.5) is None
    assert ps.nearest([0.3, 0.4], max_distance=0.5) == a


def test_nearest_refuses_bad_input():
    """A wrong-dimension position or a negative max_distance raises ValueError."""
    ps = _points()
    with pytest.raises(ValueError, match="coordinate"):
        ps.nearest([1.0])
    with pytest.raises(ValueError, match="max_distance"):
        ps.nearest([1.0, 1.0], max_distance=-1)


def test_copy_is_independent():
    """Editing a copy leaves the original alone."""
    ps = _points()
    twin = ps.copy()
    twin.remove(0)
    twin.move(1, [0, 0])
    assert len(ps) == 20 and ps.get(1).position != (0.0, 0.0) and 0 in ps


def test_returned_arrays_are_copies():
    """Changing returned arrays does not change the set."""
    ps = _points()
    X, *_ = ps.all_arrays()
    X[:] = 0
    assert not np.array_equal(ps.all_arrays()[0], X)


def test_regression_and_one_d():
    """1-D regression points take any finite target and a bare-number position."""
    ps = PointSet.from_dataset(make_dataset("sin"), 0.25, 1)
    assert ps.dim == 1 and ps.kind == "regression" and ps.n_classes == 0
    i = ps.add(0.3, -1.7)
    assert ps.get(i) == Point(i, (0.3,), -1.7, False)
    assert ps.nearest([0.31], max_distance=0.05) in (i, *ps.ids)


@pytest.mark.parametrize("args", [("weird", 2, 2), ("binary", 3, 2), ("regression", 0, 3)])
def test_constructor_refuses_impossible_sets(args):
    """Unknown kinds, class counts that do not fit the kind, and 3-D sets are refused."""
    with pytest.raises(ValueError):
        PointSet(*args)


def test_from_dataset_refuses_non_datasets():
    """from_dataset needs a Dataset value."""
    with pytest.raises(ValueError, match="Dataset"):
        PointSet.from_dataset({"X": []}, 0.5, 0)
    empty = Dataset(np.zeros((0, 2)), np.zeros(0), "binary", 2)
    assert len(PointSet.from_dataset(empty, 0.5, 0)) == 0


def test_dict_round_trip_is_exact_and_json_safe():
    """to_dict → JSON → from_dict gives identical arrays, ids and next id."""
    import json

    ps = _points()
    ps.remove(3)
    last = ps.add([1.25, -2.5], 1)
    ps.remove(last)
    back = PointSet.from_dict(json.loads(json.dumps(ps.to_dict())))
    assert _same(ps.all_arrays(), back.all_arrays()) and back.kind == "binary"
    assert back.add([0, 0], 0) == last + 1  # removed ids are not reused after loading


def test_dict_round_trip_for_one_d_regression_and_multiclass():
    """Curves and multiclass sets survive to_dict/from_dict exactly."""
    for ds in (make_dataset("poly", noise=0.1), make_dataset("blobs", k=4, n=40)):
        ps = PointSet.from_dataset(ds, 0.25, 2)
        assert _same(ps.all_arrays(), PointSet.from_dict(ps.to_dict()).all_arrays())


def test_dict_without_next_id_still_loads():
    """Older files without next_id load, with next id = largest id + 1."""
    d = _points().to_dict()
    del d["next_id"]
    assert PointSet.from_dict(d).add([0, 0], 0) == 20


def _broken_dicts():
    good = _points().to_dict()
    n = len(good["ids"])
    return [
        {**good, "X": good["X"][:-1]},
        {**good, "kind": "weird"},
        {**good, "kind": None},
        {**good, "n_classes": 3},
        {**good, "n_classes": "2"},
        {**good, "dim": 3},
        {k: v for k, v in good.items() if k != "ids"},
        {**good, "ids": [0] * n},
        {**good, "ids": [-1, *good["ids"][1:]]},
        {**good, "ids": [0.5, *good["ids"][1:]]},
        {**good, "is_test": ["yes"] * n},
        {**good, "X": [["1", "2"]] * n},
        {**good, "X": [[1.0]] * n},
        {**good, "X": [[float("nan"), 0.0]] * n},
        {**good, "X": "not a list"},
        {**good, "y": [7] * n},
        {**good, "y": [True] * n},
        {**good, "next_id": 3},
        {**good, "next_id": "many"},
        "not a dict",
        None,
    ]


@pytest.mark.parametrize("broken", _broken_dicts())
def test_malformed_dicts_raise_value_error(broken):
    """Anything missing, mistyped, repeated or out of range in a saved dict raises ValueError."""
    with pytest.raises(ValueError):
        PointSet.from_dict(broken)


def _lazy(ps):
    """The set over its own arrays, Point objects not made yet (what an undo step takes back)."""
    from nnviz.data.packed import pack, unpack

    return unpack(pack(ps))


def test_a_set_made_from_columns_reads_like_the_original_before_any_point_is_made():
    """Count, ids, arrays, nearest and to_dict need no Point objects; they match exactly."""
    ps = _points(30)
    ps.remove(4)  # a gap in the ids and a next id past the last
    lazy = _lazy(ps)
    assert not lazy.materialized and len(lazy) == 29 and lazy.ids == ps.ids
    assert _same(lazy.all_arrays(), ps.all_arrays())
    assert lazy.nearest((0.0, 0.0)) == ps.nearest((0.0, 0.0))
    assert lazy.to_dict() == ps.to_dict() and lazy.version != ps.version
    twin = lazy.copy()
    assert not lazy.materialized and not twin.materialized  # copying shares the arrays
    assert lazy.get(5) == ps.get(5) and lazy.materialized  # a lookup makes the points
    assert 4 not in lazy and 5 in lazy


def test_editing_a_set_made_from_columns_makes_its_points_and_leaves_copies_alone():
    """An edit makes the points first; ids carry on from the saved next id; a copy is apart."""
    ps = _points(10)
    ps.remove(9)
    lazy = _lazy(ps)
    twin = lazy.copy()
    new_id = lazy.add((0.5, 0.5), 1)
    assert new_id == 10 and lazy.materialized and len(lazy) == 10
    assert not twin.materialized and len(twin) == 9 and _same(twin.all_arrays(), ps.all_arrays())
    lazy.move(0, (1.0, 1.0))
    assert lazy.get(0).position == (1.0, 1.0) and twin.get(0) == ps.get(0)


def test_points_made_on_another_thread_are_the_same_points():
    """materialize() on a thread while this one reads: one set of points, exactly the original."""
    import threading

    ps = _points(5000)
    lazy = _lazy(ps)
    worker = threading.Thread(target=lazy.materialize)
    worker.start()
    got = lazy.get(1234)  # either waits for the thread's points or makes them first
    worker.join()
    assert got == ps.get(1234) and lazy.materialized
    assert all(lazy.get(i) == ps.get(i) for i in ps.ids)
    lazy.materialize()  # a second call changes nothing
    assert _same(lazy.all_arrays(), ps.all_arrays())


def test_a_set_made_from_columns_deep_copies_and_pickles():
    """Nothing in it is a lock or a thread: lessons and undo may deep-copy or pickle a set."""
    import copy
    import pickle

    lazy = _lazy(_points(12))
    for twin in (copy.deepcopy(lazy), pickle.loads(pickle.dumps(lazy))):
        assert _same(twin.all_arrays(), lazy.all_arrays())
        twin.add((0.0, 0.1), 0)
        assert len(twin) == 13 and len(lazy) == 12
