"""Tests for the seeded train/test split."""

import numpy as np
import pytest

from nnviz.data import split_mask


@pytest.mark.parametrize(
    "n, ratio", [(500, 0.3), (10, 0.5), (7, 0.9), (3, 0.0), (0, 0.5), (1, 0.9)]
)
def test_exact_test_count(n, ratio):
    """Exactly round(n·ratio) points are marked as test."""
    mask = split_mask(n, ratio, 0)
    assert mask.dtype == bool and mask.shape == (n,) and mask.sum() == round(n * ratio)


def test_seeded():
    """The same seed gives the same split; another seed a different one."""
    a = split_mask(500, 0.3, 7)
    assert np.array_equal(a, split_mask(500, 0.3, 7))
    assert not np.array_equal(a, split_mask(500, 0.3, 8))


def test_accepts_a_generator():
    """A Generator can be passed instead of a seed, and matches the same seed."""
    assert np.array_equal(split_mask(50, 0.2, np.random.default_rng(4)), split_mask(50, 0.2, 4))


@pytest.mark.parametrize("ratio", [-0.1, 0.95, 1.0, float("nan"), "0.5", None])
def test_bad_ratio(ratio):
    """Ratios outside [0, 0.9] are refused."""
    with pytest.raises(ValueError, match="test share"):
        split_mask(10, ratio)


@pytest.mark.parametrize("n", [-1, 2.5, True])
def test_bad_n(n):
    """n must be a whole number ≥ 0."""
    with pytest.raises(ValueError, match="number of points"):
        split_mask(n, 0.5)
