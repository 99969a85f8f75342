"""The digit network as the network graph draws it: k·k pixel inputs collapsed into one node.

A k×k image has k² inputs; drawn one by one they would bury the graph under k²·hidden edges.
So the input layer is one node, "image (k×k)", and its edge to hidden neuron j stands for all
k² weights of that neuron (which the node shows as a picture: what the neuron looks for).
Tracing an image fills in what flows: the edge into neuron j carries Σᵢ wᵢⱼ·xᵢ, the edge
from neuron i to neuron j carries aᵢ·wᵢⱼ, and the neurons that most raised the answer light up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.engine.describe import neuron_name, weight_name
from nnviz.engine.mlp import MLP
from nnviz.network.text import MAX_WEIGHT_SCALE, largest
from nnviz.text import _

Array = np.ndarray
LIT_PER_LAYER = 3  # the neurons lit in each hidden layer: the strongest helpers of the answer


@dataclass(frozen=True)
class Trace:
    """One image through the network: every layer's z and output, the answer and its path."""

    image: Array  # (k, k)
    zs: tuple[Array, ...]  # per weight layer: z = a·W + b
    outputs: tuple[Array, ...]  # per drawn layer from 1: the activations (last: probabilities)
    answer: int
    lit_nodes: frozenset[tuple[int, int]]
    lit_edges: frozenset[tuple[int, int, int]]


@dataclass(frozen=True)
class ImageGraph:
    """What the graph draws: columns ``sizes`` (the image first, as one node) and edge values.

    ``edges[l]`` has one row per drawn node of column l and one column per neuron of column
    l + 1; ``scales[l]`` is the |value| drawn at full width. Without a trace the image's edges
    are 0 (nothing flows) and the others show the weights.
    """

    k: int
    sizes: tuple[int, ...]
    activations: tuple[str, ...]  # per weight layer
    params: tuple[Array, ...]  # [W1, b1, W2, b2, …] of the real network
    pictures: Array  # (hidden, k, k): each first-layer neuron's weights
    edges: tuple[Array, ...]
    scales: tuple[float, ...]
    trace: Trace | None = None

    @property
    def layers(self) -> int:
        """How many weight layers."""
        return len(self.sizes) - 1

    def weight(self, layer: int) -> Array:
        """W of weight layer ``layer`` (1-based), as the real network has it."""
        return self.params[2 * (layer - 1)]

    def bias(self, layer: int) -> Array:
        """b of weight layer ``layer`` (1-based)."""
        return self.params[2 * (layer - 1) + 1]


def image_graph(net: MLP, k: int, image: Array | None = None) -> ImageGraph:
    """The collapsed graph of a k·k → … → 10 network, tracing ``image`` (k×k or k²) if given."""
    if not net.bias or net.sizes[0] != k * k:
        raise ValueError(_("the image graph needs a network with biases and {n} inputs", n=k * k))
    params = tuple(np.asarray(p, dtype=float) for p in net.params)
    sizes = (1, *net.sizes[1:])
    pictures = params[0].T.reshape(-1, k, k)
    trace = None if image is None else _trace(net, np.asarray(image, dtype=float).reshape(-1), k)
    if trace is None:
        first = np.zeros((1, sizes[1]))
        rest = [params[2 * layer] for layer in range(1, len(sizes) - 1)]
        scale = min(largest(tuple(rest)), MAX_WEIGHT_SCALE)
        edges, scales = (first, *rest), (1.0, *([scale] * len(rest)))
    else:
        edges = _flows(params, trace)
        scales = tuple(largest((e,)) for e in edges)
    return ImageGraph(
        k=k,
        sizes=sizes,
        activations=tuple(net.activations),
        params=params,
        pictures=pictures,
        edges=edges,
        scales=scales,
        trace=trace,
    )


def _trace(net: MLP, x: Array, k: int) -> Trace:
    record = net.forward_record(x[None])
    zs = tuple(z[0] for z in record.zs)
    outputs = tuple(a[0] for a in record.activations[1:])
    answer = int(np.argmax(outputs[-1]))
    nodes, edges = _path(net, outputs, answer)
    return Trace(x.reshape(k, k), zs, outputs, answer, nodes, edges)


def _path(net: MLP, outputs: Sequence[Array], answer: int):
    """The answer, and in each hidden layer the neurons that pushed the lit ones up most."""
    last = len(outputs)  # the output column's index in the drawing
    lit: dict[int, list[int]] = {last: [answer]}
    for layer in range(last - 1, 0, -1):
        a, w = outputs[layer - 1], net.weights[layer]
        push = (a[:, None] * w[:, lit[layer + 1]]).sum(axis=1)  # aᵢ·wᵢⱼ summed over lit j
        order = [int(i) for i in np.argsort(-push)]
        helpers = [i for i in order[:LIT_PER_LAYER] if push[i] > 0] or order[:1]
        lit[layer] = helpers
    nodes = {(0, 0)} | {(layer, i) for layer, ids in lit.items() for i in ids}
    edges = {(1, 0, j) for j in lit[1]}
    edges |= {
        (layer + 1, i, j) for layer in range(1, last) for i in lit[layer] for j in lit[layer + 1]
    }
    return frozenset(nodes), frozenset(edges)


def _flows(params: tuple[Array, ...], trace: Trace) -> tuple[Array, ...]:
    """What each edge carries for the traced image: Σ w·x into layer 1, aᵢ·wᵢⱼ after it."""
    x = trace.image.reshape(-1)
    out = [(x @ params[0])[None, :]]  # the image node's one row: each neuron's Σᵢ wᵢⱼ·xᵢ
    for layer in range(1, len(trace.outputs)):
        out.append(trace.outputs[layer - 1][:, None] * params[2 * layer])
    return tuple(out)


# ----- words -----------------------------------------------------------------------------------
def caption(graph: ImageGraph, layer: int) -> list[str]:
    """A column's caption lines: 'image (12×12)' / '144 pixels', 'Hidden 1 · tanh' / '16', …"""
    if layer == 0:
        return [_("image ({k}×{k})", k=graph.k), _("{n} pixels", n=graph.k * graph.k)]
    if layer == graph.layers:
        return [_("Output · {output}", output=graph.activations[-1]), _("digits 0–9")]
    act = graph.activations[layer - 1]
    return [
        _("Hidden {layer} · {activation}", layer=layer, activation=act),
        str(graph.sizes[layer]),
    ]


def unit_name(graph: ImageGraph, layer: int, index: int) -> str:
    """'image', 'h1[3]' (1-based) or 'digit 7' for an output."""
    if layer == 0:
        return _("image")
    if layer == graph.layers:
        return _("digit {digit}", digit=index)
    return neuron_name(layer, index, graph.layers, graph.sizes[-1])


def node_text(graph: ImageGraph, layer: int, index: int) -> str:
    """A node's hover card: what it is, and with a trace the numbers for this image."""
    t, n = graph.trace, graph.k * graph.k
    if layer == 0:
        head = _(
            "image ({k}×{k}): {n} pixels, each one input, drawn as one node",
            k=graph.k,
            n=n,
        )
        tail = _("it shows the image being traced") if t else _("click a test image to trace it")
        return f"{head}\n{tail}"
    name = unit_name(graph, layer, index)
    act = graph.activations[layer - 1]
    if layer == 1:
        head = _(
            "{name}: its {n} weights are its picture: blue where ink raises it, orange where "
            "ink lowers it",
            name=name,
            n=n,
        )
    elif layer == graph.layers:
        head = _("{name}: the network's score for this digit", name=name)
    else:
        head = _("{name}: hidden layer {layer}, neuron {index}", name=name, layer=layer,
                 index=index + 1)  # fmt: skip
    if t is None:
        return head
    z, a = float(t.zs[layer - 1][index]), float(t.outputs[layer - 1][index])
    b = float(graph.bias(layer)[index])
    if layer == graph.layers and act == "softmax":
        now = _("for this image: z = Σ w·x + b = {z:.3g} (b = {b:.3g}); softmax → {p:.1%} sure",
                z=z, b=b, p=a)  # fmt: skip
    else:
        now = _("for this image: z = Σ w·x + b = {z:.3g} (b = {b:.3g}); {act}(z) = {a:.3g}",
                z=z, b=b, act=act, a=a)  # fmt: skip
    return f"{head}\n{now}"


def edge_text(graph: ImageGraph, layer: int, i: int, j: int) -> str:
    """An edge's hover card: which weights it stands for and what flows along it."""
    t, target = graph.trace, unit_name(graph, layer, j)
    if layer == 1:
        head = _(
            "the {n} weights W1[·,{j}] from every pixel into {target} (its picture)",
            n=graph.k * graph.k,
            j=j + 1,
            target=target,
        )
        if t is None:
            return head
        flow = float(graph.edges[0][0, j])
        return head + "\n" + _("for this image: Σ w·x = {flow:.3g}", flow=flow)
    w = float(graph.weight(layer)[i, j])
    source = unit_name(graph, layer - 1, i)
    head = _(
        "weight {name} ({source} → {target}) = {w:.3g}",
        name=weight_name(layer, i, j),
        source=source,
        target=target,
        w=w,
    )
    if t is None:
        return head
    flow = float(graph.edges[layer - 1][i, j])
    return head + "\n" + _("for this image: {source}·w = {flow:.3g}", source=source, flow=flow)


def legend_text(graph: ImageGraph) -> str:
    """The colour key for the collapsed graph (plain text with HTML bold)."""
    if graph.trace is None:
        return _(
            "The <b>digit network</b> of the Images panel: the image's {n} pixels are one node. "
            "Each hidden neuron shows its weights as a picture. Click a test image to trace it.",
            n=graph.k * graph.k,
        )
    return _(
        "Tracing one image: edges carry what flows (blue pushes up, orange down; thicker is "
        "more); the bar under each neuron is its output; crimson marks the answer, "
        "<b>{digit}</b>, and the neurons that pushed it most.",
        digit=graph.trace.answer,
    )
