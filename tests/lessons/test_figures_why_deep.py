"""Each new plot-stage figure draws exactly the numbers its lesson's number function reports."""

import math

import numpy as np
import pytest

from nnviz.experiments.active_learning import active_learning
from nnviz.lessons import compute
from nnviz.lessons.figure_data import validate_figure
from nnviz.lessons.figures import FIGURES

NEW = ("double-descent", "double-descent-epochs", "depth-init", "backprop-cost",
       "active-learning", "min-max-game", "generalisation", "shortcut")  # fmt: skip


def _curve(fig: dict, start: str) -> dict:
    """The one curve named ``start``, or else the one curve whose name starts with it."""
    exact = [c for c in fig["curves"] if c["name"] == start]
    (found,) = exact or [c for c in fig["curves"] if c["name"].startswith(start)]
    return found


@pytest.fixture(scope="module")
def figs() -> dict:
    """Every new figure, made once (each takes up to a couple of seconds)."""
    return {key: FIGURES[key]() for key in NEW}


def test_new_figures_are_registered_and_valid(figs):
    """All eight keys are in the registry and pass the checker."""
    for fig in figs.values():
        validate_figure(fig)


def test_double_descent_draws_the_reported_curves(figs):
    """Test error by p, the threshold line at n_train, train error only while it is above 0."""
    fig, numbers = figs["double-descent"], compute("double-descent")
    assert fig["log_y"] is True
    (line,) = fig["vlines"]
    assert line["x"] == numbers["n_train"] and "interpolation threshold" in line["label"]
    test = _curve(fig, "test error")
    assert test["xs"] == numbers["ps"] and test["ys"] == numbers["test_error_by_p"]
    assert _curve(fig, "test error, stopped early")["ys"] == numbers["early_stopping_by_p"]
    assert _curve(fig, "test error, a little ridge")["ys"] == numbers["ridge_by_p"]
    train = _curve(fig, "training error")
    by_p = dict(zip(numbers["ps"], numbers["train_error_by_p"], strict=True))
    assert train["ys"] == [by_p[p] for p in train["xs"]]
    assert (
        max(train["xs"])
        < numbers["interpolation_p"]
        <= min(p for p in by_p if p not in train["xs"])
    )
    (peak,) = fig["marks"]
    assert (peak["x"], peak["y"]) == (numbers["peak_p"], numbers["peak_test_error"])


def test_epoch_heatmap_is_the_reported_grid_with_t_as_rows(figs):
    """The heatmap's rows are the steps T, its columns the widths p, its values the grid."""
    heat, numbers = figs["double-descent-epochs"]["heatmap"], compute("double-descent-epochs")
    assert heat["xs"] == numbers["ps"] and heat["ys"] == numbers["steps"]
    np.testing.assert_array_equal(np.array(heat["values"]), np.array(numbers["grid"]).T)
    assert heat["log"] is True
    assert [v["x"] for v in figs["double-descent-epochs"]["vlines"]] == [40]


def test_depth_init_panels_show_norms_and_losses(figs):
    """Log bars of the per-layer norms for both scales; both loss curves and the ln 2 line."""
    numbers = compute("depth-init")
    bars_panel, loss_panel = figs["depth-init"]["panels"]
    chart = bars_panel["bars"]
    assert chart["log_y"] is True and len(chart["labels"]) == numbers["depth"]
    small, xavier = chart["series"]
    assert small["values"] == numbers["grad_norm_by_layer"]["small"]
    assert xavier["values"] == numbers["grad_norm_by_layer"]["xavier"]
    assert _curve(loss_panel, "Xavier")["ys"] == numbers["loss_curve"]["xavier"]
    assert _curve(loss_panel, "0.5×")["ys"] == numbers["loss_curve"]["small"]
    assert set(_curve(loss_panel, "ln 2")["ys"]) == {numbers["ln2"]}


def test_backprop_cost_bars_count_the_reported_passes(figs):
    """Pass bars are the reported counts; the timing bars are measured, positive numbers."""
    numbers = compute("backprop-cost")
    passes, times = (p["bars"] for p in figs["backprop-cost"]["panels"])
    expected = [numbers["passes_backprop"], numbers["passes_finite_difference"]]
    assert passes["series"][0]["values"] == expected
    assert all(v > 0 for v in times["series"][0]["values"])
    assert str(numbers["params"]) in figs["backprop-cost"]["title"]


def test_active_learning_means_are_the_reported_accuracies(figs):
    """The bold curves are the reported means; one faint curve per seed and strategy."""
    fig, numbers = figs["active-learning"], compute("active-learning")
    for key, name in (("active", "most uncertain first, mean"), ("random", "at random, mean")):
        assert _curve(fig, name)["ys"] == numbers["accuracy_by_labels"][key]
        assert _curve(fig, name)["xs"] == numbers["labels"]
    faint = [c for c in fig["curves"] if c.get("style") == "faint"]
    assert len(faint) == 2 * len(active_learning(10, 0).per_seed["active"])


def test_min_max_game_paths_and_their_ends(figs):
    """Both paths are the reported ones; the end marks sit at their last points and radii."""
    fig, numbers = figs["min-max-game"], compute("min-max-game")
    assert fig["equal_axes"] is True
    for key, name in (("gda", "descent–ascent"), ("extragradient", "extragradient")):
        path = np.array(numbers["paths"][key])
        drawn = _curve(fig, name)
        np.testing.assert_array_equal(drawn["xs"], path[:, 0])
        (end,) = [m for m in fig["marks"] if m["label"].startswith(f"{name} ends")]
        assert math.hypot(end["x"], end["y"]) == pytest.approx(numbers["radius_end"][key])


def test_generalisation_figure_marks_the_reported_guess(figs):
    """The gap lines sit at the reported gap; the mark is the fit's guess inside it."""
    fig, numbers = figs["generalisation"], compute("generalisation")
    assert [v["x"] for v in fig["vlines"]] == numbers["gap"]
    (guess,) = fig["marks"]
    assert (guess["x"], guess["y"]) == (numbers["x_in_gap"], numbers["prediction_in_gap"])
    assert _curve(fig, "six-knob fit")["ys"] == numbers["curve_y"]
    points = _curve(fig, "training points")
    assert len(points["xs"]) == numbers["n_train"]
    assert not any(numbers["gap"][0] <= x <= numbers["gap"][1] for x in points["xs"])


def test_shortcut_figure_shows_the_reported_weights_and_accuracies(figs):
    """The weight bars are the learned weights; the accuracy bars the three reported ones."""
    numbers = compute("shortcut")
    weights, accuracy = (p["bars"] for p in figs["shortcut"]["panels"])
    assert weights["labels"] == numbers["features"]
    assert weights["series"][0]["values"] == [*numbers["real_weights"], numbers["shortcut_weight"]]
    assert accuracy["series"][0]["values"] == [
        numbers["train_accuracy"], numbers["test_accuracy"], numbers["honest_test_accuracy"],
    ]  # fmt: skip
