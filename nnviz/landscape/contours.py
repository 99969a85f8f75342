"""What the surface plot draws of a loss grid: colour values, contour levels and contour lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.engine.grid import contour_levels

Array = np.ndarray
N_LEVELS = 12  # evenly spaced values from the colour range's bottom to its top


@dataclass(frozen=True)
class Shading:
    """One surface ready to draw: colours, their range, and the contour lines between."""

    image: Array  # colour-ready values (log₁₀ of the height above the minimum, if asked)
    levels: Array  # N_LEVELS values; the colour range is levels[0] … levels[-1]
    segments: Array  # (2·M, 2) points in surface coordinates: each pair is one line segment


def colour_values(values: Array, log: bool) -> tuple[Array, Array]:
    """Colour-ready values (log10 of the height above the minimum if asked) and the levels.

    The colour range runs from the 1st to the 97th percentile, so one wall far away does not
    wash the whole valley out; anything not finite takes the top colour.
    """
    v = np.where(np.isfinite(values), values, np.nan)
    if not np.any(np.isfinite(v)):
        return np.zeros_like(v, dtype=float), np.linspace(0, 1, N_LEVELS)
    if log:
        v = np.log10(np.maximum(v - np.nanmin(v), 0) + 1e-3)
    lo, hi = np.nanpercentile(v, 1), np.nanpercentile(v, 97)
    hi = hi if hi > lo else lo + 1.0
    return np.nan_to_num(v, nan=hi), np.linspace(lo, hi, N_LEVELS)


def contour_lines(grid: Array, levels: Array | Sequence[float], xs: Array, ys: Array) -> Array:
    """Every level's contour as segments, ``grid[i, j]`` being the value at (xs[j], ys[i]).

    Returns (2·M, 2) points: each consecutive pair is one segment, so all the lines of all the
    levels draw as a single path.
    """
    v = np.asarray(grid, dtype=float)
    lv = np.asarray(levels, dtype=float).ravel()
    if v.ndim != 2 or min(v.shape) < 2 or len(lv) == 0:
        return np.zeros((0, 2))
    ny, nx = v.shape
    # Marching squares in grid indices (value [i, j] at (j, i)), one level after the other.
    index = np.arange(max(nx, ny), dtype=float)
    cuts = np.concatenate(contour_levels(v, lv, index))
    # Indices back to surface coordinates: between two grid points the value is taken as
    # linear, as marching squares assumes, so the index maps linearly too.
    x = np.interp(cuts[:, 0], np.arange(nx), np.asarray(xs, dtype=float))
    y = np.interp(cuts[:, 1], np.arange(ny), np.asarray(ys, dtype=float))
    return np.column_stack([x, y])


def shading(values: Array, xs: Array, ys: Array, log: bool) -> Shading:
    """Colours, levels and the contour lines of the levels strictly inside the colour range."""
    image, levels = colour_values(values, log)
    return Shading(image, levels, contour_lines(image, levels[1:-1], xs, ys))


def shadings(values: Array, xs: Array, ys: Array) -> tuple[Shading, Shading]:
    """Both colourings of one surface, (linear, log), made ahead where the surface is computed.

    A job thread calls this with each new grid, so the view only hands the finished colours
    and lines to Qt, whichever the user's log switch says.
    """
    return shading(values, xs, ys, False), shading(values, xs, ys, True)
