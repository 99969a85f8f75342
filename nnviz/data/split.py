"""Seeded train/test split."""

from __future__ import annotations

import numpy as np

MAX_TEST_RATIO = 0.9


def split_mask(n: int, test_ratio: float, seed: int | np.random.Generator = 0) -> np.ndarray:
    """A boolean mask with exactly round(n·test_ratio) True entries (the test points)."""
    if not (np.isfinite(test_ratio) and 0.0 <= test_ratio <= MAX_TEST_RATIO):
        raise ValueError(f"the test share must be between 0 and {MAX_TEST_RATIO}, not {test_ratio}")
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    mask = np.zeros(n, dtype=bool)
    mask[rng.permutation(n)[: int(round(n * test_ratio))]] = True
    return mask
