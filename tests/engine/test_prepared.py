"""The Trainer's prepared step: the same numbers as the per-array path, bit for bit."""

import copy

import numpy as np

from nnviz.engine.mlp import MLP
from nnviz.engine.optimizers import _shared_base, make_optimizer
from nnviz.engine.trainer import TrainConfig, Trainer


def circle(n=60, seed=0):
    """A small two-class ring problem."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-5, 5, (n, 2))
    return X, (np.hypot(X[:, 0], X[:, 1]) < 3).astype(float)


def unpacked(net):
    """The same network with every array cut loose from the buffer (forces the old path)."""
    net.weights = [w.copy() for w in net.weights]
    net.biases = [None if b is None else b.copy() for b in net.biases]
    return net


def train(net, epochs=3):
    """Batch losses and history of a momentum + L1 + L2 run with a test split."""
    X, y = circle()
    config = TrainConfig(optimizer="momentum", lr=0.05, batch_size=7, l1=0.001, l2=0.01)
    trainer = Trainer(net, (X[:40], y[:40]), (X[40:], y[40:]), config=config, seed=3)
    losses = []
    for event in trainer.run():
        losses.append(event.loss)
        if event.kind == "epoch" and event.epoch == epochs:
            return trainer, losses


def test_fast_path_equals_the_per_array_path_exactly():
    """Weights, every event's loss and the history agree to the last bit."""
    fast, fast_losses = train(MLP([2, 5, 3, 1], "tanh", "sigmoid", seed=1))
    slow, slow_losses = train(unpacked(MLP([2, 5, 3, 1], "tanh", "sigmoid", seed=1)))
    assert fast._prep is not None and slow._prep is None  # each really took its own path
    assert fast_losses == slow_losses
    assert all(np.array_equal(p, q) for p, q in zip(fast.net.params, slow.net.params, strict=True))
    assert fast.history.values == slow.history.values
    pairs = zip(fast.last_update, slow.last_update, strict=True)
    assert all(np.array_equal(p, q) for p, q in pairs)


def test_params_are_views_of_one_buffer():
    """MLP.params live in net.buffer, in order; copies (also deep ones) keep that layout."""
    net = MLP([2, 4, 1], seed=0)
    for twin in (net, net.copy(), copy.deepcopy(net)):
        assert _shared_base(twin.params) is twin.buffer
    assert np.array_equal(net.buffer, net.get_flat())
    net.weights[0][0, 0] = 7.0
    assert net.buffer[0] == 7.0 and copy.deepcopy(net).buffer[0] == 7.0


def test_last_grads_survive_a_settings_change():
    """After a step, changing the learning rate keeps showing that step's gradient."""
    trainer = Trainer(MLP([2, 3, 1], output="sigmoid", seed=0), circle())
    next(trainer.run())
    grads = [g.copy() for g in trainer.last_grads]
    trainer.with_lr(0.5)
    assert all(np.array_equal(g, h) for g, h in zip(grads, trainer.last_grads, strict=True))


def test_optimizer_state_can_be_saved_and_restored():
    """A deep copy of ``state`` written back replays the next step exactly (as StepBack does)."""
    net = MLP([2, 3, 1], seed=0)
    opt = make_optimizer("adam", net.params, lr=0.1)
    grads = [np.full_like(p, 0.3) for p in net.params]
    opt.step(grads)
    saved, params = copy.deepcopy(opt.state), [p.copy() for p in net.params]
    opt.step(grads)
    after = [p.copy() for p in net.params]
    net.set_params(params)
    opt.state, opt.steps = saved, 1
    opt.step(grads)
    assert all(np.array_equal(p, q) for p, q in zip(net.params, after, strict=True))
