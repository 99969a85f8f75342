"""A deep identity net collapses to one matrix (and one offset with biases)."""

import numpy as np
import pytest

from nnviz.engine.linear_collapse import collapse, collapse_difference
from nnviz.engine.mlp import MLP

POINTS = np.random.default_rng(0).normal(size=(50, 3))


def test_without_bias_the_product_is_the_net():
    """M = W1·W2·W3 and the net's output equals x·M on every point."""
    net = MLP([3, 5, 4, 2], activation="identity", bias=False, seed=1)
    matrix, offset = collapse(net)
    assert np.allclose(matrix, net.weights[0] @ net.weights[1] @ net.weights[2])
    assert np.all(offset == 0) and collapse_difference(net, POINTS) <= 1e-12


def test_with_bias_the_offset_collapses_too():
    """With biases the net equals x·M + c (c built layer by layer)."""
    net = MLP([3, 5, 4, 2], activation="identity", bias=True, init="xavier", seed=2)
    for b in net.biases:
        b[...] = np.random.default_rng(3).normal(size=b.shape)
    matrix, offset = collapse(net)
    assert np.allclose(net.forward(POINTS), POINTS @ matrix + offset)
    assert collapse_difference(net, POINTS) <= 1e-12


def test_sigmoid_output_compares_logits():
    """With a sigmoid on top, the logits (not the probabilities) equal x·M + c."""
    net = MLP([3, 4, 1], activation="identity", output="sigmoid", seed=0)
    assert collapse_difference(net, POINTS) <= 1e-12


def test_a_nonlinear_hidden_layer_does_not_collapse():
    """tanh in a hidden layer: no single matrix, a clear ValueError."""
    with pytest.raises(ValueError, match="tanh"):
        collapse(MLP([3, 4, 1], activation="tanh"))


def test_summary_only_for_identity_hidden_layers_and_its_text():
    """A 3-5-4-2 identity net: its summary names the 3×2 matrix and a ~1e-16 difference."""
    from nnviz.engine.linear_collapse import collapse_summary, collapse_text

    net = MLP([3, 5, 4, 2], activation="identity", bias=False, seed=1)
    s = collapse_summary(net, POINTS)
    assert s is not None and s.sizes == (3, 5, 4, 2) and s.n_points == 50
    assert np.array_equal(s.matrix, collapse(net)[0]) and s.max_difference <= 1e-12
    text = collapse_text(s)
    assert text.startswith("This 3-5-4-2 identity network is one 3×2 matrix W1·W2·…·Wn")
    assert "max difference on the 50 training points" in text
    assert collapse_summary(MLP([3, 4, 1], activation="tanh"), POINTS) is None
    assert collapse_summary(MLP([3, 1]), POINTS) is None  # no hidden layer: already one matrix
