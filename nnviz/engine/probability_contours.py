"""Iso-probability lines (P = 0.1, 0.3, …, 0.9) over the plane, with where to write their labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.engine.grid import contour_levels

Array = np.ndarray
PROBABILITY_LEVELS = (0.1, 0.3, 0.5, 0.7, 0.9)
PROBABILITY_OUTPUTS = ("sigmoid", "softmax")  # output layers whose values are probabilities
LIKELIHOOD_LOSSES = ("log", "cross_entropy")  # losses that are −log P(y|x)


@dataclass(frozen=True)
class ContourLine:
    """One level's line as segments (consecutive point pairs) and a place for its label."""

    level: float
    segments: Array  # (2·M, 2): each consecutive pair of points is one segment
    label_at: tuple[float, float] | None  # None when the level does not cross the plane

    @property
    def label(self) -> str:
        """The level as written on the canvas: "0.7"."""
        return f"{self.level:g}"


@dataclass(frozen=True)
class ContourSet:
    """Every level's line and label, and the thin lines ready to draw as one path.

    The training process makes these with each snapshot, so the GUI thread only draws them.
    """

    lines: tuple[ContourLine, ...]
    thin: Array  # (2·M, 2): every level's segments except the decision boundary's, in pairs

    def arrays(self) -> tuple[Array, ...]:
        """Every array inside, to mark read-only after a trip through a pipe."""
        return (*(c.segments for c in self.lines), self.thin)


def shown_by_default(loss: str) -> bool:
    """Contours start on for models trained on −log P(y|x), where P is what training raises."""
    return loss in LIKELIHOOD_LOSSES


def class_probability_grid(output: str, n_classes: int, output_grid: Array) -> Array | None:
    """P(class 2 | x) over the plane for a two-class probability model, else None.

    A sigmoid output is P(class 2) itself; a two-class softmax's second output is too (its
    first is 1 − P). Other heads (regression, hinge scores, 3+ classes) have no such grid.
    """
    grid = np.asarray(output_grid)
    if output not in PROBABILITY_OUTPUTS or grid.ndim != 3:
        return None
    if output == "sigmoid" and grid.shape[0] == 1:
        return grid[0]
    if output == "softmax" and n_classes == 2 and grid.shape[0] == 2:
        return grid[1]
    return None


def probability_contours(
    grid: Array, axis: Array, levels: Sequence[float] = PROBABILITY_LEVELS
) -> tuple[ContourLine, ...]:
    """Marching squares at each level of ``grid`` (values at (axis[j], axis[i])).

    The label goes on the segment nearest the middle of the plane, among those well inside
    it: for a logistic model the lines are parallel, so the labels line up across them like
    the ticks of a ruler, and none sits on the plot's edge.
    """
    axis = np.asarray(axis, dtype=float)
    every = contour_levels(grid, levels, axis)
    placed: list[tuple[float, float]] = []
    lines = []
    for level, seg in zip(levels, every, strict=True):
        at = _label_place(seg, axis, placed)
        if at is not None:
            placed.append(at)
        lines.append(ContourLine(float(level), seg, at))
    return tuple(lines)


LABEL_GAP = 0.08  # labels at least this share of the plane apart, where the lines allow


def _label_place(
    segments: Array, axis: Array, placed: Sequence[tuple[float, float]] = ()
) -> tuple[float, float] | None:
    """The middle of the segment nearest the plane's centre, well inside the plane and clear
    of the labels already ``placed`` (where lines bunch, as XOR's do at the centre, labels
    nearest the centre would sit on each other)."""
    if len(segments) == 0:
        return None
    mids = (segments[0::2] + segments[1::2]) / 2.0
    lo, hi = float(axis[0]), float(axis[-1])
    centre, margin = (lo + hi) / 2.0, 0.1 * (hi - lo)
    inside = np.all((mids > lo + margin) & (mids < hi - margin), axis=1)
    pool = mids[inside] if inside.any() else mids
    if placed:
        gap = np.min(np.linalg.norm(pool[:, None, :] - np.asarray(placed)[None], axis=2), axis=1)
        clear = gap >= LABEL_GAP * (hi - lo)
        pool = pool[clear] if clear.any() else pool
    best = pool[np.argmin(np.sum((pool - centre) ** 2, axis=1))]
    return float(best[0]), float(best[1])


def contour_set(
    grid: Array,
    axis: Array,
    boundary_level: float = 0.5,
    levels: Sequence[float] = PROBABILITY_LEVELS,
) -> ContourSet:
    """Every level's line and label, with the thin lines (all but ``boundary_level``) joined."""
    lines = probability_contours(grid, axis, levels)
    thin = [c.segments for c in lines if c.level != boundary_level and len(c.segments)]
    joined = np.concatenate(thin) if thin else np.zeros((0, 2))
    for a in (joined, *(c.segments for c in lines)):
        a.setflags(write=False)  # shared with the GUI thread: never changed after this
    return ContourSet(lines, joined)


def snapshot_contours(
    output: str,
    n_classes: int,
    output_grid: Array,
    axis: Array,
    loss: str,
    wanted: bool | None,
) -> ContourSet | None:
    """The contours a snapshot carries: when the canvas wants them and the model has P(x).

    ``wanted`` is the canvas's wish: None for the default (on for log-loss models), False
    while the toggle is off or the canvas is hidden, True when the user turned them on.
    """
    on = shown_by_default(loss) if wanted is None else wanted
    grid = class_probability_grid(output, n_classes, output_grid) if on else None
    return None if grid is None else contour_set(grid, axis)
