"""Tests for the pure Lab: commands change state as values, bad input changes nothing."""

from dataclasses import replace

import numpy as np
import pytest

from nnviz import commands as cmd
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from tests.factories import circle_data, make_lab


def test_step_epoch_trains_exactly_one_epoch():
    """StepEpoch advances the epoch counter by one and pauses."""
    lab = make_lab()
    lab.apply(cmd.StepEpoch())
    assert lab.trainer.epoch == 1 and not lab.playing


def test_step_batch_runs_one_minibatch():
    """StepBatch makes exactly one optimizer step."""
    lab = make_lab()
    lab.apply(cmd.StepBatch())
    assert lab.trainer.step == 1 and lab.trainer.epoch == 0


def test_play_and_advance_lower_the_loss():
    """Playing trains: the loss after a while is below the starting loss."""
    lab = make_lab()
    start = lab.snapshot().metrics["train_loss"]
    lab.apply(cmd.RunEpochs(40))
    while lab.playing:
        lab.advance(0.05)
    snap = lab.snapshot()
    assert snap.epoch == 40 and snap.metrics["train_loss"] < start


def test_learning_rate_change_keeps_weights():
    """SetConfig changes the learning rate live, without touching the weights."""
    lab = make_lab()
    lab.apply(cmd.StepEpoch())
    before = lab.net.get_flat()
    lab.apply(cmd.SetConfig(replace(lab.config, lr=0.3, optimizer="adam", l2=0.01)))
    assert np.array_equal(before, lab.net.get_flat())
    assert lab.trainer.optimizer.lr == 0.3 and lab.config.l2 == 0.01


def test_spec_change_rebuilds_and_says_so():
    """SetSpec rebuilds the network and leaves a message for the user."""
    lab = make_lab()
    lab.apply(cmd.SetSpec(lab.spec.with_(hidden=(3,))))
    snap = lab.snapshot()
    assert snap.spec.sizes == [2, 3, 1] and snap.event == "rebuilt" and "rebuilt" in snap.message


def test_invalid_config_changes_nothing():
    """A negative learning rate raises and leaves the old config in place."""
    lab = make_lab()
    old = lab.config
    with pytest.raises(ValueError):
        lab.apply(cmd.SetConfig(replace(old, lr=-1.0)))
    assert lab.config == old


def test_step_activation_is_refused_with_a_reason():
    """A step-activation network is built, but training it by gradients is refused with why."""
    lab = make_lab()
    lab.apply(cmd.SetSpec(lab.spec.with_(activation="step")))
    assert lab.spec.activation == "step"
    before = lab.net.get_flat()
    for command in (cmd.Play(), cmd.StepEpoch(), cmd.StepBatch(), cmd.TrainEpochs(3)):
        with pytest.raises(ValueError, match="zero slope"):
            lab.apply(command)
    assert np.array_equal(lab.net.get_flat(), before) and lab.trainer.epoch == 0
    assert not lab.playing and not lab.run.undo


def test_data_edit_is_live():
    """New data of the same task keeps the weights (no reset)."""
    lab = make_lab()
    lab.apply(cmd.StepEpoch())
    before = lab.net.get_flat()
    lab.apply(cmd.SetData(circle_data(60, seed=3)))
    assert np.array_equal(before, lab.net.get_flat()) and len(lab.trainer.X) == 30


def test_new_task_rebuilds_the_head():
    """Switching to 3-class data rebuilds with a softmax head and cross-entropy."""
    lab = make_lab()
    d = circle_data(60)
    lab.apply(cmd.SetData(replace(d, y_train=d.y_train % 3 + 0, kind="multiclass", n_classes=3)))
    assert lab.spec.output == "softmax" and lab.spec.n_outputs == 3
    assert lab.config.loss == "cross_entropy"


def test_nan_data_is_rejected():
    """Data with NaN is refused and the old data stays."""
    lab = make_lab()
    d = circle_data(20)
    bad = d.X_train.copy()
    bad[0, 0] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        lab.apply(cmd.SetData(replace(d, X_train=bad)))
    assert lab.data is not d


def test_set_param_edits_one_weight_and_rejects_nonsense():
    """SetParam writes one weight; out-of-range indices and NaN are refused."""
    lab = make_lab()
    lab.apply(cmd.SetParam(0, (1, 2), 0.75))
    assert lab.net.params[0][1, 2] == 0.75
    for bad in (
        cmd.SetParam(0, (9, 9), 1.0),
        cmd.SetParam(99, (0,), 1.0),
        cmd.SetParam(0, (0, 0), float("nan")),
    ):
        with pytest.raises(ValueError):
            lab.apply(bad)
    assert lab.net.params[0][1, 2] == 0.75


def test_divergence_pauses_with_message_and_finite_weights():
    """Regression at learning rate 10 diverges: paused, message, finite weights."""
    rng = np.random.default_rng(0)
    X = rng.uniform(-6, 6, (200, 2))
    y = (X[:, 0] + X[:, 1]) / 10
    data = cmd.DataArrays(X[:100], y[:100], X[100:], y[100:], "regression", 0, 2)
    lab = make_lab(NetworkSpec(output="identity"), data, TrainConfig(loss="mse", lr=10.0))
    lab.apply(cmd.Play())
    for _ in range(100):
        lab.advance(0.02)
        if not lab.playing:
            break
    snap = lab.snapshot()
    assert not snap.playing and snap.event == "diverged"
    assert "diverged at epoch" in snap.message
    assert all(np.all(np.isfinite(p)) for p in snap.params)


def test_snapshot_is_frozen_and_sequenced():
    """Snapshot arrays are read-only copies and seq increases."""
    lab = make_lab()
    a, b = lab.snapshot(), lab.snapshot()
    assert b.seq > a.seq
    with pytest.raises(ValueError):
        a.params[0][0, 0] = 1.0
    lab.net.params[0][0, 0] = 123.0
    assert a.params[0][0, 0] != 123.0


def test_neuron_grids_cover_every_layer():
    """The snapshot's grid pass has one image per neuron in every layer."""
    snap = make_lab(resolution=16).snapshot()
    assert [g.shape[0] for g in snap.neuron_grids] == snap.spec.sizes
    assert snap.neuron_grids[0].shape[1:] == (16, 16)


def test_grid_is_y_up():
    """Row i of the x2 input image sits at height grid_axis[i] (row 0 is the bottom)."""
    snap = make_lab(resolution=11).snapshot()
    x2 = snap.neuron_grids[0][1]
    assert np.allclose(x2[:, 0], snap.grid_axis)


def test_speed_limit_paces_epochs():
    """With a speed limit, training waits on the clock between epochs."""
    t = [0.0]
    lab = make_lab()
    lab.clock = lab.run.rate.clock = lambda: t[0]
    lab.apply(cmd.SetSpeed(2.0))
    lab.apply(cmd.Play())
    lab.advance(1.0)  # the clock is frozen: one epoch, then it must wait 0.5 s
    assert lab.trainer.epoch == 1
    lab.advance(1.0)
    assert lab.trainer.epoch == 1
    t[0] = 0.6
    lab.advance(1.0)
    assert lab.trainer.epoch == 2
    with pytest.raises(ValueError):
        lab.apply(cmd.SetSpeed(-2.0))


def test_step_back_undoes_a_step_exactly():
    """StepBack restores weights, counters and optimizer state; stepping again replays it."""
    lab = make_lab(config=TrainConfig(optimizer="adam", lr=0.01))
    lab.apply(cmd.StepEpoch())
    before = lab.net.get_flat()
    lab.apply(cmd.StepEpoch())
    after = lab.net.get_flat()
    lab.apply(cmd.StepBack())
    assert np.array_equal(lab.net.get_flat(), before) and lab.trainer.epoch == 1
    lab.apply(cmd.StepEpoch())
    assert np.array_equal(lab.net.get_flat(), after)


def test_step_back_with_nothing_to_undo_says_so():
    """StepBack before any manual step raises a clear error and changes nothing."""
    lab = make_lab()
    before = lab.net.get_flat()
    with pytest.raises(ValueError, match="nothing to step back"):
        lab.apply(cmd.StepBack())
    assert np.array_equal(lab.net.get_flat(), before)


def test_example_step_is_one_sgd_step_on_that_example():
    """ExampleStep moves every parameter by −lr·∂L/∂w of that one example and says so."""
    from nnviz.engine.features import feature_matrix

    lab = make_lab(config=TrainConfig(lr=0.5))
    point, label = (1.5, -2.0), 1.0
    X = feature_matrix(np.array([point]), lab.spec.features, 2)
    twin = lab.net.copy()
    before, grads = twin.loss_and_grads(X, np.array([label]), loss=lab.config.loss)
    expected = [p - 0.5 * g for p, g in zip(twin.params, grads, strict=True)]
    lab.apply(cmd.ExampleStep(point, label))
    for got, want in zip(lab.net.params, expected, strict=True):
        assert np.allclose(got, want, rtol=0, atol=1e-15)
    assert lab.event == "example_step" and f"{before:.4g} →" in lab.message
    assert lab.net.loss(X, np.array([label]), loss=lab.config.loss) < before


def test_example_step_can_be_stepped_back_and_refuses_bad_points():
    """StepBack undoes an ExampleStep exactly; a NaN point changes nothing."""
    lab = make_lab()
    start = lab.net.get_flat()
    with pytest.raises(ValueError, match="finite"):
        lab.apply(cmd.ExampleStep((float("nan"), 0.0), 1.0))
    with pytest.raises(ValueError, match="2 finite"):
        lab.apply(cmd.ExampleStep((1.0,), 1.0))
    assert np.array_equal(lab.net.get_flat(), start)
    lab.apply(cmd.ExampleStep((0.5, 0.5), 0.0))
    assert not np.array_equal(lab.net.get_flat(), start)
    lab.apply(cmd.StepBack())
    assert np.array_equal(lab.net.get_flat(), start)
