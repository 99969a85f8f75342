"""The collapsed digit-network graph: one image node, what flows along each edge, the lit path."""

import numpy as np
import pytest

from nnviz.engine.mlp import MLP
from nnviz.lessons.popsci_images import image_network
from nnviz.network import image_graph as ig


@pytest.fixture(scope="module")
def trained():
    """The lessons' trained digit network and its test images (cached by the lesson module)."""
    net, _train, test = image_network()
    return net, test


def test_the_input_layer_is_one_node_named_by_the_image_size(trained):
    """k·k inputs are drawn as one node 'image (k×k)'; the rest keep their sizes."""
    net, test = trained
    g = ig.image_graph(net, test.k)
    assert g.sizes == (1, 16, 10) and g.layers == 2
    assert ig.caption(g, 0)[0] == "image (12×12)" and ig.caption(g, 0)[1] == "144 pixels"
    assert ig.caption(g, 2) == ["Output · softmax", "digits 0–9"]
    assert g.pictures.shape == (16, 12, 12)
    np.testing.assert_array_equal(g.pictures[3], net.weights[0][:, 3].reshape(12, 12))
    assert [e.shape for e in g.edges] == [(1, 16), (16, 10)]


def test_untraced_nothing_flows_from_the_image_and_the_rest_shows_weights(trained):
    """No image: the image's edges are 0, hidden → output edges are W2, nothing is lit."""
    net, test = trained
    g = ig.image_graph(net, test.k)
    assert g.trace is None and not g.edges[0].any()
    np.testing.assert_array_equal(g.edges[1], net.weights[1])
    assert "Click a test image" in ig.legend_text(g)


def test_a_traced_image_carries_its_sums_and_lights_the_answer(trained):
    """Edge into h[j] carries Σ w·x; edge h[i] → digit c carries h[i]·W2[i, c]; answer lit."""
    net, test = trained
    x = test.X[0]
    g = ig.image_graph(net, test.k, x.reshape(12, 12))
    t = g.trace
    np.testing.assert_allclose(g.edges[0][0], x @ net.weights[0])
    h = np.tanh(x @ net.weights[0] + net.biases[0])
    np.testing.assert_allclose(t.outputs[0], h)
    np.testing.assert_allclose(g.edges[1], h[:, None] * net.weights[1])
    p = net.forward(x[None])[0]
    assert t.answer == int(np.argmax(p)) and np.isclose(t.outputs[-1].sum(), 1.0)
    assert (0, 0) in t.lit_nodes and (2, t.answer) in t.lit_nodes
    helpers = sorted(i for layer, i in t.lit_nodes if layer == 1)
    push = h * net.weights[1][:, t.answer]
    assert helpers == sorted(np.argsort(-push)[:3].tolist())  # the three that pushed most
    assert all(push[i] > 0 for i in helpers)
    assert {(1, 0, j) for j in helpers} | {(2, i, t.answer) for i in helpers} == set(t.lit_edges)
    assert f"<b>{t.answer}</b>" in ig.legend_text(g)


def test_hover_words_use_this_images_numbers(trained):
    """Cards name the neuron 1-based and give z and the output for the traced image."""
    net, test = trained
    g = ig.image_graph(net, test.k, test.X[0])
    t = g.trace
    card = ig.node_text(g, 1, 2)
    assert card.startswith("h1[3]") and f"{t.zs[0][2]:.3g}" in card
    assert "% sure" in ig.node_text(g, 2, t.answer)
    assert "W1[·,3]" in ig.edge_text(g, 1, 0, 2)
    assert f"{g.edges[0][0, 2]:.3g}" in ig.edge_text(g, 1, 0, 2)
    assert "W2[2,5]" in ig.edge_text(g, 2, 1, 4)
    assert "click a test image" in ig.node_text(ig.image_graph(net, test.k), 0, 0)


def test_a_deeper_network_lights_a_path_through_every_layer():
    """Two hidden layers: lit neurons in each, every lit edge joins lit nodes."""
    net = MLP([64, 5, 4, 10], activation="relu", output="softmax", init="xavier", seed=2)
    x = np.random.default_rng(0).random(64)
    g = ig.image_graph(net, 8, x)
    layers = {layer for layer, _ in g.trace.lit_nodes}
    assert layers == {0, 1, 2, 3}
    assert all((L - 1, i) in g.trace.lit_nodes and (L, j) in g.trace.lit_nodes
               for L, i, j in g.trace.lit_edges)  # fmt: skip


def test_a_network_that_does_not_fit_the_image_is_refused():
    """Inputs must be k·k: one clear message."""
    net = MLP([10, 3, 10], output="softmax")
    with pytest.raises(ValueError, match="144 inputs"):
        ig.image_graph(net, 12)
