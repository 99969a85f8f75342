"""Loss functions: per-example values and the gradient with respect to the output layer."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.engine.activations import Activation
from nnviz.text import _

Array = np.ndarray
REDUCTIONS = ("mean", "sum")


def softplus(x: Array) -> Array:
    """log(1 + e^x) without overflow; softplus(−∞) is exactly 0."""
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


@dataclass(frozen=True)
class Loss:
    """A loss: which output activation it needs (if any) and how it is averaged."""

    name: str
    formula: str
    needs_output: str | None = None

    def per_example(self, z: Array, a: Array, y: Array) -> Array:
        """Each example's contribution to the summed loss, shape (N,)."""
        return _PER_EXAMPLE[self.name](z, a, y)

    def grad_z(self, z: Array, a: Array, y: Array, act: Activation) -> Array:
        """d(summed loss)/dz for the output layer's pre-activations z, shape (N, D)."""
        if self.name == "log":
            # Sigmoid + log loss: the σ' factor cancels, leaving dL/dz = p − y.
            return a - y
        if self.name == "cross_entropy":
            # Softmax + cross-entropy: dL/dz_k = p_k − [k = y].
            return a - _one_hot(y, a.shape[1])
        if self.name == "mse":
            grad_a = 2.0 * (a - y)  # d(a − y)²/da
        else:  # hinge: d max(0, 1 − y·a)/da = −y where the margin is violated
            grad_a = np.where(1.0 - y * a > 0, -y, 0.0)
        return act.backward(z, a, grad_a)

    def count(self, n: int, d: int, reduction: str) -> int:
        """How many terms a "mean" divides by: every element for MSE (as torch), else N."""
        if reduction == "sum":
            return 1
        return n * d if self.name == "mse" else n


def _one_hot(y: Array, k: int) -> Array:
    out = np.zeros((len(y), k))
    out[np.arange(len(y)), np.asarray(y, dtype=int).ravel()] = 1.0
    return out


def _mse(z: Array, a: Array, y: Array) -> Array:
    return np.sum((a - y) ** 2, axis=1)


def _log(z: Array, a: Array, y: Array) -> Array:
    # From logits: −log σ(z) = softplus(−z), −log(1 − σ(z)) = softplus(z).
    # Choosing the branch by label (instead of multiplying by y) keeps y=0, p=0 exactly 0.
    # Both share log(1 + e^(−|z|)), so it is computed once: softplus(±z) = max(±z, 0) + it.
    shared = np.log1p(np.exp(-np.abs(z)))
    per = np.maximum(np.where(y > 0.5, -z, z), 0.0) + shared
    return np.add.reduce(per, axis=1)  # np.sum's own reduction, minus its wrapper


def _cross_entropy(z: Array, a: Array, y: Array) -> Array:
    # −log softmax(z)_y = logsumexp(z) − z_y, shifted by max(z) so nothing overflows.
    m = np.max(z, axis=1)
    lse = m + np.log(np.sum(np.exp(z - m[:, None]), axis=1))
    return lse - z[np.arange(len(z)), np.asarray(y, dtype=int).ravel()]


def _hinge(z: Array, a: Array, y: Array) -> Array:
    return np.sum(np.maximum(0.0, 1.0 - y * a), axis=1)


_PER_EXAMPLE = {"mse": _mse, "log": _log, "cross_entropy": _cross_entropy, "hinge": _hinge}

LOSSES: dict[str, Loss] = {
    "mse": Loss("mse", "L = mean (a − y)²"),
    "log": Loss("log", "L = −[y·log p + (1−y)·log(1−p)]", needs_output="sigmoid"),
    "cross_entropy": Loss("cross_entropy", "L = −log softmax(z)_y", needs_output="softmax"),
    "hinge": Loss("hinge", "L = max(0, 1 − y·s), y ∈ {−1, +1}"),
}


def get_loss(name: str) -> Loss:
    """Look up a loss by name, with a clear error listing the choices."""
    try:
        return LOSSES[name]
    except KeyError:
        raise ValueError(
            _(
                "unknown loss {name!r}; choose one of {choices}",
                name=name,
                choices=", ".join(LOSSES),
            )
        ) from None


def prepare_targets(loss: Loss, y: Array, n_out: int) -> Array:
    """Shape labels for a loss: class indices for cross-entropy, (N, D) floats otherwise.

    Hinge takes labels ±1; a label 0 is read as −1 so 0/1 class labels work directly.
    """
    y = np.asarray(y)
    if loss.name == "cross_entropy":
        y = y.astype(int).ravel()
        if y.size and (y.min() < 0 or y.max() >= n_out):
            raise ValueError(
                _(
                    "class labels must be 0..{last} for {n_out} outputs",
                    last=n_out - 1,
                    n_out=n_out,
                )
            )
        return y
    y = y.astype(float).reshape(len(y), -1)
    if y.shape[1] != n_out:
        raise ValueError(
            _(
                "targets have {columns} columns but the network has {n_out} outputs",
                columns=y.shape[1],
                n_out=n_out,
            )
        )
    if loss.name == "hinge":
        y = np.where(y > 0, 1.0, -1.0)
    return y


def log_loss_from_probability(p: float, y: int, base: float = np.e) -> float:
    """The lecture's table: y=1 → −log p, y=0 → −log(1 − p); (y=0, p=0) is exactly 0."""
    if not 0.0 <= p <= 1.0:
        raise ValueError(_("a probability must be between 0 and 1, not {p}", p=p))
    q = p if y == 1 else 1.0 - p
    if q == 1.0:
        return 0.0
    return float(-np.log(q) / np.log(base)) if q > 0 else float("inf")
