"""More 2-D classification sets: moons, a straight line, the XOR corners, k blobs.

Noise is Gaussian jitter of each point's position (std ``noise`` axis units).
"""

from __future__ import annotations

import numpy as np

from nnviz.data.playground import _jitter

Array = np.ndarray


def moons(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Two interleaving half-circles (as scikit-learn's), scaled to fill about [−5, 5]."""
    half = n // 2
    t1, t2 = rng.uniform(0, np.pi, half), rng.uniform(0, np.pi, n - half)
    upper = np.column_stack([np.cos(t1), np.sin(t1)])
    lower = np.column_stack([1 - np.cos(t2), 0.5 - np.sin(t2)])
    X = (np.concatenate([upper, lower]) - [0.5, 0.25]) * 3.2
    y = np.concatenate([np.zeros(half), np.ones(n - half)]).astype(np.int64)
    return _jitter(X, noise, rng), y


def linear(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Linearly separable: class 1 above the line x2 = 0.5·x1 + 0.5, with a margin of 0.5."""
    X = rng.uniform(-5, 5, (4 * n, 2))
    margin = X[:, 1] - (0.5 * X[:, 0] + 0.5)
    X = X[np.abs(margin) > 0.5][:n]
    y = (X[:, 1] > 0.5 * X[:, 0] + 0.5).astype(np.int64)
    return _jitter(X, noise, rng), y


def xor_corners(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """The XOR truth table: (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0 (repeated to n if n > 4)."""
    base = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    labels = np.array([0, 1, 1, 0], dtype=np.int64)
    reps = max(1, n // 4)
    return _jitter(np.tile(base, (reps, 1)), noise, rng), np.tile(labels, reps)


def blobs(n: int, noise: float, rng: np.random.Generator, k: int = 3) -> tuple[Array, Array]:
    """k round clusters with centres evenly spaced on a circle of radius 3.5."""
    if not 2 <= k <= 6:
        raise ValueError(f"blobs needs 2 to 6 classes, not {k}")
    angles = 2 * np.pi * np.arange(k) / k + np.pi / 2
    centres = 3.5 * np.column_stack([np.cos(angles), np.sin(angles)])
    y = np.arange(n) % k
    X = centres[y] + rng.normal(0, 0.8, (n, 2))
    return _jitter(X, noise, rng), y.astype(np.int64)
