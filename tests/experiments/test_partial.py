"""Tests for figures of partial sweeps: valid at every step, growing as cells arrive."""

import pytest

from nnviz.experiments.catalogue import EXPERIMENTS
from nnviz.experiments.live_network import default_network
from nnviz.experiments.partial import partial_figure
from nnviz.experiments.sweep import Sweep, run_sweep
from nnviz.lessons.figure_data import validate_figure

SMALL = {
    "double-descent": {"seeds": "2"},
    "double-descent-epochs": {"seeds": "2"},
    "overparameterisation": {"seeds": "2", "steps": "100"},
    "depth-init": {"depth": "4", "steps": "20"},
    "backprop-cost": {"points": "10"},
    "active-learning": {},
    "min-max-game": {"steps": "20"},
}


def _sweep(key: str) -> Sweep:
    """The panel's sweep with small settings (active learning's simulated sessions directly)."""
    if key == "active-learning":
        return Sweep(key, (1, 2), (0,), (("budget", 12), ("k", 4)))
    experiment = EXPERIMENTS[key]
    live = default_network() if experiment.live else None
    return experiment.sweep({**experiment.defaults(), **SMALL[key]}, live)


@pytest.mark.parametrize("key", list(SMALL))
def test_every_partial_figure_is_valid(key):
    """After each cell the figure of the cells so far passes the figure checker."""
    sweep = _sweep(key)
    done = []
    assert partial_figure(done, sweep) is None
    for result in run_sweep(sweep):
        done.append(result)
        validate_figure(partial_figure(done, sweep))


def test_the_double_descent_curve_grows_with_the_widths_done():
    """The test-error curve has one point per width done, in p order, and the threshold line."""
    experiment = EXPERIMENTS["double-descent"]
    sweep = experiment.sweep({"seeds": "2"})
    cells = list(run_sweep(sweep))
    for k in (1, 5, len(cells)):
        fig = partial_figure(list(reversed(cells[:k])), sweep)  # arrival order does not matter
        assert fig["curves"][0]["xs"] == [float(p) for p in sweep.grid[:k]]
        assert fig["vlines"][0]["x"] == 40
        done = k == len(cells)  # the worst width so far is called the peak once all are in
        assert fig["marks"][0]["label"].startswith("peak at p = " if done else "worst so far")


def test_the_backprop_figure_names_the_live_network_and_draws_it_beside_the_lines():
    """The live cell comes first: alone it is two green points and the title; then the lines."""
    live = default_network()
    sweep = EXPERIMENTS["backprop-cost"].sweep({"points": "10"}, live)
    cells = run_sweep(sweep)
    first = next(cells)
    fig = partial_figure([first], sweep)
    assert first.value == "live" and first.result["params"] == 25
    assert "2-4-2-1 tanh" in fig["title"] and "25 parameters" in fig["title"]
    time, passes = fig["panels"]
    assert [c["name"] for c in time["curves"]] == ["live network"]
    assert passes["curves"][0]["ys"] == [2.0, 50.0]
    fig = partial_figure([first, next(cells)], sweep)
    assert [c["name"] for c in fig["panels"][0]["curves"]][:2] == ["backprop", "finite differences"]
