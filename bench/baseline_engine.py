"""FROZEN REFERENCE: the engine's per-batch training path as it was before the flat-buffer engine.

Copied from commit fc01c6b (``nnviz/engine/mlp.py``, ``optimizers.py``, ``trainer.py``,
``activations.sigmoid``, ``losses._log``) so ``bench/engine.py`` can time today's code against it
in the same process. Do not optimise this file: it is the baseline the speed-up is measured
against. Only the parts the default Playground epoch runs are kept (tanh hidden layers, a
sigmoid output, log loss, plain SGD, a train and a test split).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from nnviz.engine.activations import ACTIVATIONS
from nnviz.engine.history import History
from nnviz.engine.losses import REDUCTIONS, Loss, get_loss, prepare_targets
from nnviz.engine.metrics import accuracy
from nnviz.engine.mlp import MLP, ForwardRecord, _as_batch
from nnviz.engine.regularization import penalty, penalty_grad
from nnviz.engine.trainer import StepEvent, TrainConfig

WEIGHT_LIMIT = 1e6


def sigmoid(z):
    """σ(z) as it was: boolean masks pick the overflow-safe formula per sign."""
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def softplus(x):
    """log(1 + e^x) as it was."""
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def log_per_example(z, a, y):
    """The log loss per example as it was (two softplus calls)."""
    return np.sum(np.where(y > 0.5, softplus(-z), softplus(z)), axis=1)


class BaselineNet:
    """Today's MLP forward/backward, verbatim (per-array lists, re-validated on every call)."""

    def __init__(self, net: MLP) -> None:
        self.net = net
        self.n_layers = net.n_layers

    def forward_record(self, X):
        a = _as_batch(X, self.net.sizes[0])
        zs, acts = [], [a]
        for w, b, name in zip(self.net.weights, self.net.biases, self.net.activations, strict=True):
            z = a @ w if b is None else a @ w + b
            a = frozen_activation(name).value(z)
            zs.append(z)
            acts.append(a)
        return ForwardRecord(zs, acts)

    def forward(self, X):
        return self.forward_record(X).output

    def loss_and_grads(self, X, y, loss="mse", l1=0.0, l2=0.0, reduction="mean"):
        net = self.net
        value, rec, lossfn, y_t, scale = self._data_loss(X, y, loss, reduction)
        out_act = frozen_activation(net.activations[-1])
        delta = lossfn.grad_z(rec.zs[-1], rec.output, y_t, out_act) / scale
        grads = []
        for layer in range(self.n_layers - 1, -1, -1):
            a_in = rec.activations[layer]
            gw = a_in.T @ delta + penalty_grad(net.weights[layer], l1, l2)
            layer_grads = [gw] if net.biases[layer] is None else [gw, delta.sum(axis=0)]
            grads[:0] = layer_grads
            if layer > 0:
                act = frozen_activation(net.activations[layer - 1])
                grad_a = delta @ net.weights[layer].T
                delta = act.backward(rec.zs[layer - 1], rec.activations[layer], grad_a)
        return value + penalty(net.weights, l1, l2), grads

    def loss(self, X, y, loss="mse", l1=0.0, l2=0.0, reduction="mean"):
        value = self._data_loss(X, y, loss, reduction)[0]
        return value + penalty(self.net.weights, l1, l2)

    def _data_loss(self, X, y, loss, reduction):
        rec = self.forward_record(X)
        lossfn, y_t, scale = self._loss_setup(loss, y, reduction, len(rec.output))
        value = float(np.sum(lossfn.per_example(rec.zs[-1], rec.output, y_t))) / scale
        return value, rec, lossfn, y_t, scale

    def _loss_setup(self, loss, y, reduction, n):
        if reduction not in REDUCTIONS:
            raise ValueError(f"reduction must be one of {REDUCTIONS}, not {reduction!r}")
        self.net.check_loss(loss)
        lossfn = FROZEN_LOSSES[loss]
        y_t = prepare_targets(lossfn, y, self.net.sizes[-1])
        if len(y_t) != n:
            raise ValueError(f"{n} inputs but {len(y_t)} labels")
        return lossfn, y_t, lossfn.count(max(n, 1), self.net.sizes[-1], reduction)


class FrozenLoss(Loss):
    """The log loss with its old per-example formula (two softplus calls)."""

    def per_example(self, z, a, y):
        return log_per_example(z, a, y)


FROZEN_ACTIVATIONS = {
    name: replace(act, value=sigmoid) if name == "sigmoid" else act
    for name, act in ACTIVATIONS.items()
}
FROZEN_LOSSES = {"log": FrozenLoss("log", get_loss("log").formula, "sigmoid")}


def frozen_activation(name):
    """The activation table as it was (a dict lookup): sigmoid with its old formula."""
    try:
        return FROZEN_ACTIVATIONS[name]
    except KeyError:
        raise ValueError(f"unknown activation {name!r}") from None


class BaselineSGD:
    """Today's Optimizer base + SGD, verbatim: one update per parameter array."""

    name = "sgd"

    def __init__(self, params, lr):
        self.params = list(params)
        self.hyper = {"lr": lr, "momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0}
        self.hyper["nesterov"] = False
        self.steps = 0
        self.state = {}

    @property
    def lr(self):
        return float(self.hyper["lr"])

    def step(self, grads):
        if len(grads) != len(self.params):
            raise ValueError(f"{len(self.params)} parameters but {len(grads)} gradients")
        self.steps += 1
        for i, (p, g) in enumerate(zip(self.params, grads, strict=True)):
            wd = float(self.hyper.get("weight_decay", 0.0))
            g = g + wd * p if wd else np.asarray(g, dtype=float)
            p -= self._update(i, p, g)

    def _update(self, i, p, g):
        mu = float(self.hyper["momentum"])
        if mu:
            bufs = self.state.setdefault("momentum_buffer", [None] * len(self.params))
            if bufs[i] is None:
                bufs[i] = g.copy()
            else:
                bufs[i] = mu * bufs[i] + (1.0 - float(self.hyper["dampening"])) * g
            g = g + mu * bufs[i] if self.hyper["nesterov"] else bufs[i]
        return self.lr * g


class BaselineTrainer:
    """Today's Trainer loop, verbatim: per batch, copy params, loss_and_grads, step, check, diff."""

    def __init__(self, net: MLP, train, test, lr=0.03, batch_size=10, seed=0):
        self.net, self.model = net, BaselineNet(net)
        self.config = TrainConfig(loss="log", optimizer="sgd", lr=lr, batch_size=batch_size)
        self.X, self.y = (np.asarray(a) for a in train)
        self.X_test, self.y_test = (np.asarray(a) for a in test)
        self.rng = np.random.default_rng(seed)
        self.optimizer = BaselineSGD(net.params, lr)
        self.history = History()
        self.epoch = self.step = 0
        self._data_version = 1

    def run(self):
        while True:
            version = self._data_version
            order = self.rng.permutation(len(self.X))
            for start in range(0, len(order), int(self.config.batch_size)):
                event = self.train_batch(order[start : start + int(self.config.batch_size)])
                yield event
                if version != self._data_version:
                    break
            else:
                self.epoch += 1
                metrics = self.evaluate()
                self.history.record(self.epoch, **metrics)
                yield StepEvent("epoch", self.epoch, self.step, metrics["train_loss"])

    def train_batch(self, rows):
        cfg = self.config
        saved = [p.copy() for p in self.net.params]
        loss, grads = self.model.loss_and_grads(
            self.X[rows], self.y[rows], cfg.loss, cfg.l1, cfg.l2
        )
        if np.isfinite(loss) and all(np.isfinite(g).all() for g in grads):
            self.optimizer.step(grads)
            if all((np.abs(p) < WEIGHT_LIMIT).all() for p in self.net.params):
                self.step += 1
                self.last_grads = grads
                self.last_update = [p - s for p, s in zip(self.net.params, saved, strict=True)]
                return StepEvent("batch", self.epoch, self.step, loss)
        raise RuntimeError("the baseline diverged (the benchmark never should)")

    def evaluate(self):
        out = {}
        for split, X, y in (("train", self.X, self.y), ("test", self.X_test, self.y_test)):
            if len(X) == 0:
                out[f"{split}_loss"] = out[f"{split}_acc"] = float("nan")
                continue
            cfg = self.config
            out[f"{split}_loss"] = self.model.loss(X, y, cfg.loss, cfg.l1, cfg.l2)
            out[f"{split}_acc"] = (
                accuracy(self.model.forward(X), y, cfg.loss) if cfg.classification else float("nan")
            )
        return out
