"""A game has no single loss: descent–ascent on f(x, y) = x·y spirals out, extragradient in."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.text import _

Array = np.ndarray


@dataclass(frozen=True)
class GamePath:
    """The points (x, y) visited, one row per step, and the distance from the saddle (0, 0)."""

    method: str
    path: Array

    @property
    def radius(self) -> Array:
        """r_t = √(x_t² + y_t²), the distance from the equilibrium at every step."""
        return np.hypot(self.path[:, 0], self.path[:, 1])

    @property
    def radius_start(self) -> float:
        """Distance from the equilibrium before the first step."""
        return float(self.radius[0])

    @property
    def radius_end(self) -> float:
        """Distance from the equilibrium after the last step."""
        return float(self.radius[-1])


def field(x: float, y: float) -> tuple[float, float]:
    """The players' directions for f = x·y: x descends (−∂f/∂x = −y), y ascends (+∂f/∂y = x)."""
    return -y, x


def gradient_descent_ascent(start=(1.0, 0.0), lr: float = 0.1, steps: int = 100) -> GamePath:
    """Both players step at once: (x, y) ← (x − η y, y + η x).

    The move is always at right angles to (x, y) (a rotation), so each step lands further out:
    r² grows by a factor 1 + η² per step. There is no loss both players go down.
    """
    return _iterate("gda", start, steps, lambda x, y: _step(x, y, lr, field(x, y)))


def extragradient(start=(1.0, 0.0), lr: float = 0.1, steps: int = 100) -> GamePath:
    """Look ahead, then step with the look-ahead's direction (Korpelevich's extragradient).

    (x', y') = (x, y) + η·field(x, y);  (x, y) ← (x, y) + η·field(x', y'). Using the direction
    from half a step ahead bends the path inwards: r² shrinks by 1 − η² + η⁴ < 1 per step.
    """

    def step(x: float, y: float) -> tuple[float, float]:
        ahead = _step(x, y, lr, field(x, y))
        return _step(x, y, lr, field(*ahead))

    return _iterate("extragradient", start, steps, step)


def _step(x: float, y: float, lr: float, direction: tuple[float, float]) -> tuple[float, float]:
    return x + lr * direction[0], y + lr * direction[1]


def _iterate(method: str, start, steps: int, step) -> GamePath:
    if steps < 0:
        raise ValueError(_("steps must be ≥ 0, not {steps}", steps=steps))
    path = np.empty((steps + 1, 2))
    path[0] = start
    for t in range(steps):
        path[t + 1] = step(*path[t])
    return GamePath(method, path)


def min_max_game(start=(1.0, 0.0), lr: float = 0.1, steps: int = 100) -> dict[str, GamePath]:
    """Both methods from the same start, same step size and number of steps."""
    return {
        "gda": gradient_descent_ascent(start, lr, steps),
        "extragradient": extragradient(start, lr, steps),
    }
