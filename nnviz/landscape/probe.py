"""The foggy mountain in 1-D: probe the slope with a small step Δx, then walk downhill."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import ArrayLike

from nnviz.text import _

Array = np.ndarray
Function1D = Callable[[float], float]


def secant_slope(f: Function1D, x: float, dx: float) -> float:
    """The slope of the line through (x, f(x)) and (x + Δx, f(x + Δx)).

    Δy/Δx = (f(x + Δx) − f(x)) / Δx, which becomes the derivative f′(x) as Δx → 0.
    """
    if dx == 0:
        raise ValueError(_("Δx must not be 0: the secant needs two different points"))
    return (f(x + dx) - f(x)) / dx


def secant_sequence(
    f: Function1D, x: float, dxs: Sequence[float] = (1.0, 0.1, 0.01, 0.001, 1e-4)
) -> list[tuple[float, float]]:
    """(Δx, Δy/Δx) for shrinking Δx: the secant slopes closing in on the tangent's."""
    return [(float(dx), secant_slope(f, x, dx)) for dx in dxs]


def veil(xs: ArrayLike, values: ArrayLike, seen: ArrayLike, radius: float) -> Array:
    """``values`` where some evaluated point lies within ``radius`` of x, NaN elsewhere (fog)."""
    x, shown = np.asarray(xs, dtype=float), np.array(values, dtype=float)
    points = np.asarray(seen, dtype=float).reshape(-1)
    if points.size == 0:
        return np.full_like(shown, np.nan)
    near = np.min(np.abs(x[:, None] - points[None, :]), axis=1) <= radius
    shown[~near] = np.nan
    return shown


class FogWalk:
    """Gradient descent on a 1-D loss where only the probed points are ever seen.

    Each step probes f at x and x + Δx, reads the secant slope s = Δy/Δx, and moves
    x ← x − lr·s: "step a little downhill, repeat until the parameters stop changing".
    ``status`` becomes ``"stopped"`` when a step moves less than ``tol`` and ``"diverged"``
    when x or f(x) stops being finite or |x| passes ``escape``.
    """

    def __init__(
        self,
        f: Function1D,
        x0: float,
        lr: float = 0.1,
        dx: float = 0.01,
        tol: float = 1e-6,
        escape: float = 1e6,
    ) -> None:
        if dx == 0:
            raise ValueError(_("Δx must not be 0"))
        self.f, self.lr, self.dx, self.tol, self.escape = f, float(lr), float(dx), tol, escape
        self.x = float(x0)
        self.positions: list[float] = [self.x]
        self.slopes: list[float] = []
        self.seen: dict[float, float] = {}
        self.status = "walking"

    def probe(self, x: float) -> float:
        """Evaluate f at x, remembering it (the fog lifts there)."""
        if x not in self.seen:
            with np.errstate(all="ignore"):
                self.seen[x] = float(self.f(x))
        return self.seen[x]

    def step(self) -> bool:
        """One probe and one step downhill; False once stopped or diverged."""
        if self.status != "walking":
            return False
        y0, y1 = self.probe(self.x), self.probe(self.x + self.dx)
        slope = (y1 - y0) / self.dx
        new = self.x - self.lr * slope
        self.slopes.append(slope)
        if not (np.isfinite(new) and np.isfinite(y0) and abs(new) <= self.escape):
            self.status = "diverged"
            return False
        moved, self.x = abs(new - self.x), float(new)
        self.positions.append(self.x)
        if moved < self.tol:
            self.status = "stopped"
        return True

    def run(self, steps: int) -> int:
        """Up to ``steps`` steps; returns how many were taken."""
        for done in range(steps):
            if not self.step():
                return done
        return steps

    def revealed(self) -> tuple[Array, Array]:
        """Every point evaluated so far, sorted by x: all the walker has ever seen."""
        if not self.seen:
            return np.empty(0), np.empty(0)
        xs = np.array(sorted(self.seen))
        return xs, np.array([self.seen[x] for x in xs])
