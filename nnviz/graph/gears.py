"""The chain rule as gears: x turns g(x), which turns f(g(x)); the turn ratios multiply."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.graph.ops import FUNCTIONS, get_op
from nnviz.text import _

MIN_RADIUS, MAX_RADIUS = 0.25, 4.0  # a gear the view can still draw (input gear radius = 1)


@dataclass(frozen=True)
class GearTrain:
    """Three meshing gears for f(g(x)): the input x, the middle g(x), the output f(g(x)).

    Turning the input gear a little (Δx) turns the middle one by g′(x)·Δx and the output by
    f′(g(x))·g′(x)·Δx: the chain rule d f(g(x))/dx = f′(g(x))·g′(x) as a product of ratios.
    """

    outer: str  # f
    inner: str  # g
    x: float
    values: tuple[float, float, float]  # x, g(x), f(g(x))
    ratios: tuple[float, float]  # g′(x), f′(g(x))

    @property
    def formula(self) -> str:
        """The composition as text, e.g. ``sin(log(x))``."""
        return f"{self.outer}({self.inner}(x))"

    @property
    def product(self) -> float:
        """g′(x)·f′(g(x)): how far the output gear turns per turn of the input gear."""
        return self.ratios[0] * self.ratios[1]

    def radii(self) -> tuple[float, float, float]:
        """Gear radii: the input's is 1 and each driven gear is 1/|ratio| as big as its driver.

        Meshing teeth move at the same speed, so a gear half the size turns twice as fast:
        a turn ratio r needs radius(driven) = radius(driver)/|r|. Clamped to what can be drawn.
        """
        r0 = 1.0
        r1 = _clamp(r0 / max(abs(self.ratios[0]), 1e-12))
        r2 = _clamp(r1 / max(abs(self.ratios[1]), 1e-12))
        return r0, r1, r2

    def centres(self) -> tuple[tuple[float, float], ...]:
        """Gear centres in a row, each touching the next (centre distance = sum of radii)."""
        r0, r1, r2 = self.radii()
        return (0.0, 0.0), (r0 + r1, 0.0), (r0 + 2 * r1 + r2, 0.0)

    def angles(self, turn: float) -> tuple[float, float, float]:
        """Each gear's angle when the input gear has turned by ``turn`` (radians).

        Middle: g′(x)·turn; output: f′(g(x))·g′(x)·turn (the sign says which way it turns).
        """
        return float(turn), self.ratios[0] * turn, self.product * turn


def gear_train(outer: str, inner: str, x: float) -> GearTrain:
    """The gears of outer(inner(x)), with values and local slopes from the graph's own ops."""
    for name in (outer, inner):
        if name not in FUNCTIONS:
            raise ValueError(
                _(
                    "unknown function {name!r}; choose one of {choices}",
                    name=name,
                    choices=", ".join(FUNCTIONS),
                )
            )
    f, g = get_op(outer), get_op(inner)
    with np.errstate(all="ignore"):  # log of a negative number is nan: refused below
        gx = g.value([float(x)], None)
        fgx = f.value([gx], None)
        g_slope = g.local([float(x)], gx, None)[0]  # g′(x)
        f_slope = f.local([gx], fgx, None)[0]  # f′(g(x)): f's slope where g left us
    values = (float(x), float(gx), float(fgx))
    if not all(np.isfinite([*values, g_slope, f_slope])):
        raise ValueError(
            _(
                "{outer}({inner}(x)) is not defined (or not smooth) at x = {x}",
                outer=outer,
                inner=inner,
                x=x,
            )
        )
    return GearTrain(outer, inner, float(x), values, (float(g_slope), float(f_slope)))


def _clamp(r: float) -> float:
    return float(min(MAX_RADIUS, max(MIN_RADIUS, r)))
