"""The TensorFlow Playground's datasets (its geometry; our one meaning of noise).

Noise for classification sets is Gaussian jitter of each point's position with standard
deviation ``noise`` (axis units); labels stay those of the clean point. For regression sets it
is Gaussian noise on the target with standard deviation ``noise`` × the target's range.
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray


def _jitter(X: Array, noise: float, rng: np.random.Generator) -> Array:
    return X + rng.normal(0.0, noise, X.shape) if noise > 0 else X


def circle(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """A disc of radius 2.5 (class 1) inside a ring from 3.5 to 5 (class 0)."""
    half = n // 2
    r = np.concatenate([rng.uniform(0, 2.5, half), rng.uniform(3.5, 5.0, n - half)])
    a = rng.uniform(0, 2 * np.pi, n)
    X = np.column_stack([r * np.sin(a), r * np.cos(a)])
    y = np.concatenate([np.ones(half), np.zeros(n - half)]).astype(np.int64)
    return _jitter(X, noise, rng), y


def xor(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Points in [−5, 5]² pushed 0.3 off the axes; class 1 where x·y ≥ 0 (same sign)."""
    X = rng.uniform(-5, 5, (n, 2))
    X += np.sign(X) * 0.3  # keep points off the axes so the classes have a clear gap
    y = (X[:, 0] * X[:, 1] >= 0).astype(np.int64)
    return _jitter(X, noise, rng), y


def gauss(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Two round blobs at (2, 2) (class 1) and (−2, −2) (class 0), variance 0.5."""
    half = n // 2
    sd = np.sqrt(0.5)
    X = np.concatenate([rng.normal(2, sd, (half, 2)), rng.normal(-2, sd, (n - half, 2))])
    y = np.concatenate([np.ones(half), np.zeros(n - half)]).astype(np.int64)
    return _jitter(X, noise, rng), y


def spiral(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Two interleaved spirals: r = 5i/m, t = 1.75·2π·i/m (+π for class 0)."""
    m = n // 2
    parts, labels = [], []
    for label, delta in ((1, 0.0), (0, np.pi)):
        count = m if label == 1 else n - m
        i = np.arange(count)
        r = 5.0 * i / count
        t = 1.75 * 2 * np.pi * i / count + delta
        parts.append(np.column_stack([r * np.sin(t), r * np.cos(t)]))
        labels.append(np.full(count, label))
    return _jitter(np.concatenate(parts), noise, rng), np.concatenate(labels).astype(np.int64)


def _target_noise(y: Array, noise: float, rng: np.random.Generator) -> Array:
    if noise <= 0:
        return y
    spread = float(np.ptp(y)) or 1.0
    return y + rng.normal(0.0, noise * spread, y.shape)


def plane(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Target (x1 + x2)/10 over [−6, 6]²: a tilted plane from −1.2 to 1.2."""
    X = rng.uniform(-6, 6, (n, 2))
    return X, _target_noise((X[:, 0] + X[:, 1]) / 10.0, noise, rng)


GAUSS_CENTRES = (
    (-4, 2.5, 1),
    (0, 2.5, -1),
    (4, 2.5, 1),
    (-4, -2.5, -1),
    (0, -2.5, 1),
    (4, -2.5, -1),
)


def multi_gauss(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Six signed bumps; each point takes the bump value of largest size at its position."""
    X = rng.uniform(-6, 6, (n, 2))
    values = np.stack(
        [
            s * np.clip(1 - np.hypot(X[:, 0] - cx, X[:, 1] - cy) / 2, 0, 1)
            for cx, cy, s in GAUSS_CENTRES
        ]
    )
    y = values[np.argmax(np.abs(values), axis=0), np.arange(n)]
    return X, _target_noise(y, noise, rng)
