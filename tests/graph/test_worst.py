"""The worst-classified training point: the argmax of the per-point losses."""

import numpy as np
import pytest

from nnviz.engine.mlp import MLP
from nnviz.graph.worst import point_losses, worst_point


def test_worst_point_is_the_highest_loss():
    """The chosen index is the point whose own loss is the largest."""
    net = MLP([2, 3, 1], "tanh", "sigmoid", seed=2)
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(30, 2)), rng.integers(0, 2, size=30).astype(float)
    losses = point_losses(net, X, y, "log")
    assert losses.shape == (30,)
    assert worst_point(net, X, y, "log") == int(np.argmax(losses))


def test_no_points_is_refused():
    """With no training points there is nothing to pick: one clear error."""
    net = MLP([2, 1], "identity", "sigmoid", seed=0)
    with pytest.raises(ValueError, match="no training points"):
        worst_point(net, np.zeros((0, 2)), np.zeros(0), "log")
