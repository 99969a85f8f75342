"""Tests for the lab's training rules: the perceptron rule, step networks and early stopping."""

from dataclasses import replace

import numpy as np
import pytest

from nnviz import commands as cmd
from nnviz.engine.perceptron_trainer import PerceptronTrainer
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from nnviz.lab import Lab
from nnviz.lessons.popsci_tables import XOR_X, hand_wired_xor
from nnviz.validation import validation_split
from tests.factories import circle_data, linear_data, make_lab, perceptron_lab

XOR_NET = NetworkSpec(features=("x1", "x2"), hidden=(2,), activation="step", output="step")


def test_the_perceptron_rule_reaches_zero_mistakes_like_the_engine():
    """Through the lab the rule matches PerceptronTrainer example by example, ending at 0."""
    lab = perceptron_lab()
    data = linear_data()
    engine = PerceptronTrainer(data.X_train, data.y_train, bias=False, seed=1)
    events = engine.run()
    assert np.array_equal(lab.net.get_flat(), np.zeros(2))  # the rule starts from w = 0
    for _ in range(3 * len(data.X_train)):
        lab.apply(cmd.StepBatch())
        event = next(events)
        while event.kind != "batch":
            event = next(events)
        assert np.array_equal(lab.net.weights[0][:, 0], engine.model.w)
    lab.apply(cmd.TrainEpochs(7))
    engine.run_epochs(7)
    mistakes = lab.snapshot().history["mistakes"]
    assert list(mistakes) == engine.mistakes and mistakes[-1] == 0
    assert lab.snapshot().metrics["train_acc"] == 1.0


def test_step_back_and_step_epoch_work_under_the_rule():
    """A rule epoch undone restores weights, counters and history; stepping again replays it."""
    lab = perceptron_lab()
    lab.apply(cmd.StepEpoch())
    before = lab.net.get_flat()
    lab.apply(cmd.StepEpoch())
    after = lab.net.get_flat()
    lab.apply(cmd.StepBack())
    assert np.array_equal(lab.net.get_flat(), before) and lab.trainer.epoch == 1
    assert len(lab.snapshot().history["mistakes"]) == 1
    lab.apply(cmd.StepEpoch())
    assert np.array_equal(lab.net.get_flat(), after)


def test_the_averaged_perceptron_is_in_the_snapshot_with_its_grid():
    """The snapshot carries the averaged weights as a run labelled 'averaged', and its grid."""
    lab = perceptron_lab("averaged_perceptron", noise=1.0, seed=0)
    data = linear_data(1.0)
    engine = PerceptronTrainer(data.X_train, data.y_train, "averaged_perceptron", False, seed=0)
    lab.apply(cmd.TrainEpochs(5))
    engine.run_epochs(5)
    snap = lab.snapshot()
    labels = [r.label for r in snap.runs]
    assert labels == ["live", "averaged"]
    assert np.allclose(snap.runs[1].params[0][:, 0], engine.averaged_weights[0])
    assert snap.overlay_grid is not None and snap.overlay_grid.shape == snap.output_grid.shape
    assert not snap.overlay_grid.flags.writeable
    assert min(snap.history["mistakes"]) > 0  # overlapping classes: it never settles


def test_a_hidden_layer_perceptron_is_refused_and_changes_nothing():
    """Choosing the perceptron rule for a network with hidden layers says why; nothing changes."""
    lab = make_lab()
    config, before = lab.config, lab.net.get_flat()
    with pytest.raises(ValueError, match="hidden layers"):
        lab.apply(cmd.SetConfig(replace(config, optimizer="perceptron")))
    assert lab.config == config and np.array_equal(lab.net.get_flat(), before)
    assert lab.run.rule is None


def test_a_hand_wired_step_network_computes_xor_in_the_lab():
    """The lesson's XOR net is set through the lab and its outputs are 0, 1, 1, 0."""
    corners = cmd.DataArrays(
        XOR_X, np.array([0, 1, 1, 0]), np.zeros((0, 2)), np.zeros(0), "binary", 2, 2, (-2.0, 2.0)
    )
    lab = Lab(corners, grid_resolution=20)
    lab.apply(cmd.SetSpec(XOR_NET))
    lab.apply(cmd.SetParams(tuple(hand_wired_xor().params)))
    assert lab.spec.output == "step" and lab.config.loss == "mse"
    assert lab.net.forward(XOR_X).ravel().tolist() == [0.0, 1.0, 1.0, 0.0]
    snap = lab.snapshot()
    assert snap.metrics["train_acc"] == 1.0 and snap.output_grid.shape == (1, 20, 20)


def test_training_a_step_network_says_why_and_changes_nothing():
    """Play, step and train on a step network are refused with the zero-slope reason."""
    lab = make_lab(XOR_NET)
    before = lab.net.get_flat()
    for command in (cmd.Play(), cmd.StepEpoch(), cmd.RunEpochs(2)):
        with pytest.raises(ValueError, match="zero slope everywhere.*perceptron rule"):
            lab.apply(command)
    assert np.array_equal(lab.net.get_flat(), before) and not lab.playing
    with pytest.raises(ValueError, match="zero slope"):
        lab.apply(cmd.ExampleStep((1.0, 0.0), 1.0))


def early_lab(patience: int = 5) -> Lab:
    """A big net on few circle points with early stopping on (it overfits quickly)."""
    spec = NetworkSpec(hidden=(8, 8), seed=3)
    config = TrainConfig(optimizer="adam", lr=0.05, batch_size=8)
    lab = make_lab(spec, circle_data(40, seed=1), config)
    lab.apply(cmd.SetConfig(replace(lab.config, early_stopping=True, patience=patience)))
    return lab


def test_early_stopping_stops_and_restores_the_best_weights():
    """Training stops with the message, the weights are those of the best epoch, it is marked."""
    lab = early_lab()
    weights_at: dict[int, np.ndarray] = {}
    for _ in range(400):
        lab.apply(cmd.StepEpoch())
        if lab.event == "stopped":
            break
        weights_at[lab.trainer.epoch] = lab.net.get_flat()
    assert lab.event == "stopped"
    snap = lab.snapshot()
    best = snap.best_epoch
    assert best is not None and best < lab.trainer.epoch
    assert f"stopped early at epoch {lab.trainer.epoch}" in snap.message
    assert f"not improved for 5 epochs; the best weights, from epoch {best}" in snap.message
    assert np.array_equal(lab.net.get_flat(), weights_at[best])
    val = snap.history["val_loss"]
    assert np.isfinite(val).all() and np.argmin(val) == best - 1


def test_early_stopping_trains_on_a_seeded_fifth_held_out():
    """With early stopping on, a seeded 20 % of the training points is held out."""
    lab = early_lab()
    fit, held = validation_split((lab.data.X_train, lab.data.y_train), lab.spec.seed)
    assert len(held[0]) == 4 and len(lab.trainer.X) == 16
    assert np.array_equal(lab.trainer.X, fit[0])
    lab.apply(cmd.SetConfig(replace(lab.config, early_stopping=False)))
    assert len(lab.trainer.X) == 20 and lab.snapshot().best_epoch is None


def test_bad_patience_is_refused():
    """A patience of 0 epochs or a fraction is refused with a message; nothing changes."""
    lab = make_lab()
    for bad in (0, 2.5, True):
        with pytest.raises(ValueError, match="patience"):
            lab.apply(cmd.SetConfig(replace(lab.config, early_stopping=True, patience=bad)))
    assert not lab.config.early_stopping


def _lab_requests(lesson: str, step: int) -> list:
    """The lab commands of one lesson step's setup (app-level requests left out)."""
    import json
    from pathlib import Path

    from nnviz.lessons.setup import to_requests

    lessons = Path(__file__).resolve().parents[1] / "resources" / "lessons"
    raw = json.loads((lessons / f"{lesson}.json").read_text(encoding="utf-8"))
    made = [r for entry in raw["steps"][step]["setup"] for r in to_requests(entry)]
    return [r for r in made if type(r).__module__ == "nnviz.commands"]


def test_the_perceptron_lessons_requests_give_its_numbers_in_the_window():
    """The lesson's own network, rule, reset and run through the lab: its mistakes per epoch."""
    from nnviz.lessons.cs188_perceptrons import perceptron

    lab = Lab(linear_data(), grid_resolution=20)
    for request in _lab_requests("perceptron", 0) + _lab_requests("perceptron", 1):
        lab.apply(request)
    numbers = perceptron()
    assert list(lab.snapshot().history["mistakes"]) == numbers["mistakes_per_epoch"]
    assert lab.net.weights[0][:, 0].tolist() == numbers["lines"][0]


def test_the_hand_wired_xor_lessons_requests_give_xor_in_the_window():
    """The XOR lesson's network and weights requests, applied to the lab, compute 0, 1, 1, 0."""
    corners = cmd.DataArrays(
        XOR_X, np.array([0, 1, 1, 0]), np.zeros((0, 2)), np.zeros(0), "binary", 2, 2
    )
    lab = Lab(corners, grid_resolution=20)
    for request in _lab_requests("xor-hand-wired", 0):
        lab.apply(request)
    assert lab.net.forward(XOR_X).ravel().tolist() == [0.0, 1.0, 1.0, 0.0]
