"""The loss at many parameter vectors at once, in double or (for pictures) single precision.

The maths is the engine's (``nnviz.engine.batched``); this module picks the precision and the
chunk size a landscape grid wants.
"""

from __future__ import annotations

import numpy as np

from nnviz.engine.batched import loss_many, penalty_many
from nnviz.engine.mlp import MLP

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
    dtype = np.float32 if precision == "single" else np.float64
    return loss_many(net, thetas, X, y, loss, l1, l2, chunk=chunk_size(net, len(X)), dtype=dtype)


__all__ = ["PRECISIONS", "chunk_size", "losses_at", "penalty_many"]
