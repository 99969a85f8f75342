"""Tests for the 1-D curves."""

import numpy as np
import pytest

from nnviz.data import functions_1d


@pytest.mark.parametrize("name", list(functions_1d.CURVES))
def test_curves_are_sorted_evenly_spread_and_in_range(name):
    """x is sorted in [−1, 1] with one point per cell; y matches the curve and its range."""
    X, y = functions_1d.curve(name, 60, 0.0, np.random.default_rng(0))
    x = X[:, 0]
    assert X.shape == (60, 1) and np.all(np.diff(x) > 0) and x.min() >= -1 and x.max() <= 1
    cells = np.floor((x + 1) / (2 / 60)).astype(int)
    assert np.array_equal(cells, np.arange(60))
    fn, span = functions_1d.CURVES[name]
    assert np.allclose(y, fn(x)) and np.ptp(y) <= span + 1e-12


def test_curve_values():
    """A few exact values: sin(π/2·…), the cubic, the V and the step."""
    x = np.array([-1.0, -0.5, 0.0, 0.5, 1.0])
    table = {name: fn(x) for name, (fn, _) in functions_1d.CURVES.items()}
    assert np.allclose(table["sin"], [0, -1, 0, 1, 0], atol=1e-12)
    assert np.allclose(table["poly"], [-0.5, 0.5, 0, -0.5, 0.5])
    assert np.allclose(table["abs"], [0.5, 0, -0.5, 0, 0.5])
    assert table["step"].tolist() == [-0.5, -0.5, 0.5, 0.5, 0.5]


def test_noise_is_on_the_target_only():
    """Noise keeps x and adds noise of std noise × range to y."""
    clean = functions_1d.curve("sin", 20_000, 0.0, np.random.default_rng(4))
    noisy = functions_1d.curve("sin", 20_000, 0.05, np.random.default_rng(4))
    assert np.array_equal(clean[0], noisy[0])
    assert abs(np.std(noisy[1] - clean[1]) - 0.05 * 2.0) < 0.003
