"""The loss at many parameter vectors at once, in double or (for pictures) single precision."""

from __future__ import annotations

import numpy as np

from nnviz.engine.activations import get_activation
from nnviz.engine.batched import loss_many, unflatten_many
from nnviz.engine.losses import get_loss, prepare_targets
from nnviz.engine.mlp import MLP
from nnviz.landscape.params import weight_mask

Array = np.ndarray
PRECISIONS = ("single", "double")
# Work in pieces of about this many activations (P·N·width): small enough to stay in the CPU
# cache, big enough that NumPy, not Python, does the work (about 2× faster than 256 θ).
CHUNK_ELEMENTS = 1 << 17


def chunk_size(net: MLP, n_points: int) -> int:
    """How many parameter vectors to evaluate together for a dataset of ``n_points``."""
    return max(1, CHUNK_ELEMENTS // max(1, n_points * max(net.sizes[1:])))


def losses_at(
    net: MLP,
    thetas: Array,
    X: Array,
    y: Array,
    loss: str = "mse",
    l1: float = 0.0,
    l2: float = 0.0,
    precision: str = "double",
) -> Array:
    """L(θ_p) for every row θ_p of ``thetas`` (P, n_params): the data loss plus the penalty.

    L(θ) = mean_i loss(f(x_i; θ), y_i) + λ1·Σ|w| + ½·λ2·Σw² (weights only, as in training).

    ``net`` supplies only the architecture; its own weights are not read or changed, so a
    job may evaluate while training moves on. ``precision="double"`` is the engine's
    ``loss_many`` exactly; ``"single"`` runs the layers in float32 (agrees to about 1e-6
    relative and is about 2× faster: a picture needs no more digits).
    """
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}, not {precision!r}")
    thetas = np.asarray(thetas, dtype=float)
    if thetas.ndim != 2 or thetas.shape[1] != net.n_params:
        raise ValueError(f"expected parameter vectors of shape (P, {net.n_params})")
    chunk = chunk_size(net, len(X))
    if precision == "double":
        return loss_many(net, thetas, X, y, loss, l1, l2, chunk=chunk)
    net.check_loss(loss)
    out = np.empty(len(thetas))
    for start in range(0, len(thetas), chunk):
        part = thetas[start : start + chunk]
        out[start : start + chunk] = _data_loss_single(net, part, X, y, loss)
    if l1 or l2:
        out += penalty_many(net, thetas, l1, l2)
    return out


def _data_loss_single(net: MLP, thetas: Array, X: Array, y: Array, loss: str) -> Array:
    """The mean data loss at each θ, with the layers computed in float32."""
    lossfn = get_loss(loss)
    y_t = prepare_targets(lossfn, y, net.sizes[-1])
    a = np.asarray(X, dtype=np.float32)
    arrays = iter(unflatten_many(net, thetas))
    z = a
    last = net.n_layers - 1
    for layer, (name, b) in enumerate(zip(net.activations, net.biases, strict=True)):
        z = a @ next(arrays).astype(np.float32)  # (N, n_in) or (P, N, n_in) @ (P, n_in, n_out)
        if b is not None:
            z += next(arrays).astype(np.float32)[:, None, :]
        if layer < last or not lossfn.needs_output:
            a = np.asarray(get_activation(name).value(z), dtype=np.float32)
    p, n_rows, d = z.shape
    # The loss itself (one row per example and θ) runs in double precision. Log loss and
    # cross-entropy are computed from the logits z alone (for stability), so for them the
    # output activation above was skipped and ``a`` is not passed.
    z64 = z.reshape(-1, d).astype(float)
    a64 = None if lossfn.needs_output else a.reshape(-1, d).astype(float)
    y_rep = np.tile(y_t, (p, 1)) if y_t.ndim == 2 else np.tile(y_t, p)
    per = lossfn.per_example(z64, a64, y_rep).reshape(p, n_rows)  # type: ignore[arg-type]
    return per.sum(axis=1) / lossfn.count(max(n_rows, 1), d, "mean")


def penalty_many(net: MLP, thetas: Array, l1: float = 0.0, l2: float = 0.0) -> Array:
    """λ1·Σ|w| + ½·λ2·Σw² at each θ, over the weights only (biases are never penalised)."""
    w = np.asarray(thetas, dtype=float)[:, weight_mask(net)]
    return l1 * np.abs(w).sum(axis=1) + 0.5 * l2 * (w * w).sum(axis=1)
