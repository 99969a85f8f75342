"""1-D regression curves for curve fitting and universal approximation, on x ∈ [−1, 1].

Noise is Gaussian noise on the target with std ``noise`` × the target's range.
"""

from __future__ import annotations

import numpy as np

from nnviz.data.playground import _target_noise

Array = np.ndarray

CURVES = {
    "sin": lambda x: np.sin(np.pi * x),
    "poly": lambda x: 1.5 * x**3 - x**2 - 0.5 * x + 0.3,
    "abs": lambda x: np.abs(x) - 0.5,
    "step": lambda x: np.where(x > 0, 0.5, -0.5),
}


def curve(name: str, n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """n evenly spread x in [−1, 1] (slightly jittered) and the named curve's values."""
    x = np.sort(rng.uniform(-1, 1, n))
    return x.reshape(-1, 1), _target_noise(CURVES[name](x), noise, rng)
