"""Depth and trainability: a 10-layer tanh net trains from Xavier's scale, not from half of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.data import make_dataset
from nnviz.engine import MLP, make_optimizer
from nnviz.remember import remembered

Array = np.ndarray
LN2 = float(np.log(2.0))  # the log loss of always answering p = ½


@dataclass(frozen=True)
class DepthRun:
    """One initial scale: gradient norms at initialisation and the training loss curve.

    ``grad_norm_by_layer`` lists ‖∂L/∂W_l‖ for l = 1 (first, next to the inputs) to L
    (the output layer); ``losses`` holds the loss before each gradient step.
    """

    scale: float
    grad_norm_by_layer: tuple[float, ...]
    losses: Array
    final_loss: float
    accuracy: float


def depth_data(dataset: str = "xor", n: int = 200, noise: float = 0.1, seed: int = 0):
    """A 2-class task, inputs divided by 3 so the plane's ±6 becomes about ±2 (tanh's range)."""
    ds = make_dataset(dataset, n=n, noise=noise, seed=seed)
    return ds.X / 3.0, ds.y.astype(float)


def deep_net(depth: int, width: int, scale: float, seed: int) -> MLP:
    """``depth`` weight layers of tanh (sigmoid output), Xavier weights times ``scale``."""
    sizes = [2] + [width] * (depth - 1) + [1]
    return MLP(sizes, "tanh", "sigmoid", init="xavier", seed=seed, init_scale=scale)


def train_depth(
    scale: float,
    depth: int = 10,
    width: int = 16,
    steps: int = 400,
    lr: float = 0.5,
    seed: int = 0,
    data: tuple[Array, Array] | None = None,
) -> DepthRun:
    """Full-batch gradient descent θ ← θ − η·∂L/∂θ on the mean log loss, from one scale.

    Backprop multiplies the error signal by Wᵀ and by tanh'(z) ≤ 1 at every layer going back.
    Xavier's scale keeps that product near 1 per layer; at half the scale each layer shrinks
    both the forward signal and the backward gradient by roughly ½, so after ten layers the
    output is ≈ ½ for every input (loss ln 2) and every gradient is about 1/100 of Xavier's:
    plain gradient descent barely moves.
    """
    X, y = depth_data() if data is None else data
    net = deep_net(depth, width, scale, seed)
    _, grads = net.loss_and_grads(X, y, loss="log")
    weight_grads = grads[0::2]  # params are [W1, b1, W2, b2, …]: the weights only
    norms = tuple(float(np.linalg.norm(g)) for g in weight_grads)
    opt = make_optimizer("sgd", net.params, lr=lr)
    losses = np.empty(steps + 1)
    for step in range(steps):
        losses[step], grads = net.loss_and_grads(X, y, loss="log")
        opt.step(grads)
    losses[steps] = net.loss(X, y, loss="log")
    accuracy = float(np.mean((net.forward(X)[:, 0] > 0.5) == (y > 0.5)))
    return DepthRun(float(scale), norms, losses, float(losses[steps]), accuracy)


@remembered()
def depth_experiment(
    scales: Sequence[float] = (0.5, 1.0),
    depth: int = 10,
    width: int = 16,
    steps: int = 400,
    lr: float = 0.5,
    dataset: str = "xor",
    seed: int = 0,
) -> dict[float, DepthRun]:
    """The same net, data and seed trained from each initial scale (× Xavier)."""
    data = depth_data(dataset, seed=seed)
    return {s: train_depth(s, depth, width, steps, lr, seed, data) for s in scales}
