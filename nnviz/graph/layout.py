"""Layered left-to-right layout of a graph, and the layer-level shape summary of a network."""

from __future__ import annotations

from typing import Any

from nnviz.graph.graph import Graph
from nnviz.text import _

SWEEPS = 4  # barycentre passes (down and up each); a few are enough for small graphs
_ACT_SYMBOLS = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "leaky ReLU",
                "step": "step", "softmax": "softmax", "identity": ""}  # fmt: skip


def columns(graph: Graph, leaves: str = "left") -> list[int]:
    """Each node's column: operations by longest path from the leaves.

    Constants sit one column before their first user. Leaves sit in column 0 (``"left"``, as
    on the board) or, like constants, just before their first user (``"near"``, which keeps a
    deep network's later weights beside the neurons they feed).
    """
    if leaves not in ("left", "near"):
        raise ValueError(_("leaves must be 'left' or 'near', not {leaves!r}", leaves=leaves))
    col = [0] * len(graph)
    for n in graph.nodes:
        if n.kind == "op":
            col[n.id] = 1 + max(col[i] for i in n.inputs)
    users = graph.children()
    for n in graph.nodes:
        placed = n.kind == "const" or (n.kind == "leaf" and leaves == "near")
        if placed and users[n.id]:
            col[n.id] = max(0, min(col[u] for u in users[n.id]) - 1)
    return col


def layout(
    graph: Graph, leaves: str = "left", dx: float = 1.0, dy: float = 1.0
) -> dict[int, tuple[float, float]]:
    """Positions ``{node id: (x, y)}``: inputs left, output right, y up.

    Columns come from :func:`columns`; within a column, nodes are ordered by the barycentre
    heuristic (each node moves to the mean height of its neighbours in the previous column,
    sweeping right then left), which removes most edge crossings. Each column is centred on
    y = 0, and its first node is at the top.
    """
    col = columns(graph, leaves)
    n_cols = max(col, default=-1) + 1
    stacks: list[list[int]] = [[] for _ in range(n_cols)]
    for n in graph.nodes:
        stacks[col[n.id]].append(n.id)
    height = _heights(stacks)
    users = graph.children()
    inputs = [n.inputs for n in graph.nodes]
    for _sweep in range(SWEEPS):
        for c in range(1, n_cols):
            _reorder(stacks[c], inputs, height)
        for c in range(n_cols - 2, -1, -1):
            _reorder(stacks[c], users, height)
    return {nid: (col[nid] * dx, height[nid] * dy) for nid in range(len(graph))}


def _heights(stacks: list[list[int]]) -> dict[int, float]:
    """y of each node: the column centred on 0, top (largest y) first."""
    return {nid: (len(s) - 1) / 2 - r for s in stacks for r, nid in enumerate(s)}


def _reorder(stack: list[int], neighbours: list, height: dict[int, float]) -> None:
    """Sort one column by its nodes' mean neighbour height (stable; isolated nodes stay put)."""

    def key(nid: int) -> float:
        near = neighbours[nid]
        return sum(height[m] for m in near) / len(near) if near else height[nid]

    stack.sort(key=key, reverse=True)
    height.update({nid: (len(stack) - 1) / 2 - r for r, nid in enumerate(stack)})


def matrix_summary(net: Any, batch: int = 1) -> list[str]:
    """The lecture's shape bookkeeping, one row per layer.

    For a 3-2-1 sigmoid net without bias: ``"x 1×3 · W1 3×2 → 1×2 → σ → h1 1×2"`` and
    ``"h1 1×2 · W2 2×1 → 1×1 → σ → ŷ 1×1"``. ``batch`` rows stack that many examples (X is
    batch × n_in). A lot of machine learning is making sure these dimensions match.
    """
    rows = []
    name = "x"
    n_layers = len(net.weights)
    for k, (w, b, act) in enumerate(zip(net.weights, net.biases, net.activations, strict=True)):
        n_in, n_out = w.shape
        out_name = "ŷ" if k == n_layers - 1 else f"h{k + 1}"
        text = f"{name} {batch}×{n_in} · W{k + 1} {n_in}×{n_out}"
        if b is not None:
            text += f" + b{k + 1} 1×{n_out}"
        text += f" → {batch}×{n_out}"
        symbol = _ACT_SYMBOLS.get(act, act)
        if symbol:
            text += f" → {symbol}"
        rows.append(f"{text} → {out_name} {batch}×{n_out}")
        name = out_name
    return rows
