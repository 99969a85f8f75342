"""Evaluate one architecture at many parameter vectors at once (for loss landscapes)."""

from __future__ import annotations

import numpy as np

from nnviz.engine.activations import get_activation
from nnviz.engine.losses import get_loss, prepare_targets
from nnviz.engine.mlp import MLP

Array = np.ndarray


def unflatten_many(net: MLP, thetas: Array) -> list[Array]:
    """Split (P, n_params) vectors into arrays shaped (P, *param.shape), in params order."""
    thetas = np.asarray(thetas, dtype=float)
    if thetas.ndim != 2 or thetas.shape[1] != net.n_params:
        raise ValueError(f"expected shape (P, {net.n_params}), got {thetas.shape}")
    out, i = [], 0
    for p in net.params:
        out.append(thetas[:, i : i + p.size].reshape((len(thetas), *p.shape)))
        i += p.size
    return out


def forward_many(net: MLP, thetas: Array, X: Array) -> tuple[Array, Array]:
    """Output z and a of ``net``'s architecture at every θ: shapes (P, N, n_out).

    One batched matrix product per layer instead of a Python loop over θ.
    """
    arrays = iter(unflatten_many(net, thetas))
    a = np.broadcast_to(np.asarray(X, dtype=float), (len(thetas), *np.shape(X)))
    z = a
    for name, b in zip(net.activations, net.biases, strict=True):
        w = next(arrays)
        z = a @ w  # (P, N, n_in) @ (P, n_in, n_out)
        if b is not None:
            z = z + next(arrays)[:, None, :]
        a = get_activation(name).value(z)
    return z, a


def loss_many(
    net: MLP,
    thetas: Array,
    X: Array,
    y: Array,
    loss: str = "mse",
    l1: float = 0.0,
    l2: float = 0.0,
    chunk: int = 256,
) -> Array:
    """The mean loss (plus penalty) at each of P parameter vectors, shape (P,)."""
    net.check_loss(loss)
    lossfn = get_loss(loss)
    y_t = prepare_targets(lossfn, y, net.sizes[-1])
    thetas = np.asarray(thetas, dtype=float)
    out = np.empty(len(thetas))
    n = max(len(y_t), 1)
    scale = lossfn.count(n, net.sizes[-1], "mean")
    for start in range(0, len(thetas), chunk):  # chunks bound the memory of (P, N, width)
        part = thetas[start : start + chunk]
        z, a = forward_many(net, part, X)
        p, n_rows, d = z.shape
        # Every (θ, example) pair is one row, so the loss runs once over all of them.
        y_rep = np.tile(y_t, (p, 1)) if y_t.ndim == 2 else np.tile(y_t, p)
        per = lossfn.per_example(z.reshape(-1, d), a.reshape(-1, d), y_rep)
        out[start : start + p] = per.reshape(p, n_rows).sum(axis=1) / scale
        if l1 or l2:
            out[start : start + p] += _penalty_many(net, part, l1, l2)
    return out


def _penalty_many(net: MLP, thetas: Array, l1: float, l2: float) -> Array:
    """λ1·Σ|w| + ½·λ2·Σw² for each θ (weights only, as in training)."""
    arrays = unflatten_many(net, thetas)
    weights = arrays[::2] if net.bias else arrays
    total = np.zeros(len(thetas))
    for w in weights:
        flat = w.reshape(len(thetas), -1)
        total += l1 * np.abs(flat).sum(axis=1) + 0.5 * l2 * (flat * flat).sum(axis=1)
    return total
