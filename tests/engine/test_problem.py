"""Problem: the batched loss is the engine's MLP.loss, its gradient backprop and a difference."""

import numpy as np
import pytest

from nnviz.engine.gradcheck import numerical_gradient, relative_error
from nnviz.engine.mlp import MLP
from nnviz.engine.problem import Problem, chunk_size

# loss → (output activation, outputs)
HEADS = {"mse": ("identity", 2), "log": ("sigmoid", 1), "cross_entropy": ("softmax", 3)}
HEADS["hinge"] = ("identity", 1)


def make(loss: str, l1: float = 0.01, l2: float = 0.1, n: int = 30) -> Problem:
    """A small tanh net, data of the right kind for ``loss``, and both penalties on."""
    out, d = HEADS[loss]
    rng = np.random.default_rng(7)
    net = MLP([2, 5, d], "tanh", out, seed=3)
    X = rng.normal(size=(n, 2))
    if loss == "cross_entropy":
        y = rng.integers(0, d, size=n)
    elif loss == "mse":
        y = rng.normal(size=(n, d))
    else:
        y = rng.integers(0, 2, size=n)
    return Problem(net, X, y, loss, l1, l2)


@pytest.mark.parametrize("loss", list(HEADS))
def test_loss_at_is_mlp_loss_at_each_theta(loss):
    """Row p of loss_at(thetas) equals MLP.loss with the weights set to θ_p."""
    problem = make(loss)
    rng = np.random.default_rng(1)
    thetas = problem.net.get_flat() + rng.normal(scale=0.5, size=(9, problem.net.n_params))
    twin = problem.net.copy()
    for theta, value in zip(thetas, problem.loss_at(thetas), strict=True):
        twin.set_flat(theta)
        expected = twin.loss(problem.X, problem.y, loss, problem.l1, problem.l2)
        assert value == pytest.approx(expected, rel=1e-12)


def test_loss_at_reads_only_the_architecture_and_chunks_by_the_data():
    """The net's own weights are neither read nor changed; float32 agrees to ~1e-6."""
    problem = make("log")
    before = problem.net.get_flat()
    thetas = before + np.random.default_rng(2).normal(size=(5, problem.net.n_params))
    double = problem.loss_at(thetas)
    assert np.array_equal(problem.net.get_flat(), before)
    assert np.allclose(problem.loss_at(thetas, np.float32), double, rtol=1e-5)
    assert chunk_size(problem.net, 30) == (1 << 17) // (30 * 5)


def test_value_is_the_loss_at_the_networks_own_weights():
    """value() is MLP.loss at net's weights (mean or sum) and loss_at at its flat θ."""
    problem = make("mse")
    net, X, y = problem.net, problem.X, problem.y
    assert problem.value() == net.loss(X, y, "mse", 0.01, 0.1)
    assert problem.value(reduction="sum") == net.loss(X, y, "mse", 0.01, 0.1, "sum")
    at_theta = problem.loss_at(net.get_flat()[None, :])[0]
    assert problem.value() == pytest.approx(at_theta, rel=1e-12)


@pytest.mark.parametrize("loss", list(HEADS))
def test_gradient_is_backprop_and_a_finite_difference(loss):
    """gradient(θ) is loss_and_grads flattened, and matches central differences."""
    problem = make(loss, l1=0.0)  # |w| has a kink a finite difference could straddle
    theta = problem.net.get_flat() + 0.1
    grad = problem.gradient(theta)
    twin = problem.net.copy()
    twin.set_flat(theta)
    _, grads = problem.loss_and_grads(twin)
    assert np.array_equal(grad, np.concatenate([g.ravel() for g in grads]))
    point = theta.copy()
    numeric = numerical_gradient(lambda: float(problem.loss_at(point[None, :])[0]), point)
    assert relative_error(grad, numeric) < 1e-6
    assert not np.array_equal(problem.net.get_flat(), theta)  # worked on a private copy


def test_penalties_default_to_off_and_follow_the_engine_convention():
    """Problem(net, X, y, loss) has l1 = l2 = 0; the L2 term is ½·λ2·Σw² over weights."""
    problem = make("mse", l1=0.0, l2=0.0)
    plain = Problem(problem.net, problem.X, problem.y, "mse")
    assert (plain.l1, plain.l2) == (0.0, 0.0) and plain.value() == problem.value()
    with_l2 = Problem(problem.net, problem.X, problem.y, "mse", l2=0.5)
    squares = sum(float((w * w).sum()) for w in problem.net.weights)
    assert with_l2.value() == pytest.approx(plain.value() + 0.5 * 0.5 * squares, rel=1e-12)
