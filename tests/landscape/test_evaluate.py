"""Batched losses: double precision is the engine's loss_many; single agrees to ~1e-6."""

import numpy as np
import pytest

from nnviz.engine.batched import loss_many
from nnviz.engine.mlp import MLP
from nnviz.engine.problem import Problem
from nnviz.engine.regularization import penalty
from nnviz.landscape.evaluate import chunk_size, losses_at, penalty_many

# loss → (output activation, outputs)
HEADS = {"mse": ("identity", 2), "log": ("sigmoid", 1), "cross_entropy": ("softmax", 3)}
HEADS["hinge"] = ("identity", 1)


def setup(loss, bias, hidden="tanh", n=300, p=70):
    """A net, data of the right kind, and a cloud of parameter vectors around its weights."""
    out, d = HEADS[loss]
    rng = np.random.default_rng(4)
    net = MLP([2, 5, 4, d], hidden, out, bias=bias, seed=1)
    X = rng.normal(size=(n, 2))
    if loss == "cross_entropy":
        y = rng.integers(0, d, size=n)
    elif loss == "mse":
        y = rng.normal(size=(n, d))
    else:
        y = rng.integers(0, 2, size=n)
    thetas = net.get_flat() + rng.normal(scale=0.8, size=(p, net.n_params))
    return net, X, y, thetas


@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("loss", list(HEADS))
def test_double_is_loss_many_and_single_agrees(loss, bias):
    """Both precisions match the engine (exactly / to 1e-5 relative), penalty included."""
    net, X, y, thetas = setup(loss, bias)
    ref = loss_many(net, thetas, X, y, loss, l1=0.01, l2=0.1)
    double = losses_at(Problem(net, X, y, loss, 0.01, 0.1), thetas, precision="double")
    single = losses_at(Problem(net, X, y, loss, 0.01, 0.1), thetas, precision="single")
    assert np.array_equal(double, ref)
    assert np.allclose(single, ref, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("hidden", ["sigmoid", "relu", "identity"])
def test_single_precision_keeps_hidden_activations_of_the_output_kind(hidden):
    """A sigmoid hidden layer under a sigmoid output is still applied (only the output skips)."""
    net, X, y, thetas = setup("log", True, hidden=hidden)
    ref = loss_many(net, thetas, X, y, "log")
    assert np.allclose(
        losses_at(Problem(net, X, y, "log"), thetas, precision="single"), ref, rtol=1e-5
    )


def test_losses_do_not_touch_the_network_weights():
    """Only the architecture is used: the live weights stay as they were."""
    net, X, y, thetas = setup("log", True)
    before = net.get_flat()
    losses_at(Problem(net, X, y, "log"), thetas, precision="single")
    losses_at(Problem(net, X, y, "log"), thetas, precision="double")
    assert np.array_equal(net.get_flat(), before)


def test_penalty_many_equals_the_engine_penalty():
    """λ1·Σ|w| + ½λ2·Σw² over weights only, per θ, as regularization.penalty."""
    net, _, _, thetas = setup("mse", True, p=5)
    twin = net.copy()
    for theta, value in zip(thetas, penalty_many(net, thetas, 0.3, 0.7), strict=True):
        twin.set_flat(theta)
        assert value == pytest.approx(penalty(twin.weights, 0.3, 0.7), rel=1e-13)


def test_chunks_fit_the_cache_budget_and_bad_settings_fail():
    """Chunks hold ~2¹⁷ activations (at least one θ); bad precision or shape is a ValueError."""
    net, X, y, thetas = setup("log", True)
    assert chunk_size(net, 500) == (1 << 17) // (500 * 5)
    assert chunk_size(net, 10**9) == 1
    with pytest.raises(ValueError, match="precision"):
        losses_at(Problem(net, X, y, "log"), thetas, precision="half")
    with pytest.raises(ValueError, match="shape"):
        losses_at(Problem(net, X, y, "log"), thetas[:, :-1])
    with pytest.raises(ValueError, match="sigmoid"):
        losses_at(Problem(net, X, y, "cross_entropy"), thetas, precision="single")
