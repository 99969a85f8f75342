"""FROZEN REFERENCE: the engine's per-batch training path as it was before the flat-buffer engine.

Copied from commit fc01c6b (``nnviz/engine/mlp.py``, ``optimizers.py``, ``trainer.py``,
``activations.sigmoid``, ``losses._log``) so ``bench/engine.py`` can time today's code against it
in the same process. Do not optimise this file: it is the baseline the speed-up is measured
against. Only the parts the default Playground epoch runs are kept (tanh hidden layers, a
sigmoid output, log loss, plain SGD, a train and a test split).
"""

from __future__ import annotations

import numpy as np

from nnviz.engine.activations import get_activation
from nnviz.engine.history import History
from nnviz.engine.losses import get_loss, prepare_targets
from nnviz.engine.metrics import accuracy
from nnviz.engine.mlp import MLP
from nnviz.engine.regularization import penalty, penalty_grad

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


def value(name, z):
    """An activation's value, with the frozen sigmoid."""
    return sigmoid(z) if name == "sigmoid" else get_activation(name).value(z)


class BaselineNet:
    """Today's MLP forward/backward (per-array lists, re-validated on every call)."""

    def __init__(self, net: MLP) -> None:
        self.net = net

    def forward_record(self, X):
        a = np.asarray(X, dtype=float)
        if a.ndim != 2 or a.shape[1] != self.net.sizes[0]:
            raise ValueError("bad inputs")
        zs, acts = [], [a]
        for w, b, name in zip(self.net.weights, self.net.biases, self.net.activations, strict=True):
            z = a @ w if b is None else a @ w + b
            a = value(name, z)
            zs.append(z)
            acts.append(a)
        return zs, acts

    def _data_loss(self, X, y, loss):
        zs, acts = self.forward_record(X)
        self.net.check_loss(loss)
        lossfn = get_loss(loss)
        y_t = prepare_targets(lossfn, y, self.net.sizes[-1])
        if len(y_t) != len(acts[-1]):
            raise ValueError("labels")
        scale = lossfn.count(max(len(acts[-1]), 1), self.net.sizes[-1], "mean")
        val = float(np.sum(log_per_example(zs[-1], acts[-1], y_t))) / scale
        return val, zs, acts, lossfn, y_t, scale

    def loss_and_grads(self, X, y, loss="log", l1=0.0, l2=0.0):
        net = self.net
        val, zs, acts, lossfn, y_t, scale = self._data_loss(X, y, loss)
        delta = lossfn.grad_z(zs[-1], acts[-1], y_t, get_activation(net.activations[-1])) / scale
        grads = []
        for layer in range(net.n_layers - 1, -1, -1):
            gw = acts[layer].T @ delta + penalty_grad(net.weights[layer], l1, l2)
            grads[:0] = [gw] if net.biases[layer] is None else [gw, delta.sum(axis=0)]
            if layer > 0:
                act = get_activation(net.activations[layer - 1])
                grad_a = delta @ net.weights[layer].T
                delta = act.backward(zs[layer - 1], acts[layer], grad_a)
        return val + penalty(net.weights, l1, l2), grads

    def loss(self, X, y, loss="log", l1=0.0, l2=0.0):
        return self._data_loss(X, y, loss)[0] + penalty(self.net.weights, l1, l2)


class BaselineSGD:
    """Today's optimizer base + SGD: one update per parameter array, state per array."""

    def __init__(self, params, lr):
        self.params, self.hyper, self.steps, self.state = list(params), {"lr": lr}, 0, {}
        self.hyper.update(momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False)

    def step(self, grads):
        if len(grads) != len(self.params):
            raise ValueError("count")
        self.steps += 1
        for p, g in zip(self.params, grads, strict=True):
            wd = float(self.hyper.get("weight_decay", 0.0))
            g = g + wd * p if wd else np.asarray(g, dtype=float)
            p -= float(self.hyper["lr"]) * g


class BaselineTrainer:
    """Today's Trainer loop: per batch, copy params, loss_and_grads, step, check, diff."""

    def __init__(self, net: MLP, train, test, lr=0.03, batch_size=10, seed=0):
        self.net, self.model = net, BaselineNet(net)
        self.X, self.y = (np.asarray(a) for a in train)
        self.X_test, self.y_test = (np.asarray(a) for a in test)
        self.rng, self.batch = np.random.default_rng(seed), batch_size
        self.optimizer = BaselineSGD(net.params, lr)
        self.history = History()
        self.epoch = self.step = 0

    def run(self):
        while True:
            order = self.rng.permutation(len(self.X))
            for start in range(0, len(order), self.batch):
                yield self.train_batch(order[start : start + self.batch])
            self.epoch += 1
            metrics = self.evaluate()
            self.history.record(self.epoch, **metrics)
            yield ("epoch", metrics["train_loss"])

    def train_batch(self, rows):
        saved = [p.copy() for p in self.net.params]
        loss, grads = self.model.loss_and_grads(self.X[rows], self.y[rows])
        if np.isfinite(loss) and all(np.isfinite(g).all() for g in grads):
            self.optimizer.step(grads)
            if all((np.abs(p) < WEIGHT_LIMIT).all() for p in self.net.params):
                self.step += 1
                self.last_grads = grads
                self.last_update = [p - s for p, s in zip(self.net.params, saved, strict=True)]
                return ("batch", loss)
        raise RuntimeError("the baseline diverged")

    def evaluate(self):
        out = {}
        for split, X, y in (("train", self.X, self.y), ("test", self.X_test, self.y_test)):
            out[f"{split}_loss"] = self.model.loss(X, y)
            out[f"{split}_acc"] = accuracy(self.model.forward_record(X)[1][-1], y, "log")
        return out
