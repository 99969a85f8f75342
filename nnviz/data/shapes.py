"""More 2-D classification sets: two moons, a straight line, the XOR corners, k blobs."""

from __future__ import annotations

import numpy as np

from nnviz.data.dataset import MAX_CLASSES
from nnviz.data.generators import halves, two_class_docs, two_classes
from nnviz.data.noise import jitter_positions
from nnviz.text import _

Array = np.ndarray
DEFAULT_K = 3


@two_class_docs(first=0)
def moons(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Two interleaving half-circles (scikit-learn's moons), scaled by 3.2 to fill about ±5.

    Class 0 is the upper arch (cos t, sin t), class 1 the lower one (1 − cos t, ½ − sin t),
    t ~ U(0, π); both are then centred on the origin and scaled. Clean points span about
    [−4.8, 4.8] × [−2.4, 2.4].
    """
    half = n // 2
    t_up, t_down = rng.uniform(0, np.pi, half), rng.uniform(0, np.pi, n - half)
    upper = np.column_stack([np.cos(t_up), np.sin(t_up)])
    lower = np.column_stack([1 - np.cos(t_down), 0.5 - np.sin(t_down)])
    X = (np.concatenate([upper, lower]) - [0.5, 0.25]) * 3.2  # centre, then fill the plane
    return two_classes(X, noise, rng, first=0)


@two_class_docs(first=1)
def linear(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Linearly separable: class 1 above the line x2 = x1/2, class 0 below, with a gap.

    x1 ~ U(−5, 5) and each point sits a vertical distance U(0.5, 3) above or below the line,
    so the clean classes are 1 unit apart (vertically) and a single neuron can split them.
    """
    y = halves(n)  # the labels come first here: they decide which side of the line a point is
    x1 = rng.uniform(-5, 5, n)
    gap = rng.uniform(0.5, 3.0, n)
    x2 = 0.5 * x1 + np.where(y == 1, gap, -gap)  # above the line for class 1, below for 0
    return jitter_positions(np.column_stack([x1, x2]), noise, rng), y


XOR_TABLE = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_LABELS = np.array([0, 1, 1, 0], dtype=np.int64)


def xor_corners(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """The XOR truth table: (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0, as in the lectures.

    With n = 4 (the default) and noise 0 these are exactly the four corners, for every seed.
    Other n cycle through the table (n = 6 gives the four corners, then (0,0) and (0,1)).

    Parameters
    ----------
    n : int
        Number of points.
    noise : float
        0 to 1: the standard deviation of Gaussian jitter added to each coordinate, in axis
        units (the corners are 1 apart, so 0.2 is already a lot). Labels stay the table's.
    rng : np.random.Generator
        The only source of randomness.

    Returns
    -------
    tuple of np.ndarray
        X (n, 2) float64 positions and y (n,) int64 labels: point i is row i mod 4 of the table.
    """
    row = np.arange(n) % 4
    return jitter_positions(XOR_TABLE[row], noise, rng), XOR_LABELS[row]


def blobs(
    n: int, noise: float, rng: np.random.Generator, k: int = DEFAULT_K
) -> tuple[Array, Array]:
    """k round clusters (classes 0..k−1) with centres evenly spaced on a circle of radius 3.5.

    Centre j sits at angle 90° + j·360°/k; each cluster is Gaussian with standard deviation
    0.8 per axis. Point i belongs to class i mod k, so the classes differ in size by at most 1.

    Parameters
    ----------
    n : int
        Number of points.
    noise : float
        0 to 1: the standard deviation of extra Gaussian jitter added to each coordinate, in
        axis units (on top of the clusters' own spread). Labels stay those of the clean point.
    rng : np.random.Generator
        The only source of randomness.
    k : int
        Number of classes, 2 to 6.

    Returns
    -------
    tuple of np.ndarray
        X (n, 2) float64 positions and y (n,) int64 class labels.
    """
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or not 2 <= k <= MAX_CLASSES:
        raise ValueError(
            _("blobs needs k = 2 to {max_classes} classes, not {k!r}", max_classes=MAX_CLASSES, k=k)
        )
    angles = np.pi / 2 + 2 * np.pi * np.arange(k) / k
    centres = 3.5 * np.column_stack([np.cos(angles), np.sin(angles)])
    y = np.arange(n) % k
    X = centres[y] + rng.normal(0, 0.8, (n, 2))
    return jitter_positions(X, noise, rng), y.astype(np.int64)
