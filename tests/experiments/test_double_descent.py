"""Double descent with random ReLU features: the issue's qualitative results from a fixed seed."""

import numpy as np
import pytest

from nnviz.experiments.double_descent import DEFAULT_PS, cell_errors, double_descent, epoch_grid


@pytest.fixture(scope="module")
def curve():
    return double_descent()  # N = 40, 17 widths, 20 data sets, seed 0


def test_widths_pass_through_n(curve):
    """The default sweep has 17 widths, from 5 to 200, with p = N and p = 2N among them."""
    assert len(curve.ps) == 17 and curve.n_train == 40
    assert {40, 80} <= set(curve.ps) and min(curve.ps) == 5 and max(curve.ps) == 200


def test_peak_is_at_the_interpolation_threshold(curve):
    """Test error peaks within ±10 % of p = N, exactly where training error first reaches 0."""
    assert abs(curve.peak_p - curve.n_train) <= 0.1 * curve.n_train
    assert curve.interpolation_p == curve.n_train
    below = np.array(curve.ps) < curve.n_train
    assert np.all(curve.train_error[below] > 1e-4)  # narrower models cannot fit every point


def test_second_descent(curve):
    """The peak is at least 3× the test error at p = 2N, and error keeps falling past it."""
    peak = curve.test_error.max()
    at_2n = curve.test_error[curve.ps.index(2 * curve.n_train)]
    assert peak >= 3 * at_2n
    after = curve.test_error[curve.ps.index(curve.peak_p) :]
    assert np.all(np.diff(after) < 0)


def test_early_stopping_and_ridge_flatten_the_bump(curve):
    """At the threshold, early stopping lowers the error ≥ 3×; a little ridge does too."""
    i = curve.ps.index(curve.peak_p)
    assert curve.test_error[i] >= 3 * curve.early_stopping[i]
    assert curve.test_error[i] >= 3 * curve.ridge[i]
    # "The bump almost disappears": no regularised width is worse than the narrowest model.
    assert curve.early_stopping.max() <= curve.early_stopping[0] * 1.05
    assert curve.ridge.max() <= curve.ridge[0] * 1.05


def test_a_cell_is_deterministic_and_matches_the_curve(curve):
    """One sweep cell (one p, the same seeds) reproduces its point of the curve exactly."""
    cell = cell_errors(40, range(20))
    assert np.median(cell["test"]) == curve.test_error[DEFAULT_PS.index(40)]
    again = cell_errors(40, range(20))
    for key in cell:
        np.testing.assert_array_equal(cell[key], again[key])


def test_epoch_grid_shape_and_time_course():
    """The (p, T) grid: at p = N error first falls with T, then rises as noise is fitted."""
    ps, steps = (10, 40, 160), (1, 30, 1000, 100000)
    grid = epoch_grid(ps, steps, n_seeds=10)
    assert grid.shape == (3, 4) and np.all(np.isfinite(grid))
    at_n = grid[1]
    assert at_n[1] < at_n[0] and at_n[3] > 2 * at_n[1]
    assert grid[1, -1] > grid[0, -1] and grid[1, -1] > grid[2, -1]  # model-wise bump at T → ∞
