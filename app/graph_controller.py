"""Puts the computation-graph view in the window: requests in, Explainer pictures out."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from app.context import Context
from app.views.graph_view import GraphView
from nnviz import commands as cmd
from nnviz.engine.features import feature_matrix
from nnviz.graph import requests as rq
from nnviz.graph.examples import EXAMPLES
from nnviz.graph.explainer import Explainer
from nnviz.graph.parser import FormulaError
from nnviz.graph.requests import TracedExample
from nnviz.graph.text import fmt
from nnviz.graph.worst import point_losses, worst_point
from nnviz.lessons.setup import nearest_row
from nnviz.snapshot import Snapshot

FIRST_EXAMPLE = "cs188"
OFFERS = [
    ("worst", "Trace the worst-classified training point"),
    ("fresh", "Trace a fresh point"),
]


class GraphController(QObject):
    """Owns the Explainer (pure) and its GraphView; links them to the canvas and network."""

    tool_requested = Signal(str)  # the data canvas should switch to this tool ("trace")

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.explainer = Explainer()
        self.view = GraphView()
        self.view.set_presets([(p.title, key) for key, p in EXAMPLES.items()])
        self.snap: Snapshot | None = None
        self.selected: tuple[int, tuple[float, ...], float] | None = None
        self._awaiting_update = False
        self._focus: tuple[int, int] | None = None
        # What stays true while the user walks this graph: an example's description, or a
        # warning that the trace is out of date. Walking replaces any other note with it.
        self._standing: tuple[str, bool] = ("", False)
        self._connect()
        self.load_preset(FIRST_EXAMPLE)

    def _connect(self) -> None:
        v = self.view
        v.step_requested.connect(self.step)
        v.node_clicked.connect(self._on_node_clicked)
        v.preset_selected.connect(self.load_preset)
        v.formula_submitted.connect(self._on_formula_submitted)
        v.values_submitted.connect(self._on_values_submitted)
        v.trace_requested.connect(self.trace_selected)
        v.gradcheck_requested.connect(self.check_gradients)
        v.apply_update_requested.connect(self.apply_update)
        v.mode_changed.connect(self._on_mode_changed)
        v.offer_chosen.connect(self._on_offer_chosen)

    # ----- sources ---------------------------------------------------------------------------
    def load_preset(self, key: str) -> None:
        """Show one of the lectures' worked examples from the start."""
        if self._run(rq.ShowExample(key)):
            self.view.show_source(key, self.explainer.formula)
            self._forget_trace()
            self._standing = (self.view.message.text(), False)

    def _on_formula_submitted(self, text: str) -> None:
        try:
            note = self.explainer.apply(rq.ShowFormula(text))
        except FormulaError as exc:
            where = " " * exc.position + "^"
            self.view.show_message(f"{exc}\n{text}\n{where}", error=True)
            return
        self._forget_trace()
        self.view.show_source(None, text)
        self._redraw(note)

    def _on_values_submitted(self, text: str) -> None:
        self._run(rq.SetLeafValues(text))

    def on_trace_requested(self, point_id: int, position, label) -> None:
        """The canvas's Trace tool picked a point (or an empty spot with a label)."""
        self.selected = (int(point_id), tuple(float(v) for v in np.ravel(position)), float(label))
        self.trace()

    def trace_selected(self) -> None:
        """Trace the picked example again (or the first training point if none is picked)."""
        if self.selected is None:  # nothing picked yet: take the first training point
            X, y, is_test, ids = self.ctx.document.points.all_arrays()
            train = np.flatnonzero(~is_test)
            if not len(train):
                self.view.show_message("There are no training points to trace.", error=True)
                return
            i = int(train[0])
            self.selected = (int(ids[i]), tuple(X[i]), float(y[i]))
        self.trace()

    def trace_training_point(self, n: int, near: tuple[float, ...] | None = None) -> None:
        """Trace the n-th training point (0-based; --trace), or the one nearest ``near``."""
        X, y, is_test, ids = self.ctx.document.points.all_arrays()
        train = np.flatnonzero(~is_test)
        if near is not None:
            n = nearest_row(X[train], near)
        if not 0 <= n < len(train):
            raise ValueError(f"there are {len(train)} training points; {n} is not one of them")
        i = int(train[n])
        self.selected = (int(ids[i]), tuple(X[i]), float(y[i]))
        self.trace()

    def trace_worst_point(self) -> None:
        """Trace the training point the network gets most wrong (the highest loss)."""
        snap = self.snap or self.ctx.latest()
        X, y, is_test, ids = self.ctx.document.points.all_arrays()
        train = np.flatnonzero(~is_test)
        if snap is None or not len(train):
            self.view.show_message("There are no training points to trace.", error=True)
            return
        net = snap.spec.build()
        net.set_params([np.array(p) for p in snap.params])
        features = feature_matrix(X[train], snap.spec.features, snap.dim)
        losses = point_losses(net, features, y[train], snap.config.loss)
        i = int(train[worst_point(net, features, y[train], snap.config.loss)])
        self.selected = (int(ids[i]), tuple(X[i]), float(y[i]))
        self.trace()
        self.view.show_message(
            f"The worst-classified training point: its loss is {fmt(losses.max())}, the "
            f"highest of {len(train)} (median {fmt(float(np.median(losses)))}). "
            "Walk it, or press Apply one update to see a step that matters."
        )

    def _on_offer_chosen(self, key: str) -> None:
        if key == "worst":
            self.trace_worst_point()
        elif key == "fresh":
            self.tool_requested.emit("trace")
            self.view.show_offers([])
            self.view.show_message(
                "The Trace tool is on: click a point, or an empty spot, on the data canvas "
                "to trace it."
            )

    def set_mode(self, mode: str) -> None:
        """'ops' (every operation) or 'layers' (one box per layer), as the mode box does."""
        self._on_mode_changed(mode)

    def trace(self) -> None:
        """Trace the selected example through the network as it is right now."""
        snap = self.snap or self.ctx.latest()
        if snap is None or self.selected is None:
            self.view.show_message("Pick a point with the Trace tool first.", error=True)
            return
        point_id, point, label = self.selected
        features = feature_matrix(np.array([point]), snap.spec.features, snap.dim)[0]
        example = TracedExample(
            point, label, point_id, snap.epoch, snap.seq, snap.config.loss,
            tuple(snap.spec.build().activations), tuple(np.array(p) for p in snap.params),
        )  # fmt: skip
        if not self._run(rq.TraceExample(snap.spec, tuple(features), example)):
            return
        where = point if snap.dim == 2 else (point[0], label)
        self.ctx.highlight.point(where)
        self.view.trace_button.setText("Re-trace with current weights")
        self.ctx.show_panel("graph")
        self.view.canvas.setFocus()  # so → and ← walk the graph straight away

    def _forget_trace(self) -> None:
        self._standing = ("", False)
        self.ctx.highlight.point(None)
        self.ctx.highlight.network(set(), set())
        self.view.trace_button.setText("Trace network example")

    def saved_state(self) -> dict[str, str]:
        """The formula and leaf values the user typed, for the session file (strings only)."""
        e = self.explainer
        if e.graph is None or e.example is not None or not e.formula:
            return {}
        values = ", ".join(f"{k}={v!r}" for k, v in e.graph.leaf_values.items())
        return {"graph_formula": e.formula, "graph_values": values}

    def restore_state(self, view: dict) -> None:
        """Show a saved formula again; a damaged one is skipped, never refused loudly."""
        formula, values = view.get("graph_formula"), view.get("graph_values")
        if not isinstance(formula, str) or not formula:
            return
        try:
            self.explainer.apply(rq.ShowFormula(formula))
            if isinstance(values, str) and values:
                self.explainer.apply(rq.SetLeafValues(values))
        except ValueError:  # FormulaError is a ValueError too
            return
        self.view.show_source(None, formula)
        self._redraw("The formula from the session.")

    # ----- walking ---------------------------------------------------------------------------
    def step(self, action: str) -> None:
        """forward, back, run_forward, run_backward or reset."""
        self._run(rq.Step(action))

    def _on_node_clicked(self, node: int) -> None:
        pic = self.view.picture
        if pic is not None and pic.mode == "layers":
            members = pic.nodes[node].meta.get("members", ())
            self.explainer.apply(rq.SetMode("ops"))
            self._redraw("Every op of the network; the layer you clicked is centred.")
            if members:
                self.view.centre_on_node(members[0])
            return
        self._run(rq.Jump(node))

    def _on_mode_changed(self, mode: str) -> None:
        self._run(rq.SetMode(mode))

    def check_gradients(self) -> None:
        """Backprop against finite differences for every leaf, reported in one line."""
        self._run(rq.CheckGradients())

    def apply_update(self) -> None:
        """One gradient step on the traced example, done by the training thread."""
        ex = self.explainer.example
        if ex is None:
            self.view.show_message("Trace a network example first.", error=True)
            return
        snap = self.snap or self.ctx.latest()
        if snap is not None and [p.shape for p in snap.params] != [p.shape for p in ex.params]:
            # The architecture changed since the trace: walk the network as it is now.
            self.trace()
            ex = self.explainer.example
            if ex is None or [p.shape for p in snap.params] != [p.shape for p in ex.params]:
                self.view.show_message(
                    "The network changed since this trace and the example could not be "
                    "traced again: pick a point with the Trace tool.",
                    error=True,
                )
                return
        self.explainer.apply(rq.Step("run_backward"))  # the gradients the update uses
        self._redraw("Applying w ← w − lr·∂L/∂w for this example…")
        self._awaiting_update = True
        self.ctx.send(cmd.ExampleStep(ex.point, ex.label))

    # ----- snapshots -------------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        """Note the newest network; finish an update the worker has applied."""
        self.snap = snap
        if snap.event == "example_step" and self._awaiting_update:
            self._awaiting_update = False
            self._run(rq.ShowUpdate(snap.params, snap.config.lr, snap.message), snap.message)
            update = self.explainer.update
            if update is not None and update.quiet:  # nothing moved: offer a point that will
                self.view.show_offers(OFFERS)
        elif snap.event == "error" and self._awaiting_update:
            self._awaiting_update = False
            self.view.show_message(snap.message, error=True)
        elif snap.event in ("rebuilt", "reset") and self.explainer.example is not None:
            self._standing = (
                "The network changed since this trace, which still shows the old weights: "
                "press Re-trace to walk the new network.",
                True,
            )
            self.view.show_message(*self._standing)

    def wants_keys(self) -> bool:
        """True when → and ← should walk the graph: the keyboard focus is in this view."""
        focus = QApplication.focusWidget()
        return focus is not None and (focus is self.view or self.view.isAncestorOf(focus))

    # ----- helpers ---------------------------------------------------------------------------
    def apply(self, request: rq.GraphRequest) -> bool:
        """Carry out one request value (a lesson step's, say); False if it was refused."""
        return self._run(request)

    def _run(self, request: rq.GraphRequest, note: str = "") -> bool:
        """Hand one request to the explainer; a refusal is one red line and changes nothing."""
        try:
            note = self.explainer.apply(request) or note
        except ValueError as exc:
            self.view.show_message(str(exc), error=True)
            return False
        if isinstance(request, rq.TraceExample):
            self._standing = ("", False)  # a fresh trace: "press → to walk" lasts one step
        self._redraw(note)
        return True

    def _redraw(self, note: str = "") -> None:
        pic = self.explainer.picture()
        if pic is None:
            return
        self.view.show_picture(pic)
        nodes, edges = self.explainer.highlight()
        self.ctx.highlight.network(nodes, edges)
        focus = self.explainer.focus_neuron()
        if focus != self._focus:  # the canvas shows the neuron being computed, then the output
            self._focus = focus
            self.ctx.highlight.neuron(focus, "graph")
        # A step without a note of its own shows what still holds (the caption above says
        # what the step does), so an instruction like "Press → to walk" does not linger.
        self.view.show_message(*((note, False) if note else self._standing))
