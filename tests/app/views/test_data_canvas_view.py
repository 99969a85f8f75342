"""Data canvas: boundary line on the output, hovered neurons in their thumbnail colours."""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import Qt

from nnviz import commands as cmd
from nnviz.engine.spec import NetworkSpec
from nnviz.palette import neuron_image
from tests.factories import make_snapshot, perceptron_lab


def test_boundary_line_lies_on_the_half_probability_level(canvas):
    """Every drawn boundary point is where the output crosses 0.5 (as sampled on the grid)."""
    snap = make_snapshot(epochs=2)
    canvas.show_snapshot(snap)
    x, y = canvas.contour.getData()
    assert len(x) > 0 and len(x) % 2 == 0
    axis, p = snap.grid_axis, snap.output_grid[0]
    cols = np.clip(np.searchsorted(axis, x), 1, len(axis) - 1)
    rows = np.clip(np.searchsorted(axis, y), 1, len(axis) - 1)
    around = np.stack([p[rows - a, cols - b] for a in (0, 1) for b in (0, 1)])
    assert np.all((around.min(axis=0) <= 0.5) & (around.max(axis=0) >= 0.5))


def test_hovered_neuron_uses_the_shared_neuron_colours(canvas):
    """The big heatmap of a hovered hidden neuron is palette.neuron_image, like its thumbnail."""
    snap = make_snapshot(NetworkSpec(hidden=(3,), activation="relu"), epochs=1)
    canvas.show_snapshot(snap)
    canvas.set_focus_neuron((1, 2))
    grid = snap.neuron_grids[1][2]
    assert np.array_equal(canvas.image.image, neuron_image(grid, "relu"))
    x, _ = canvas.contour.getData()
    assert x is None or len(x) == 0  # a single neuron has no decision boundary
    canvas.set_focus_neuron(None)
    assert len(canvas.contour.getData()[0]) > 0


def test_the_averaged_perceptron_line_is_drawn_dashed_beside_the_raw_one(canvas):
    """Under the averaged perceptron the canvas draws the lab's overlay grid's line, dashed."""
    lab = perceptron_lab("averaged_perceptron", noise=1.0, seed=0)
    lab.apply(cmd.TrainEpochs(5))
    snap = lab.snapshot()
    canvas.show_snapshot(snap)
    x, y = canvas.averaged.getData()
    assert len(x) > 0 and len(x) % 2 == 0
    assert canvas.averaged.opts["pen"].style() == Qt.PenStyle.DashLine
    axis, p = snap.grid_axis, snap.overlay_grid[0]
    cols = np.clip(np.searchsorted(axis, x), 1, len(axis) - 1)
    rows = np.clip(np.searchsorted(axis, y), 1, len(axis) - 1)
    around = np.stack([p[rows - a, cols - b] for a in (0, 1) for b in (0, 1)])
    assert np.all((around.min(axis=0) <= 0.5) & (around.max(axis=0) >= 0.5))
    assert len(canvas.contour.getData()[0]) > 0  # the raw line is still there
    other = dataclasses.replace(make_snapshot(epochs=1), seq=snap.seq + 1)
    canvas.show_snapshot(other)  # another optimizer: no dashed line
    x, _ = canvas.averaged.getData()
    assert x is None or len(x) == 0


def _logistic_lab(loss: str = "log"):
    """A 2-weight logistic model σ(x1 + 0.5·x2) (no bias, no hidden layer) on circle data."""
    from nnviz import commands as cmd
    from nnviz.engine.trainer import TrainConfig
    from tests.factories import make_lab

    spec = NetworkSpec(hidden=(), bias=False)
    lab = make_lab(spec, config=TrainConfig(loss=loss))
    lab.apply(cmd.SetParams((np.array([[1.0], [0.5]]),)))
    return lab


def test_logistic_model_shows_five_labelled_probability_contours(canvas):
    """Lines at 0.1, 0.3, 0.7, 0.9 beside the boundary, and a label for all five levels."""
    snap = _logistic_lab().snapshot()
    canvas.show_snapshot(snap)
    assert canvas.probability.box.isChecked() and canvas.probability.box.isEnabled()
    assert canvas.probability.contours.label_texts() == ["0.1", "0.3", "0.5", "0.7", "0.9"]
    x, y = canvas.probability.contours.lines.getData()
    levels = 1 / (1 + np.exp(-(x + 0.5 * y)))  # every thin point lies on one of the four levels
    assert len(x) > 0 and np.all(np.min(np.abs(levels[:, None] - [0.1, 0.3, 0.7, 0.9]), 1) < 0.01)
    canvas.probability.box.setChecked(False)
    assert canvas.probability.contours.label_texts() == []
    assert len(canvas.contour.getData()[0]) > 0  # the decision boundary stays


def test_contours_are_off_by_default_without_log_loss(canvas):
    """A sigmoid trained on squared error may show contours, but they start off."""
    canvas.show_snapshot(_logistic_lab("mse").snapshot())
    assert canvas.probability.box.isEnabled() and not canvas.probability.box.isChecked()
    assert canvas.probability.contours.label_texts() == []


def test_log_likelihood_readout_equals_the_engine(canvas):
    """The readout under the canvas is ll = Σ log P(y_i|x_i) of the lab's training data."""
    from nnviz.engine.likelihood import log_likelihood

    lab = _logistic_lab()
    canvas.show_snapshot(lab.snapshot())
    ll = log_likelihood(lab.net, lab.data.X_train, lab.data.y_train)
    assert f"= {ll:.4g} (training set)".replace("-", "−") in canvas.probability.likelihood.text()
