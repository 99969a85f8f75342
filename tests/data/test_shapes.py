"""Tests for moons, linear, the XOR corners and blobs."""

import numpy as np
import pytest

from nnviz.data import shapes


def _rng(seed=0):
    return np.random.default_rng(seed)


def test_moons_fill_about_five_units_and_are_balanced():
    """Clean moons span about ±4.8 by ±2.4; half the points in each class."""
    X, y = shapes.moons(500, 0.0, _rng())
    assert y.sum() == 250 and np.abs(X[:, 0]).max() <= 4.81 and np.abs(X[:, 1]).max() <= 2.41
    assert np.abs(X[:, 0]).max() > 4.5


def test_linear_is_separable_with_a_gap():
    """Class 1 is at least 0.5 above x2 = x1/2 and class 0 at least 0.5 below."""
    X, y = shapes.linear(300, 0.0, _rng())
    offset = X[:, 1] - 0.5 * X[:, 0]
    assert offset[y == 1].min() >= 0.5 and offset[y == 0].max() <= -0.5 and y.sum() == 150
    assert len(X) == 300 and np.abs(X).max() <= 6


def test_linear_gives_exactly_n_points_even_for_tiny_n():
    """Any n gives n points (no rejection sampling that could run short)."""
    for n in (1, 2, 3):
        assert shapes.linear(n, 0.0, _rng(n))[0].shape == (n, 2)


def test_xor_corners_exact():
    """Four points are exactly the XOR truth table."""
    X, y = shapes.xor_corners(4, 0.0, _rng())
    assert X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]] and y.tolist() == [0, 1, 1, 0]


def test_xor_corners_cycles_to_any_n():
    """Other n repeat the table in order and still have n points."""
    X, y = shapes.xor_corners(6, 0.0, _rng())
    assert len(X) == 6 and y.tolist() == [0, 1, 1, 0, 0, 1]


@pytest.mark.parametrize("k", [2, 3, 6])
def test_blobs_has_k_balanced_classes_around_a_circle(k):
    """k classes of (nearly) equal size whose means lie about 3.5 from the origin."""
    X, y = shapes.blobs(600, 0.0, _rng(), k=k)
    counts = np.bincount(y, minlength=k)
    assert len(counts) == k and counts.max() - counts.min() <= 1
    means = np.array([X[y == j].mean(0) for j in range(k)])
    assert np.allclose(np.hypot(means[:, 0], means[:, 1]), 3.5, atol=0.25)


@pytest.mark.parametrize("k", [1, 7, 2.5, True, "3"])
def test_blobs_refuses_bad_k(k):
    """k must be a whole number from 2 to 6."""
    with pytest.raises(ValueError, match="2 to 6"):
        shapes.blobs(10, 0.0, _rng(), k=k)
