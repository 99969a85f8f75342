"""Tests for the op-graph → network highlight."""

from nnviz.engine.mlp import MLP
from nnviz.graph.highlight import light_network
from nnviz.graph.trace import trace_example


def test_a_neurons_sum_lights_the_neuron_and_every_edge_into_it():
    """z1[1]'s sum stands for neuron (1, 0) and the edges from both inputs into it."""
    net = MLP([2, 3, 1], "tanh", "sigmoid", seed=0)
    graph = trace_example(net, [1.0, -1.0], 1, loss="log")
    node = next(n for n in graph.nodes if n.meta.get("role") == "sum" and n.meta.get("layer") == 1
                and n.meta.get("neuron") == 0)  # fmt: skip
    nodes, edges = set(), set()
    light_network(graph, node.id, nodes, edges)
    assert nodes == {(1, 0)} and edges == {(1, 0, 0), (1, 1, 0)}
