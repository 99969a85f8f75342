"""Noise, one meaning per family: jitter of positions (classification), of targets (regression)."""

from __future__ import annotations

import numpy as np

_MEANINGS = {
    "classification": (
        "Noise (0 to 1) is the standard deviation of random jitter added to each point's "
        "position, in axis units: 0.5 moves points by about half a unit. Labels stay those "
        "of the clean points."
    ),
    "regression": (
        "Noise (0 to 1) is the standard deviation of random noise added to each target, as a "
        "fraction of the target's range: 0.1 blurs values by about a tenth of their spread."
    ),
}


def noise_meaning(kind: str) -> str:
    """What the noise setting means for a task kind, in one sentence for a tooltip.

    Parameters
    ----------
    kind : str
        "binary" or "multiclass" (both classification), or "regression".

    Returns
    -------
    str
        A plain-English explanation.
    """
    return _MEANINGS["regression" if kind == "regression" else "classification"]


def jitter_positions(X: np.ndarray, noise: float, rng: np.random.Generator) -> np.ndarray:
    """Move every point by Gaussian jitter: x ← x + ε, ε ~ N(0, noise²·I).

    Parameters
    ----------
    X : np.ndarray
        Clean positions, shape (N, d).
    noise : float
        Standard deviation of the jitter on each axis, in axis units (0 = no change).
    rng : np.random.Generator
        The only source of randomness.

    Returns
    -------
    np.ndarray
        Jittered positions. The caller keeps the clean points' labels, so noise never flips a
        label: a point that drifts across the boundary is a mislabelled-looking point to learn
        around, exactly like measurement error.
    """
    if noise <= 0:
        return X  # draw nothing, so noise 0 leaves the random stream untouched
    return X + rng.normal(0.0, noise, X.shape)


def noisy_targets(
    y: np.ndarray, noise: float, target_range: float, rng: np.random.Generator
) -> np.ndarray:
    """Add Gaussian noise to regression targets: t ← t + ε, ε ~ N(0, (noise·range)²).

    Parameters
    ----------
    y : np.ndarray
        Clean targets, shape (N,).
    noise : float
        Standard deviation as a fraction of ``target_range`` (0 = no change).
    target_range : float
        max − min of the clean target over the dataset's whole domain (a fixed number per
        generator, so the noise does not depend on which points happened to be drawn).
    rng : np.random.Generator
        The only source of randomness.

    Returns
    -------
    np.ndarray
        Noisy targets.
    """
    if noise <= 0:
        return y
    return y + rng.normal(0.0, noise * target_range, y.shape)
