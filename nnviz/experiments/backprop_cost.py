"""What backprop saves: one forward and one backward pass against two passes per parameter."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from nnviz.data import make_dataset
from nnviz.engine import MLP, numerical_gradient
from nnviz.engine.problem import Problem

Array = np.ndarray
LIVE = "live"  # the grid value of a sweep cell that measures the live network


@dataclass(frozen=True)
class BackpropCost:
    """Both gradients of the same loss, their cost in passes and seconds, and their gap.

    Passes count whole-network sweeps over the data: backprop does one forward and one
    backward (2); central finite differences evaluate the loss twice per parameter (2·P).
    """

    params: int
    passes_backprop: int
    passes_finite_difference: int
    seconds_backprop: float
    seconds_finite_difference: float
    max_difference: float

    @property
    def speedup(self) -> float:
        """How many times faster backprop was, measured."""
        return self.seconds_finite_difference / max(self.seconds_backprop, 1e-12)


def default_problem(seed: int = 0) -> tuple[MLP, Array, Array]:
    """A 2-8-8-1 tanh net (sigmoid output) and 200 points of the circle data set."""
    ds = make_dataset("circle", n=200, noise=0.1, seed=seed)
    net = MLP([2, 8, 8, 1], "tanh", "sigmoid", init="xavier", seed=seed)
    return net, ds.X / 3.0, ds.y.astype(float)


def backprop_cost(
    net: MLP | None = None,
    X: Array | None = None,
    y: Array | None = None,
    loss: str = "log",
    eps: float = 1e-6,
) -> BackpropCost:
    """Time ∂L/∂θ by backprop and by (L(θ + ε e_i) − L(θ − ε e_i)) / 2ε for every i.

    The network is left exactly as it was (it is measured on a copy). Without a network, the
    2-8-8-1 default of ``default_problem``.
    """
    if net is None or X is None or y is None:
        net, X, y = default_problem()
    return measure(Problem(net.copy(), X, y, loss))


def measure(problem: Problem, eps: float = 1e-6) -> BackpropCost:
    """Backprop's and finite differences' gradient of ``problem``'s whole objective (penalties
    included) at its network's weights, which it nudges one at a time and puts back.

    Backprop is timed as the best of a few repeats, since one pass takes microseconds.
    """
    net = problem.net
    problem.value()  # a first pass warms caches up, so neither way pays for it
    t_bp, (_, grads) = _best_time(lambda: problem.loss_and_grads())
    start = time.perf_counter()
    numeric = [numerical_gradient(lambda: problem.value(), p, eps) for p in net.params]
    t_fd = time.perf_counter() - start
    gap = max(float(np.max(np.abs(g - n))) for g, n in zip(grads, numeric, strict=True))
    return BackpropCost(net.n_params, 2, 2 * net.n_params, t_bp, t_fd, gap)


def cost_numbers(cost: BackpropCost) -> dict[str, float | int]:
    """The plain numbers a report shows."""
    return {
        "params": cost.params,
        "passes_backprop": cost.passes_backprop,
        "passes_finite_difference": cost.passes_finite_difference,
        "max_difference": cost.max_difference,
        "seconds_backprop": cost.seconds_backprop,
        "seconds_finite_difference": cost.seconds_finite_difference,
        "speedup": cost.speedup,
    }


def _best_time(fn, repeats: int = 5):
    """The fastest of ``repeats`` calls of fn (and its last result): the least noisy figure."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result
