"""Tests for figures of partial sweeps: valid at every step, growing as cells arrive."""

import pytest

from nnviz.experiments.catalogue import EXPERIMENTS
from nnviz.experiments.partial import partial_figure
from nnviz.experiments.sweep import run_sweep
from nnviz.lessons.figure_data import validate_figure

SMALL = {
    "double-descent": {"seeds": "2"},
    "double-descent-epochs": {"seeds": "2"},
    "overparameterisation": {"seeds": "2", "steps": "100"},
    "depth-init": {"depth": "4", "steps": "20"},
    "backprop-cost": {"points": "10"},
    "active-learning": {"sessions": "2", "budget": "12"},
    "min-max-game": {"steps": "20"},
}


@pytest.mark.parametrize("key", list(SMALL))
def test_every_partial_figure_is_valid(key):
    """After each cell the figure of the cells so far passes the figure checker."""
    experiment = EXPERIMENTS[key]
    sweep = experiment.sweep({**experiment.defaults(), **SMALL[key]})
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
