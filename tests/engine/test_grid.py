"""Tests for the all-neuron grid pass."""

import numpy as np

from nnviz.engine.grid import contour_levels, contour_segments, grid_points, neuron_grids
from nnviz.engine.mlp import MLP


def test_grid_points_are_row_major_y_up():
    """Row i of the grid is at height axis[i]; x varies fastest."""
    pts = grid_points((-1.0, 1.0), 3)
    assert np.allclose(pts[:3, 1], -1.0) and np.allclose(pts[:3, 0], [-1, 0, 1])
    assert np.allclose(pts[-1], [1, 1])


def test_neuron_grids_equal_per_point_forward():
    """Each neuron's grid value equals a forward pass at that point."""
    net = MLP([2, 3, 1], seed=2)
    grids = neuron_grids(net, ("x1", "x2"), (-6, 6), 5)
    axis = np.linspace(-6, 6, 5)
    rec = net.forward_record(np.array([[axis[4], axis[1]]]))  # column 4, row 1
    assert np.isclose(grids[1][2, 1, 4], rec.activations[1][0, 2])
    assert np.isclose(grids[-1][0, 1, 4], rec.output[0, 0])


def test_one_d_grid():
    """1-D inputs give (units, R) curves."""
    net = MLP([1, 2, 1], seed=0)
    grids = neuron_grids(net, ("x",), (-1, 1), 7, dim=1)
    assert [g.shape for g in grids] == [(1, 7), (2, 7), (1, 7)]


def test_contour_segments_trace_a_circle():
    """The 0.5 level of a disc-shaped sigmoid lies on the circle, drawn as segment pairs."""
    from nnviz.engine.grid import contour_segments

    axis = np.linspace(-6, 6, 60)
    gx, gy = np.meshgrid(axis, axis)
    grid = 1 / (1 + np.exp(np.hypot(gx - 1, gy) - 3))
    pts = contour_segments(grid, 0.5, axis)
    assert len(pts) > 40 and len(pts) % 2 == 0
    assert np.allclose(np.hypot(pts[:, 0] - 1, pts[:, 1]), 3, atol=0.02)


def test_contour_segments_saddle_nan_and_flat():
    """A saddle cell gives two segments; NaN corners and flat grids give none."""
    from nnviz.engine.grid import contour_segments

    axis = np.array([0.0, 1.0])
    assert contour_segments(np.array([[1.0, 0.0], [0.0, 1.0]]), 0.5, axis).shape == (4, 2)
    assert contour_segments(np.array([[1.0, np.nan], [0.0, 0.0]]), 0.5, axis).shape[1] == 2
    assert len(contour_segments(np.array([[np.nan, 1.0], [1.0, 1.0]]), 0.5, axis)) == 0
    assert len(contour_segments(np.zeros((5, 5)), 0.5, np.arange(5.0))) == 0
    assert len(contour_segments(np.zeros(5), 0.5, np.arange(5.0))) == 0


def test_contours_of_many_levels_in_one_pass_equal_one_level_at_a_time():
    """contour_levels gives every level exactly what contour_segments gives it alone: smooth
    lines, saddles (x·y, noise) and a grid with a hole (NaN) alike, and no level at all."""
    axis = np.linspace(-3, 3, 40)
    X, Y = np.meshgrid(axis, axis)
    noise = np.random.default_rng(1).random((40, 40))
    holed = noise.copy()
    holed[7, 9] = np.nan
    levels = (0.1, 0.3, 0.5, 0.7, 0.9)
    for grid in (1 / (1 + np.exp(-(X + 0.5 * Y))), X * Y, noise, holed):
        together = contour_levels(grid, levels, axis)
        assert len(together) == len(levels)
        for level, segments in zip(levels, together, strict=True):
            assert np.array_equal(segments, contour_segments(grid, level, axis))
    assert any(len(s) for s in contour_levels(X * Y, levels, axis))
    assert contour_levels(noise, (), axis) == []
