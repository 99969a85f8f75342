"""The objective: what a network's loss depends on (architecture, data, loss, penalties)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.engine.batched import loss_many
from nnviz.engine.mlp import MLP

Array = np.ndarray
# Evaluate many θ in pieces of about this many activations (P·N·width): small enough to stay
# in the CPU cache, big enough that NumPy, not Python, does the work (about 2× faster than 256).
CHUNK_ELEMENTS = 1 << 17


def chunk_size(net: MLP, n_points: int) -> int:
    """How many parameter vectors to evaluate together for a dataset of ``n_points``."""
    return max(1, CHUNK_ELEMENTS // max(1, n_points * max(net.sizes[1:])))


@dataclass(frozen=True)
class Problem:
    """Everything a network's loss depends on except its weights: one value to pass around.

    The objective is, for flat parameters θ,

        L(θ) = mean_i loss(f(x_i; θ), y_i) + l1·Σ|w| + ½·l2·Σw²

    where the sums run over every weight (never a bias), exactly as in training
    (``nnviz.engine.regularization``). With ``reduction="sum"`` the data term is a sum.

    Parameters
    ----------
    net : the architecture (sizes, activations, bias). Functions given θ never read or change
        its weights; those that work "at the network's weights" say so (``value``,
        ``loss_and_grads``, ``check_gradients``, ``KnobObjective``).
    X, y : the data, shapes (N, n_in) and (N,) or (N, n_out).
    loss : the loss name (``mse``, ``log``, ``cross_entropy``, ``hinge``).
    l1, l2 : the penalty strengths λ1 and λ2.

    The fields are not copied: to use a problem on a job thread while training goes on, build
    it from copies (``net.copy()``, ``X.copy()``).
    """

    net: MLP
    X: Array
    y: Array
    loss: str
    l1: float = 0.0
    l2: float = 0.0

    def loss_at(self, thetas: Array, dtype: type = np.float64) -> Array:
        """L(θ_p) for every row θ_p of ``thetas`` (P, n_params), batched: shape (P,).

        The layers run in ``dtype`` (float32 is about twice as fast and plenty for a picture);
        the loss and the penalty are always summed in double precision.
        """
        chunk = chunk_size(self.net, len(self.X))
        args = (self.X, self.y, self.loss, self.l1, self.l2)
        return loss_many(self.net, thetas, *args, chunk=chunk, dtype=dtype)

    def value(self, net: MLP | None = None, reduction: str = "mean") -> float:
        """L at the weights ``net`` holds (default: ``self.net``'s own), by the engine."""
        net = self.net if net is None else net
        return net.loss(self.X, self.y, self.loss, self.l1, self.l2, reduction)

    def loss_and_grads(
        self, net: MLP | None = None, reduction: str = "mean"
    ) -> tuple[float, list[Array]]:
        """L and ∂L/∂p for every parameter p of ``net`` (default ``self.net``), by backprop."""
        net = self.net if net is None else net
        return net.loss_and_grads(self.X, self.y, self.loss, self.l1, self.l2, reduction)

    def gradient(self, theta: Array) -> Array:
        """∇L(θ) as one flat vector, by backprop on the whole data set (on a private copy)."""
        net = self.net.copy()
        net.set_flat(theta)
        _, grads = self.loss_and_grads(net)
        return np.concatenate([g.ravel() for g in grads])


__all__ = ["CHUNK_ELEMENTS", "Problem", "chunk_size"]
