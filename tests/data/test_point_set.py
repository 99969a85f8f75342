"""Tests for the editable point set."""

import numpy as np
import pytest

from nnviz.data import PointSet, make_dataset


def _points():
    return PointSet.from_dataset(make_dataset("circle", n=20), 0.5, 0)


def test_from_dataset_splits_train_and_test():
    """A 50 % split gives 10 + 10 points."""
    ps = _points()
    assert len(ps.train_arrays()[0]) == 10 and len(ps.test_arrays()[0]) == 10


def test_add_move_relabel_remove_bump_the_version():
    """Each edit changes the arrays and increases the version."""
    ps = _points()
    v = ps.version
    i = ps.add([1.0, 2.0], 1)
    assert ps.get(i).position == (1.0, 2.0) and ps.version > v
    assert ps.move(i, [3.0, 4.0]) == (1.0, 2.0)
    assert ps.relabel(i, 0) == 1 and ps.get(i).label == 0
    removed = ps.remove(i)
    assert removed.position == (3.0, 4.0) and len(ps) == 20


def test_remove_then_restore_is_exact():
    """Undoing a delete gives back identical arrays and the same id."""
    ps = _points()
    before = ps.all_arrays()
    p = ps.remove(ps.ids[5])
    ps.restore(p)
    for a, b in zip(before, ps.all_arrays(), strict=True):
        assert np.array_equal(a, b)


@pytest.mark.parametrize(
    "position, label",
    [
        ([np.nan, 0], 1),
        ([1, 2, 3], 1),
        ([1, 2], 2),
        ([1, 2], 0.5),
        ("ab", 1),
        ([1, 2], "x"),
    ],
)
def test_bad_points_change_nothing(position, label):
    """NaN, wrong dimension or an impossible label raise and leave the set unchanged."""
    ps = _points()
    v, n = ps.version, len(ps)
    with pytest.raises(ValueError):
        ps.add(position, label)
    assert ps.version == v and len(ps) == n


def test_unknown_id():
    """Moving or removing an unknown id raises KeyError naming it."""
    ps = _points()
    with pytest.raises(KeyError, match="999"):
        ps.remove(999)


def test_nearest_with_and_without_limit():
    """nearest finds the closest point, or None beyond max_distance."""
    ps = PointSet("binary", 2, 2)
    a = ps.add([0, 0], 0)
    ps.add([5, 5], 1)
    assert ps.nearest([0.2, -0.1]) == a and ps.nearest([2.5, 2.4], max_distance=0.5) is None


def test_dict_round_trip_and_malformed_dicts():
    """to_dict → from_dict is exact; malformed dicts raise ValueError."""
    ps = _points()
    back = PointSet.from_dict(ps.to_dict())
    for a, b in zip(ps.all_arrays(), back.all_arrays(), strict=True):
        assert np.array_equal(a, b)
    good = ps.to_dict()
    for broken in (
        {**good, "X": good["X"][:-1]},
        {**good, "kind": "weird"},
        {k: v for k, v in good.items() if k != "ids"},
        {**good, "ids": [0] * 20},
        {**good, "is_test": ["yes"] * 20},
        "not a dict",
    ):
        with pytest.raises(ValueError):
            PointSet.from_dict(broken)


def test_regression_and_one_d():
    """1-D regression points take any finite target."""
    ps = PointSet.from_dataset(make_dataset("sin"), 0.25, 1)
    assert ps.dim == 1 and ps.kind == "regression"
    i = ps.add([0.3], -1.7)
    assert ps.get(i).label == -1.7
