"""Lesson numbers for "why deep learning works": double descent, depth, backprop's cost, games."""

from __future__ import annotations

from typing import Any

import numpy as np

from nnviz.data import make_dataset
from nnviz.engine import MLP
from nnviz.experiments.active_learning import active_learning
from nnviz.experiments.backprop_cost import backprop_cost, cost_numbers
from nnviz.experiments.depth import LN2, depth_experiment
from nnviz.experiments.double_descent import (
    DEFAULT_STEPS,
    double_descent,
    epoch_grid,
    widths_around,
)
from nnviz.experiments.games import min_max_game
from nnviz.lessons.registry import lesson_numbers


def _floats(values) -> list[float]:
    return [float(v) for v in values]


@lesson_numbers("double-descent")
def double_descent_numbers(
    n_train: int = 40,
    noise: float = 0.5,
    ridge: float = 1e-3,
    n_seeds: int = 20,
    d: int = 5,
    seed: int = 0,
) -> dict[str, Any]:
    """Min-norm random-feature regression as p grows through N; errors are medians over seeds.

    ``peak_with_early_stopping`` and ``peak_with_ridge`` are the test errors of the stopped
    and ridge readouts at the same width ``peak_p``, where the min-norm curve peaks.
    """
    ps = widths_around(int(n_train))
    curve = double_descent(
        ps, int(n_train), int(n_seeds), float(noise), int(d), float(ridge), int(seed)
    )
    peak_index = curve.ps.index(curve.peak_p)
    at_2n = curve.test_error[curve.ps.index(2 * curve.n_train)]
    return {
        "n_train": curve.n_train,
        "peak_p": curve.peak_p,
        "interpolation_p": curve.interpolation_p,
        "ps": list(curve.ps),
        "test_error_by_p": _floats(curve.test_error),
        "test_error_mean_by_p": _floats(curve.test_error_mean),
        "train_error_by_p": _floats(curve.train_error),
        "early_stopping_by_p": _floats(curve.early_stopping),
        "ridge_by_p": _floats(curve.ridge),
        "peak_test_error": float(curve.test_error[peak_index]),
        "test_error_at_2n": float(at_2n),
        "peak_with_early_stopping": float(curve.early_stopping[peak_index]),
        "peak_with_ridge": float(curve.ridge[peak_index]),
    }


@lesson_numbers("double-descent-epochs")
def double_descent_epoch_numbers(
    n_train: int = 40, noise: float = 0.5, n_seeds: int = 20, d: int = 5, seed: int = 0
) -> dict[str, Any]:
    """Median test error over (p, T): rows are widths, columns gradient-descent steps."""
    ps = widths_around(int(n_train))
    n_train, n_seeds, noise, d, seed = int(n_train), int(n_seeds), float(noise), int(d), int(seed)
    grid = epoch_grid(ps, DEFAULT_STEPS, n_train, n_seeds, noise, d, seed)
    return {"ps": list(ps), "steps": list(DEFAULT_STEPS), "grid": grid.tolist()}


@lesson_numbers("depth-init")
def depth_init_numbers(
    depth: int = 10,
    width: int = 16,
    small_scale: float = 0.5,
    steps: int = 400,
    lr: float = 0.5,
    dataset: str = "xor",
    seed: int = 0,
) -> dict[str, Any]:
    """A deep tanh net from ``small_scale`` × Xavier ("small") and from Xavier ("xavier")."""
    runs = depth_experiment((float(small_scale), 1.0), depth, width, steps, lr, dataset, seed)
    named = {"small": runs[float(small_scale)], "xavier": runs[1.0]}
    return {
        "depth": int(depth),
        "scales": {name: run.scale for name, run in named.items()},
        "grad_norm_by_layer": {name: list(run.grad_norm_by_layer) for name, run in named.items()},
        "loss_curve": {name: _floats(run.losses) for name, run in named.items()},
        "final_loss": {name: run.final_loss for name, run in named.items()},
        "accuracy": {name: run.accuracy for name, run in named.items()},
        "ln2": LN2,
    }


@lesson_numbers("backprop-cost")
def backprop_cost_numbers(
    network: dict | None = None, dataset: str = "circle", n: int = 200, seed: int = 0
) -> dict[str, Any]:
    """Backprop vs finite differences on ``network`` (an ``MLP.to_dict()``, e.g. the live one;
    default a 2-8-8-1 tanh net) with n points of ``dataset``, inputs divided by 3."""
    if network is None:
        net = MLP([2, 8, 8, 1], "tanh", "sigmoid", init="xavier", seed=seed)
    else:
        net = MLP.from_dict(network)
    data = make_dataset(dataset, n=n, noise=0.1, seed=seed)
    loss = "log" if net.activations[-1] == "sigmoid" else "mse"
    cost = backprop_cost(net, data.X / 3.0, np.asarray(data.y, dtype=float), loss=loss)
    return cost_numbers(cost)


@lesson_numbers("active-learning")
def active_learning_numbers(
    dataset: str = "moons",
    noise: float = 0.3,
    start: int = 4,
    k: int = 4,
    budget: int = 40,
    n_seeds: int = 10,
    seed: int = 0,
) -> dict[str, Any]:
    """Held-out accuracy by number of labels: most-uncertain-first vs random, mean over seeds."""
    options = {"dataset": dataset, "noise": noise, "start": start, "k": k, "budget": budget}
    result = active_learning(int(n_seeds), seed, **options)
    return {
        "labels": list(result.labels),
        "accuracy_by_labels": {name: _floats(acc) for name, acc in result.accuracy.items()},
    }


@lesson_numbers("min-max-game")
def min_max_game_numbers(
    lr: float = 0.1, steps: int = 100, start: list[float] | None = None
) -> dict[str, Any]:
    """Descent–ascent and extragradient on f(x, y) = x·y from the same start."""
    paths = min_max_game(tuple(start or (1.0, 0.0)), float(lr), int(steps))
    return {
        "radius_start": {name: run.radius_start for name, run in paths.items()},
        "radius_end": {name: run.radius_end for name, run in paths.items()},
        "paths": {name: run.path.tolist() for name, run in paths.items()},
    }
