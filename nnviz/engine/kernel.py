"""One training step's arithmetic (forward, loss, backprop) on one network or a stack of them.

Arrays may carry leading stack dimensions: weights (n_in, n_out) for one network or
(K, n_in, n_out) for an ensemble; ``np.matmul`` broadcasts over K. Gradients are written
straight into views of one flat gradient buffer, so an optimizer updates everything at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nnviz.engine.activations import Activation, get_activation
from nnviz.engine.losses import Loss, get_loss

Array = np.ndarray


class Kernel:
    """Forward and backward passes for one architecture (activations, bias, loss).

    Parameters
    ----------
    activations : one activation name per weight layer (the last is the output's).
    loss : the loss name; its mean divides by N (by N·D for MSE), as ``MLP`` does.
    """

    def __init__(self, activations: Sequence[str], loss: str) -> None:
        self.acts: list[Activation] = [get_activation(n) for n in activations]
        self.loss: Loss = get_loss(loss)

    def forward(
        self, weights: Sequence[Array], biases: Sequence[Array | None], X: Array
    ) -> tuple[list[Array], list[Array]]:
        """Every layer's z = a·W + b and a = act(z); ``acts[0]`` is X."""
        a, zs, outs = X, [], [X]
        for w, b, act in zip(weights, biases, self.acts, strict=True):
            z = _product(a, w)
            if b is not None:
                z += b
            a = act.value(z)
            zs.append(z)
            outs.append(a)
        return zs, outs

    def data_loss(self, z: Array, a: Array, y: Array, scale: float) -> Array:
        """Σ_examples loss / scale for each stacked network (shape: the stack dims)."""
        if z.ndim == 2:  # one network: no rows to fold (the common, hot case)
            return np.add.reduce(self.loss.per_example(z, a, y)) / scale
        per = self.loss.per_example(*_rows(self.loss, z, a, y))
        return np.add.reduce(per.reshape(z.shape[:-1]), axis=-1) / scale

    def output_delta(self, z: Array, a: Array, y: Array, scale: float) -> Array:
        """δ_L = dL/dz at the output, divided by the mean's count (p − y for sigmoid + log)."""
        if z.ndim == 2:
            return self.loss.grad_z(z, a, y, self.acts[-1]) / scale
        grad = self.loss.grad_z(*_rows(self.loss, z, a, y), self.acts[-1])
        return grad.reshape(z.shape) / scale

    def backward(
        self,
        weights: Sequence[Array],
        zs: Sequence[Array],
        outs: Sequence[Array],
        delta: Array,
        grad_w: Sequence[Array],
        grad_b: Sequence[Array | None],
    ) -> None:
        """Backprop δ through every layer, writing dL/dW = aᵀ·δ and dL/db = Σ_rows δ in place.

        Going back a layer: δ_prev = (δ·Wᵀ) ⊙ act'(z_prev).
        """
        for layer in range(len(weights) - 1, -1, -1):
            # (np.add.reduce is np.sum without its Python wrapper: same numbers, less overhead)
            _product(outs[layer].mT, delta, out=grad_w[layer])
            gb = grad_b[layer]
            if gb is not None:
                np.add.reduce(delta, axis=-2, out=gb, keepdims=gb.ndim == delta.ndim)
            if layer > 0:
                grad_a = _product(delta, weights[layer].mT)
                delta = self.acts[layer - 1].backward(zs[layer - 1], outs[layer], grad_a)


def _product(a: Array, b: Array, out: Array | None = None) -> Array:
    """a·b, batched over leading dimensions; np.dot for plain matrices (less overhead)."""
    if a.ndim == 2 and b.ndim == 2:
        return a.dot(b, out)  # the method skips np.dot's dispatch layer
    return np.matmul(a, b, out=out)


def _rows(loss: Loss, z: Array, a: Array, y: Array) -> tuple[Array, Array, Array]:
    """Stacked outputs as plain rows (…·N, D) and the labels repeated to match, for the loss.

    Labels are (…, N) class indices for cross-entropy, (…, N, D) targets otherwise; missing
    leading dimensions mean every network shares them.
    """
    if z.ndim == 2:
        return z, a, y
    d = z.shape[-1]
    if loss.name == "cross_entropy":
        return z.reshape(-1, d), a.reshape(-1, d), np.broadcast_to(y, z.shape[:-1]).reshape(-1)
    return z.reshape(-1, d), a.reshape(-1, d), np.broadcast_to(y, z.shape).reshape(-1, d)
