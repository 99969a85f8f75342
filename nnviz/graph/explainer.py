"""What the computation-graph view explains right now: a formula or one traced example.

Pure state with no Qt: the app's controller feeds it requests as values and draws the
pictures it returns. Every step can be undone exactly (the Stepper keeps each state).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

import numpy as np

from nnviz.engine.describe import input_names
from nnviz.graph import requests as rq
from nnviz.graph.draw import group_of, layer_picture, op_picture
from nnviz.graph.examples import EXAMPLES
from nnviz.graph.gradcheck import gradcheck
from nnviz.graph.graph import Graph
from nnviz.graph.highlight import light_network
from nnviz.graph.layout import layout
from nnviz.graph.parser import FormulaError, parse
from nnviz.graph.picture import GraphPicture
from nnviz.graph.requests import STEP_ACTIONS, TracedExample
from nnviz.graph.stepper import Stepper
from nnviz.graph.text import class_text, fmt
from nnviz.graph.trace import trace_example
from nnviz.graph.update import UpdateSummary, summarise_update
from nnviz.text import _
from nnviz.transaction import all_or_nothing

MODES = ("ops", "neurons", "layers")
LAYER_MODE_ABOVE = 120  # traced graphs with more nodes open in the layer-level view
_ASSIGN = re.compile(r"^\s*([A-Za-z_][A-Za-z_0-9]*)\s*=\s*(\S+)\s*$")


class Explainer:
    """Holds the graph being explained, the walk through it, and how it is shown."""

    def __init__(self) -> None:
        self.graph: Graph | None = None
        self.stepper: Stepper | None = None
        self.title = ""
        self.formula = ""
        self.example: TracedExample | None = None
        self.mode = "ops"
        self.update_rows: tuple[tuple[str, str, str], ...] = ()
        self.update_caption = ""
        self.update: UpdateSummary | None = None
        self._spots: dict | None = None

    # ----- the one way to ask ----------------------------------------------------------------
    def apply(self, request: rq.GraphRequest) -> str:
        """Carry out one request value; returns a note for the user.

        A refused request raises ValueError (a FormulaError for a typed formula) and leaves
        every part of the explainer exactly as it was.
        """
        handler = _HANDLERS.get(type(request))
        if handler is None:
            raise ValueError(
                _("the computation graph cannot do {type_name}", type_name=type(request).__name__)
            )
        return all_or_nothing(self, lambda: handler(self, request) or "")

    # ----- what to explain -------------------------------------------------------------------
    def load_example(self, key: str) -> str:
        """One of the lectures' worked examples; returns its description."""
        if key not in EXAMPLES:
            raise ValueError(
                _(
                    "unknown example {key!r}; choose one of {choices}",
                    key=key,
                    choices=", ".join(EXAMPLES),
                )
            )
        preset = EXAMPLES[key]
        self.formula = preset.formula
        graph = preset.build()
        self._show(graph, preset.title, None)
        return preset.describe(graph)

    def load_formula(self, text: str) -> str:
        """A typed formula; leaves keep the values they had if the name is unchanged."""
        old = self.graph.leaf_values if self.graph is not None and self.example is None else {}
        names = [n.name for n in parse(text).leaves]  # raises FormulaError with a position
        values = {n: old.get(n, 1.0) for n in names}
        graph = parse(text, values)
        self.formula = text
        self._show(graph, f"f = {text.strip()}", None)
        return _domain_warning(graph) or _("Leaves start at 1; type new values as w1=2, w2=3.")

    def set_leaf_values(self, text: str) -> str:
        """Set formula leaves from ``"w1=2, w2=3"``; a bad entry changes nothing."""
        if self.graph is None or self.example is not None:
            raise ValueError(_("leaf values can be typed for a formula; trace a new point instead"))
        known = self.graph.leaf_values
        values = dict(known)
        for part in filter(None, (p.strip() for p in text.replace(";", ",").split(","))):
            m = _ASSIGN.match(part)
            if not m:
                raise ValueError(
                    _("write values as name=number, e.g. w1=2 (not {part!r})", part=part)
                )
            name, number = m.groups()
            if name not in known:
                raise ValueError(
                    _(
                        "this formula has no variable {name!r}: {choices}",
                        name=name,
                        choices=", ".join(known),
                    )
                )
            try:
                v = float(number.replace("−", "-"))
            except ValueError:
                raise ValueError(_("{number!r} is not a number", number=number)) from None
            if not math.isfinite(v):
                raise ValueError(_("{name} must be a finite number", name=name))
            values[name] = v
        self._show(parse(self.formula, values), self.title, None)
        return _domain_warning(self.graph) or _("Values set; the walk starts again.")

    def trace(self, net, features: np.ndarray, example: TracedExample, inputs=None) -> str:
        """One example through the live network, op by op, with its loss.

        ``inputs`` names the inputs as the network view does (X₁, X₂, …).
        """
        graph = trace_example(net, features, example.label, loss=example.loss, inputs=inputs)
        where = _("the point") if example.point_id >= 0 else _("a new spot")
        at = ", ".join(fmt(v, 3) for v in example.point)
        label = class_text(example.label, example.loss)
        title = _(
            "{where} ({at}), {label} · network at epoch {epoch}",
            where=where,
            at=at,
            label=label,
            epoch=example.epoch,
        )
        self._show(graph, title, example)
        if len(graph) > LAYER_MODE_ABOVE:
            self.mode = "layers"
            return _(
                "{count} operations: showing one box per layer (switch to every op).",
                count=len(graph),
            )
        return _("Traced: {count} operations. Press → to walk the forward pass.", count=len(graph))

    def _show(self, graph: Graph, title: str, example: TracedExample | None) -> None:
        self.graph, self.title, self.example = graph, title, example
        self.stepper = Stepper(graph)
        self._spots = None
        self.update_rows, self.update_caption, self.update = (), "", None
        if example is None:
            self.mode = "ops"

    # ----- walking ---------------------------------------------------------------------------
    def step(self, action: str) -> None:
        """forward, back, run_forward, run_backward or reset (layer mode moves box by box)."""
        if action not in STEP_ACTIONS:
            raise ValueError(_("unknown step {action!r}", action=action))
        s = self._need()
        self.update_rows, self.update_caption, self.update = (), "", None
        if action == "forward":
            self._move(s.step_forward)
        elif action == "back":
            self._move(s.step_back, back=True)
        elif action == "run_forward":
            s.run_forward()
        elif action == "run_backward":
            s.run_backward()
        elif action == "reset":
            s.reset()
        else:
            raise ValueError(_("unknown step {action!r}", action=action))

    def _move(self, one, back: bool = False) -> None:
        """One op; one neuron's ops in the neuron walk; one box's ops in the layer view."""
        s = self._need()
        chunk = self._chunk_of()
        if chunk is None:
            one()
            return

        def box(step):
            return (step.phase, chunk(step.node)) if step is not None else None

        start = box(s.next_step if not back else s.current)
        one()
        while True:
            nxt = s.next_step if not back else s.current
            if nxt is None or box(nxt) != start or (back and s.position == 0):
                return
            one()

    def _chunk_of(self):
        """What one → covers: None for a single op, else a node → chunk-key function."""
        if self.example is None or self.mode == "ops":
            return None
        if self.mode == "layers":
            return group_of(self._need(), list(self.example.activations)).get
        # "neurons": every op that belongs to one neuron (or the loss)
        nodes = self._need().graph.nodes
        return lambda nid: (nodes[nid].meta.get("layer"), nodes[nid].meta.get("neuron"))

    def jump(self, node: int) -> str:
        """Go to a node's step: its gradient if the backward pass has begun, else its value."""
        s = self._need()
        if self.mode == "layers":
            return _("Switch to 'every op' to jump to a single node.")
        leaf = s.graph.nodes[node].kind == "leaf"  # leaves have no forward step
        phase = "backward" if s.phase == "backward" or leaf else "forward"
        try:
            s.jump_to(node, phase)
        except ValueError:
            return _("{name} is not computed: it is given.", name=s.graph.nodes[node].name)
        return ""

    def set_mode(self, mode: str) -> str:
        """'ops' (→ is one op), 'neurons' (→ is one neuron's ops) or 'layers' (one box per
        layer, → is one box); the last two are for traced networks only."""
        if mode not in MODES:
            raise ValueError(
                _(
                    "unknown mode {mode!r}; choose one of {choices}",
                    mode=mode,
                    choices=", ".join(MODES),
                )
            )
        if mode != "ops" and self.example is None:
            self.mode = "ops"
            return _(
                "Neurons and layers belong to a traced network example; a formula walks op by op."
            )
        self.mode = mode
        return ""

    # ----- reading it ------------------------------------------------------------------------
    def picture(self) -> GraphPicture | None:
        """The frozen picture of where the walk is."""
        stepper = self.stepper
        if stepper is None:
            return None
        if self.mode == "layers" and self.example is not None:
            pic = layer_picture(stepper, self.title, list(self.example.activations))
        else:
            leaves = "near" if self.example is not None else "left"
            if self._spots is None:  # one layout per graph: it does not move while walking
                self._spots = layout(stepper.graph, leaves)
            pic = op_picture(stepper, self.title, leaves, self._spots)
        source = "network" if self.example is not None else "formula"
        pic = replace(pic, source=source, mode=self.mode)
        if self.update_rows:
            pic = replace(
                pic,
                memo=self.update_rows,
                memo_header=(_("parameter"), _("old → new"), "Δ = −lr·grad"),
                caption=self.update_caption,
            )
        return pic

    def highlight(self) -> tuple[set, set]:
        """Network-view neurons (layer, index) and edges (layer, i, j) of the current step.

        In the layer view the whole box lights up: every neuron and edge of that layer.
        """
        s = self.stepper
        if s is None or self.example is None or s.current is None:
            return set(), set()
        ids = [s.current.node]
        if self.mode == "layers":
            of = group_of(s, list(self.example.activations))
            ids = [i for i, key in of.items() if key == of.get(s.current.node)]
        nodes: set = set()
        edges: set = set()
        for nid in ids:
            light_network(s.graph, nid, nodes, edges)
        return nodes, edges

    def focus_neuron(self) -> tuple[int, int] | None:
        """The network neuron whose picture the data canvas should show at this step.

        While the walk is inside a neuron (its products, sum or activation), that neuron's
        response over the plane; at the start, at the loss and once done, the output (None).
        """
        s = self.stepper
        if s is None or self.example is None or s.current is None or s.finished:
            return None
        meta = s.graph.nodes[s.current.node].meta
        if meta.get("layer") == len(self.example.activations):
            return None  # the output neuron: the canvas already shows it, boundary and all
        if meta.get("role") in ("input", "product", "sum", "activation") and "neuron" in meta:
            return (meta["layer"], meta["neuron"])
        return None

    def check_gradients(self) -> str:
        """Backprop against central differences for every leaf: one line of verdict."""
        g = self._need().graph
        checks = gradcheck(g)
        worst = max(checks, key=lambda c: c.error)
        bad = [c for c in checks if not c.ok]
        head = (
            _("Gradient check passed")
            if not bad
            else _("Gradient check: {count} leaves differ", count=len(bad))
        )
        return _(
            "{head}: {count} leaves, backprop vs (f(w+ε) − f(w−ε))/2ε; worst "
            "{worst}: {analytic} vs {numeric} (error {error:.1e}). Backprop "
            "took one backward pass; the check took {evaluations} forward passes.",
            head=head,
            count=len(checks),
            worst=worst.name,
            analytic=fmt(worst.analytic, 6),
            numeric=fmt(worst.numeric, 6),
            error=worst.error,
            evaluations=2 * len(checks),
        )

    def show_update(self, new_params, lr: float, message: str) -> str:
        """After one gradient step: each parameter's old → new value, and the loss's.

        Returns the note for the user; ``self.update.quiet`` says when nothing visibly moved.
        """
        ex = self.example
        if ex is None:
            return ""
        if [np.shape(p) for p in new_params] != [np.shape(p) for p in ex.params]:
            raise ValueError(
                _(
                    "The network changed shape since this example was traced, so its update "
                    "cannot be shown here: trace the example again."
                )
            )
        self.update = summarise_update(self._need().graph, new_params, lr)
        self.update_rows = self.update.rows
        self.update_caption = f"{message} {self.update.caption}".strip()
        return self.update_caption

    def _need(self) -> Stepper:
        if self.stepper is None:
            raise ValueError(_("nothing to step through yet: pick an example or trace a point"))
        return self.stepper


def _walk(e: Explainer, r: rq.Walk) -> None:
    if not 0 <= int(r.steps) <= 100_000:
        raise ValueError(_("a walk takes 0 to 100000 steps, not {steps}", steps=r.steps))
    for _step in range(int(r.steps)):
        e.step("forward")


def _trace(e: Explainer, r: rq.TraceExample) -> str:
    net = r.spec.build()
    net.set_params(r.example.params)
    inputs = input_names(r.spec.features, r.spec.input_dim)
    return e.trace(net, np.asarray(r.features, dtype=float), r.example, inputs)


def _show_update(e: Explainer, r: rq.ShowUpdate) -> str:
    return e.show_update(r.params, r.lr, r.message)


# Each request type and the method that carries it out (the explainer's whole vocabulary).
_HANDLERS = {
    rq.ShowExample: lambda e, r: e.load_example(r.key),
    rq.ShowFormula: lambda e, r: e.load_formula(r.text),
    rq.SetLeafValues: lambda e, r: e.set_leaf_values(r.text),
    rq.TraceExample: _trace,
    rq.Step: lambda e, r: e.step(r.action),
    rq.Walk: _walk,
    rq.Jump: lambda e, r: e.jump(r.node),
    rq.SetMode: lambda e, r: e.set_mode(r.mode),
    rq.CheckGradients: lambda e, r: e.check_gradients(),
    rq.ShowUpdate: _show_update,
}


def _domain_warning(graph: Graph) -> str:
    """Say so when a value is not finite (log 0, say) instead of showing nan silently."""
    values = graph.evaluate()
    bad = [n.name for n in graph.nodes if not math.isfinite(values[n.id])]
    if bad:
        return (_("{bad} is not a finite number at these values (outside the function's "
"domain, like log of 0): change a leaf, e.g. x=2.", bad=bad[0]))  # fmt: skip
    return ""


__all__ = ["Explainer", "FormulaError", "TracedExample"]
