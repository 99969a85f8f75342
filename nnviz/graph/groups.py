"""Layer-level view of a traced network graph: one box per matrix, vector or loss."""

from __future__ import annotations

from dataclasses import dataclass, replace

from nnviz.graph.graph import Graph
from nnviz.text import _

_ACT_SYMBOLS = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "leaky ReLU",
                "step": "step", "softmax": "softmax", "identity": ""}  # fmt: skip


@dataclass(frozen=True)
class Group:
    """One layer-level quantity: the inputs x, a weight matrix W, a bias b, z, h, or the loss.

    ``members`` are the op-graph node ids it stands for; ``column``/``row`` place it (columns
    run left to right, row 0 is the main line, −1 sits above it).
    """

    key: tuple
    title: str
    shape: str
    members: tuple[int, ...]
    column: int
    row: int
    kind: str  # "leaf", "op" or "loss", as for op nodes
    bookkeeping: str = ""  # the lecture's shape check, e.g. "1×2 · 2×4 + 1×4 → 1×4"
    shown: tuple[int, ...] = ()  # the members whose values make the box's vector (z, not x·w)


def group_key(graph: Graph, nid: int, n_layers: int) -> tuple:
    """Which layer-level box a node belongs to, from the tags the tracer put on it."""
    node = graph.nodes[nid]
    meta, role = node.meta, node.meta.get("role")
    if role == "input":
        return ("x", 0)
    if role in ("weight", "bias"):
        return ("W" if role == "weight" else "b", meta["layer"])
    if role in ("product", "sum"):
        return ("z", meta["layer"])
    if role in ("activation", "exp", "softmax sum"):
        return ("a", meta["layer"])
    return ("L", n_layers + 1)


def groups(graph: Graph, activations: list[str]) -> list[Group]:
    """The layer-level boxes of a graph made by ``trace_example``, in column order.

    A constant (the label, the 1 in 1 − ŷ) joins the box of its first user.
    """
    n_layers = len(activations)
    users = graph.children()
    keys: dict[int, tuple] = {}
    for node in graph.nodes:
        if node.kind != "const":
            keys[node.id] = group_key(graph, node.id, n_layers)
    for node in graph.nodes:
        if node.kind == "const":
            first = min(users[node.id], default=graph.output_id)
            keys[node.id] = keys.get(first, ("L", n_layers + 1))
    members: dict[tuple, list[int]] = {}
    for nid, key in keys.items():
        members.setdefault(key, []).append(nid)
    sizes = _sizes(graph, members, n_layers)
    biased = {k for kind, k in members if kind == "b"}
    out = []
    for key, ids in members.items():
        g = _describe(key, tuple(sorted(ids)), sizes, activations, key[1] in biased)
        out.append(replace(g, shown=_shown(graph, g)))
    return sorted(out, key=lambda g: (g.column, g.row))


_SHOWN_ROLES = {"x": "input", "W": "weight", "b": "bias", "z": "sum", "a": "activation"}


def _shown(graph: Graph, g: Group) -> tuple[int, ...]:
    """The box's own quantity: each neuron's z (not its products), each h, the loss itself."""
    if g.key[0] == "L":
        return (graph.output_id,)
    role = _SHOWN_ROLES[g.key[0]]
    return tuple(i for i in g.members if graph.nodes[i].meta.get("role") == role)


def group_edges(graph: Graph, of: dict[int, tuple]) -> list[tuple[tuple, tuple]]:
    """Edges between boxes: one per pair of boxes that some op-graph edge connects."""
    seen: dict[tuple[tuple, tuple], None] = {}
    for src, dst, _slot in graph.edges():
        a, b = of[src], of[dst]
        if a != b:
            seen[(a, b)] = None
    return list(seen)


def _sizes(graph: Graph, members: dict[tuple, list[int]], n_layers: int) -> dict[int, int]:
    """Width of every layer: sizes[0] inputs, sizes[k] neurons of layer k."""
    sizes = {0: len(members.get(("x", 0), []))}
    for k in range(1, n_layers + 1):
        sizes[k] = sum(1 for i in members.get(("z", k), []) if graph.nodes[i].op == "sum")
    return sizes


def _describe(key: tuple, ids: tuple[int, ...], sizes: dict[int, int], acts, bias: bool) -> Group:
    kind, k = key
    n_layers = len(acts)
    prev = "x" if k == 1 else f"h{k - 1}"
    out = "ŷ" if k == n_layers else f"h{k}"
    if kind == "x":
        return Group(key, _("x (inputs)"), f"1×{sizes[0]}", ids, 0, 0, "leaf")
    if kind == "W":
        return Group(key, f"W{k}", f"{sizes[k - 1]}×{sizes[k]}", ids, 3 * k - 2, -1, "leaf")
    if kind == "b":
        return Group(key, f"b{k}", f"1×{sizes[k]}", ids, 3 * k - 2, 1, "leaf")
    if kind == "z":
        title = f"z{k} = {prev}·W{k}" + (f" + b{k}" if bias else "")
        n_in, n = sizes[k - 1], sizes[k]
        check = f"(1×{n_in})·({n_in}×{n})" + (f" + (1×{n})" if bias else "") + f" → 1×{n}"
        return Group(key, title, f"1×{n}", ids, 3 * k - 1, 0, "op", check)
    if kind == "a":
        symbol = _ACT_SYMBOLS.get(acts[k - 1], acts[k - 1])
        return Group(key, f"{out} = {symbol}(z{k})", f"1×{sizes[k]}", ids, 3 * k, 0, "op")
    return Group(key, _("loss L"), "1×1", ids, 3 * n_layers + 1, 0, "loss")
