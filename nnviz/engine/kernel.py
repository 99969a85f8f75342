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

    def __init__(self, activations: Sequence[str], loss: str, reuse: bool = False) -> None:
        self.acts: list[Activation] = [get_activation(n) for n in activations]
        self.loss: Loss = get_loss(loss)
        # With reuse, every z, a and δ lives in an array kept from the last step. Stacked
        # arrays are big, and asking the system for fresh memory each step costs more than
        # the arithmetic; the results of one step must then be used before the next.
        self.reuse = reuse
        self._work: dict[tuple, tuple[tuple, Array]] = {}

    def _buffer(self, key: str, layer: int, like: tuple[Array, Array]) -> Array:
        """A kept array shaped like a·b's result, for ``key`` at ``layer``."""
        a, b = like
        found = self._work.get((key, layer))
        if found is not None and found[0] == (a.shape, b.shape, a.dtype, b.dtype):
            return found[1]  # the usual case: the same shapes as last step
        shape = (*np.broadcast_shapes(a.shape[:-2], b.shape[:-2]), a.shape[-2], b.shape[-1])
        buf = np.empty(shape, np.result_type(a, b))
        self._work[(key, layer)] = ((a.shape, b.shape, a.dtype, b.dtype), buf)
        return buf

    def forward(
        self, weights: Sequence[Array], biases: Sequence[Array | None], X: Array
    ) -> tuple[list[Array], list[Array]]:
        """Every layer's z = a·W + b and a = act(z); ``acts[0]`` is X."""
        if self.reuse:
            return self._forward_kept(weights, biases, X)
        a, zs, outs = X, [], [X]
        for w, b, act in zip(weights, biases, self.acts, strict=True):
            z = _product(a, w)
            if b is not None:
                z += b
            a = act.value(z)
            zs.append(z)
            outs.append(a)
        return zs, outs

    def _forward_kept(
        self, weights: Sequence[Array], biases: Sequence[Array | None], X: Array
    ) -> tuple[list[Array], list[Array]]:
        """``forward`` writing every z (and a, for tanh) into arrays kept between steps."""
        a, zs, outs = X, [], [X]
        for layer, (w, b, act) in enumerate(zip(weights, biases, self.acts, strict=True)):
            z = _product(a, w, self._buffer("z", layer, (a, w)))
            if b is not None:
                z += b
            if isinstance(act.value, np.ufunc):  # tanh: straight into a kept array
                a = act.value(z, out=self._buffer("a", layer, (z, z[..., :1, :])))
            else:
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

    def _ones(self, delta: Array) -> Array:
        """A cached (1, N) row of ones in δ's precision, to sum δ over rows by a product."""
        n, dtype = delta.shape[-2], delta.dtype
        ones = getattr(self, "_ones_row", None)
        if ones is None or ones.shape[-1] != n or ones.dtype != dtype:
            ones = self._ones_row = np.ones((1, n), dtype=dtype)
        return ones

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
            if gb is not None and delta.ndim == 2:
                np.add.reduce(delta, axis=0, out=gb)
            elif gb is not None:  # Σ over a stack's rows as 1ᵀ·δ: one batched product
                np.matmul(self._ones(delta), delta, out=gb)
            if layer > 0:
                w_t = weights[layer].mT
                act, z, a = self.acts[layer - 1], zs[layer - 1], outs[layer]
                if self.reuse:
                    grad_a = _product(delta, w_t, self._buffer("grad_a", layer, (delta, w_t)))
                    work = self._buffer("slope", layer, (delta, w_t))
                    delta = act.backward_into(z, a, grad_a, work)
                else:
                    delta = act.backward(z, a, _product(delta, w_t))


def _product(a: Array, b: Array, out: Array | None = None) -> Array:
    """a·b, batched over leading dimensions; np.dot for plain matrices (less overhead)."""
    if a.ndim == 2 and b.ndim == 2:
        return a.dot(b, out)  # the method skips np.dot's dispatch layer
    if a.shape[-1] == 1:  # an outer product: one multiplication per entry (the same numbers
        return np.multiply(a, b, out=out)  # as matmul, which is slow for stacks of these)
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
