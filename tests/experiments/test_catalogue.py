"""Tests for the window's experiment catalogue: controls parse or refuse, sweeps are built."""

import pytest

from nnviz.experiments.backprop_cost import LIVE
from nnviz.experiments.catalogue import EXPERIMENTS, Control, say_time, time_left
from nnviz.experiments.live_network import default_network
from nnviz.experiments.sweep import SWEEPS, Sweep


def test_every_experiment_builds_a_runnable_sweep_from_its_defaults():
    """Defaults give a valid Sweep whose cell function is registered (except the one by hand)."""
    swept = [e for e in EXPERIMENTS.values() if not e.interactive]
    assert [e.id for e in EXPERIMENTS.values() if e.interactive] == ["active-learning"]
    for experiment in swept:
        sweep = experiment.sweep(experiment.defaults())
        assert SWEEPS[sweep.experiment].cell() is not None, experiment.id


def test_a_bad_value_is_refused_with_one_sentence_naming_it():
    """Text, out-of-range and fractional values name the setting and its range."""
    n = Control("n", "N (training points)", 40, 4, 200)
    assert n.parse(" 12 ") == 12
    for text in ("abc", "3", "12.5", "nan"):
        with pytest.raises(ValueError, match=r"N \(training points\) must be a whole number"):
            n.parse(text)
    assert Control("lr", "step size", 0.1, 0.001, 1, whole=False).parse("0,2") == 0.2


def test_double_descent_sweeps_the_widths_around_n():
    """N = 20 sweeps widths through 20 and 40, with the noise and ridge as options."""
    sweep = EXPERIMENTS["double-descent"].sweep({"n": "20", "noise": "0.3", "seeds": "5"})
    assert 20 in sweep.grid and 40 in sweep.grid and sweep.seeds == tuple(range(5))
    assert dict(sweep.options) == {"n_train": 20, "noise": 0.3, "ridge": 1e-3}


def test_active_learning_is_played_by_hand_with_checked_settings():
    """Its controls parse into a session's settings; asking it for a sweep is refused."""
    experiment = EXPERIMENTS["active-learning"]
    values = experiment.values({"seed": "3", "noise": "0,2", "budget": "30", "k": "6"})
    assert values == {"seed": 3, "noise": 0.2, "budget": 30, "k": 6}
    with pytest.raises(ValueError, match="candidates ringed must be a whole number from 1 to 20"):
        experiment.values({"k": "25"})
    with pytest.raises(ValueError, match="played by hand"):
        experiment.sweep(experiment.defaults())


def test_backprop_cost_measures_the_live_network_first_when_given_one():
    """With a live network the grid starts with "live" and the sweep carries it; without, not."""
    experiment = EXPERIMENTS["backprop-cost"]
    live = default_network()
    sweep = experiment.sweep(experiment.defaults(), live)
    assert sweep.grid[0] == LIVE and dict(sweep.options)["live"] is live
    alone = experiment.sweep(experiment.defaults())
    assert LIVE not in alone.grid and "live" not in dict(alone.options)


def test_live_is_a_grid_value_of_backprop_cost_only():
    """Another experiment refuses the named value "live" like any other non-number."""
    with pytest.raises(ValueError, match="width must be a whole number"):
        Sweep("overparameterisation", (LIVE,), (0,))


def test_time_left_scales_the_time_so_far():
    """A quarter done in 3 s leaves about 9 s; nothing done yet is 'estimating'."""
    assert time_left(0.25, 3.0) == pytest.approx(9.0)
    assert time_left(0.0, 1.0) is None and "estimating" in say_time(None)
    assert say_time(9.2) == "about 9 s left" and say_time(300) == "about 5 min left"
