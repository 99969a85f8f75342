"""Central finite differences: the numerical check every backprop gradient must pass."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nnviz.engine.problem import Problem

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


def check_gradients(problem: Problem, reduction: str = "mean", eps: float = 1e-6) -> list[float]:
    """Relative error between backprop and finite differences, one number per parameter.

    Checked at the weights ``problem.net`` holds; each weight is nudged by ±``eps`` in place
    and restored, so the network is left exactly as it was.
    """
    net = problem.net
    _, grads = problem.loss_and_grads(net, reduction)
    errors = []
    for p, g in zip(net.params, grads, strict=True):
        numeric = numerical_gradient(lambda: problem.value(net, reduction), p, eps)
        errors.append(relative_error(g, numeric))
    return errors
