"""One network's training step, prepared once per data and settings instead of once per batch.

The inputs and labels are checked and converted once; every gradient is written into one
flat buffer (in ``MLP.params`` order) that the optimizer consumes in a single fused update.
The arithmetic is the same as ``MLP.loss_and_grads``, so the numbers are bit-identical.
"""

from __future__ import annotations

import math

import numpy as np

from nnviz.engine.kernel import Kernel
from nnviz.engine.losses import prepare_targets
from nnviz.engine.metrics import accuracy
from nnviz.engine.mlp import MLP, _as_batch
from nnviz.engine.optimizers import Optimizer, _shared_base
from nnviz.engine.regularization import penalty, penalty_grad
from nnviz.text import _

Array = np.ndarray


class PreparedStep:
    """Loss, gradients and evaluation for ``net`` on fixed data with fixed loss and penalties.

    Only usable while ``net``'s parameters are views of ``net.buffer`` (``usable``).
    """

    def __init__(self, net: MLP, loss: str, l1: float, l2: float) -> None:
        net.check_loss(loss)
        self.net, self.loss_name, self.l1, self.l2 = net, loss, float(l1), float(l2)
        self.kernel = Kernel(net.activations, loss)
        self.theta = net.buffer
        self.usable = _shared_base(net.params) is self.theta
        self.grad = np.zeros_like(self.theta)
        self.saved, self.update = np.zeros_like(self.theta), np.zeros_like(self.theta)
        self.grad_w, self.grad_b = _views_like(net, self.grad)
        self.split_bounds = np.cumsum([0] + [p.size for p in net.params]).tolist()
        # The trainer's splits as ``data`` returns them (the test split prepared when needed).
        self.train_data: tuple[Array, Array] | None = None
        self.test_data: tuple[Array, Array] | None = None

    def data(self, X: Array, y: Array) -> tuple[Array, Array]:
        """Inputs as float rows and labels as the loss wants them (checked once, here)."""
        X = _as_batch(X, self.net.sizes[0]) if len(X) else np.zeros((0, self.net.sizes[0]))
        y_t = prepare_targets(self.kernel.loss, y, self.net.sizes[-1])
        if len(y_t) != len(X):
            raise ValueError(
                _("{inputs} inputs but {labels} labels", inputs=len(X), labels=len(y_t))
            )
        return X, y_t

    def loss_and_grad(self, X: Array, y_t: Array) -> float:
        """The batch loss plus penalty; its gradient lands in ``self.grad`` (params order).

        Backprop as in ``MLP.loss_and_grads``; L1/L2 add λ1·sign(w) + λ2·w to each dL/dW.
        """
        net, k = self.net, self.kernel
        zs, outs = k.forward(net.weights, net.biases, X)
        scale = k.loss.count(max(len(X), 1), net.sizes[-1], "mean")
        value = float(k.data_loss(zs[-1], outs[-1], y_t, scale))
        delta = k.output_delta(zs[-1], outs[-1], y_t, scale)
        k.backward(net.weights, zs, outs, delta, self.grad_w, self.grad_b)
        if not (self.l1 or self.l2):
            return value + 0.0  # (as MLP.loss_and_grads adds its zero penalty)
        for w, gw in zip(net.weights, self.grad_w, strict=True):
            gw += penalty_grad(w, self.l1, self.l2)
        return value + penalty(net.weights, self.l1, self.l2)

    def step(self, optimizer: Optimizer, X: Array, y_t: Array, limit: float) -> tuple[float, bool]:
        """One training step on a batch: (its loss, whether it stayed finite and below limit).

        On failure θ is put back as it was; on success ``update`` holds θ_new − θ_old.
        """
        theta, saved = self.theta, self.saved
        np.copyto(saved, theta)
        loss = self.loss_and_grad(X, y_t)
        # (the reductions are .all() and .max() minus their Python wrappers)
        if math.isfinite(loss) and np.logical_and.reduce(np.isfinite(self.grad)):
            optimizer.step_flat(self.grad)
            if np.maximum.reduce(np.abs(theta)) < limit:
                np.subtract(theta, saved, out=self.update)
                return loss, True
        theta[...] = saved
        return loss, False

    def evaluate(self, X: Array, y_t: Array, y_raw: Array, classification: bool):
        """(loss with penalty, accuracy or NaN) from one forward pass over a whole split."""
        net, k = self.net, self.kernel
        zs, outs = k.forward(net.weights, net.biases, X)
        scale = k.loss.count(max(len(X), 1), net.sizes[-1], "mean")
        value = float(k.data_loss(zs[-1], outs[-1], y_t, scale))
        value += penalty(net.weights, self.l1, self.l2)
        acc = accuracy(outs[-1], y_raw, self.loss_name) if classification else float("nan")
        return value, acc

    def split(self, flat: Array) -> list[Array]:
        """A flat vector in params order cut into arrays shaped like ``net.params``."""
        b = self.split_bounds
        return [flat[b[i] : b[i + 1]].reshape(p.shape) for i, p in enumerate(self.net.params)]


def _views_like(net: MLP, flat: Array) -> tuple[list[Array], list[Array | None]]:
    """Views of ``flat`` shaped like the net's weights and biases, in params order."""
    grad_w: list[Array] = []
    grad_b: list[Array | None] = []
    i = 0
    for w, b in zip(net.weights, net.biases, strict=True):
        grad_w.append(flat[i : i + w.size].reshape(w.shape))
        i += w.size
        grad_b.append(None if b is None else flat[i : i + b.size].reshape(b.shape))
        i += 0 if b is None else b.size
    return grad_w, grad_b
