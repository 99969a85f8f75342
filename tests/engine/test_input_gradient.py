"""∂L/∂x through an MLP agrees with finite differences, for every loss and both bias settings."""

import numpy as np
import pytest

from nnviz.engine import MLP
from nnviz.engine.gradcheck import numerical_gradient, relative_error
from nnviz.engine.input_gradient import input_gradient, point_gradient

CASES = [("softmax", "cross_entropy", 3), ("sigmoid", "log", 1), ("identity", "mse", 2)]


@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize(("output", "loss", "n_out"), CASES)
def test_batch_gradient_matches_finite_differences(output, loss, n_out, bias):
    """Row i of the input gradient is the slope of the summed loss along each entry of xᵢ."""
    rng = np.random.default_rng(0)
    net = MLP([4, 5, n_out], activation="tanh", output=output, bias=bias, seed=1)
    X = rng.normal(size=(7, 4))
    y = rng.normal(size=(7, n_out)) if loss == "mse" else rng.integers(0, max(n_out, 2), 7)
    numeric = numerical_gradient(lambda: net.loss(X, y, loss, reduction="sum"), X)
    assert relative_error(input_gradient(net, X, y, loss), numeric) < 1e-6


def test_point_gradient_of_a_2d_point():
    """For one 2-D point the gradient is a 2-vector matching finite differences."""
    net = MLP([2, 4, 1], activation="relu", output="sigmoid", seed=2)
    x = np.array([[0.3, -0.7]])
    numeric = numerical_gradient(lambda: net.loss(x, np.array([1]), "log", reduction="sum"), x)
    assert relative_error(point_gradient(net, x[0], 1, "log"), numeric[0]) < 1e-6


def test_network_is_untouched_and_bad_shapes_refused():
    """The live network keeps its weights; inputs of the wrong width raise ValueError."""
    net = MLP([3, 2, 1], seed=0)
    before = net.get_flat()
    input_gradient(net, np.ones((2, 3)), np.zeros(2))
    assert np.array_equal(net.get_flat(), before)
    with pytest.raises(ValueError):
        input_gradient(net, np.ones((2, 4)), np.zeros(2))
