"""The live network as a value: the snapshot's architecture, weights and training loss."""

import dataclasses

import numpy as np
import pytest

from nnviz import commands as cmd
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from nnviz.experiments.backprop_cost import LIVE, measure
from nnviz.experiments.cells import backprop_cell
from nnviz.experiments.live_network import default_network, from_snapshot
from nnviz.presets import load_preset
from tests.factories import circle_data, make_lab


@pytest.fixture
def trained():
    """A 2-5-3-1 tanh lab with an L2 penalty, 20 epochs in, its snapshot and its data."""
    data = circle_data()
    spec = NetworkSpec(hidden=(5, 3), seed=3)
    lab = make_lab(spec, data, TrainConfig(l2=0.01))
    lab.apply(cmd.TrainEpochs(20))
    return lab.snapshot(), data


def test_the_live_network_has_the_snapshots_weights_and_training_loss(trained):
    """Its objective at its weights is the training loss the snapshot reports (penalty in)."""
    snap, data = trained
    live = from_snapshot(snap, data)
    problem = live.problem()
    assert live.architecture == "2-5-3-1 tanh" and problem.net.n_params == 2 * 5 + 5 + 15 + 3 + 4
    assert all(np.array_equal(a, b) for a, b in zip(problem.net.params, snap.params, strict=True))
    assert problem.value() == pytest.approx(snap.metrics["train_loss"], rel=1e-9)
    assert live.l2 == 0.01 and live.loss == "log"


def test_backprop_and_finite_differences_agree_on_the_live_network(trained):
    """The cell "live" measures that network: its parameter count, 2 vs 2·P passes, one gradient."""
    snap, data = trained
    live = from_snapshot(snap, data)
    numbers = backprop_cell(LIVE, (0,), live=live)
    assert numbers["params"] == 37 and numbers["architecture"] == "2-5-3-1 tanh"
    assert numbers["passes_backprop"] == 2 and numbers["passes_finite_difference"] == 74
    assert numbers["max_difference"] < 1e-7
    assert all(np.array_equal(a, b) for a, b in zip(live.params, snap.params, strict=True))


def test_it_is_a_frozen_copy(trained):
    """Later changes to the snapshot's arrays cannot reach it; its own arrays are read-only."""
    snap, data = trained
    live = from_snapshot(snap, data)
    assert not live.params[0].flags.writeable and not live.X.flags.writeable
    assert live.params[0] is not snap.params[0]


def test_it_is_refused_for_changed_or_missing_points(trained):
    """Points newer than the snapshot, or no training point: one sentence each."""
    snap, data = trained
    with pytest.raises(ValueError, match="the points changed"):
        from_snapshot(snap, dataclasses.replace(data, version=data.version + 1))
    empty = dataclasses.replace(data, X_train=data.X_train[:0], y_train=data.y_train[:0])
    with pytest.raises(ValueError, match="no training points"):
        from_snapshot(snap, empty)
    with pytest.raises(ValueError, match="no live network"):
        backprop_cell(LIVE, (0,))


def test_without_a_window_the_default_is_what_the_app_starts_with():
    """The circle preset's 2-4-2-1 tanh net, freshly initialised, on its 250 training points."""
    live = default_network()
    preset = load_preset("circle")
    fresh = preset.spec.build()
    assert live.architecture == "2-4-2-1 tanh" and len(live.X) == 250
    assert all(np.array_equal(a, b) for a, b in zip(live.params, fresh.params, strict=True))
    cost = measure(live.problem())
    assert (cost.params, cost.passes_finite_difference) == (25, 50) and cost.max_difference < 1e-7
