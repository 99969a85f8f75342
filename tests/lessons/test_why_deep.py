"""The "why deep learning works" lesson numbers, computed live, show the issue's phenomena."""

import json

import pytest

from nnviz.engine import MLP
from nnviz.lessons import compute


def _plain(numbers: dict) -> dict:
    """The numbers survive a JSON round trip unchanged (plain values only, no NumPy types)."""
    assert json.loads(json.dumps(numbers)) == numbers
    return numbers


@pytest.fixture(scope="module")
def dd():
    return _plain(compute("double-descent"))


def test_double_descent_peaks_at_n(dd):
    """Peak within ±10 % of N, where training error first reaches 0, ≥ 3× the error at 2N."""
    n = dd["n_train"]
    assert abs(dd["peak_p"] - n) <= 0.1 * n
    assert dd["interpolation_p"] == n
    first_zero = next(p for p, e in zip(dd["ps"], dd["train_error_by_p"], strict=True) if e < 1e-8)
    assert first_zero == n
    assert max(dd["test_error_by_p"]) >= 3 * dd["test_error_by_p"][dd["ps"].index(2 * n)]


def test_double_descent_bump_flattened(dd):
    """Early stopping lowers the peak ≥ 3×, and so does a little ridge."""
    peak = max(dd["test_error_by_p"])
    assert peak >= 3 * dd["peak_with_early_stopping"]
    assert peak >= 3 * dd["peak_with_ridge"]


def test_double_descent_follows_n():
    """With N = 30 the widths move with it and the peak moves to p = 30."""
    numbers = compute("double-descent", n_train=30, n_seeds=10)
    assert 30 in numbers["ps"] and 60 in numbers["ps"]
    assert abs(numbers["peak_p"] - 30) <= 3


def test_epoch_grid_has_both_descents():
    """The (p, T) grid: one row per width, one column per T; the last column bumps at N."""
    numbers = _plain(compute("double-descent-epochs", n_seeds=10))
    grid, ps = numbers["grid"], numbers["ps"]
    assert len(grid) == len(ps) and all(len(row) == len(numbers["steps"]) for row in grid)
    last = [row[-1] for row in grid]
    assert ps[last.index(max(last))] == 40
    at_n = grid[ps.index(40)]
    assert min(at_n) < at_n[0] and min(at_n) < at_n[-1] / 3  # falls, then rises with T


def test_depth_init_small_scale_stalls():
    """0.5× Xavier: ten tiny gradient norms and loss stuck at ln 2; Xavier trains well below."""
    numbers = _plain(compute("depth-init"))
    small, right = numbers["grad_norm_by_layer"]["small"], numbers["grad_norm_by_layer"]["xavier"]
    assert len(small) == len(right) == 10
    assert all(s < r / 10 for s, r in zip(small, right, strict=True))
    assert abs(numbers["final_loss"]["small"] - numbers["ln2"]) < 0.01
    assert numbers["final_loss"]["xavier"] < 0.5 * numbers["final_loss"]["small"]


def test_backprop_cost_counts_and_agreement():
    """2-8-8-1: 105 parameters, 2 passes vs 210, the same gradient to 1e-7."""
    numbers = _plain(compute("backprop-cost"))
    assert numbers["params"] == 105
    assert numbers["passes_backprop"] == 2 and numbers["passes_finite_difference"] == 210
    assert numbers["max_difference"] < 1e-7


def test_backprop_cost_on_a_given_network():
    """A network passed as its dict (the live one, say) is the one measured."""
    net = MLP([2, 3, 1], "tanh", "identity", seed=2)
    numbers = compute("backprop-cost", network=net.to_dict())
    assert numbers["params"] == net.n_params == 13
    assert numbers["passes_finite_difference"] == 26


def test_active_learning_beats_random():
    """Accuracy by labels for both; active ≥ random at the mid budget and the end."""
    numbers = _plain(compute("active-learning"))
    active, random = (numbers["accuracy_by_labels"][k] for k in ("active", "random"))
    assert len(active) == len(random) == len(numbers["labels"])
    mid = len(numbers["labels"]) // 2
    assert active[mid] >= random[mid] and active[-1] >= random[-1]


def test_min_max_game():
    """Descent–ascent ends further out than it started; extragradient ends closer in."""
    numbers = _plain(compute("min-max-game"))
    start, end = numbers["radius_start"], numbers["radius_end"]
    assert end["gda"] > start["gda"]
    assert end["extragradient"] < start["extragradient"]
