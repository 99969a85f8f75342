"""The log-likelihood of a data set under a model: ll = Σ log P(y_i | x_i)."""

from __future__ import annotations

import numpy as np

from nnviz.engine.mlp import MLP

Array = np.ndarray

# The loss whose per-example value is −log P(y|x) for each kind of output layer.
_LOSS_FOR_OUTPUT = {"sigmoid": "log", "softmax": "cross_entropy"}


def point_probabilities(net: MLP, X: Array, y: Array) -> Array:
    """P(y_i | x_i) for each point: p if y = 1 and 1 − p if y = 0 (sigmoid), p_y (softmax).

    Computed as exp(−loss_i) from the engine's stable log loss, so it is exactly the number
    the log-likelihood adds up.
    """
    return np.exp(-_per_point_nll(net, X, y))


def log_likelihood(net: MLP, X: Array, y: Array) -> float:
    """ll = Σ_i log P(y_i | x_i) = −Σ_i log loss_i (natural log).

    0 would be perfect (every point certain and right); the more negative, the worse.
    """
    return float(-np.sum(_per_point_nll(net, X, y)))


def _per_point_nll(net: MLP, X: Array, y: Array) -> Array:
    out = net.activations[-1]
    if out not in _LOSS_FOR_OUTPUT:
        raise ValueError(f"a likelihood needs a sigmoid or softmax output, not {out}")
    return net.per_example_loss(X, y, _LOSS_FOR_OUTPUT[out])
