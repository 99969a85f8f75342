"""The finite-difference checker itself: exact on known functions, and it catches bugs."""

import numpy as np

from nnviz.engine.gradcheck import check_gradients, numerical_gradient, relative_error
from nnviz.engine.mlp import MLP
from nnviz.engine.problem import Problem


def test_numerical_gradient_of_a_cubic():
    """∂/∂p Σp³ = 3p², and the parameter is left exactly as it was."""
    p = np.array([[0.5, -1.0], [2.0, 0.0]])
    before = p.copy()
    grad = numerical_gradient(lambda: float(np.sum(p**3)), p)
    assert np.allclose(grad, 3 * before**2, rtol=0, atol=1e-8)
    assert np.array_equal(p, before)


def test_lecture_worked_example_by_finite_differences():
    """g = w1⁴·w2 + 5·w3 at (2, 3, 2) has gradient (96, 16, 5) (CS188 part 2)."""
    w = np.array([2.0, 3.0, 2.0])
    grad = numerical_gradient(lambda: w[0] ** 4 * w[1] + 5 * w[2], w)
    assert np.allclose(grad, [96.0, 16.0, 5.0], rtol=0, atol=1e-6)


def test_relative_error_is_scale_free_and_safe_near_zero():
    """Large values compare relatively, tiny ones absolutely; empty arrays give 0."""
    assert np.isclose(relative_error(np.array([1000.0]), np.array([1001.0])), 1 / 1001)
    assert np.isclose(relative_error(np.array([1e-9]), np.array([0.0])), 1e-9)
    assert relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0.0
    assert relative_error(np.zeros(0), np.zeros(0)) == 0.0


def test_check_gradients_passes_on_a_correct_net():
    """A real net's backprop agrees with finite differences, one error per parameter."""
    rng = np.random.default_rng(0)
    net = MLP([2, 3, 1], "tanh", "sigmoid", seed=1)
    errors = check_gradients(Problem(net, rng.normal(size=(5, 2)), rng.integers(0, 2, 5), "log"))
    assert len(errors) == 4 and max(errors) < 1e-7


def test_check_gradients_catches_a_wrong_gradient(monkeypatch):
    """If backprop were off by a little, the check would report it."""
    rng = np.random.default_rng(0)
    net = MLP([2, 3, 1], "tanh", "identity", seed=1)
    X, y = rng.normal(size=(5, 2)), rng.normal(size=5)
    real = net.loss_and_grads

    def wrong(*args, **kwargs):
        loss, grads = real(*args, **kwargs)
        return loss, [g * 1.01 for g in grads]

    monkeypatch.setattr(net, "loss_and_grads", wrong)
    assert max(check_gradients(Problem(net, X, y, "mse"))) > 1e-4


def test_check_gradients_leaves_weights_unchanged():
    """Probing every weight restores it afterwards."""
    net = MLP([2, 3, 1], seed=5)
    before = net.get_flat()
    check_gradients(Problem(net, np.ones((2, 2)), np.zeros(2), "mse"))
    assert np.array_equal(net.get_flat(), before)
