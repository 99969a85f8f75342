"""Naming weights and biases, and finding them in the flat parameter vector θ."""

import numpy as np
import pytest

from nnviz.landscape.params import (
    blocks,
    flat_index,
    neuron_groups,
    param_label,
    weight_mask,
)
from tests.landscape.conftest import make_problem


def test_flat_index_finds_each_weight_and_bias_in_get_flat(problem):
    """Writing a marker into W[l][i, j] or b[l][j] shows up at flat_index in get_flat()."""
    net, _, _ = problem
    for layer, w in enumerate(net.weights):
        for i, j in np.ndindex(w.shape):
            twin = net.copy()
            twin.weights[layer][i, j] = 123.0
            assert twin.get_flat()[flat_index(net, (layer, i, j))] == 123.0
        for j in range(len(net.biases[layer])):
            twin = net.copy()
            twin.biases[layer][j] = -77.0
            assert twin.get_flat()[flat_index(net, (layer, j))] == -77.0


def test_flat_index_accepts_plain_indices_and_rejects_bad_names(problem):
    """An int is an index into θ; a name outside the network is a clear ValueError."""
    net, _, _ = problem
    assert flat_index(net, 5) == 5
    for bad in (net.n_params, -1, (0, 2, 0), (0, 0, 4), (3, 0, 0), (1,), (0, 9)):
        with pytest.raises(ValueError):
            flat_index(net, bad)


def test_biases_cannot_be_named_on_a_network_without_them():
    """A net built with bias=False has no (layer, j) parameters."""
    net, _, _ = make_problem(bias=False)
    with pytest.raises(ValueError, match="no biases"):
        flat_index(net, (0, 1))


def test_labels_count_layers_from_one_like_the_lectures(problem):
    """Layer 0's weight from input 1 to neuron 2 is W1[1,2]; the second layer's bias 0 is b2[0]."""
    net, _, _ = problem
    assert param_label(net, (0, 1, 2)) == "W1[1,2]"
    assert param_label(net, (1, 0)) == "b2[0]"
    assert param_label(net, flat_index(net, (2, 2, 0))) == "W3[2,0]"


def test_blocks_tile_theta_in_params_order(problem):
    """The blocks follow net.params, back to back, covering every entry of θ once."""
    net, _, _ = problem
    bs = blocks(net)
    assert [b.shape for b in bs] == [p.shape for p in net.params]
    assert bs[0].offset == 0
    for a, b in zip(bs, bs[1:], strict=False):
        assert b.offset == a.offset + a.size
    assert bs[-1].offset + bs[-1].size == net.n_params


def test_weight_mask_marks_weights_only(problem):
    """The mask is True exactly at the weight entries."""
    net, _, _ = problem
    mask = weight_mask(net)
    assert mask.sum() == sum(w.size for w in net.weights)
    assert not mask[flat_index(net, (0, 3))] and mask[flat_index(net, (0, 1, 3))]


def test_neuron_groups_are_columns_of_w_plus_the_bias(problem):
    """Neuron j of a layer owns column W[:, j] and b[j]; one group per neuron."""
    net, _, _ = problem
    groups = neuron_groups(net)
    assert len(groups) == sum(net.sizes[1:])
    theta = net.get_flat()
    first = groups[2]  # layer 0, neuron 2
    assert np.array_equal(theta[first], np.r_[net.weights[0][:, 2], net.biases[0][2]])
    no_bias = neuron_groups(net, include_bias=False)[2]
    assert np.array_equal(theta[no_bias], net.weights[0][:, 2])


def test_array_ref_names_a_weight_or_bias_as_the_network_graph_does():
    """params[k][index] ↦ (layer, i, j) for weights and (layer, j) for biases."""
    from nnviz.engine.mlp import MLP
    from nnviz.landscape.params import array_ref, flat_index

    net = MLP([2, 3, 1], activation="tanh", seed=0)
    assert array_ref(net, 0, (1, 2)) == (0, 1, 2) and array_ref(net, 3, (0,)) == (1, 0)
    theta = net.get_flat()
    assert theta[flat_index(net, array_ref(net, 2, (2, 0)))] == net.params[2][2, 0]
    bare = MLP([2, 3, 1], bias=False, seed=0)
    assert array_ref(bare, 1, (2, 0)) == (1, 2, 0)
