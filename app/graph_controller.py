"""Puts the computation-graph view in the window: requests in, Explainer pictures out."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from app.context import Context
from app.i18n import tr
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
from nnviz.transaction import all_or_nothing

FIRST_EXAMPLE = "cs188"


def offers() -> list[tuple[str, str]]:
    """The buttons offered when an update moved nothing: (key, text) in today's language."""
    return [
        ("worst", tr("Trace the worst-classified training point")),
        ("fresh", tr("Trace a fresh point")),
    ]


def stale_trace_text() -> str:
    """The warning that stands while a trace shows weights the network no longer has."""
    return tr(
        "The network changed since this trace, which still shows the old weights: press "
        "Re-trace to walk the new network."
    )


class GraphController(QObject):
    """Owns the Explainer (pure) and its GraphView; links them to the canvas and network."""

    tool_requested = Signal(str)  # the data canvas should switch to this tool ("trace")

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.explainer = Explainer()
        self.view = GraphView()
        self._fill_presets()
        self.snap: Snapshot | None = None
        self.selected: tuple[int, tuple[float, ...], float] | None = None
        self._awaiting_update = False
        self._focus: tuple[int, int] | None = None
        # What stays true while the user walks this graph: an example's description, or a
        # warning that the trace is out of date. Walking replaces any other note with it.
        self._standing: tuple[str, bool] = ("", False)
        self._preset: str | None = None  # the worked example shown (None: a formula or trace)
        self._traced: rq.TraceExample | None = None  # the request that made the trace shown
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
        v.language_changed.connect(self.reword)

    # ----- sources ---------------------------------------------------------------------------
    def load_preset(self, key: str) -> None:
        """Show one of the lectures' worked examples from the start."""
        if self._run(rq.ShowExample(key)):
            self.view.show_source(key, self.explainer.formula)
            self._forget_trace()
            self._preset = key
            self._standing = (self.view.message.text(), False)

    def _on_formula_submitted(self, text: str) -> None:
        try:
            note = self.explainer.apply(rq.ShowFormula(text))
        except FormulaError as exc:
            where = " " * exc.position + "^"
            self.view.show_message(f"{exc}\n{text}\n{where}", error=True)
            return
        self._forget_trace()
        self._preset = None
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
                self.view.show_message(tr("There are no training points to trace."), error=True)
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
            raise ValueError(
                tr("there are {count} training points; {n} is not one of them").format(
                    count=len(train), n=n
                )
            )
        i = int(train[n])
        self.selected = (int(ids[i]), tuple(X[i]), float(y[i]))
        self.trace()

    def trace_worst_point(self) -> None:
        """Trace the training point the network gets most wrong (the highest loss)."""
        snap = self.snap or self.ctx.latest()
        X, y, is_test, ids = self.ctx.document.points.all_arrays()
        train = np.flatnonzero(~is_test)
        if snap is None or not len(train):
            self.view.show_message(tr("There are no training points to trace."), error=True)
            return
        net = snap.spec.build()
        net.set_params([np.array(p) for p in snap.params])
        features = feature_matrix(X[train], snap.spec.features, snap.dim)
        losses = point_losses(net, features, y[train], snap.config.loss)
        i = int(train[worst_point(net, features, y[train], snap.config.loss)])
        self.selected = (int(ids[i]), tuple(X[i]), float(y[i]))
        self.trace()
        self.view.show_message(
            tr(
                "The worst-classified training point: its loss is {loss}, the highest of "
                "{count} (median {median}). Walk it, or press Apply one update to see a step "
                "that matters."
            ).format(loss=fmt(losses.max()), count=len(train), median=fmt(float(np.median(losses))))
        )

    def _on_offer_chosen(self, key: str) -> None:
        if key == "worst":
            self.trace_worst_point()
        elif key == "fresh":
            self.tool_requested.emit("trace")
            self.view.show_offers([])
            self.view.show_message(
                tr(
                    "The Trace tool is on: click a point, or an empty spot, on the data canvas "
                    "to trace it."
                )
            )

    def set_mode(self, mode: str) -> None:
        """'ops' (every operation) or 'layers' (one box per layer), as the mode box does."""
        self._on_mode_changed(mode)

    def trace(self) -> None:
        """Trace the selected example through the network as it is right now."""
        snap = self.snap or self.ctx.latest()
        if snap is None or self.selected is None:
            self.view.show_message(tr("Pick a point with the Trace tool first."), error=True)
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
        self.view.set_traced(True)
        self.ctx.show_panel("graph")
        self.view.canvas.setFocus()  # so → and ← walk the graph straight away

    def _forget_trace(self) -> None:
        self._standing = ("", False)
        self.ctx.highlight.point(None)
        self.ctx.highlight.network(set(), set())
        self._traced = None
        self.view.set_traced(False)

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
        self._preset = self._traced = None
        self._redraw(tr("The formula from the session."))

    # ----- walking ---------------------------------------------------------------------------
    def step(self, action: str) -> None:
        """forward, back, run_forward, run_backward or reset."""
        self._run(rq.Step(action))

    def _on_node_clicked(self, node: int) -> None:
        pic = self.view.picture
        if pic is not None and pic.mode == "layers":
            members = pic.nodes[node].meta.get("members", ())
            self.explainer.apply(rq.SetMode("ops"))
            self._redraw(tr("Every op of the network; the layer you clicked is centred."))
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
            self.view.show_message(tr("Trace a network example first."), error=True)
            return
        snap = self.snap or self.ctx.latest()
        if snap is not None and [p.shape for p in snap.params] != [p.shape for p in ex.params]:
            # The architecture changed since the trace: walk the network as it is now.
            self.trace()
            ex = self.explainer.example
            if ex is None or [p.shape for p in snap.params] != [p.shape for p in ex.params]:
                self.view.show_message(
                    tr(
                        "The network changed since this trace and the example could not be "
                        "traced again: pick a point with the Trace tool."
                    ),
                    error=True,
                )
                return
        self.explainer.apply(rq.Step("run_backward"))  # the gradients the update uses
        self._redraw(tr("Applying w ← w − lr·∂L/∂w for this example…"))
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
                self.view.show_offers(offers())
        elif snap.event == "error" and self._awaiting_update:
            self._awaiting_update = False
            self.view.show_message(snap.message, error=True)
        elif snap.event in ("rebuilt", "reset") and self.explainer.example is not None:
            self._standing = (stale_trace_text(), True)
            self.view.show_message(*self._standing)

    # ----- language --------------------------------------------------------------------------
    def reword(self) -> None:
        """Say everything again in the current language, at the same point of the same walk.

        The explainer words its titles and notes when a graph is made, so the graph shown is
        made again (the worked example, or the same traced example with its own weights),
        walked to the same step in the same mode. The standing note (an example's
        description, say) follows; a one-off note of the old language is dropped. Nothing
        else changes: a refusal while re-making keeps the graph exactly as it was.
        """
        self._fill_presets()
        try:
            note = all_or_nothing(self.explainer, self._remake)
        except ValueError:
            note = None
        if note is not None:
            self._standing = (note, False)
        elif self._standing[1]:
            self._standing = (stale_trace_text(), True)
        elif self._preset is None and self._traced is None:
            self._standing = ("", False)
        self._redraw()

    def _remake(self) -> str | None:
        """Make the shown graph again in today's words; the new standing note, if it has one."""
        e = self.explainer
        if e.stepper is None or e.update is not None:  # an update's numbers: left as they are
            return None
        position, mode = e.stepper.position, e.mode
        note: str | None = None
        if self._traced is not None and e.example is not None:
            e.apply(self._traced)
        elif self._preset is not None and e.example is None:
            values = dict(e.graph.leaf_values) if e.graph is not None else {}
            note = e.apply(rq.ShowExample(self._preset))
            if e.graph is not None and values != e.graph.leaf_values:  # the user typed values
                e.apply(rq.SetLeafValues(", ".join(f"{k}={v!r}" for k, v in values.items())))
        else:
            return None  # a typed formula: its title is the formula itself
        if e.example is not None:
            e.apply(rq.SetMode("ops"))
        e.apply(rq.Walk(position))
        e.apply(rq.SetMode(mode))
        return note

    def _fill_presets(self) -> None:
        """The worked examples' titles in the preset menu, in the current language."""
        self.view.set_presets([(p.title, key) for key, p in EXAMPLES.items()])

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
            self._traced, self._preset = request, None
        elif isinstance(request, rq.ShowExample):
            self._traced, self._preset = None, request.key
        elif isinstance(request, rq.ShowFormula):
            self._traced, self._preset = None, None
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
