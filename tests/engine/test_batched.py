"""Batched evaluation over parameter vectors equals a loop of set_flat + loss."""

import numpy as np
import pytest

from nnviz.engine.batched import forward_many, loss_many, unflatten_many
from nnviz.engine.mlp import MLP

# (loss, output activation, outputs, labels)
HEADS = {
    "mse": ("identity", 2),
    "log": ("sigmoid", 1),
    "cross_entropy": ("softmax", 3),
    "hinge": ("identity", 1),
}


def labels(loss, d, n, rng):
    """Labels of the right kind for a loss."""
    if loss == "cross_entropy":
        return rng.integers(0, d, size=n)
    if loss == "mse":
        return rng.normal(size=(n, d))
    return rng.integers(0, 2, size=n)


def setup(loss, bias, n_thetas=9):
    """A net, data and a cloud of parameter vectors around its weights."""
    out, d = HEADS[loss]
    rng = np.random.default_rng(3)
    net = MLP([2, 4, 3, d], "tanh", out, bias=bias, seed=2)
    X = rng.normal(size=(11, 2))
    y = labels(loss, d, 11, rng)
    thetas = net.get_flat() + rng.normal(scale=0.7, size=(n_thetas, net.n_params))
    return net, X, y, thetas


@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("loss", list(HEADS))
def test_forward_many_equals_loop(loss, bias):
    """forward_many's z and a at each θ equal the net's own forward at that θ."""
    net, X, _, thetas = setup(loss, bias)
    z, a = forward_many(net, thetas, X)
    assert a.shape == (len(thetas), len(X), net.sizes[-1])
    for k, theta in enumerate(thetas):
        net.set_flat(theta)
        rec = net.forward_record(X)
        assert np.allclose(z[k], rec.zs[-1]) and np.allclose(a[k], rec.output)


@pytest.mark.parametrize("reg", [(0.0, 0.0), (0.05, 0.0), (0.0, 0.3), (0.05, 0.3)])
@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("loss", list(HEADS))
def test_loss_many_equals_loop(loss, bias, reg):
    """loss_many at each θ equals set_flat(θ) then net.loss, with L1/L2 on weights only."""
    net, X, y, thetas = setup(loss, bias)
    l1, l2 = reg
    batched = loss_many(net, thetas, X, y, loss, l1, l2, chunk=4)  # several chunks
    looped = []
    for theta in thetas:
        net.set_flat(theta)
        looped.append(net.loss(X, y, loss, l1, l2))
    assert np.allclose(batched, looped, rtol=1e-12, atol=1e-12)


def test_unflatten_many_shapes_and_errors():
    """unflatten_many splits (P, n) into per-parameter stacks; bad shapes are refused."""
    net = MLP([2, 3, 1])
    parts = unflatten_many(net, np.zeros((5, net.n_params)))
    assert [p.shape for p in parts] == [(5, 2, 3), (5, 3), (5, 3, 1), (5, 1)]
    with pytest.raises(ValueError):
        unflatten_many(net, np.zeros(net.n_params))
    with pytest.raises(ValueError):
        unflatten_many(net, np.zeros((2, net.n_params + 1)))


def test_loss_many_checks_loss_and_output():
    """A loss that needs another output layer is refused, as in training."""
    net, X, y, thetas = setup("mse", True)
    with pytest.raises(ValueError, match="sigmoid"):
        loss_many(net, thetas, X, y[:, 0], "log")
