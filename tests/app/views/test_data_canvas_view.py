"""Data canvas: boundary line on the output, hovered neurons in their thumbnail colours."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.views.data_canvas_view import DataCanvasView
from nnviz import commands as cmd
from nnviz.engine.spec import NetworkSpec
from nnviz.palette import neuron_image
from tests.factories import make_snapshot, perceptron_lab


@pytest.fixture
def canvas(qtbot):
    """A shown, empty data canvas."""
    view = DataCanvasView()
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


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


def test_focus_caption_says_why_the_neuron_is_shown(qtbot):
    """Hover focus says how to leave; the graph's focus says it is the neuron being computed."""
    from app.views.data_canvas_view import DataCanvasView

    view = DataCanvasView()
    qtbot.addWidget(view)
    view.set_focus_neuron((1, 2))
    assert "h1[3]" in view.caption.text() and "move away" in view.caption.text()
    view.set_focus_neuron((1, 2), why="graph")
    assert "computation graph" in view.caption.text()
    view.set_focus_neuron(None)
    assert "h1[3]" not in view.caption.text()


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
