"""Tests for the window's experiment catalogue: controls parse or refuse, sweeps are built."""

import pytest

from nnviz.experiments.catalogue import EXPERIMENTS, Control, say_time, time_left
from nnviz.experiments.sweep import SWEEPS


def test_every_experiment_builds_a_runnable_sweep_from_its_defaults():
    """Defaults give a valid Sweep whose cell function is registered."""
    for experiment in EXPERIMENTS.values():
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


def test_active_learning_needs_room_for_one_round():
    """A label budget smaller than the first labels plus one round is refused."""
    with pytest.raises(ValueError, match="at least 14"):
        EXPERIMENTS["active-learning"].sweep({"budget": "10", "k": "10"})


def test_time_left_scales_the_time_so_far():
    """A quarter done in 3 s leaves about 9 s; nothing done yet is 'estimating'."""
    assert time_left(0.25, 3.0) == pytest.approx(9.0)
    assert time_left(0.0, 1.0) is None and "estimating" in say_time(None)
    assert say_time(9.2) == "about 9 s left" and say_time(300) == "about 5 min left"
