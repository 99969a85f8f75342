"""Which network neurons and edges an op-graph node stands for (the linked highlight)."""

from __future__ import annotations

from nnviz.graph.graph import Graph


def light_network(graph: Graph, nid: int, nodes: set, edges: set) -> None:
    """Add the network neuron and edges one op-graph node stands for."""
    node = graph.nodes[nid]
    meta = node.meta
    if "edge" in meta:
        k, i, j = meta["edge"]
        edges.add((k + 1, i, j))
    elif meta.get("role") == "weight":
        k, i, j = meta["param"][1:]
        edges.add((k + 1, i, j))
    elif meta.get("role") == "sum":  # a neuron's sum gathers every edge coming into it
        for src in node.inputs:
            if "edge" in graph.nodes[src].meta:
                k, i, j = graph.nodes[src].meta["edge"]
                edges.add((k + 1, i, j))
    if "neuron" in meta and "layer" in meta and meta.get("role") != "weight":
        nodes.add((meta["layer"], meta["neuron"]))
