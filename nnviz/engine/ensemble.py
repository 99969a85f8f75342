"""Many MLPs of one architecture trained at once: stacked weights, one batched matmul per layer.

Member k's layer l has weights ``W[k]`` of shape (n_in, n_out), padded to the widest member
with zeros. The padded units' gradients are masked to zero, so their weights stay exactly 0
and never reach an output: every member trains exactly as it would alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.engine.ensemble_layout import Layout
from nnviz.engine.kernel import Kernel
from nnviz.engine.losses import prepare_targets
from nnviz.engine.mlp import MLP
from nnviz.engine.optimizers import make_optimizer
from nnviz.engine.updates import RULES
from nnviz.text import _

Array = np.ndarray


@dataclass(frozen=True)
class Member:
    """One network of an ensemble: its hidden widths, seeds and its own training settings.

    ``seed`` draws the initial weights (as ``MLP(..., seed=seed)``); ``shuffle_seed`` orders the
    mini-batches (as ``Trainer(..., seed=shuffle_seed)``) and defaults to ``seed``.
    """

    hidden: tuple[int, ...]
    seed: int = 0
    lr: float = 0.01
    l1: float = 0.0
    l2: float = 0.0
    shuffle_seed: int | None = None


@dataclass(frozen=True)
class EnsembleHistory:
    """Per step and member: the loss (with penalty) and accuracy before that step's update."""

    losses: Array  # (steps, K)
    accuracies: Array  # (steps, K); NaN when not classifying


class Ensemble:
    """K networks trained together; same activations, loss and optimizer rule for all.

    Parameters
    ----------
    n_in, n_out : input and output widths (shared).
    members : one ``Member`` each; all need the same number of hidden layers.
    activation, output, bias, init, init_scale : as for ``MLP``.
    loss : ``mse``, ``log``, ``cross_entropy`` or ``hinge`` (mean over the batch).
    optimizer, optimizer_options : as for ``make_optimizer``; the lr is each member's own.
    dtype : float64 (the default) trains exactly as ``MLP``; float32 is several times faster
        on wide stacks and plenty for a sweep's picture (the loss is still summed in float64).

    Unlike ``Trainer`` there is no divergence rescue: a member that blows up reports an
    infinite or NaN loss from then on; the others are untouched (no arithmetic mixes members).
    """

    def __init__(
        self,
        n_in: int,
        n_out: int,
        members: Sequence[Member],
        activation: str = "tanh",
        output: str = "identity",
        bias: bool = True,
        init: str = "uniform",
        init_scale: float = 1.0,
        loss: str = "mse",
        optimizer: str = "sgd",
        optimizer_options: dict | None = None,
        dtype: type = np.float64,
    ) -> None:
        self.members = list(members)
        if not self.members:
            raise ValueError(_("an ensemble needs at least one member"))
        nets = [
            MLP([n_in, *m.hidden, n_out], activation, output, bias, init, m.seed, init_scale)
            for m in self.members
        ]
        nets[0].check_loss(loss)
        self.layout = Layout([net.sizes for net in nets], bias)
        self.kernel = Kernel(nets[0].activations, loss, reuse=True)
        self.theta: Array = self.layout.pack([net.params for net in nets]).astype(dtype)
        self.grad = np.zeros_like(self.theta)
        self.weights, self.biases = self.layout.views(self.theta)
        self.grad_w, self.grad_b = self.layout.views(self.grad)
        self.lr, self.l1, self.l2 = (self._rates(key, dtype) for key in ("lr", "l1", "l2"))
        _check_rates(self.lr, self.l1, self.l2)
        # Build one real optimizer: it validates the options and resolves "momentum" etc.
        opts = {**(optimizer_options or {}), "lr": float(self.lr.max(initial=0.0))}
        probe = make_optimizer(optimizer, [np.zeros(1)], **opts)
        self.rule, self.hyper = RULES[probe.name], dict(probe.hyper)
        self.state: dict[str, Array] = {}
        self.steps = 0

    def _rates(self, key: str, dtype: type) -> Array:
        """Every member's ``key`` (lr, l1 or l2) as a (K, 1) column."""
        return np.array([float(getattr(m, key)) for m in self.members], dtype=dtype)[:, None]

    @property
    def size(self) -> int:
        """K, the number of member networks."""
        return len(self.members)

    def member_params(self, k: int) -> list[Array]:
        """Member k's parameters, unpadded, as copies in ``MLP.params`` order."""
        return self.layout.unpack(self.theta[k], k)

    def member_net(self, k: int) -> MLP:
        """Member k as a stand-alone ``MLP`` (for drawing it or continuing alone)."""
        sizes = self.layout.sizes[k]
        acts = [a.name for a in self.kernel.acts]
        net = MLP(sizes, acts[:-1], acts[-1], self.layout.bias, seed=self.members[k].seed)
        net.set_params(self.member_params(k))
        return net

    def step(self, X: Array, y_t: Array, labels: Array | None = None) -> tuple[Array, Array]:
        """One gradient step for every member on its batch; returns (losses, accuracies).

        ``X`` is (N, n_in) shared by all or (K, B, n_in) per member; ``y_t`` the matching
        prepared targets. Loss L_k = mean loss + λ1·Σ|w| + ½·λ2·Σw², measured before the update.
        """
        k = self.kernel
        zs, outs = k.forward(self.weights, self.biases, X)
        scale = k.loss.count(max(X.shape[-2], 1), self.layout.n_out, "mean")
        losses = k.data_loss(zs[-1], outs[-1], y_t, scale)
        delta = k.output_delta(zs[-1], outs[-1], y_t, scale).astype(self.theta.dtype, copy=False)
        k.backward(self.weights, zs, outs, delta, self.grad_w, self.grad_b)
        if self.l1.any() or self.l2.any():
            losses = losses + self._penalise()
        self.grad *= self.layout.mask  # padded units get no gradient, so they stay exactly 0
        self.steps += 1
        self.rule(self.theta, self.grad, self.state, self.steps, self.lr, self.hyper)
        acc = _accuracy(outs[-1], labels, k.loss.name) if labels is not None else None
        return losses, acc if acc is not None else np.full(self.size, np.nan)

    def evaluate(self, X: Array, y: Array, classification: bool = True) -> tuple[Array, Array]:
        """Every member's loss (with penalty) and accuracy on (X, y), without training."""
        k = self.kernel
        X = np.asarray(X, dtype=self.theta.dtype)
        y_t = prepare_targets(k.loss, y, self.layout.n_out)
        zs, outs = k.forward(self.weights, self.biases, X)
        scale = k.loss.count(max(X.shape[-2], 1), self.layout.n_out, "mean")
        losses = k.data_loss(zs[-1], outs[-1], y_t, scale)
        for w in self.weights:
            losses = losses + self.l1[:, 0] * np.abs(w).sum(axis=(1, 2))
            losses = losses + 0.5 * self.l2[:, 0] * (w * w).sum(axis=(1, 2))
        if not classification:
            return losses, np.full(self.size, np.nan)
        return losses, _accuracy(outs[-1], np.asarray(y).reshape(len(X)), k.loss.name)

    def _penalise(self) -> Array:
        """Add λ1·sign(w) + λ2·w to each dL/dW; return each member's λ1·Σ|w| + ½·λ2·Σw²."""
        l1, l2 = self.l1[:, :, None], self.l2[:, :, None]
        total = np.zeros(self.size)
        for w, gw in zip(self.weights, self.grad_w, strict=True):
            gw += l1 * np.sign(w) + l2 * w
            total += self.l1[:, 0] * np.abs(w).sum(axis=(1, 2))
            total += 0.5 * self.l2[:, 0] * (w * w).sum(axis=(1, 2))
        return total

    def fit(
        self,
        X: Array,
        y: Array,
        steps: int,
        batch_size: int | None = None,
        classification: bool = True,
    ) -> EnsembleHistory:
        """Train every member ``steps`` gradient steps; full-batch unless ``batch_size``.

        Mini-batches follow ``Trainer``: per epoch each member draws ``rng.permutation(N)``
        from ``default_rng(shuffle_seed)``; the last batch of an epoch may be smaller.
        """
        X = np.asarray(X, dtype=self.theta.dtype)
        y_t = prepare_targets(self.kernel.loss, y, self.layout.n_out)
        labels = np.asarray(y).reshape(len(X)) if classification else None
        losses, accs = np.empty((steps, self.size)), np.empty((steps, self.size))
        batches = _batches(self, len(X), batch_size)
        for t in range(steps):
            rows = next(batches)
            if rows is None:
                losses[t], accs[t] = self.step(X, y_t, labels)
            else:
                lab = None if labels is None else labels[rows]
                losses[t], accs[t] = self.step(X[rows], y_t[rows], lab)
        return EnsembleHistory(losses, accs)


def _batches(ens: Ensemble, n: int, batch_size: int | None):
    """Row indices (K, B) of each member's next mini-batch, forever (None = full batch)."""
    if batch_size is None:
        while True:
            yield None
    seeds = [m.seed if m.shuffle_seed is None else m.shuffle_seed for m in ens.members]
    rngs = [np.random.default_rng(s) for s in seeds]
    while True:
        orders = np.stack([rng.permutation(n) for rng in rngs])
        for start in range(0, n, int(batch_size)):
            yield orders[:, start : start + int(batch_size)]


def _accuracy(output: Array, labels: Array, loss: str) -> Array:
    """Each member's share of correctly classified rows (as ``metrics.accuracy``)."""
    if output.shape[-1] > 1:
        pred = np.argmax(output, axis=-1)
    else:
        pred = (output[..., 0] > (0.0 if loss == "hinge" else 0.5)).astype(int)
    truth = (labels > 0).astype(int) if loss == "hinge" else labels.astype(int)
    return (pred == truth).mean(axis=-1)


def _check_rates(lr: Array, l1: Array, l2: Array) -> None:
    for name, v in ((_("learning rate"), lr), ("L1 rate", l1), ("L2 rate", l2)):
        if not np.all(np.isfinite(v)) or np.any(v < 0):
            raise ValueError(_("every member's {name} must be a finite number ≥ 0", name=name))
