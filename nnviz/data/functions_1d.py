"""1-D curves to fit (x ∈ [−1, 1]), for curve-fitting and universal-approximation lessons."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nnviz.data.noise import noisy_targets

Array = np.ndarray

# name → (the function, max − min of its values on [−1, 1]). Each stays within [−1, 1].
CURVES: dict[str, tuple[Callable[[Array], Array], float]] = {
    # one full sine wave: smooth, one hill and one valley
    "sin": (lambda x: np.sin(np.pi * x), 2.0),
    # half the Chebyshev cubic (4x³ − 3x)/2: two bends, values in [−0.5, 0.5]
    "poly": (lambda x: 2.0 * x**3 - 1.5 * x, 1.0),
    # a V with a sharp corner at 0: ReLU units can make it exactly from two pieces
    "abs": (lambda x: np.abs(x) - 0.5, 1.0),
    # a jump at 0 (−0.5 left of it, +0.5 from 0 on): smooth units can only approximate it
    "step": (lambda x: np.where(x >= 0, 0.5, -0.5), 1.0),
}


def curve(name: str, n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Samples of a named curve at n evenly spread, slightly random x in [−1, 1].

    The interval is cut into n equal cells and one x is drawn uniformly in each, so the points
    cover the curve evenly (no gaps, no clumps) yet differ from seed to seed; x is sorted.

    Parameters
    ----------
    name : str
        "sin", "poly", "abs" or "step" (see ``CURVES``).
    n : int
        Number of points.
    noise : float
        0 to 1: the standard deviation of Gaussian noise added to each target, as a fraction
        of the curve's range on [−1, 1]. x is never moved.
    rng : np.random.Generator
        The only source of randomness.

    Returns
    -------
    tuple of np.ndarray
        X (n, 1) positions and y (n,) targets, both float64.
    """
    fn, target_range = CURVES[name]
    x = -1.0 + 2.0 * (np.arange(n) + rng.uniform(0, 1, n)) / n  # one draw per cell of width 2/n
    return x.reshape(-1, 1), noisy_targets(np.asarray(fn(x), dtype=float), noise, target_range, rng)
