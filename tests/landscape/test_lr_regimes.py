"""Learning-rate regimes on the bowl do what their names say."""

import numpy as np
import pytest

from nnviz.landscape.lr_regimes import critical_lr, lr_regimes, step_factor
from nnviz.landscape.race import Racer
from nnviz.landscape.surfaces import bowl


def test_regimes_are_fixed_fractions_of_one_over_lambda():
    """0.1/λ, 0.9/λ, 1.9/λ and 2.1/λ, with factors 1 − lr·λ."""
    regimes = lr_regimes(4.0)
    assert [r.name for r in regimes] == ["slow", "good", "oscillating", "diverging"]
    assert [r.lr for r in regimes] == pytest.approx([0.025, 0.225, 0.475, 0.525])
    assert [r.factor for r in regimes] == pytest.approx([0.9, 0.1, -0.9, -1.1])
    assert critical_lr(4.0) == 0.5 and step_factor(0.5, 4.0) == -1.0
    with pytest.raises(ValueError):
        lr_regimes(0.0)


def test_regimes_behave_as_named_on_the_bowl():
    """x shrinks slowly, fast, see-saws, and blows up, as the four names promise."""
    s = bowl(condition=1.0, lambda_max=2.0)
    xs = {}
    for regime in lr_regimes(2.0):
        racer = Racer("sgd", s.loss_and_grad, (1.0, 0.0), lr=regime.lr, tol=0.0)
        for _ in range(20):
            racer.step()
        xs[regime.name] = racer.path.points[:, 0]
    assert np.all(np.diff(xs["slow"]) < 0) and xs["slow"][-1] > 0.1
    assert xs["good"][1] == pytest.approx(0.1)
    osc = xs["oscillating"]
    assert np.all(np.sign(osc[1:]) != np.sign(osc[:-1])) and abs(osc[-1]) < 1
    assert abs(xs["diverging"][-1]) > 5
