"""Evaluate one architecture at many parameter vectors at once (for loss landscapes)."""

from __future__ import annotations

import numpy as np

from nnviz.engine.activations import get_activation
from nnviz.engine.losses import get_loss, prepare_targets
from nnviz.engine.mlp import MLP
from nnviz.text import _

Array = np.ndarray


def unflatten_many(net: MLP, thetas: Array) -> list[Array]:
    """Split (P, n_params) vectors into arrays shaped (P, *param.shape), in params order."""
    thetas = np.asarray(thetas, dtype=float)
    if thetas.ndim != 2 or thetas.shape[1] != net.n_params:
        raise ValueError(
            _(
                "expected shape (P, {n_params}), got {thetas_shape}",
                n_params=net.n_params,
                thetas_shape=thetas.shape,
            )
        )
    out, i = [], 0
    for p in net.params:
        out.append(thetas[:, i : i + p.size].reshape((len(thetas), *p.shape)))
        i += p.size
    return out


def forward_many(
    net: MLP, thetas: Array, X: Array, dtype: type = np.float64, output: bool = True
) -> tuple[Array, Array]:
    """Output z and a of ``net``'s architecture at every θ: shapes (P, N, n_out).

    One batched matrix product per layer instead of a Python loop over θ. ``dtype`` is the
    precision the layers run in (float32 is about twice as fast and plenty for a picture);
    with ``output=False`` the last activation is skipped and ``a`` is the last hidden layer's
    (log loss and cross-entropy read the logits z alone).
    """
    arrays = iter(unflatten_many(net, thetas))
    a: Array = np.asarray(X, dtype=dtype)  # (N, n_in); the first product broadcasts over θ
    z = a
    last = net.n_layers - 1
    for layer, (name, b) in enumerate(zip(net.activations, net.biases, strict=True)):
        z = a @ next(arrays).astype(dtype, copy=False)  # (…, N, n_in) @ (P, n_in, n_out)
        if b is not None:
            z = z + next(arrays).astype(dtype, copy=False)[:, None, :]
        if layer < last or output:
            a = np.asarray(get_activation(name).value(z), dtype=dtype)
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
    dtype: type = np.float64,
) -> Array:
    """The mean loss (plus penalty) at each of P parameter vectors, shape (P,).

    L(θ) = mean_i loss(f(x_i; θ), y_i) + λ1·Σ|w| + ½·λ2·Σw² (weights only, as in training).
    The layers run in ``dtype``; the loss itself and the penalty always in double precision.
    """
    net.check_loss(loss)
    lossfn = get_loss(loss)
    y_t = prepare_targets(lossfn, y, net.sizes[-1])
    thetas = np.asarray(thetas, dtype=float)
    out = np.empty(len(thetas))
    n = max(len(y_t), 1)
    scale = lossfn.count(n, net.sizes[-1], "mean")
    for start in range(0, len(thetas), chunk):  # chunks bound the memory of (P, N, width)
        part = thetas[start : start + chunk]
        # Log loss and cross-entropy are computed from the logits z alone (for stability), so
        # their output activation (the sigmoid or softmax they need) is skipped; MSE and hinge
        # read the output a.
        from_logits = lossfn.needs_output is not None
        z, a = forward_many(net, part, X, dtype, output=not from_logits)
        p, n_rows, d = z.shape
        # Every (θ, example) pair is one row, so the loss runs once over all of them.
        y_rep = np.tile(y_t, (p, 1)) if y_t.ndim == 2 else np.tile(y_t, p)
        z64 = z.reshape(-1, d).astype(float, copy=False)
        a64 = None if from_logits else a.reshape(-1, d).astype(float, copy=False)
        per = lossfn.per_example(z64, a64, y_rep)  # type: ignore[arg-type]
        out[start : start + p] = per.reshape(p, n_rows).sum(axis=1) / scale
    if l1 or l2:
        out += penalty_many(net, thetas, l1, l2)
    return out


def penalty_many(net: MLP, thetas: Array, l1: float = 0.0, l2: float = 0.0) -> Array:
    """λ1·Σ|w| + ½·λ2·Σw² for each θ (weights only, as in training: biases never)."""
    arrays = unflatten_many(net, thetas)
    weights = arrays[::2] if net.bias else arrays
    total = np.zeros(len(thetas))
    for w in weights:
        flat = w.reshape(len(thetas), -1)
        total += l1 * np.abs(flat).sum(axis=1) + 0.5 * l2 * (flat * flat).sum(axis=1)
    return total
