"""Small networks and data shared by the landscape tests."""

import numpy as np
import pytest

from nnviz.engine.mlp import MLP


def make_problem(sizes=(2, 4, 3, 1), output="sigmoid", bias=True, n=40, seed=0):
    """A small net and two-class data with labels from a circle."""
    rng = np.random.default_rng(seed)
    net = MLP(list(sizes), "tanh", output, bias=bias, seed=seed)
    X = rng.uniform(-2, 2, size=(n, sizes[0]))
    y = (np.hypot(X[:, 0], X[:, 1]) < 1.2).astype(float)
    return net, X, y


@pytest.fixture
def problem():
    """(net, X, y): a 2-4-3-1 tanh net with a sigmoid output on 40 circle points."""
    return make_problem()
