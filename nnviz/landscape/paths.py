"""Paths on a 2-weight logistic model's log-likelihood: ascent vs descent, batch vs SGD."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from nnviz.engine.batched import loss_many
from nnviz.engine.mlp import MLP
from nnviz.landscape.slices import Surface
from nnviz.text import _

Array = np.ndarray
PATH_KINDS = ("batch", "sgd", "minibatch")


def logistic_model(w: ArrayLike) -> MLP:
    """The CS188 model P(y=1|x) = σ(w·x): two weights, no bias, a sigmoid output."""
    net = MLP([2, 1], output="sigmoid", bias=False)
    net.set_flat(np.asarray(w, dtype=float))
    return net


def ll_and_grad(X: Array, y: Array, w: ArrayLike, rows: Array | None = None):
    """ll(w) = Σ log P(y_i|x_i; w) over ``rows`` (default all), and its gradient ∇ll.

    ll is minus the engine's summed log loss, so ∇ll is minus the engine's backprop gradient
    (for one point (2, 1) of class 1 at w = 0 that is (1 − σ(0))·(2, 1) = (1, 0.5)).
    """
    neg_ll, grad = neg_ll_and_grad(X, y, w, rows)
    return -neg_ll, -grad


def neg_ll_and_grad(X: Array, y: Array, w: ArrayLike, rows: Array | None = None):
    """The summed log loss −ll(w) over ``rows`` and its gradient, straight from the engine."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    rows = np.arange(len(X)) if rows is None else np.asarray(rows)
    loss, grads = logistic_model(w).loss_and_grads(X[rows], y[rows], "log", reduction="sum")
    return float(loss), grads[0].ravel()


def ll_surface(X: Array, y: Array, w1s: Array, w2s: Array) -> Surface:
    """ll(w1, w2) on a grid, sign flipped so the best weights are the top of a hill.

    ``values[i, j]`` is ll at (w1s[j], w2s[i]); computed for all grid points in one batched
    pass of the engine's mean log loss, times N, negated.
    """
    W1, W2 = np.meshgrid(np.asarray(w1s, dtype=float), np.asarray(w2s, dtype=float))
    thetas = np.column_stack([W1.ravel(), W2.ravel()])
    mean_loss = loss_many(logistic_model([0.0, 0.0]), thetas, X, y, "log")
    values = -mean_loss.reshape(W1.shape) * len(X)
    return Surface(np.asarray(w1s, float), np.asarray(w2s, float), values, "w1", "w2")


def ascent_path(X: Array, y: Array, start: Sequence[float], lr: float, steps: int) -> Array:
    """Gradient ascent on ll: w ← w + α·∇ll(w). Returns the (steps + 1, 2) points visited."""
    w = np.array(start, dtype=float)
    points = [w.copy()]
    for _unused in range(int(steps)):
        w = w + lr * ll_and_grad(X, y, w)[1]  # uphill on the log-likelihood
        points.append(w.copy())
    return np.array(points)


def descent_path(X: Array, y: Array, start: Sequence[float], lr: float, steps: int) -> Array:
    """Gradient descent on −ll: w ← w − α·∇(−ll)(w). The same path as ascent on ll."""
    w = np.array(start, dtype=float)
    points = [w.copy()]
    for _unused in range(int(steps)):
        w = w - lr * neg_ll_and_grad(X, y, w)[1]  # downhill on the loss
        points.append(w.copy())
    return np.array(points)


@dataclass(frozen=True)
class GradientPath:
    """One path from the start: the points visited and when it came within ``tol`` of the top.

    ``points_touched`` counts per-point gradients computed until then (a batch step touches
    every point, a stochastic step one).
    """

    kind: str
    points: Array
    steps_to_converge: int | None
    points_touched: int | None


def best_weights(X: Array, y: Array, start: Sequence[float], max_steps: int = 200) -> Array:
    """The top of the ll hill: Newton's method until the engine's mean gradient is below 1e-10.

    ll is concave, so each step solves for where its tangent plane would be flat: with the
    hill's curvature H = −(1/N)·Σ σ(1−σ)·x·xᵀ, w ← w − H⁻¹·∇ll/N. A step that would go
    downhill is halved until it climbs. A handful of steps reach the top where plain ascent
    needs tens of thousands. Raises ValueError if the data are separable (then ll
    keeps rising as |w| → ∞ and the curvature fades to nothing).
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    w = np.array(start, dtype=float)
    ll, grad = ll_and_grad(X, y, w)
    for _unused in range(int(max_steps)):
        if np.linalg.norm(grad / len(X)) < 1e-10:
            return w
        p = 1.0 / (1.0 + np.exp(-(X @ w)))  # σ(w·x) for every point
        flatness = (X * (p * (1.0 - p))[:, None]).T @ X  # −H·N: how sharply ll bends
        if not np.all(np.isfinite(flatness)) or np.linalg.eigvalsh(flatness).min() < 1e-9:
            break  # no curvature left: ll rises forever (separable points)
        step = np.linalg.solve(flatness, grad)
        for _halving in range(60):
            new_ll, new_grad = ll_and_grad(X, y, w + step)
            if new_ll >= ll - 1e-12 * abs(ll):
                break
            step = step / 2
        w, ll, grad = w + step, new_ll, new_grad
    raise ValueError(_("ascent did not settle: are the points separable (no finite top)?"))


def gradient_paths(
    X: Array,
    y: Array,
    start: Sequence[float],
    lr: float = 0.5,
    kinds: Sequence[str] = PATH_KINDS,
    batch_size: int = 4,
    tol: float = 0.05,
    max_steps: int = 2000,
    seed: int = 0,
) -> dict[str, GradientPath]:
    """Batch, stochastic (one point) and mini-batch ascent from the same start.

    Each step climbs the mean ll of its batch: w ← w + α·(1/|B|)·Σ_{i∈B} ∇ll_i (the gradient
    of a sum is the sum of the gradients). Batches come from a fresh shuffle every epoch.
    A path has converged at the first step that brings it within ``tol`` of the top.
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    top = best_weights(X, y, start)
    sizes = {"batch": len(X), "sgd": 1, "minibatch": int(batch_size)}
    out = {}
    for kind in kinds:
        if kind not in sizes:
            choices = ", ".join(PATH_KINDS)
            raise ValueError(
                _("unknown path {kind!r}; choose from {choices}", kind=kind, choices=choices)
            )
        rng = np.random.default_rng(seed)
        out[kind] = _climb(X, y, start, lr, sizes[kind], top, tol, max_steps, rng, kind)
    return out


def _climb(X, y, start, lr, size, top, tol, max_steps, rng, kind) -> GradientPath:
    w = np.array(start, dtype=float)
    points, converged_at = [w.copy()], None
    batches: list[Array] = []
    for step in range(1, int(max_steps) + 1):
        if not batches:  # a new epoch: shuffle, then cut into batches
            order = rng.permutation(len(X))
            batches = [order[i : i + size] for i in range(0, len(X), size)]
        rows = batches.pop(0)
        w = w + lr * ll_and_grad(X, y, w, rows)[1] / len(rows)
        points.append(w.copy())
        if converged_at is None and np.linalg.norm(w - top) < tol:
            converged_at = step
            break
    touched = None if converged_at is None else converged_at * size
    return GradientPath(kind, np.array(points), converged_at, touched)
