"""Tests for the seeded train/test split."""

import numpy as np
import pytest

from nnviz.data import split_mask


def test_exact_counts_and_determinism():
    """Exactly round(n·ratio) test points; the same seed gives the same split."""
    a = split_mask(500, 0.3, 7)
    assert a.sum() == 150 and np.array_equal(a, split_mask(500, 0.3, 7))
    assert not np.array_equal(a, split_mask(500, 0.3, 8))


@pytest.mark.parametrize("ratio", [-0.1, 0.95, float("nan")])
def test_bad_ratio(ratio):
    """Ratios outside [0, 0.9] are refused."""
    with pytest.raises(ValueError, match="test share"):
        split_mask(10, ratio)
