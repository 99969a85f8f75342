"""The trainer generator: determinism, history, divergence, live changes and clear errors."""

from dataclasses import replace

import numpy as np
import pytest

from nnviz.engine.mlp import MLP
from nnviz.engine.trainer import TrainConfig, Trainer, TrainingError


def circle(n=100, seed=0):
    """Points inside radius 2.5 are class 1, outside (3.5 to 5) class 0."""
    rng = np.random.default_rng(seed)
    r = np.r_[rng.uniform(0, 2.5, n // 2), rng.uniform(3.5, 5, n - n // 2)]
    t = rng.uniform(0, 2 * np.pi, n)
    return np.column_stack([r * np.sin(t), r * np.cos(t)]), (r < 3).astype(float)


def make(config=None, n=100, seed=0, **kwargs):
    """A 2-4-2-1 tanh/sigmoid trainer on circle data."""
    net = MLP([2, 4, 2, 1], "tanh", "sigmoid", seed=seed)
    return Trainer(net, circle(n), config=config or TrainConfig(), seed=seed, **kwargs)


def run_epochs(trainer, epochs):
    """Iterate the generator until ``epochs`` more epochs have finished; return the events."""
    target = trainer.epoch + epochs
    events = []
    for event in trainer.run():
        events.append(event)
        if event.kind == "epoch" and event.epoch >= target:
            break
    return events


def test_same_seed_bit_identical_run():
    """Two runs from the same seed end with exactly equal weights; another seed differs."""
    a, b, c = make(seed=1), make(seed=1), make(seed=2)
    for t in (a, b, c):
        run_epochs(t, 20)
    assert all(np.array_equal(p, q) for p, q in zip(a.net.params, b.net.params, strict=True))
    assert a.history.values["train_loss"] == b.history.values["train_loss"]
    assert not np.array_equal(a.net.weights[0], c.net.weights[0])


def test_shuffle_seed_alone_changes_the_run():
    """Same initial weights, different trainer seed → different batch order → other weights."""
    net1, net2 = MLP([2, 4, 1], seed=0, output="sigmoid"), MLP([2, 4, 1], seed=0, output="sigmoid")
    t1, t2 = Trainer(net1, circle(), seed=0), Trainer(net2, circle(), seed=1)
    run_epochs(t1, 3)
    run_epochs(t2, 3)
    assert not np.array_equal(net1.weights[0], net2.weights[0])


def test_history_is_bounded_and_spans_the_run():
    """Capacity 50 over 1000 epochs keeps fewer than 50 points from epoch 1 to near 1000."""
    trainer = make(n=20, history_capacity=50)
    run_epochs(trainer, 1000)
    h = trainer.history
    assert trainer.epoch == 1000
    assert 0 < len(h) < 50
    assert h.epochs[0] == 1 and h.epochs[-1] >= 1000 - 2 * h.stride
    assert np.all(np.isfinite(h.values["train_loss"]))


def test_epoch_events_and_history_values():
    """Each epoch yields its train loss; history holds train/test loss and accuracy."""
    net = MLP([2, 4, 2, 1], "tanh", "sigmoid", seed=0)
    X, y = circle(60)
    trainer = Trainer(net, (X[:40], y[:40]), (X[40:], y[40:]))
    events = run_epochs(trainer, 2)
    epochs = [e for e in events if e.kind == "epoch"]
    assert [e.epoch for e in epochs] == [1, 2]
    last = trainer.history.arrays()
    assert np.isclose(last["train_loss"][-1], epochs[-1].loss)
    assert np.isclose(last["train_loss"][-1], net.loss(X[:40], y[:40], "log"))
    assert 0 <= last["test_acc"][-1] <= 1


def test_partial_last_batch_does_not_carry_over():
    """25 points with batch 10 make 3 steps per epoch (10, 10, 5), every epoch."""
    net = MLP([2, 3, 1], output="sigmoid")
    X, y = circle(25)
    trainer = Trainer(net, (X, y), config=TrainConfig(batch_size=10))
    events = run_epochs(trainer, 2)
    assert [e.kind for e in events] == ["batch"] * 3 + ["epoch"] + ["batch"] * 3 + ["epoch"]
    assert trainer.step == 6


@pytest.mark.parametrize("lr", [10.0, 1e6])
def test_divergence_stops_and_restores_finite_weights(lr):
    """A huge step gives a 'diverged at epoch' event, and the weights from before that step."""
    rng = np.random.default_rng(0)
    X = rng.normal(scale=3.0, size=(40, 2))
    y = 50.0 * X[:, 0] - 20.0 * X[:, 1]
    net = MLP([2, 8, 1], "relu", "identity", seed=0)
    config = TrainConfig(loss="mse", lr=lr, batch_size=10, classification=False)
    trainer = Trainer(net, (X, y), config=config)
    before = [p.copy() for p in net.params]
    events = []
    for event in trainer.run():
        events.append(event)
        if event.kind == "diverged":
            break
        before = [p.copy() for p in net.params]
        assert len(events) < 10_000, "never diverged"
    last = events[-1]
    assert last.kind == "diverged"
    assert "diverged at epoch" in last.message
    assert all(np.all(np.isfinite(p)) for p in net.params)
    assert all(np.array_equal(p, q) for p, q in zip(net.params, before, strict=True))


def test_generator_ends_after_divergence():
    """After a diverged event the generator returns; nothing else is yielded."""
    X = np.array([[1.0, 2.0], [3.0, -1.0]])
    net = MLP([2, 1], output="identity")
    trainer = Trainer(net, (X, np.array([100.0, -100.0])), config=TrainConfig("mse", lr=1e6))
    events = list(trainer.run())
    assert events[-1].kind == "diverged" and len(events) == 1
    assert np.isinf(events[-1].loss)


def test_set_config_changes_lr_without_reset():
    """A new learning rate keeps the weights, the optimizer and its momentum."""
    config = TrainConfig(optimizer="sgd", optimizer_options={"momentum": 0.9})
    trainer = make(config)
    run_epochs(trainer, 2)
    weights = [p.copy() for p in trainer.net.params]
    opt = trainer.optimizer
    buf = [b.copy() for b in opt.state["momentum_buffer"]]
    trainer.set_config(replace(config, lr=0.5))
    assert trainer.optimizer is opt and opt.lr == 0.5 and trainer.config.lr == 0.5
    assert all(np.array_equal(b, c) for b, c in zip(opt.state["momentum_buffer"], buf, strict=True))
    assert all(np.array_equal(p, q) for p, q in zip(trainer.net.params, weights, strict=True))
    assert trainer.epoch == 2
    trainer.with_lr(0.01)
    assert trainer.optimizer.lr == 0.01


def test_changing_optimizer_keeps_weights():
    """Switching to Adam starts a fresh optimizer on the same, unchanged weights."""
    trainer = make()
    run_epochs(trainer, 2)
    weights = [p.copy() for p in trainer.net.params]
    trainer.set_config(replace(trainer.config, optimizer="adam"))
    assert trainer.optimizer.name == "adam" and trainer.optimizer.steps == 0
    assert all(np.array_equal(p, q) for p, q in zip(trainer.net.params, weights, strict=True))
    assert trainer.optimizer.params[0] is trainer.net.params[0]  # it updates the live arrays
    run_epochs(trainer, 1)
    assert not np.array_equal(trainer.net.params[0], weights[0])


def test_bad_config_changes_nothing():
    """A set_config that fails leaves the old config and optimizer in place."""
    trainer = make()
    old_config, old_opt = trainer.config, trainer.optimizer
    for bad in (
        replace(old_config, optimizer="bogus"),
        replace(old_config, optimizer="adam", optimizer_options={"betas": (2.0, 0.9)}),
        replace(old_config, lr=-1.0),
        replace(old_config, loss="cross_entropy"),
    ):
        with pytest.raises(TrainingError):
            trainer.set_config(bad)
        assert trainer.config is old_config and trainer.optimizer is old_opt


@pytest.mark.parametrize(
    "config",
    [
        TrainConfig(lr=float("nan")),
        TrainConfig(lr=-0.1),
        TrainConfig(batch_size=0),
        TrainConfig(l1=-1.0),
        TrainConfig(l2=float("inf")),
        TrainConfig(optimizer="newton"),
        TrainConfig(optimizer_options={"gamma": 1.0}),
    ],
)
def test_bad_settings_raise_training_error(config):
    """Each invalid setting raises TrainingError (a ValueError) with a message."""
    with pytest.raises(TrainingError) as info:
        make(config)
    assert str(info.value)


def test_step_activation_cannot_be_trained():
    """A step activation anywhere gives a TrainingError that explains the zero slope."""
    net = MLP([2, 2, 1], "step", "sigmoid")
    with pytest.raises(TrainingError, match="zero slope"):
        Trainer(net, circle(10))
    net_out = MLP([2, 1], output="step")
    with pytest.raises(TrainingError, match="step"):
        Trainer(net_out, circle(10), config=TrainConfig(loss="mse"))


def test_loss_output_mismatch_is_a_training_error():
    """Log loss on an identity output is refused with a message naming both."""
    net = MLP([2, 3, 1], "tanh", "identity")
    with pytest.raises(TrainingError, match="sigmoid") as info:
        Trainer(net, circle(10), config=TrainConfig(loss="log"))
    assert "identity" in str(info.value)


def test_live_set_data_mid_epoch():
    """New data mid-epoch: the epoch restarts its shuffle on the new points (here fewer)."""
    trainer = make(n=50, config=TrainConfig(batch_size=10))
    gen = trainer.run()
    assert next(gen).kind == "batch"
    X, y = circle(23, seed=5)
    trainer.set_data((X, y), None)  # shrinking: stale indices would be out of range
    kinds = []
    for event in gen:
        kinds.append(event.kind)
        if event.kind == "epoch":
            break
    assert kinds == ["batch", "batch", "batch", "epoch"]  # 23 points: 10, 10, 3
    assert trainer.epoch == 1 and len(trainer.X) == 23
    assert np.isnan(trainer.history.values["test_loss"][-1])  # no test data any more


def test_empty_data_is_idle_then_trains_when_points_arrive():
    """No points: an idle event with a message; adding points makes it train."""
    net = MLP([2, 3, 1], output="sigmoid")
    trainer = Trainer(net, (np.zeros((0, 2)), np.zeros(0)))
    gen = trainer.run()
    event = next(gen)
    assert event.kind == "idle" and "no training points" in event.message
    assert next(gen).kind == "idle"
    trainer.set_data(circle(10), None)
    assert next(gen).kind == "batch"


def test_evaluate_without_test_data_gives_nan():
    """Metrics of an empty split are NaN, not an error."""
    metrics = make().evaluate()
    assert np.isnan(metrics["test_loss"]) and np.isnan(metrics["test_acc"])
    assert np.isfinite(metrics["train_loss"]) and 0 <= metrics["train_acc"] <= 1


def test_last_grads_and_update_are_kept():
    """After a step, last_update is the change in each parameter (−lr·grad for plain SGD)."""
    trainer = make(TrainConfig(lr=0.1))
    before = [p.copy() for p in trainer.net.params]
    next(trainer.run())
    for p, b, g, u in zip(
        trainer.net.params, before, trainer.last_grads, trainer.last_update, strict=True
    ):
        assert np.allclose(u, p - b) and np.allclose(u, -0.1 * g)


def test_reset_state_forgets_history_and_optimizer():
    """reset_state zeroes the counters, the history and the optimizer state."""
    trainer = make(TrainConfig(optimizer="adam"))
    run_epochs(trainer, 3)
    trainer.reset_state()
    assert trainer.epoch == trainer.step == 0 and len(trainer.history) == 0
    assert trainer.optimizer.steps == 0
    assert all(np.all(g == 0) for g in trainer.last_grads)
