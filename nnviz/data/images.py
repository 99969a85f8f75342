"""Digit-like glyphs 0–9 drawn procedurally from strokes (lines and arcs), jittered and noisy."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.text import _

Array = np.ndarray

MIN_SIZE, MAX_SIZE = 8, 16
N_CLASSES = 10
WOBBLE = 0.035  # how far (in image widths) each stroke may stray from its place

# Each digit is a few strokes in a unit box (x to the right, y DOWN, as image rows go).
# ("line", x0, y0, x1, y1) or ("arc", cx, cy, rx, ry, start°, end°); an angle of 90° points
# down. Built from shared parts on purpose: a 9 is a loop with a tail, a 6 is the loop at the
# bottom with the tail on top, an 8 is two loops stacked.
STROKES: dict[int, tuple[tuple, ...]] = {
    0: (("arc", 0.5, 0.5, 0.27, 0.38, 0, 360),),
    1: (("line", 0.52, 0.12, 0.52, 0.88), ("line", 0.34, 0.28, 0.52, 0.12)),
    2: (
        ("arc", 0.5, 0.34, 0.24, 0.22, 180, 385),
        ("line", 0.71, 0.44, 0.26, 0.88),
        ("line", 0.26, 0.88, 0.76, 0.88),
    ),
    3: (("arc", 0.48, 0.31, 0.22, 0.19, 200, 450), ("arc", 0.48, 0.69, 0.25, 0.19, 270, 520)),
    4: (
        ("line", 0.62, 0.12, 0.24, 0.62),
        ("line", 0.24, 0.62, 0.8, 0.62),
        ("line", 0.62, 0.12, 0.62, 0.88),
    ),
    5: (
        ("line", 0.74, 0.12, 0.32, 0.12),
        ("line", 0.32, 0.12, 0.3, 0.46),
        ("arc", 0.48, 0.66, 0.24, 0.22, 220, 500),
    ),
    6: (("arc", 0.5, 0.66, 0.22, 0.22, 0, 360), ("arc", 0.74, 0.62, 0.46, 0.5, 180, 265)),
    7: (("line", 0.24, 0.12, 0.76, 0.12), ("line", 0.76, 0.12, 0.4, 0.88)),
    8: (("arc", 0.5, 0.3, 0.19, 0.18, 0, 360), ("arc", 0.5, 0.7, 0.23, 0.19, 0, 360)),
    9: (("arc", 0.5, 0.34, 0.22, 0.22, 0, 360), ("line", 0.72, 0.36, 0.62, 0.88)),
}


@dataclass(frozen=True)
class ImageSet:
    """Images as rows: X (n, k·k) in [0, 1] (row-major, top row first), labels y, side k."""

    X: Array
    y: Array
    k: int

    def image(self, i: int) -> Array:
        """Image i as a k×k array."""
        return self.X[i].reshape(self.k, self.k)


def _segments(stroke: tuple) -> Array:
    """One stroke as short straight pieces, shape (S, 2, 2): S × (start, end) × (x, y)."""
    if stroke[0] == "line":
        return np.array([[stroke[1:3], stroke[3:5]]], dtype=float)
    _kind, cx, cy, rx, ry, a0, a1 = stroke
    t = np.radians(np.linspace(a0, a1, max(4, int(abs(a1 - a0) / 20) + 1)))
    pts = np.column_stack([cx + rx * np.cos(t), cy + ry * np.sin(t)])
    return np.stack([pts[:-1], pts[1:]], axis=1)


SEGMENTS = {d: [_segments(s) for s in strokes] for d, strokes in STROKES.items()}


def _distance(pixels: Array, segs: Array) -> Array:
    """Distance from each pixel centre (P, 2) to the nearest segment of segs (S, 2, 2)."""
    a, b = segs[:, 0], segs[:, 1]
    ab = b - a
    # Project each pixel onto each segment's line, clamped to the segment: t ∈ [0, 1].
    t = np.einsum("psd,sd->ps", pixels[:, None, :] - a[None], ab) / np.maximum(
        np.sum(ab * ab, axis=1), 1e-12
    )
    nearest = a[None] + np.clip(t, 0.0, 1.0)[..., None] * ab[None]
    return np.min(np.linalg.norm(pixels[:, None, :] - nearest, axis=2), axis=1)


def _jitter(strokes: list[Array], rng: np.random.Generator) -> tuple[Array, float]:
    """A random hand: each stroke nudged on its own, then scale, rotation, slant, shift, pen."""
    segs = np.concatenate([s + rng.normal(0.0, WOBBLE, size=2) for s in strokes])
    scale = rng.uniform(0.78, 1.05)
    angle = np.radians(rng.uniform(-10, 10))
    slant = rng.uniform(-0.15, 0.15)
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    shear = np.array([[1.0, slant], [0.0, 1.0]])
    shift = rng.uniform(-0.07, 0.07, size=2)
    moved = 0.5 + scale * (segs - 0.5) @ (rot @ shear).T + shift
    return moved, rng.uniform(0.05, 0.09)


def draw_digit(digit: int, k: int, rng: np.random.Generator, noise: float = 0.15) -> Array:
    """One k×k image of ``digit`` in a random hand, with Gaussian pixel noise, clipped to [0, 1].

    Ink = clip((thickness − distance to the strokes)·k + ½, 0, 1): fully dark inside the pen,
    fading over one pixel at the edge (anti-aliasing), then + N(0, noise²) on every pixel.
    """
    segs, thickness = _jitter(SEGMENTS[int(digit)], rng)
    centres = (np.arange(k) + 0.5) / k
    gx, gy = np.meshgrid(centres, centres)  # row r is y = (r + ½)/k: the top row first
    d = _distance(np.column_stack([gx.ravel(), gy.ravel()]), segs)
    ink = np.clip((thickness - d) * k + 0.5, 0.0, 1.0)
    return np.clip(ink + rng.normal(0.0, noise, ink.shape), 0.0, 1.0).reshape(k, k)


def make_digits(n: int = 3000, k: int = 12, seed: int = 0, noise: float = 0.15) -> ImageSet:
    """``n`` digit images (balanced: n/10 of each class, shuffled), deterministic by ``seed``.

    Parameters
    ----------
    n : number of images, a multiple of 10 so every digit appears equally often.
    k : side in pixels, 8 to 16.
    seed : seeds the one generator every jitter and noise value is drawn from.
    noise : standard deviation of the pixel noise (0 to 0.5).
    """
    if not MIN_SIZE <= int(k) <= MAX_SIZE:
        raise ValueError(
            _(
                "the image side must be {min_size}..{max_size} pixels, not {k}",
                min_size=MIN_SIZE,
                max_size=MAX_SIZE,
                k=k,
            )
        )
    if int(n) < N_CLASSES or int(n) % N_CLASSES:
        raise ValueError(
            _("n must be a positive multiple of {n_classes}, not {n}", n_classes=N_CLASSES, n=n)
        )
    if not 0.0 <= float(noise) <= 0.5:
        raise ValueError(_("noise must be between 0 and 0.5, not {noise}", noise=noise))
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.repeat(np.arange(N_CLASSES), int(n) // N_CLASSES))
    X = np.stack([draw_digit(d, int(k), rng, float(noise)).ravel() for d in y])
    return ImageSet(X, y.astype(np.int64), int(k))


def split(images: ImageSet, test_ratio: float = 0.25) -> tuple[ImageSet, ImageSet]:
    """The first (1 − test_ratio) of the (already shuffled) images to train on, the rest to test."""
    if not 0.0 < test_ratio < 1.0:
        raise ValueError(
            _("test_ratio must be between 0 and 1, not {test_ratio}", test_ratio=test_ratio)
        )
    cut = int(round(len(images.y) * (1.0 - test_ratio)))
    return (
        ImageSet(images.X[:cut], images.y[:cut], images.k),
        ImageSet(images.X[cut:], images.y[cut:], images.k),
    )
