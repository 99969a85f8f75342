"""The sweep runner: results in grid order with progress, prompt cancel, the same every time."""

import numpy as np
import pytest

from nnviz.experiments.double_descent import cell_errors
from nnviz.experiments.sweep import SWEEPS, Sweep, SweepKind, SweepResult, run_sweep, sweepable

SMALL = Sweep("double-descent", (10, 40, 80), seeds=(0, 1, 2))


def test_results_stream_in_grid_order_with_progress():
    """One result per cell, in order, index and value matching, progress rising to 1."""
    results = list(run_sweep(SMALL))
    assert [r.index for r in results] == [0, 1, 2]
    assert [r.value for r in results] == [10, 40, 80]
    assert [r.progress for r in results] == pytest.approx([1 / 3, 2 / 3, 1.0])
    assert all(isinstance(r, SweepResult) for r in results)


def test_a_cell_equals_the_experiment_itself():
    """The double-descent cell reports the experiment's own median errors for that width."""
    result = next(run_sweep(SMALL)).result
    direct = cell_errors(10, (0, 1, 2))
    assert result["test"] == float(np.median(direct["test"]))
    assert result["test_error_by_seed"] == direct["test"].tolist()


def test_cancel_stops_promptly():
    """Cancelling after the first result: no further result is yielded and no cell is run."""
    asked = []
    flag = {"stop": False}

    def cancelled() -> bool:
        asked.append(flag["stop"])
        return flag["stop"]

    seen = []
    for result in run_sweep(SMALL, cancelled):
        seen.append(result)
        flag["stop"] = True
    assert len(seen) == 1 and len(asked) == 3  # before cell 0, after it, then before cell 1


def test_cancelled_before_start_yields_nothing():
    """A sweep cancelled before it starts computes nothing."""
    assert list(run_sweep(SMALL, lambda: True)) == []


def test_sweeps_are_deterministic():
    """Running the same sweep twice gives equal results (times aside)."""
    sweep = Sweep("double-descent-epochs", (20, 40), seeds=(3, 4), options=(("steps", (1, 100)),))
    assert list(run_sweep(sweep)) == list(run_sweep(sweep))


def test_bad_sweeps_are_refused_before_running():
    """Unknown experiment, empty grid, bad width or bad seeds: a ValueError at construction."""
    with pytest.raises(ValueError, match="unknown experiment"):
        Sweep("no-such-thing", (1,), (0,))
    with pytest.raises(ValueError, match="grid"):
        Sweep("double-descent", (), (0,))
    with pytest.raises(ValueError, match="whole number"):
        Sweep("double-descent", (0,), (0,))
    with pytest.raises(ValueError, match="seeds"):
        Sweep("double-descent", (5,), (-1,))


def test_every_experiment_of_the_window_is_sweepable():
    """Double descent is built in; the cells module registers the window's other experiments."""
    import nnviz.experiments.cells  # noqa: F401 - registers them

    names = sweepable()
    for name in ("double-descent", "double-descent-epochs", "overparameterisation", "depth-init"):
        assert name in names


def test_a_cell_gets_its_value_seeds_and_options(monkeypatch):
    """Each grid value is computed by the registered cell with the sweep's seeds and options."""
    calls = []

    def cell(width, seeds, steps):
        calls.append((width, seeds, steps))
        return {"success_rate": 1.0}

    monkeypatch.setitem(SWEEPS, "overparameterisation", SweepKind("width", lambda: cell))
    sweep = Sweep("overparameterisation", (2, 16), (0, 1), options=(("steps", 50),))
    results = list(run_sweep(sweep))
    assert calls == [(2, (0, 1), 50), (16, (0, 1), 50)]
    assert [r.result for r in results] == [{"success_rate": 1.0}] * 2
