"""Check backprop against central finite differences, one leaf at a time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nnviz.graph.graph import Graph
from nnviz.text import _


@dataclass(frozen=True)
class LeafCheck:
    """One leaf's gradient two ways: by backprop (``analytic``) and by nudging (``numeric``).

    ``error`` = |analytic − numeric| / max(1, |analytic|, |numeric|), the engine's measure:
    relative for large gradients, absolute near zero where relative error means nothing.
    """

    name: str
    analytic: float
    numeric: float
    error: float
    ok: bool


def gradcheck(
    graph: Graph,
    leaves: Iterable[str] | None = None,
    eps: float = 1e-6,
    tolerance: float = 1e-6,
) -> list[LeafCheck]:
    """Compare every leaf's backprop gradient with a central difference.

    The central difference nudges one leaf both ways and measures the slope of the output:
    ∂f/∂w ≈ (f(w + ε) − f(w − ε)) / 2ε. It costs two forward passes per leaf, where backprop
    finds every gradient in one backward pass. The graph's values are left unchanged.

    Parameters
    ----------
    graph : the graph, with the leaf values to check at.
    leaves : names to check (default: every leaf).
    eps : the nudge ε.
    tolerance : largest ``error`` counted as ``ok``.
    """
    analytic = graph.gradients(graph.evaluate()).grads
    out = graph.output_id
    names = [n.name for n in graph.leaves] if leaves is None else list(leaves)
    checks = []
    for name in names:
        node = graph.node(name)
        if node.kind != "leaf":
            raise ValueError(_("{name!r} is not a leaf of this graph", name=name))
        up = graph.evaluate({name: node.value + eps})[out]
        down = graph.evaluate({name: node.value - eps})[out]
        numeric = (up - down) / (2.0 * eps)
        a = analytic[node.id]
        error = abs(a - numeric) / max(1.0, abs(a), abs(numeric))
        checks.append(LeafCheck(name, a, numeric, error, bool(error <= tolerance)))
    return checks
