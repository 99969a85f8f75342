"""∂L/∂x: how the loss changes when the input itself (a pixel, a point) is nudged."""

from __future__ import annotations

import numpy as np

from nnviz.engine.mlp import MLP
from nnviz.text import _

Array = np.ndarray
CHUNK = 256  # rows per pass; the trick below builds a CHUNK × CHUNK identity input


def _input_as_knobs(net: MLP, rows: Array) -> MLP:
    """A twin of ``net`` with one extra first layer whose weights ARE the input rows.

    Fed the identity matrix I (example i is the one-hot row eᵢ), that layer outputs
    eᵢ·X = xᵢ unchanged, so the twin computes exactly what ``net`` computes on X. Backprop's
    gradient for that layer's weights is Iᵀ·δ = δ: row i is ∂Lᵢ/∂xᵢ. To the network an input
    is one more knob, and the engine's own backprop (written once) gives its slope.
    """
    twin = MLP(
        [len(rows), *net.sizes],
        activation=["identity", *net.activations[:-1]],
        output=net.activations[-1],
        bias=net.bias,
        init="zeros",
    )
    twin.weights = [rows.copy(), *(w.copy() for w in net.weights)]
    first = np.zeros(net.sizes[0]) if net.bias else None
    twin.biases = [first, *(None if b is None else b.copy() for b in net.biases)]
    return twin


def input_gradient(net: MLP, X: Array, y: Array, loss: str = "mse") -> Array:
    """∂Lᵢ/∂xᵢ for every row: each example's own loss differentiated by its own input.

    Parameters
    ----------
    net : the network (not changed).
    X : inputs, shape (N, n_in) (a single row of n_in values is accepted too).
    y : the labels or targets the loss compares with.
    loss : ``mse``, ``log``, ``cross_entropy`` or ``hinge`` (no regularisation: it does not
        depend on x).

    Returns
    -------
    np.ndarray
        Shape (N, n_in): row i is ∂Lᵢ/∂xᵢ with Lᵢ the loss of example i alone (the sum over
        the batch, so one example's slope does not shrink as the batch grows).
    """
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        X = X.reshape(1, -1)
    if X.ndim != 2 or X.shape[1] != net.sizes[0]:
        raise ValueError(
            _(
                "expected inputs with {columns} columns, got shape {x_shape}",
                columns=net.sizes[0],
                x_shape=X.shape,
            )
        )
    y = np.asarray(y)
    if len(y) != len(X):
        raise ValueError(_("{inputs} inputs but {labels} labels", inputs=len(X), labels=len(y)))
    out = np.empty_like(X)
    for start in range(0, len(X), CHUNK):
        rows = slice(start, start + CHUNK)
        twin = _input_as_knobs(net, X[rows])
        m = len(X[rows])
        _loss, grads = twin.loss_and_grads(np.eye(m), y[rows], loss, reduction="sum")
        out[rows] = grads[0]
    return out


def point_gradient(net: MLP, x: Array, y: float | int, loss: str = "mse") -> Array:
    """∂L/∂x for one input x (e.g. a 2-D point): the direction that raises its loss fastest."""
    x = np.asarray(x, dtype=float).reshape(1, -1)
    return input_gradient(net, x, np.asarray([y]), loss)[0]
