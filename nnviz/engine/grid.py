"""One grid pass over the input plane that returns every neuron's output (as the Playground)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nnviz.engine.features import feature_matrix
from nnviz.engine.mlp import MLP

Array = np.ndarray


def grid_points(domain: tuple[float, float], resolution: int, dim: int = 2) -> Array:
    """Sample points of the plane, row-major with y increasing (so row 0 is the bottom).

    Returns (R·R, 2) points for 2-D inputs, (R, 1) for 1-D inputs.
    """
    axis = np.linspace(domain[0], domain[1], resolution)
    if dim == 1:
        return axis.reshape(-1, 1)
    gx, gy = np.meshgrid(axis, axis)  # gy[i, :] is constant: row i sits at height axis[i]
    return np.column_stack([gx.ravel(), gy.ravel()])


def neuron_grids(
    net: MLP, features: Sequence[str], domain: tuple[float, float], resolution: int, dim: int = 2
) -> list[Array]:
    """Every neuron's output over the plane, from ONE batched forward pass.

    Returns one array per layer (inputs/features first): shape (n_units, R, R) for 2-D
    inputs, (n_units, R) for 1-D. Image row i is y = domain[0] + i·step (y up).
    """
    points = grid_points(domain, resolution, dim)
    record = net.forward_record(feature_matrix(points, features, dim))
    shape = (resolution, resolution) if dim == 2 else (resolution,)
    return [a.T.reshape(a.shape[1], *shape).copy() for a in record.activations]


def contour_segments(grid: Array, level: float, axis: Array) -> Array:
    """Line segments where ``grid`` crosses ``level`` (marching squares, vectorised).

    ``grid[i, j]`` is the value at (x, y) = (axis[j], axis[i]). Returns (2·M, 2) points: each
    consecutive pair is one segment, ready to draw as a single path. A saddle cell (corners
    alternate above/below) is split by its centre value, the usual convention.
    """
    return contour_levels(grid, (level,), axis)[0]


def contour_levels(grid: Array, levels: Array | Sequence[float], axis: Array) -> list[Array]:
    """:func:`contour_segments` at every level of ``levels``, in one pass over the grid.

    The same segments in the same order as one call per level, for a fifth of the cost at
    five levels (most of a call is NumPy's per-operation overhead, not arithmetic).
    """
    v = np.asarray(grid, dtype=float)
    ax = np.asarray(axis, dtype=float)
    lv = np.asarray(levels, dtype=float).reshape(-1)
    if v.ndim != 2 or min(v.shape) < 2:
        return [np.zeros((0, 2)) for _ in lv]
    above = v[None] > lv[:, None, None]  # (level, row, column)
    # Only the few cells a line passes through are worked on: a corner differs from another.
    crossed = above[:, :-1, :-1] != above[:, :-1, 1:]
    crossed |= above[:, :-1, :-1] != above[:, 1:, :-1]
    crossed |= above[:, :-1, :-1] != above[:, 1:, 1:]
    k, i, j = np.nonzero(crossed)  # level-major, then row by row: each level's cells in order
    level = lv[k][:, None]
    corners = np.stack([v[i, j], v[i, j + 1], v[i + 1, j + 1], v[i + 1, j]], -1)  # bl br tr tl
    x0, x1, y0, y1 = ax[j], ax[j + 1], ax[i], ax[i + 1]
    # The four cell edges in a fixed order: bottom (bl→br), right (br→tr), top (tl→tr),
    # left (bl→tl); t is how far along each edge the value equals the level.
    p = corners[:, [0, 1, 3, 0]]
    q = corners[:, [1, 2, 2, 3]]
    cut = (p > level) != (q > level)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(cut, (level - p) / (q - p), 0.0)
    px = np.stack([x0 + t[:, 0] * (x1 - x0), x1, x0 + t[:, 2] * (x1 - x0), x0], -1)
    py = np.stack([y0, y0 + t[:, 1] * (y1 - y0), y1, y0 + t[:, 3] * (y1 - y0)], -1)
    pts = np.stack([px, py], -1)  # (cells, 4 edges, 2)
    count = cut.sum(-1)
    single = count == 2
    out = [pts[single][cut[single]].reshape(-1, 2, 2)]  # a cell joins its two cut edges
    owner = [k[single]]  # the level each segment belongs to
    saddle = count == 4
    if saddle.any():
        c = corners[saddle]
        joined = (c.mean(-1) > level[saddle, 0]) == (c[:, 0] > level[saddle, 0])  # bl–tr
        s = pts[saddle]
        first = np.where(joined[:, None, None], s[:, [0, 1]], s[:, [0, 3]])
        second = np.where(joined[:, None, None], s[:, [2, 3]], s[:, [1, 2]])
        out.append(np.concatenate([first, second]))
        owner.append(np.concatenate([k[saddle], k[saddle]]))
    segments, owners = np.concatenate(out), np.concatenate(owner)
    finite = np.isfinite(segments).all(axis=(1, 2))
    segments, owners = segments[finite], owners[finite]
    return [segments[owners == m].reshape(-1, 2) for m in range(len(lv))]
