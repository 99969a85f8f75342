"""What the computation-graph view draws, as plain frozen data (no Qt, no maths)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NodePicture:
    """One node: where it sits, what it shows, and how far the walk has got."""

    id: int
    title: str  # the op symbol or the leaf's name, e.g. "×", "tanh", "W1[1,2]"
    x: float
    y: float
    kind: str  # "leaf", "const", "op" or "loss"
    value: float | None = None  # None until the forward walk reaches it
    grad: float | None = None  # None until the backward walk reaches it
    state: str = "pending"  # "pending", "current" or "done"
    tooltip: str = ""
    meta: dict = field(default_factory=dict)  # layer/neuron/param for cross-view highlights
    value_text: str = ""  # replaces "value …" when set (a layer's vector, say)
    grad_text: str = ""  # replaces "grad …" when set (a partial sum, a layer's norm)
    width: float = 1.0  # box width as a multiple of the standard node


@dataclass(frozen=True)
class EdgePicture:
    """One edge from an input to the op that uses it."""

    source: int
    target: int
    local: float | None = None  # ∂target/∂source, shown on the backward walk
    product: float | None = None  # upstream × local: this edge's share of source's gradient
    active: bool = False  # part of the current step
    tooltip: str = ""  # the chain rule along this edge by name, shown on hover


@dataclass(frozen=True)
class GraphPicture:
    """The whole picture for one moment of the walk."""

    nodes: tuple[NodePicture, ...]
    edges: tuple[EdgePicture, ...]
    caption: str = ""  # the current step in words, with the numbers plugged in
    phase: str = "forward"  # "forward", "backward" or "done"
    step_index: int = 0
    step_count: int = 0
    memo: tuple[tuple[str, str, str], ...] = ()  # (node, value, gradient) rows filled so far
    title: str = ""
    memo_header: tuple[str, str, str] = ("node", "value", "∂out/∂node")
    mode: str = "ops"  # "ops" (every operation) or "layers" (one box per layer quantity)
    source: str = ""  # "formula" or "network"
