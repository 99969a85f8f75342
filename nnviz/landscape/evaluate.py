"""The loss at many parameter vectors at once, in double or (for pictures) single precision.

The maths and the chunk size are the engine's (``Problem.loss_at``); this module checks the
input and names the precision a landscape grid wants.
"""

from __future__ import annotations

import numpy as np

from nnviz.engine.batched import penalty_many
from nnviz.engine.problem import Problem, chunk_size
from nnviz.text import _

Array = np.ndarray
PRECISIONS = ("single", "double")


def losses_at(problem: Problem, thetas: Array, precision: str = "double") -> Array:
    """L(θ_p) for every row θ_p of ``thetas`` (P, n_params): the data loss plus the penalty.

    L(θ) = mean_i loss(f(x_i; θ), y_i) + λ1·Σ|w| + ½·λ2·Σw² (weights only, as in training).

    ``problem.net`` supplies only the architecture; its own weights are not read or changed,
    so a job may evaluate while training moves on. ``precision="double"`` is the engine's
    ``loss_many`` exactly; ``"single"`` runs the layers in float32 (agrees to about 1e-6
    relative and is about 2× faster: a picture needs no more digits).
    """
    if precision not in PRECISIONS:
        raise ValueError(
            _(
                "precision must be one of {precisions}, not {precision!r}",
                precisions=PRECISIONS,
                precision=precision,
            )
        )
    thetas = np.asarray(thetas, dtype=float)
    n_params = problem.net.n_params
    if thetas.ndim != 2 or thetas.shape[1] != n_params:
        raise ValueError(
            _("expected parameter vectors of shape (P, {n_params})", n_params=n_params)
        )
    return problem.loss_at(thetas, np.float32 if precision == "single" else np.float64)


__all__ = ["PRECISIONS", "chunk_size", "losses_at", "penalty_many"]
