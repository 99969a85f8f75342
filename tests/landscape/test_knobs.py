"""The network's loss as a function of a few chosen knobs, with the backprop gradient."""

import numpy as np
import pytest

from nnviz.engine.problem import Problem
from nnviz.landscape.knobs import KnobObjective


def test_knob_values_and_gradients_match_setting_weights_by_hand(problem):
    """L(p) = net.loss with the knobs set to p; ∂L/∂p = central finite differences."""
    net, X, y = problem
    refs = [(0, 1, 3), (1, 2), (2, 0, 0)]
    knobs = KnobObjective(Problem(net, X, y, "log", l2=0.02), refs)
    p = np.array([0.4, -0.3, 1.1])
    twin = net.copy()
    twin.weights[0][1, 3], twin.biases[1][2], twin.weights[2][0, 0] = p
    value, grad = knobs(p)
    assert value == pytest.approx(twin.loss(X, y, "log", l2=0.02), rel=1e-13)
    h = 1e-6
    for k in range(3):
        e = np.zeros(3)
        e[k] = h
        numeric = (knobs(p + e)[0] - knobs(p - e)[0]) / (2 * h)
        assert grad[k] == pytest.approx(numeric, rel=1e-6, abs=1e-9)
    assert knobs.labels == ("W1[1,3]", "b2[2]", "W3[0,0]")


def test_knobs_start_where_the_network_is_and_never_touch_it(problem):
    """start holds the current values; evaluating elsewhere leaves the live net unchanged."""
    net, X, y = problem
    before = net.get_flat()
    knobs = KnobObjective(Problem(net, X, y, "log"), [(0, 0, 0), (0, 1, 0)])
    assert np.array_equal(knobs.start, [net.weights[0][0, 0], net.weights[0][1, 0]])
    knobs(np.array([5.0, -5.0]))
    assert np.array_equal(net.get_flat(), before)
    assert knobs(knobs.start)[0] == pytest.approx(net.loss(X, y, "log"), rel=1e-14)


def test_one_knob_value_and_derivative_for_the_1d_panel(problem):
    """value(x) and derivative(x) move only the first knob."""
    net, X, y = problem
    knobs = KnobObjective(Problem(net, X, y, "log"), [(2, 2, 0)])
    h = 1e-6
    numeric = (knobs.value(0.3 + h) - knobs.value(0.3 - h)) / (2 * h)
    assert knobs.derivative(0.3) == pytest.approx(numeric, rel=1e-6)


def test_the_same_knob_twice_is_an_error(problem):
    """Two knobs naming one parameter would make the gradient ambiguous: ValueError."""
    net, X, y = problem
    with pytest.raises(ValueError):
        KnobObjective(Problem(net, X, y, "log"), [(0, 0, 0), 0])
