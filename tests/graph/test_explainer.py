"""Tests for the Explainer: what the computation-graph view shows and how it walks."""

import numpy as np
import pytest

from nnviz.engine.mlp import MLP
from nnviz.graph.explainer import Explainer, TracedExample
from nnviz.graph.parser import FormulaError


def _traced(sizes=(2, 3, 1), output="sigmoid", loss="log", label=1.0, x=(0.5, -1.0)):
    net = MLP(list(sizes), activation="tanh", output=output, seed=3)
    ex = TracedExample(
        tuple(x), label, 7, 4, 1, loss, tuple(net.activations), tuple(p.copy() for p in net.params)
    )
    e = Explainer()
    note = e.trace(net, np.array(x), ex)
    return e, net, note


def test_cs188_preset_walks_the_lecture_numbers():
    """The CS188 example: forward 16, 48, 10, 58, then the memo table ends at (96, 16, 5)."""
    e = Explainer()
    e.load_example("cs188")
    values = []
    for _ in range(4):
        e.step("forward")
        values.append(e.stepper.current.value)
    assert values == [16, 48, 10, 58]
    e.step("run_backward")
    memo = {row[0]: row[2] for row in e.picture().memo}
    assert (memo["w1"], memo["w2"], memo["w3"]) == ("96", "16", "5")
    assert e.picture().phase == "done"


def test_step_back_restores_the_picture_exactly():
    """→ then ← gives back the very same picture: values, gradients, states and memo."""
    e = Explainer()
    e.load_example("fan_out")
    e.step("run_forward")
    e.step("forward")
    before = e.picture()
    e.step("forward")
    e.step("back")
    assert e.picture() == before


def test_unknown_preset_and_step_are_refused():
    """Bad requests raise ValueError with a clear message and keep the current graph."""
    e = Explainer()
    e.load_example("cs188")
    graph = e.graph
    with pytest.raises(ValueError, match="unknown example"):
        e.load_example("nope")
    with pytest.raises(ValueError, match="unknown step"):
        e.step("sideways")
    assert e.graph is graph


def test_formula_leaves_start_at_one_and_take_typed_values():
    """A typed formula's leaves start at 1; 'w1=2, w2=3' sets them and restarts the walk."""
    e = Explainer()
    e.load_formula("w1**4*w2 + 5*w3")
    assert e.graph.leaf_values == {"w1": 1.0, "w2": 1.0, "w3": 1.0}
    e.step("forward")
    e.set_leaf_values("w1=2, w2=3; w3=2")
    assert e.stepper.position == 0 and e.graph.forward() == 58.0


@pytest.mark.parametrize(
    ("text", "match"),
    [("w9=1", "no variable 'w9'"), ("w1 2", "name=number"), ("w1=abc", "not a number"),
     ("w1=inf", "finite")],
)  # fmt: skip
def test_bad_leaf_values_change_nothing(text, match):
    """A malformed value is refused with one message; the graph is unchanged."""
    e = Explainer()
    e.load_formula("w1*w2")
    e.set_leaf_values("w1=2")
    graph = e.graph
    with pytest.raises(ValueError, match=match):
        e.set_leaf_values(text)
    assert e.graph is graph and e.graph.leaf_values["w1"] == 2.0


def test_formula_errors_keep_the_old_graph_and_point_at_the_problem():
    """A bad formula raises FormulaError with a position; the previous graph stays."""
    e = Explainer()
    e.load_example("cs188")
    graph = e.graph
    with pytest.raises(FormulaError) as info:
        e.load_formula("w1 + foo(w2)")
    assert info.value.position == 5 and e.graph is graph


def test_out_of_domain_values_are_named():
    """log of 0 is −∞: the explainer says which node and what to do."""
    e = Explainer()
    e.load_formula("log(x)")
    note = e.set_leaf_values("x=0")
    assert "not a finite number" in note and "x=2" in note


def test_trace_highlights_the_neuron_and_edges_of_each_step():
    """A product lights its edge and the neuron it feeds; a sum every edge into the neuron."""
    e, net, _ = _traced()
    e.step("forward")  # x1 · W1[0,0]
    assert e.highlight() == ({(1, 0)}, {(1, 0, 0)})
    e.step("forward")  # x2 · W1[1,0]
    e.step("forward")  # z1[0] = … + b1[0]
    assert e.highlight() == ({(1, 0)}, {(1, 0, 0), (1, 1, 0)})


def test_layer_mode_steps_a_whole_box_and_back():
    """In the layer view → computes all of z1 at once; ← undoes exactly that."""
    e, net, _ = _traced()
    e.set_mode("layers")
    e.step("forward")
    z1 = [n.id for n in e.graph.nodes if n.meta.get("layer") == 1 and n.meta.get("role") == "sum"]
    assert all(e.stepper.state.values[i] is not None for i in z1)
    assert e.stepper.position == 3 * 2 + 3  # 6 products and 3 sums
    nodes, edges = e.highlight()
    assert nodes == {(1, 0), (1, 1), (1, 2)} and len(edges) == 6
    e.step("back")
    assert e.stepper.position == 0


def test_big_networks_open_in_the_layer_view():
    """A 2-8-8-1 trace has hundreds of ops, so it opens one box per layer and says so."""
    e, _, note = _traced(sizes=(2, 8, 8, 1))
    assert e.mode == "layers" and "one box per layer" in note
    pic = e.picture()
    titles = [n.title for n in pic.nodes]
    assert "z2 = h1·W2 + b2" in titles and "W3" in titles and pic.mode == "layers"


def test_layer_view_is_refused_for_formulas():
    """Formulas have no layers: asking for the layer view explains why and keeps every op."""
    e = Explainer()
    e.load_example("cs188")
    assert "traced network" in e.set_mode("layers") and e.picture().mode == "ops"


def test_gradient_check_reports_pass_and_the_cost():
    """The in-app check compares every leaf with central differences and says it passed."""
    e, _, _ = _traced()
    text = e.check_gradients()
    assert text.startswith("Gradient check passed") and "forward passes" in text


def test_update_table_lists_each_parameter_change():
    """After an update, the table shows old → new and Δ for every parameter, biggest first."""
    e, net, _ = _traced()
    grads = net.loss_and_grads(np.array([[0.5, -1.0]]), np.array([1.0]), loss="log")[1]
    new = [p - 0.1 * g for p, g in zip(net.params, grads, strict=True)]
    e.show_update(new, 0.1, "One gradient step.")
    pic = e.picture()
    assert pic.memo_header[0] == "parameter" and len(pic.memo) == sum(p.size for p in net.params)
    deltas = [abs(float(row[2].replace("−", "-"))) for row in pic.memo]
    assert deltas == sorted(deltas, reverse=True)
    assert pic.caption.startswith("One gradient step.")
    e.step("forward")  # walking again clears the update table
    assert e.picture().memo_header[0] == "node"


def test_jump_goes_to_a_nodes_step():
    """Clicking a node jumps to its forward step; a leaf jumps to its gradient."""
    e = Explainer()
    e.load_example("cs188")
    b = e.graph.node("b").id
    e.jump(b)
    assert e.stepper.current.node == b and e.stepper.phase == "forward"
    w1 = e.graph.node("w1").id
    e.jump(w1)
    assert e.stepper.current.node == w1 and e.stepper.phase == "backward"


def test_neuron_walk_steps_one_neuron_at_a_time():
    """'neuron by neuron': → computes a whole neuron (its products and sum), ← undoes it."""
    e, net, _ = _traced()
    e.set_mode("neurons")
    e.step("forward")
    assert e.stepper.position == 3  # x1·W, x2·W and the sum z1[0] (+ b) of the first neuron
    assert e.picture().mode == "neurons" and e.focus_neuron() == (1, 0)
    e.step("forward")
    assert e.stepper.position == 6 and e.focus_neuron() == (1, 1)
    e.step("back")
    assert e.stepper.position == 3


def test_the_canvas_follows_the_neuron_being_computed():
    """focus_neuron names the current neuron, and None at the start and once done."""
    e, net, _ = _traced()
    assert e.focus_neuron() is None
    e.step("forward")
    assert e.focus_neuron() == (1, 0)
    e.step("run_backward")
    assert e.focus_neuron() is None


def test_backward_caption_reads_like_the_board():
    """CS188 at node a: its gradient from b, then upstream × local down to w1 = 96."""
    e = Explainer()
    e.load_example("cs188")
    a = e.graph.node("a").id
    e.step("run_forward")
    while e.stepper.current.node != a or e.stepper.phase != "backward":
        e.step("forward")
    assert e.picture().caption == (
        "Backward: ∂g/∂a = 3 (from b).  Upstream × local down each input — to w1: 3 · 32 = 96"
    )
