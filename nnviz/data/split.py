"""A seeded train/test split with an exact number of test points."""

from __future__ import annotations

import numbers

import numpy as np

from nnviz.text import _

MAX_TEST_RATIO = 0.9


def split_mask(n: int, test_ratio: float, rng_or_seed: int | np.random.Generator = 0) -> np.ndarray:
    """Choose which of n points are held out for testing.

    Parameters
    ----------
    n : int
        Number of points (0 or more).
    test_ratio : float
        Share of points to hold out, 0 to 0.9 (at least 10 % always train).
    rng_or_seed : int or np.random.Generator
        A seed, or the generator to draw from (it is advanced).

    Returns
    -------
    np.ndarray
        Boolean mask of length n with exactly round(n·test_ratio) True entries (the test
        points), spread at random.
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 0:
        raise ValueError(_("the number of points must be a whole number ≥ 0, not {n!r}", n=n))
    is_real = isinstance(test_ratio, numbers.Real) and not isinstance(test_ratio, bool)
    if not (is_real and np.isfinite(test_ratio) and 0.0 <= test_ratio <= MAX_TEST_RATIO):
        raise ValueError(
            _(
                "the test share must be a number from 0 to {max_test_ratio}, not {test_ratio!r}",
                max_test_ratio=MAX_TEST_RATIO,
                test_ratio=test_ratio,
            )
        )
    if isinstance(rng_or_seed, np.random.Generator):
        rng = rng_or_seed
    else:
        rng = np.random.default_rng(rng_or_seed)
    mask = np.zeros(int(n), dtype=bool)
    mask[rng.permutation(int(n))[: round(n * test_ratio)]] = True  # Python rounds half to even
    return mask
