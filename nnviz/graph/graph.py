"""A scalar computation graph: nodes in topological order, forward values, backward gradients."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnviz.graph.ops import Op, get_op
from nnviz.graph.steps import Steps, build_steps
from nnviz.graph.text import fmt, operand
from nnviz.text import _

LEAF, CONST, OP = "leaf", "const", "op"


@dataclass
class Node:
    """One node of the graph.

    Attributes
    ----------
    id : position in topological order (every input has a smaller id).
    op : ``"leaf"``, ``"const"`` or an op name such as ``"mul"``.
    inputs : ids of the input nodes, in argument order.
    name : display name (``w1``, ``a``, ``5``); unique among leaves and op nodes.
    kind : ``"leaf"`` (a variable we want gradients for), ``"const"`` or ``"op"``.
    value : the value from the last forward pass.
    grad : ∂output/∂node from the last backward pass.
    param : an op's fixed parameter (the exponent n of ``powc``), else ``None``.
    meta : free-form tags for other views, e.g. ``{"layer": 1, "neuron": 0, "role": "sum"}``.
    """

    id: int
    op: str
    inputs: tuple[int, ...]
    name: str
    kind: str
    value: float = 0.0
    grad: float = 0.0
    param: float | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def op_def(self) -> Op | None:
        """The :class:`Op` this node applies (``None`` for leaves and constants)."""
        return get_op(self.op) if self.kind == OP else None


@dataclass(frozen=True)
class Backward:
    """Everything one backward pass found.

    ``grads[i]`` is ∂output/∂node i; ``contributions[i]`` lists ``(child, slot, amount)``:
    each use of node i by a child adds upstream(child) × ∂child/∂input_slot to its gradient.
    ``locals_[i]`` holds node i's local derivatives, one per input edge.
    """

    grads: tuple[float, ...]
    contributions: tuple[tuple[tuple[int, int, float], ...], ...]
    locals_: tuple[tuple[float, ...], ...]
    reaches_output: tuple[bool, ...]


class Graph:
    """A scalar computation graph built node by node; ids are a topological order.

    Build with :meth:`leaf`, :meth:`const` and :meth:`op` (each returns the new node's id and
    computes its value at once, as micrograd does), or get one from ``parse`` or
    ``trace_example``. The last node added is the output unless :attr:`output_id` is set.
    """

    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self._names: dict[str, int] = {}
        self._output: int | None = None

    # ----- building ------------------------------------------------------------------------
    def leaf(self, name: str, value: float = 0.0, meta: Mapping[str, Any] | None = None) -> int:
        """Add a variable (a leaf we want the gradient of)."""
        return self._add(Node(len(self.nodes), LEAF, (), name, LEAF, float(value), meta=_m(meta)))

    def const(self, value: float, meta: Mapping[str, Any] | None = None) -> int:
        """Add a constant; its name is the number itself."""
        value = float(value)
        return self._add(Node(len(self.nodes), CONST, (), fmt(value), CONST, value, meta=_m(meta)))

    def op(
        self,
        op: str,
        *inputs: int,
        name: str | None = None,
        param: float | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> int:
        """Add ``op`` applied to existing nodes; its value is computed immediately."""
        spec = get_op(op)
        if spec.arity is not None and len(inputs) != spec.arity:
            raise ValueError(
                _(
                    "{op} takes {arity} input(s), got {got}",
                    op=op,
                    arity=spec.arity,
                    got=len(inputs),
                )
            )
        if not inputs or any(not 0 <= i < len(self.nodes) for i in inputs):
            raise ValueError(
                _("{op}: inputs must be ids of existing nodes, got {inputs}", op=op, inputs=inputs)
            )
        if op == "powc" and param is None:
            raise ValueError(_("powc needs its constant exponent as param"))
        nid = len(self.nodes)
        node = Node(nid, op, tuple(inputs), name or f"n{nid}", OP, param=param, meta=_m(meta))
        with np.errstate(all="ignore"):  # e.g. log(0) = −∞ while leaves still hold 0
            node.value = _apply(spec, [self.nodes[i].value for i in inputs], param)
        return self._add(node)

    def _add(self, node: Node) -> int:
        if node.kind != CONST:
            if not node.name or node.name in self._names:
                raise ValueError(
                    _("node name {node_name!r} is empty or already used", node_name=node.name)
                )
            self._names[node.name] = node.id
        self.nodes.append(node)
        return node.id

    # ----- looking things up ---------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.nodes)

    @property
    def output_id(self) -> int:
        """Id of the output node (the last one added unless set)."""
        if not self.nodes:
            raise ValueError(_("the graph is empty"))
        return len(self.nodes) - 1 if self._output is None else self._output

    @output_id.setter
    def output_id(self, nid: int) -> None:
        if not 0 <= nid < len(self.nodes):
            raise ValueError(_("no node with id {nid}", nid=nid))
        self._output = nid

    @property
    def output(self) -> Node:
        """The output node (the loss of a traced example)."""
        return self.nodes[self.output_id]

    @property
    def leaves(self) -> list[Node]:
        """The variables, in the order they were added."""
        return [n for n in self.nodes if n.kind == LEAF]

    @property
    def leaf_values(self) -> dict[str, float]:
        """Each leaf's current value by name."""
        return {n.name: n.value for n in self.nodes if n.kind == LEAF}

    def node(self, key: int | str) -> Node:
        """A node by id or by name."""
        if isinstance(key, str):
            if key not in self._names:
                raise KeyError(_("no node named {key!r}", key=key))
            key = self._names[key]
        return self.nodes[key]

    def edges(self) -> list[tuple[int, int, int]]:
        """Every edge as ``(source, target, slot)``: source is input number ``slot`` of target."""
        return [(i, n.id, k) for n in self.nodes for k, i in enumerate(n.inputs)]

    def children(self) -> list[list[int]]:
        """For every node, the ids of the nodes that use it (once per use)."""
        kids: list[list[int]] = [[] for _ in self.nodes]
        for src, dst, _slot in self.edges():
            kids[src].append(dst)
        return kids

    # ----- computing -----------------------------------------------------------------------
    def evaluate(self, values: Mapping[str, float] | None = None) -> list[float]:
        """Every node's value for these leaf values, without changing the graph."""
        vals = [n.value for n in self.nodes]
        for name, v in (values or {}).items():
            node = self.node(name) if name in self._names else None
            if node is None or node.kind != LEAF:
                raise ValueError(_("{name!r} is not a leaf of this graph", name=name))
            vals[node.id] = _number(name, v)
        with np.errstate(all="ignore"):  # log(−1) is nan, 1/0 is ∞: shown, not raised
            for n in self.nodes:
                if n.kind == OP:
                    vals[n.id] = _apply(get_op(n.op), [vals[i] for i in n.inputs], n.param)
        return vals

    def forward(self, values: Mapping[str, float] | None = None) -> float:
        """Set the given leaf values, compute every node in order, and return the output."""
        for node, v in zip(self.nodes, self.evaluate(values), strict=True):
            node.value = v
        return self.output.value

    def gradients(self, values: Sequence[float] | None = None) -> Backward:
        """Backpropagation from the output over ``values`` (default: the current node values).

        Walk the nodes in reverse topological order. A node's gradient is final once every
        node that uses it has been visited; it then sends upstream × local derivative down each
        input edge. A node used twice receives (and adds up) both contributions.
        """
        vals = [n.value for n in self.nodes] if values is None else list(values)
        out = self.output_id
        grads = [0.0] * len(self.nodes)
        grads[out] = 1.0  # the seed: ∂out/∂out = 1
        contribs: list[list[tuple[int, int, float]]] = [[] for _ in self.nodes]
        locals_: list[tuple[float, ...]] = [() for _ in self.nodes]
        reach = [False] * len(self.nodes)
        reach[out] = True
        with np.errstate(all="ignore"):
            for n in reversed(self.nodes[: out + 1]):
                if n.kind != OP or not reach[n.id]:
                    continue
                ins = [vals[i] for i in n.inputs]
                locals_[n.id] = get_op(n.op).local(ins, vals[n.id], n.param)
                for slot, (i, d) in enumerate(zip(n.inputs, locals_[n.id], strict=True)):
                    amount = grads[n.id] * d  # the chain rule: upstream × local
                    contribs[i].append((n.id, slot, amount))
                    grads[i] += amount
                    reach[i] = True
        return Backward(
            tuple(grads), tuple(tuple(c) for c in contribs), tuple(locals_), tuple(reach)
        )

    def backward(self) -> dict[str, float]:
        """Store ∂output/∂node on every node; return each leaf's gradient by name."""
        for node, g in zip(self.nodes, self.gradients().grads, strict=True):
            node.grad = g
        return {n.name: n.grad for n in self.nodes if n.kind == LEAF}

    def non_finite_origin(self, values: Sequence[float] | None = None) -> str:
        """Where a forward value first stops being finite, or "" if none does.

        The first op whose inputs are all finite but whose value is not: ``"log(0) = −∞ at
        node c = log(x)"`` or ``"overflow at node a = x · x (1e+308 · 1e+308)"``.
        """
        vals = self.evaluate() if values is None else list(values)
        for n in self.nodes:
            ins = [vals[i] for i in n.inputs]
            if n.kind != OP or math.isfinite(vals[n.id]) or not all(map(math.isfinite, ins)):
                continue
            op = get_op(n.op)
            expr = op.render([self.nodes[i].name for i in n.inputs], n.param)
            plugged = op.render([operand(v) for v in ins], n.param)
            if math.isinf(vals[n.id]) and max(map(abs, ins), default=0.0) >= 1e100:
                return _(
                    "overflow at node {node} = {expr} ({plugged})",
                    node=n.name,
                    expr=expr,
                    plugged=plugged,
                )
            return _(
                "{plugged} = {value} at node {node} = {expr}",
                plugged=plugged,
                value=fmt(vals[n.id]),
                node=n.name,
                expr=expr,
            )
        return ""

    def gradient_origin(self, values: Sequence[float] | None = None) -> str:
        """Where backpropagation first stops being finite (walking back from the output)."""
        vals = self.evaluate() if values is None else list(values)
        back = self.gradients(vals)
        for n in reversed(self.nodes):
            upstream = back.grads[n.id]
            if n.kind != OP or not back.reaches_output[n.id] or not math.isfinite(upstream):
                continue
            for i, d in zip(n.inputs, back.locals_[n.id], strict=True):
                if not (math.isfinite(d) and math.isfinite(upstream * d)):
                    src = self.nodes[i].name
                    return _(
                        "the gradient stops being finite at node {node}: ∂{node}/∂{src} = "
                        "{d}, times {upstream} from above",
                        node=n.name,
                        src=src,
                        d=fmt(d),
                        upstream=fmt(upstream),
                    )
        return ""

    @property
    def steps(self) -> Steps:
        """The forward and backward steps for the current leaf values (see ``steps.py``)."""
        return build_steps(self)


def _apply(op: Op, inputs: list[float], param: float | None) -> float:
    return float(op.value(inputs, param))


def _number(name: str, v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float | np.floating | np.integer):
        raise ValueError(_("the value of {name!r} must be a number, not {v!r}", name=name, v=v))
    return float(v)


def _m(meta: Mapping[str, Any] | None) -> dict[str, Any]:
    return dict(meta) if meta else {}
