"""Tests for the layer-level boxes of a traced network."""

import numpy as np

from nnviz.engine.mlp import MLP
from nnviz.graph.groups import group_edges, groups
from nnviz.graph.trace import trace_example


def test_a_3_2_1_net_without_bias_has_the_lectures_boxes():
    """CS188's 3-2-1 sigmoid net: x, W1, z1 (1×3·3×2 → 1×2), h1, W2, z2, ŷ, loss; no b."""
    net = MLP([3, 2, 1], activation="sigmoid", output="sigmoid", bias=False, seed=0)
    g = trace_example(net, np.array([1.0, 2.0, 3.0]), 1.0, loss="log")
    boxes = groups(g, list(net.activations))
    titles = [b.title for b in boxes]
    assert titles == [
        "x (inputs)", "W1", "z1 = x·W1", "h1 = σ(z1)", "W2", "z2 = h1·W2", "ŷ = σ(z2)", "loss L"
    ]  # fmt: skip
    z1 = boxes[2]
    assert z1.bookkeeping == "(1×3)·(3×2) → 1×2" and len(z1.shown) == 2


def test_every_node_is_in_exactly_one_box_and_edges_join_boxes():
    """The boxes partition the graph; box edges follow the data from x to the loss."""
    net = MLP([2, 3, 1], activation="tanh", output="sigmoid", seed=1)
    g = trace_example(net, np.array([0.3, -0.7]), 0.0, loss="log")
    boxes = groups(g, list(net.activations))
    members = sorted(i for b in boxes for i in b.members)
    assert members == list(range(len(g)))
    of = {i: b.key for b in boxes for i in b.members}
    edges = set(group_edges(g, of))
    assert (("x", 0), ("z", 1)) in edges and (("W", 1), ("z", 1)) in edges
    assert (("a", 2), ("L", 3)) in edges and all(a != b for a, b in edges)
