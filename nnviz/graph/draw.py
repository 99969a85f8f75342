"""Turn a stepper's position into the frozen GraphPicture the view draws (pure, no Qt)."""

from __future__ import annotations

import math

import numpy as np

from nnviz.graph.graph import Graph
from nnviz.graph.groups import Group, group_edges, groups
from nnviz.graph.layout import layout
from nnviz.graph.ops import get_op, op_words
from nnviz.graph.picture import EdgePicture, GraphPicture, NodePicture
from nnviz.graph.stepper import DONE, PENDING, Stepper
from nnviz.graph.steps import BackwardStep, EdgeGrad, ForwardStep, expression
from nnviz.graph.text import fmt, full, operand
from nnviz.text import _, capitalised

DX, DY = 200.0, 92.0  # scene pixels between columns and rows of the op graph
LAYER_DX, LAYER_DY = 300.0, 120.0  # …and of the layer-level boxes
SHORT = 18  # an op's formula fits in its box up to this many characters


def op_picture(
    stepper: Stepper, title: str, leaves: str = "left", spots: dict | None = None
) -> GraphPicture:
    """Every node of the graph with its value, gradient and state at the stepper's position.

    ``spots`` are the graph's layout positions if already known (they never change while
    walking one graph, so the caller may compute them once).
    """
    graph, state = stepper.graph, stepper.state
    spots = spots if spots is not None else layout(graph, leaves)
    forward = {s.node: s for s in stepper.steps.forward}
    backward = {s.node: s for s in stepper.steps.backward}
    nodes = []
    for n in graph.nodes:
        x, y = spots[n.id]
        grad = state.grads[n.id]
        waiting = _waiting_for(backward.get(n.id), state.final)
        nodes.append(
            NodePicture(
                n.id, _title(graph, n.id), x * DX, -y * DY, _kind(graph, n.id),
                state.values[n.id], grad, stepper.node_state(n.id),
                _tooltip(graph, n.id, forward.get(n.id), backward.get(n.id), state.values[n.id],
                         grad), dict(n.meta),
                grad_text=_("grad {grad} +…", grad=fmt(grad)) if grad is not None and waiting
                else "",
            )
        )  # fmt: skip
    return _picture(stepper, tuple(nodes), _edges(stepper), caption(stepper), title, "ops")


def layer_picture(stepper: Stepper, title: str, activations: list[str]) -> GraphPicture:
    """One box per layer quantity (x, W, b, z, h, L), as the lecture's matrix bookkeeping."""
    graph = stepper.graph
    boxes = groups(graph, activations)
    of = {nid: g.key for g in boxes for nid in g.members}
    index = {g.key: i for i, g in enumerate(boxes)}
    current = stepper.current.node if stepper.current else None
    nodes = tuple(_box(i, g, stepper, current) for i, g in enumerate(boxes))
    active_box = of.get(current) if current is not None else None
    edges = tuple(
        EdgePicture(index[a], index[b], active=b == active_box) for a, b in group_edges(graph, of)
    )
    box = next((g for g in boxes if g.key == active_box), None)
    text = _layer_caption(stepper, box, nodes[boxes.index(box)] if box else None)
    return _picture(stepper, nodes, edges, text, title, "layers")


def _picture(stepper: Stepper, nodes, edges, text: str, title: str, mode: str) -> GraphPicture:
    """The frame around nodes and edges: caption, phase, progress and the memo table."""
    return GraphPicture(
        nodes,
        edges,
        caption=text,
        memo_header=(_("node"), _("value"), "∂out/∂node"),
        phase=_phase(stepper),
        step_index=stepper.position,
        step_count=stepper.total,
        memo=memo_rows(stepper),
        title=title,
        mode=mode,
    )


def _layer_caption(stepper: Stepper, box: Group | None, pic: NodePicture | None) -> str:
    """The box just computed, with the lecture's shape bookkeeping and its numbers."""
    if box is None or pic is None:
        return caption(stepper)
    if stepper.phase == "forward":
        check = f" — {box.bookkeeping}" if box.bookkeeping else ""
        return _(
            "Forward: {title}{check} = {value_text}",
            title=box.title,
            check=check,
            value_text=pic.value_text,
        )
    return _(
        "Backward through {title}: {grad_text} (every entry in the table)",
        title=box.title,
        grad_text=pic.grad_text,
    )


def group_of(stepper: Stepper, activations: list[str]) -> dict[int, tuple]:
    """The layer-level box key of every op-graph node."""
    return {nid: g.key for g in groups(stepper.graph, activations) for nid in g.members}


def caption(stepper: Stepper) -> str:
    """The current step in words, with the numbers plugged in."""
    step = stepper.current
    graph = stepper.graph
    if step is None:
        leaves = ", ".join(f"{n.name} = {fmt(n.value)}" for n in graph.leaves[:8])
        more = " …" if len(graph.leaves) > 8 else ""
        return _(
            "Start: only the leaves are known ({leaves}{more}). Press → to compute a node.",
            leaves=leaves,
            more=more,
        )
    if isinstance(step, ForwardStep):
        total = len(stepper.steps.forward)
        return _(
            "Forward {position}/{total}: {formula}",
            position=stepper.position,
            total=total,
            formula=step.formula,
        )
    if stepper.finished:
        return _summary(stepper)
    text = capitalised(_("backward: {grad_formula}", grad_formula=step.grad_formula))
    if step.edges:  # the chain rule, short: upstream × local for each input (tooltips say more)
        sends = ";  ".join(
            _(
                "to {name}: {upstream} · {local} = {product}",
                name=e.source_name,
                upstream=operand(e.upstream),
                local=operand(e.local),
                product=fmt(e.product),
            )
            for e in step.edges
        )
        text += _(".  Upstream × local down each input — {sends}", sends=sends)
    return text


def _summary(stepper: Stepper, shown: int = 6) -> str:
    """The whole gradient once the walk is done: one number per leaf."""
    graph, grads = stepper.graph, stepper.state.grads
    out = graph.nodes[graph.output_id].name
    parts = [f"∂{out}/∂{n.name} = {fmt(grads[n.id] or 0.0)}" for n in graph.leaves]
    more = _(", … ({count} in the table)", count=len(parts)) if len(parts) > shown else ""
    return _(
        "Backward pass complete. The gradient: {parts}{more}. Each says how much {out} changes "
        "per unit change of that leaf.",
        parts=", ".join(parts[:shown]),
        more=more,
        out=out,
    )


def memo_rows(stepper: Stepper) -> tuple[tuple[str, str, str], ...]:
    """The memo table: every finished gradient, in the order it was filled in."""
    values = stepper.state.values
    return tuple((m.name, _value_or_dot(values[m.node]), fmt(m.grad)) for m in stepper.memo)


def _value_or_dot(value: float | None) -> str:
    """A memo row's value, or "·" while the forward pass has not computed it."""
    return "·" if value is None else fmt(value)


def _waiting_for(step: BackwardStep | None, final: frozenset[int]) -> bool:
    """True while a node used several times still waits for some uses to send their share."""
    if step is None or step.node in final:
        return False
    return any(c.child not in final for c in step.contributions)


def _phase(stepper: Stepper) -> str:
    if stepper.finished:
        return "done"
    return "backward" if stepper.phase == "backward" else "forward"


def _kind(graph: Graph, nid: int) -> str:
    node = graph.nodes[nid]
    if nid == graph.output_id:
        return "loss"
    return node.kind


def _title(graph: Graph, nid: int) -> str:
    """``b = a · w2`` when it fits in the box, else the name and the operation."""
    node = graph.nodes[nid]
    if node.kind != "op":
        return node.name if node.kind == "leaf" else fmt(node.value)
    op = get_op(node.op)
    body = expression(graph, nid, [n.value for n in graph.nodes])[0]
    text = f"{node.name} = {body}"
    if len(text) <= SHORT:
        return text
    return node.name if len(node.name) <= SHORT else op_words(op)


def _tooltip(graph: Graph, nid: int, fwd, bwd, value: float | None, grad: float | None) -> str:
    """Everything about one node, with its value and gradient to every digit."""
    node = graph.nodes[nid]
    lines = [_("{name}  ({kind})", name=node.name, kind=_kind_words(node.kind))]
    lines.append(_("value = {value}   gradient = {grad}", value=full(value), grad=full(grad)))
    if node.kind == "op":
        lines.append(_("operation: {label}", label=op_words(get_op(node.op))))
    if fwd is not None:
        lines.append(_("forward: {formula}", formula=fwd.formula))
    if bwd is not None:
        lines.append(_("backward: {grad_formula}", grad_formula=bwd.grad_formula))
        lines += [
            _("  sends {product_formula}", product_formula=e.product_formula) for e in bwd.edges
        ]
    return "\n".join(lines)


def _kind_words(kind: str) -> str:
    """What a node is, in words: a variable (leaf), a constant or an operation."""
    words = {"leaf": _("variable"), "const": _("constant"), "op": _("operation")}
    return words.get(kind, kind)


def _edges(stepper: Stepper) -> tuple[EdgePicture, ...]:
    """One edge per (input, op) pair; chain-rule numbers once the op's gradient is sent."""
    graph, state, step = stepper.graph, stepper.state, stepper.current
    grads: dict[tuple[int, int], list[EdgeGrad]] = {}
    for b in stepper.steps.backward:
        if b.node in state.final:
            for e in b.edges:
                grads.setdefault((e.source, e.target), []).append(e)
    active: set[tuple[int, int]] = set()
    if step is not None:
        active = {(i, step.node) for i in graph.nodes[step.node].inputs}
    out: dict[tuple[int, int], EdgePicture] = {}
    for src, dst, _slot in graph.edges():
        if (src, dst) in out:
            continue
        known = grads.get((src, dst))
        # A node used twice by one op (x·x): its two slots add, ∂(x·x)/∂x = x + x.
        local = _total([e.local for e in known]) if known else None
        product = _total([e.product for e in known]) if known else None
        tip = _edge_tooltip(graph, src, dst, local, product)
        out[(src, dst)] = EdgePicture(src, dst, local, product, (src, dst) in active, tip)
    return tuple(out.values())


def _edge_tooltip(graph: Graph, src: int, dst: int, local, product) -> str:
    """The chain rule along one edge, by name: hovering any edge shows its numbers."""
    a, b = graph.nodes[src].name, graph.nodes[dst].name
    head = f"{a} → {b}"
    if local is None:
        return _(
            "{head}\n(its chain-rule numbers appear once the backward pass reaches {b})",
            head=head,
            b=b,
        )
    out = graph.nodes[graph.output_id].name
    return _(
        "{head}\nlocal ∂{b}/∂{a} = {local}\nupstream × local = {product}: this edge's share of "
        "∂{out}/∂{a}",
        head=head,
        b=b,
        a=a,
        local=full(local),
        product=full(product),
        out=out,
    )


def _total(xs: list[float]) -> float:
    """An exact sum; ±∞ (or nan for ∞ − ∞) where fsum would raise on overflow."""
    try:
        return math.fsum(xs)
    except (OverflowError, ValueError):
        return float(sum(xs))  # plain floats: overflow gives inf, no warning


def _box(i: int, g: Group, stepper: Stepper, current: int | None) -> NodePicture:
    """One layer-level box: its shape, its values as a vector, its gradient's size."""
    state = stepper.state
    values = [state.values[m] for m in g.shown]
    finals = list(g.shown)
    states = {stepper.node_state(m) for m in g.members if stepper.graph.nodes[m].kind != "const"}
    status = "current" if current in g.members else (DONE if states <= {DONE} else PENDING)
    value_text, grad_text = _vector_text(g, stepper, values, finals)
    tip = _(
        "{title}   shape {g_shape}\n{bookkeeping}",
        title=g.title,
        g_shape=g.shape,
        bookkeeping=g.bookkeeping,
    ).strip()
    return NodePicture(
        i, g.title, g.column * LAYER_DX, g.row * LAYER_DY, g.kind, None, None, status, tip,
        {"group": g.key, "members": g.members}, value_text=value_text, grad_text=grad_text,
        width=1.9,
    )  # fmt: skip


def _vector_text(g: Group, stepper: Stepper, values, finals) -> tuple[str, str]:
    """``[0.12, −0.5, …]`` for vectors; a matrix shows its shape; gradients by their norm."""
    state = stepper.state
    if g.key[0] == "W":
        value = _("shape {g_shape}", g_shape=g.shape)
    elif any(v is None for v in values):
        value = f"{g.shape}: ·"
    else:
        shown = ", ".join(fmt(v, 2) for v in values[:3])  # the first few; the table has all
        value = f"[{shown}{', …' if len(values) > 3 else ''}]"
    if finals and all(m in state.final for m in finals):
        g2 = np.array([state.grads[m] for m in finals], dtype=float)
        norm = fmt(float(np.linalg.norm(g2)), 3)
        grad = _("‖grad‖ {norm}", norm=norm) if g2.size > 1 else _("grad {grad}", grad=fmt(g2[0]))
    else:
        grad = _("grad {grad}", grad="·")
    return value, grad
