"""Tests for the Point record and the checks every point passes."""

import dataclasses

import numpy as np
import pytest

from nnviz.data.point import Point, check_flag, check_id, check_label, check_position


def test_point_is_frozen():
    """A Point cannot be changed after it is made (undo keeps it as it was)."""
    p = Point(1, (0.0, 1.0), 1, False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.label = 0  # type: ignore[misc]


def test_positions_are_normalised_to_float_tuples():
    """Lists, arrays and (in 1-D) bare numbers all become tuples of floats."""
    assert check_position([1, 2], 2) == (1.0, 2.0)
    assert check_position(np.array([[1.5, 2.5]]), 2) == (1.5, 2.5)
    assert check_position(0.25, 1) == (0.25,) and check_position(np.float64(3), 1) == (3.0,)


@pytest.mark.parametrize(
    "position",
    [
        [np.nan, 0],
        [0, np.inf],
        [1, 2, 3],
        [1],
        "ab",
        ["1", "2"],
        [True, False],
        None,
        [[1], [2, 3]],
    ],
)
def test_bad_positions(position):
    """NaN, infinity, wrong length, text, bools and ragged lists are refused."""
    with pytest.raises(ValueError, match="position"):
        check_position(position, 2)


def test_labels_by_kind():
    """Classes must be whole numbers in range; regression takes any finite number."""
    assert check_label(1.0, "binary", 2) == 1 and isinstance(
        check_label(np.int64(2), "multiclass", 3), int
    )
    assert check_label(-1.7, "regression", 0) == -1.7
    for bad, kind, k in [
        (2, "binary", 2),
        (-1, "multiclass", 3),
        (0.5, "binary", 2),
        (True, "binary", 2),
        ("1", "binary", 2),
        (np.nan, "regression", 0),
        (None, "regression", 0),
    ]:
        with pytest.raises(ValueError, match="label"):
            check_label(bad, kind, k)


def test_ids_and_flags():
    """Ids are whole numbers ≥ 0; flags are true/false only."""
    assert check_id(np.int64(4)) == 4 and check_flag(np.bool_(True), "x") is True
    for bad in (-1, 1.0, True, "3"):
        with pytest.raises(ValueError, match="id"):
            check_id(bad)
    for bad in (1, "yes", None):
        with pytest.raises(ValueError, match="true or false"):
            check_flag(bad, "is_test")
