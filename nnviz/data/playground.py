"""The TensorFlow Playground's six datasets: its clean geometry, our one meaning of noise."""

from __future__ import annotations

import numpy as np

from nnviz.data.generators import halves, plane_target_docs, two_class_docs, two_classes
from nnviz.data.noise import jitter_positions, noisy_targets

Array = np.ndarray

# Each generator below states only its geometry; ``generators`` adds the labels, the jitter
# and the Parameters/Returns sections all of them share.


@two_class_docs(first=1)
def circle(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """A disc of radius 2.5 (class 1) inside a ring from radius 3.5 to 5 (class 0).

    Radius r ~ U(0, 2.5) or U(3.5, 5) and angle a ~ U(0, 2π); the point is (r·sin a, r·cos a).
    Drawing r uniformly (not √U) crowds the disc's centre, as the Playground does.
    """
    half = n // 2
    r = np.concatenate([rng.uniform(0, 2.5, half), rng.uniform(3.5, 5.0, n - half)])
    a = rng.uniform(0, 2 * np.pi, n)
    return two_classes(np.column_stack([r * np.sin(a), r * np.cos(a)]), noise, rng)


@two_class_docs(first=1)
def xor(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Four quadrants: class 1 where x1·x2 > 0 (same signs), class 0 where the signs differ.

    Each coordinate's size is U(0, 5) + 0.3, so the clean classes keep a gap of 0.6 around
    both axes (the Playground's "push 0.3 off the axis"). Unlike the Playground, exactly half
    the points are in each class.
    """
    y = halves(n)  # the labels come first here: they decide which quadrant a point goes to
    size = rng.uniform(0, 5, (n, 2)) + 0.3
    sign1 = rng.choice([-1.0, 1.0], n)
    sign2 = np.where(y == 1, sign1, -sign1)  # same sign → class 1, opposite signs → class 0
    return jitter_positions(size * np.column_stack([sign1, sign2]), noise, rng), y


@two_class_docs(first=1)
def gauss(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Two round Gaussian blobs: class 1 around (2, 2), class 0 around (−2, −2).

    Each blob has variance 0.5 on each axis (the Playground's spread at noise 0).
    """
    half = n // 2
    sd = np.sqrt(0.5)  # variance 0.5 → standard deviation √0.5 ≈ 0.71
    X = np.concatenate([rng.normal(2, sd, (half, 2)), rng.normal(-2, sd, (n - half, 2))])
    return two_classes(X, noise, rng)


@two_class_docs(first=1)
def spiral(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Two interleaved spirals of 1.75 turns each, out to radius 5.

    For point i of the m in a class: r = 5·i/m and t = 1.75·2π·i/m (+π for class 0); the
    point is (r·sin t, r·cos t). At noise 0 the points are the same for every seed.
    """
    parts = []
    for m, turn in ((n // 2, 0.0), (n - n // 2, np.pi)):
        i = np.arange(m)
        r = 5.0 * i / max(m, 1)
        t = 1.75 * 2 * np.pi * i / max(m, 1) + turn  # class 0 is class 1 rotated by half a turn
        parts.append(np.column_stack([r * np.sin(t), r * np.cos(t)]))
    return two_classes(np.concatenate(parts), noise, rng)


PLANE_RANGE = 2.4  # (x1 + x2)/10 over [−6, 6]² runs from −1.2 to 1.2


@plane_target_docs(PLANE_RANGE)
def plane(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """A tilted plane: target t = (x1 + x2)/10, from −1.2 to 1.2 over [−6, 6]²."""
    X = rng.uniform(-6, 6, (n, 2))
    return X, noisy_targets((X[:, 0] + X[:, 1]) / 10.0, noise, PLANE_RANGE, rng)


# (centre x, centre y, sign) of the Playground's six bumps: + − + on top, − + − below.
GAUSS_CENTRES = (
    (-4, 2.5, 1),
    (0, 2.5, -1),
    (4, 2.5, 1),
    (-4, -2.5, -1),
    (0, -2.5, 1),
    (4, -2.5, -1),
)
MULTI_GAUSS_RANGE = 2.0  # the bumps reach +1 and −1


@plane_target_docs(MULTI_GAUSS_RANGE)
def multi_gauss(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Six signed cone-shaped bumps: three rise to +1, three dip to −1.

    A bump's value is sign·clamp(1 − d/2, 0, 1), d the distance to its centre, so it reaches
    zero 2 units out; each point takes the value of largest size among the six (0 far away).
    """
    X = rng.uniform(-6, 6, (n, 2))
    bumps = np.stack(
        [
            s * np.clip(1 - np.hypot(X[:, 0] - cx, X[:, 1] - cy) / 2, 0, 1)
            for cx, cy, s in GAUSS_CENTRES
        ]
    )
    y = bumps[np.argmax(np.abs(bumps), axis=0), np.arange(n)] + 0.0  # + 0.0 turns −0 into 0
    return X, noisy_targets(y, noise, MULTI_GAUSS_RANGE, rng)
