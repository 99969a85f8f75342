"""The forward and backward passes as ordered, frozen steps with the numbers plugged in."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nnviz.graph.ops import get_op
from nnviz.graph.text import fmt, operand
from nnviz.text import _

if TYPE_CHECKING:
    from nnviz.graph.graph import Graph

FORWARD, BACKWARD = "forward", "backward"


@dataclass(frozen=True)
class ForwardStep:
    """Computing one node's value from its inputs' values.

    ``formula`` reads like the board: ``"b = a · w2 = 16 · 3 = 48"``.
    """

    node: int
    name: str
    op: str
    inputs: tuple[int, ...]
    input_values: tuple[float, ...]
    value: float
    formula: str
    phase: str = FORWARD


@dataclass(frozen=True)
class Contribution:
    """One use of a node by a child: the child sends ``amount`` = upstream × local back."""

    child: int
    child_name: str
    slot: int
    amount: float


@dataclass(frozen=True)
class EdgeGrad:
    """The chain rule along one input edge ``source → target`` during the backward pass.

    ``product`` = ``upstream`` (∂out/∂target) × ``local`` (∂target/∂source); it is added to the
    source's gradient.
    """

    source: int
    target: int
    slot: int
    source_name: str
    upstream: float
    local: float
    product: float
    local_formula: str
    product_formula: str


@dataclass(frozen=True)
class BackwardStep:
    """Finishing one node's gradient, then sending it down each of its input edges.

    ``contributions`` are what each child sent (several when the node fans out); their sum is
    ``grad``, read in ``grad_formula`` as ``"∂g/∂x = 6 (from a) + 1 (from b) = 7"``.
    """

    node: int
    name: str
    op: str
    grad: float
    contributions: tuple[Contribution, ...]
    grad_formula: str
    edges: tuple[EdgeGrad, ...]
    phase: str = BACKWARD


Step = ForwardStep | BackwardStep


@dataclass(frozen=True)
class Steps:
    """All steps of one example: ``forward`` in topological order, ``backward`` in reverse."""

    forward: tuple[ForwardStep, ...]
    backward: tuple[BackwardStep, ...]
    output: int
    output_name: str

    @property
    def all(self) -> tuple[Step, ...]:
        """Forward then backward steps, the order a stepper walks them."""
        return self.forward + self.backward

    def __len__(self) -> int:
        return len(self.forward) + len(self.backward)


def build_steps(graph: Graph) -> Steps:
    """The steps of ``graph`` for its current leaf values (the graph itself is not changed)."""
    values = graph.evaluate()
    bw = graph.gradients(values)
    out = graph.output_id
    forward = tuple(
        _forward_step(graph, n.id, values) for n in graph.nodes[: out + 1] if n.kind == "op"
    )
    backward = tuple(
        _backward_step(graph, n.id, values, bw)
        for n in reversed(graph.nodes[: out + 1])
        if n.kind != "const" and bw.reaches_output[n.id]
    )
    return Steps(forward, backward, out, graph.nodes[out].name)


def _forward_step(graph: Graph, nid: int, values: list[float]) -> ForwardStep:
    node = graph.nodes[nid]
    ins = tuple(values[i] for i in node.inputs)
    formula = _chain([node.name, *expression(graph, nid, values), fmt(values[nid])])
    return ForwardStep(nid, node.name, node.op, node.inputs, ins, values[nid], formula)


def expression(graph: Graph, nid: int, values: list[float]) -> tuple[str, str]:
    """An op node's right-hand side, by name and with the numbers plugged in.

    A loss node says how it reads on the board (``−log(1 − ŷ)``, from ``meta["reads"]``)
    rather than as the chain of ops that computes it (``neg(log(1 − ŷ))``).
    """
    node = graph.nodes[nid]
    reads = node.meta.get("reads")
    if reads is not None:
        template, ids, names = reads
        return template.format(*names), template.format(*(plug(values[i]) for i in ids))
    op = get_op(node.op)
    ins = [values[i] for i in node.inputs]
    return op.render(operand_names(graph, node.inputs), node.param), op.render(
        _nums(ins), node.param
    )


def plug(x: float) -> str:
    """A number plugged into a formula: 4 digits, more if 4 would round it to a whole number.

    So ŷ = 0.99999 reads ``−log(1 − 0.99999)``, never the misleading ``−log(1 − 1)``.
    """
    for digits in range(4, 13):
        text = fmt(x, digits)
        if not math.isfinite(x) or x == int(x) or not text.lstrip("−").isdigit():
            break
    return f"({text})" if text.startswith("−") else text


def _backward_step(graph: Graph, nid: int, values: list[float], bw) -> BackwardStep:
    node = graph.nodes[nid]
    out_name = graph.nodes[graph.output_id].name
    contribs = tuple(
        Contribution(child, graph.nodes[child].name, slot, amount)
        for child, slot, amount in sorted(bw.contributions[nid])  # children in graph order
    )
    grad = bw.grads[nid]
    edges: tuple[EdgeGrad, ...] = ()
    if node.kind == "op":
        edges = tuple(
            _edge(graph, nid, slot, values, grad, bw.locals_[nid][slot], out_name)
            for slot, src in enumerate(node.inputs)
            if graph.nodes[src].kind != "const"  # constants need no gradient
        )
    formula = _grad_formula(out_name, node.name, grad, contribs, nid == graph.output_id)
    return BackwardStep(nid, node.name, node.op, grad, contribs, formula, edges)


def _edge(graph: Graph, nid, slot, values, upstream, local, out_name) -> EdgeGrad:
    node = graph.nodes[nid]
    src = node.inputs[slot]
    op = get_op(node.op)
    names = operand_names(graph, node.inputs)
    ins = [values[i] for i in node.inputs]
    by_name = op.local_text(names, node.name, node.param)[slot]
    by_number = op.local_text(_nums(ins), operand(values[nid]), node.param)[slot]
    d_local = f"∂{_sym(node.name)}/∂{_sym(names[slot])}"
    local_formula = _chain([d_local, by_name, by_number, fmt(local)])
    product = upstream * local
    chain = f"∂{_sym(out_name)}/∂{_sym(node.name)} · {d_local}"
    product_formula = _chain([chain, f"{operand(upstream)} · {operand(local)}", fmt(product)])
    return EdgeGrad(
        src, nid, slot, names[slot], upstream, local, product, local_formula, product_formula
    )


def _grad_formula(out: str, name: str, grad: float, contribs, is_output: bool) -> str:
    """``∂g/∂a = 3 (from b)``; a node used several times lists every use and their sum."""
    head = f"∂{_sym(out)}/∂{_sym(name)}"
    if is_output:
        return _("{head} = 1 (the seed: the output changes one-for-one with itself)", head=head)
    uses = [
        _("{amount} (from {child_name})", amount=operand(c.amount), child_name=c.child_name)
        for c in contribs
    ]
    if len(uses) == 1:
        return _(
            "{head} = {amount} (from {child_name})",
            head=head,
            amount=fmt(contribs[0].amount),
            child_name=contribs[0].child_name,
        )
    return f"{head} = {' + '.join(uses)} = {fmt(grad)}"


def _chain(parts: list[str]) -> str:
    """Join ``a = b = c``, dropping a part that merely repeats the one before it."""
    kept = [p for i, p in enumerate(parts) if i == 0 or p != parts[i - 1]]
    return " = ".join(kept)


def operand_names(graph: Graph, ids) -> list[str]:
    """Input names for an expression; a negative constant is bracketed like a number."""
    return [
        operand(graph.nodes[i].value) if graph.nodes[i].kind == "const" else graph.nodes[i].name
        for i in ids
    ]


def _nums(xs) -> list[str]:
    return [operand(x) for x in xs]


def _sym(name: str) -> str:
    """A name inside ∂…/∂…, bracketed when it is itself an expression like ``x1·W1[0,1]``."""
    return f"({name})" if any(c in name for c in " +−·/*") else name
