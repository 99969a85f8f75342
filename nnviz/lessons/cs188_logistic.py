"""Numbers for the CS188 logistic-regression lessons: ll, separators, 1-D, ascent, paths."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nnviz.engine import MLP, TrainConfig, Trainer
from nnviz.engine.likelihood import log_likelihood, point_probabilities
from nnviz.landscape.paths import ascent_path, descent_path, gradient_paths, ll_and_grad
from nnviz.lessons.popsci_train import bias_of
from nnviz.lessons.registry import lesson_numbers

# The lessons' points as [x1, x2, label]; the lesson files send the same lists to the lab.
TOY_POINTS = [[2.0, 1.0, 1], [-1.0, 2.0, 0], [1.0, -2.0, 1]]
SEPARATOR_POINTS = [
    [2.0, 1.0, 1], [1.0, 2.0, 1], [3.0, 3.0, 1],
    [-1.0, -2.0, 0], [-2.0, -1.0, 0], [-3.0, -2.0, 0],
]  # fmt: skip
SEPARATORS = [[-0.5, 1.04], [1.5, 1.5]]  # a tight line and a line with room, both 100 %
PATH_POINTS = [
    [2.0, 1.0, 1], [1.0, 2.0, 1], [3.0, 1.0, 1], [1.0, 3.0, 1], [-1.0, 1.0, 1], [0.5, -1.0, 1],
    [-2.0, -1.0, 0], [-1.0, -2.0, 0], [-3.0, -1.0, 0], [-1.0, -3.0, 0], [1.0, -0.5, 0],
    [-0.5, 1.5, 0],
]  # fmt: skip
ONE_D_RED = [-3.0, -2.0, -1.5, -1.0, 0.0, 0.5, 1.5]  # class 0; class 1 is its mirror image


def _xy(points: Sequence[Sequence[float]]) -> tuple[np.ndarray, np.ndarray]:
    rows = np.asarray(points, dtype=float)
    return rows[:, :2], rows[:, 2].astype(int)


def _model(w: Sequence[float]) -> MLP:
    net = MLP([2, 1], output="sigmoid", bias=False)
    net.set_flat(np.asarray(w, dtype=float))
    return net


@lesson_numbers("logistic-toy")
def logistic_toy(points: list = TOY_POINTS, lr: float = 0.1, steps: int = 20) -> dict[str, Any]:
    """ll at w = 0 (= 3·log ½), the first point's term gradient, and a short ascent."""
    X, y = _xy(points)
    zero = _model([0.0, 0.0])
    path = ascent_path(X, y, [0.0, 0.0], lr, steps)
    end = _model(path[-1])
    return {
        "points": [list(p) for p in points],
        "n_points": len(X),
        "first_point": [float(v) for v in X[0]],
        "p_at_zero": float(point_probabilities(zero, X[:1], y[:1])[0]),
        "ll_at_zero": log_likelihood(zero, X, y),
        "term_at_zero": log_likelihood(zero, X[:1], y[:1]),
        "term_gradient": [float(v) for v in ll_and_grad(X[:1], y[:1], [0.0, 0.0])[1]],
        "gradient_at_zero": [float(v) for v in ll_and_grad(X, y, [0.0, 0.0])[1]],
        "lr": float(lr),
        "steps": int(steps),
        "w_after": [float(v) for v in path[-1]],
        "ll_after": log_likelihood(end, X, y),
    }


@lesson_numbers("two-separators")
def two_separators(
    points: list = SEPARATOR_POINTS, separators: list = SEPARATORS
) -> dict[str, Any]:
    """Two lines that both classify every point right; the one with room has the higher ll."""
    X, y = _xy(points)
    nets = [_model(w) for w in separators]
    probs = [point_probabilities(net, X, y) for net in nets]
    return {
        "points": [list(p) for p in points],
        "separators": [[float(v) for v in w] for w in separators],
        "accuracy": [float(np.mean((net.forward(X)[:, 0] > 0.5) == y)) for net in nets],
        "p_near_point": [float(np.min(p)) for p in probs],  # the point nearest each line
        "ll": [log_likelihood(net, X, y) for net in nets],
    }


@lesson_numbers("logistic-1d")
def logistic_1d(
    red: list = ONE_D_RED, centre: float = 1.0, lr: float = 0.5, epochs: int = 3000
) -> dict[str, Any]:
    """Fit σ(w·x + b) to overlapping 1-D classes; it crosses ½ at x = −b/w, the middle."""
    x0 = np.asarray(red, dtype=float) + centre
    x1 = 2.0 * centre - x0  # class 1 mirrors class 0 around the centre
    X = np.concatenate([x0, x1]).reshape(-1, 1)
    y = np.concatenate([np.zeros(len(x0)), np.ones(len(x1))]).astype(int)
    net = MLP([1, 1], output="sigmoid", bias=True, init="zeros")
    trainer = Trainer(net, (X, y), config=TrainConfig(loss="log", lr=lr, batch_size=len(X)))
    for _ in range(int(epochs)):
        trainer.train_batch(np.arange(len(X)))
    w, b = float(net.weights[0][0, 0]), float(bias_of(net)[0])
    return {
        "points": [[float(x), 0.0, int(c)] for x, c in zip(X[:, 0], y, strict=True)],
        "n_points": len(X),
        "overlap": int(np.sum(x0 > x1.min()) + np.sum(x1 < x0.max())),
        "w": w,
        "b": b,
        "crossing_x": -b / w,
        "midpoint_x": float((x0.mean() + x1.mean()) / 2.0),
        "p_at_midpoint": float(net.forward(np.array([[(x0.mean() + x1.mean()) / 2.0]]))[0, 0]),
    }


@lesson_numbers("ascent-descent")
def ascent_descent(
    points: list = PATH_POINTS,
    start: Sequence[float] = (-2.0, 2.0),
    lr: float = 0.05,
    steps: int = 40,
) -> dict[str, Any]:
    """Ascent on ll and descent on −ll from the same start: the very same points."""
    X, y = _xy(points)
    up = ascent_path(X, y, start, lr, steps)
    down = descent_path(X, y, start, lr, steps)
    return {
        "points": [list(p) for p in points],
        "start": [float(v) for v in start],
        "lr": float(lr),
        "steps": int(steps),
        "max_path_difference": float(np.max(np.abs(up - down))),
        "ll_start": log_likelihood(_model(up[0]), X, y),
        "ll_end": log_likelihood(_model(up[-1]), X, y),
        "loss_end": -log_likelihood(_model(down[-1]), X, y),
        "w_end": [float(v) for v in up[-1]],
    }


@lesson_numbers("batch-sgd-minibatch")
def batch_sgd_minibatch(
    points: list = PATH_POINTS,
    start: Sequence[float] = (-2.0, 2.0),
    lr: float = 1.0,
    batch_size: int = 4,
    tol: float = 0.1,
    seed: int = 0,
) -> dict[str, Any]:
    """Batch, one-point and mini-batch ascent from one start: steps and point-gradients used."""
    X, y = _xy(points)
    paths = gradient_paths(X, y, start, lr, batch_size=batch_size, tol=tol, seed=seed)
    return {
        "points": [list(p) for p in points],
        "n_points": len(X),
        "batch_size": int(batch_size),
        "lr": float(lr),
        "tol": float(tol),
        "steps_to_converge": {k: p.steps_to_converge for k, p in paths.items()},
        "points_touched": {k: p.points_touched for k, p in paths.items()},
    }
