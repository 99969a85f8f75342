"""Central finite differences: the numerical check every backprop gradient must pass."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nnviz.engine.mlp import MLP

Array = np.ndarray


def numerical_gradient(f: Callable[[], float], param: Array, eps: float = 1e-6) -> Array:
    """∂f/∂p ≈ (f(p + ε) − f(p − ε)) / 2ε for every entry p of ``param`` (changed in place)."""
    grad = np.zeros_like(param)
    for idx in np.ndindex(param.shape):
        old = param[idx]
        param[idx] = old + eps
        up = f()
        param[idx] = old - eps
        down = f()
        param[idx] = old
        grad[idx] = (up - down) / (2 * eps)
    return grad


def relative_error(a: Array, b: Array) -> float:
    """max |a − b| / max(1, |a|, |b|): scale-free, and safe where gradients are ~0."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.size == 0:
        return 0.0
    denom = np.maximum(1.0, np.maximum(np.abs(a), np.abs(b)))
    return float(np.max(np.abs(a - b) / denom))


def check_gradients(
    net: MLP,
    X: Array,
    y: Array,
    loss: str = "mse",
    l1: float = 0.0,
    l2: float = 0.0,
    reduction: str = "mean",
    eps: float = 1e-6,
) -> list[float]:
    """Relative error between backprop and finite differences, one number per parameter."""
    _, grads = net.loss_and_grads(X, y, loss, l1, l2, reduction)
    errors = []
    for p, g in zip(net.params, grads, strict=True):
        numeric = numerical_gradient(lambda: net.loss(X, y, loss, l1, l2, reduction), p, eps)
        errors.append(relative_error(g, numeric))
    return errors
