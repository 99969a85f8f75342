"""Backprop against finite differences: the pass counts, the parameter count, the same gradient."""

import numpy as np

from nnviz.engine import MLP
from nnviz.engine.problem import Problem
from nnviz.experiments.backprop_cost import backprop_cost, cost_numbers, default_problem, measure


def test_default_problem_counts():
    """2-8-8-1 with biases has 105 parameters: backprop 2 passes, differences 210."""
    result = backprop_cost()
    assert result.params == 2 * 8 + 8 + 8 * 8 + 8 + 8 + 1 == 105
    assert result.passes_backprop == 2
    assert result.passes_finite_difference == 210


def test_both_ways_give_the_same_gradient():
    """The two gradients agree to finite-difference accuracy (≤ 1e-7)."""
    assert backprop_cost().max_difference < 1e-7


def test_the_network_is_left_unchanged():
    """Measuring the cost does not move a single weight of the given network."""
    net, X, y = default_problem()
    before = net.get_flat()
    backprop_cost(net, X, y)
    np.testing.assert_array_equal(net.get_flat(), before)


def test_any_given_network():
    """A different net and loss: counts follow its parameters, gradients still agree."""
    net = MLP([3, 5, 2], "relu", "identity", seed=1)
    X = np.random.default_rng(0).normal(size=(30, 3))
    y = np.random.default_rng(1).normal(size=(30, 2))
    result = backprop_cost(net, X, y, loss="mse")
    assert result.passes_finite_difference == 2 * net.n_params == 2 * 32
    assert result.max_difference < 1e-6


def test_the_whole_objective_penalties_included():
    """With L1 and L2 penalties the two gradients still agree, and the weights stay put."""
    net, X, y = default_problem()
    problem = Problem(net, X, y, "log", l1=1e-3, l2=1e-2)
    before = net.get_flat()
    result = measure(problem)
    assert result.max_difference < 1e-6 and result.params == 105
    np.testing.assert_array_equal(net.get_flat(), before)
    assert set(cost_numbers(result)) >= {"params", "passes_backprop", "passes_finite_difference",
                                          "max_difference", "seconds_backprop"}  # fmt: skip
