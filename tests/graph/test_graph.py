"""The graph: building, forward values, backward gradients with fan-out accumulation."""

import math

import pytest

import nnviz.graph as graph_pkg
from nnviz.graph import Graph, parse


def cs188() -> Graph:
    """g = w1⁴·w2 + 5·w3 built by hand, node by node."""
    g = Graph()
    w1, w2, w3 = g.leaf("w1", 2.0), g.leaf("w2", 3.0), g.leaf("w3", 2.0)
    a = g.op("powc", w1, name="a", param=4.0)
    b = g.op("mul", a, w2, name="b")
    c = g.op("mul", g.const(5.0), w3, name="c")
    g.op("add", b, c, name="g")
    return g


def test_values_are_computed_as_nodes_are_added():
    """Like micrograd, every node holds its value as soon as it is built."""
    g = cs188()
    assert [g.node(n).value for n in "abcg"] == [16.0, 48.0, 10.0, 58.0]
    assert g.output.name == "g"


def test_backward_gives_the_lecture_gradient():
    """∂g/∂(w1, w2, w3) = (96, 16, 5), and every node stores its own gradient."""
    g = cs188()
    assert g.backward() == {"w1": 96.0, "w2": 16.0, "w3": 5.0}
    assert [g.node(n).grad for n in "abcg"] == [3.0, 1.0, 1.0, 1.0]


def test_forward_sets_only_the_given_leaves():
    """forward(values) changes those leaves, keeps the others, and returns the output."""
    g = cs188()
    assert g.forward({"w3": 0.0}) == 48.0
    assert g.leaf_values == {"w1": 2.0, "w2": 3.0, "w3": 0.0}


def test_fan_out_accumulates():
    """x·x + x at x = 3: x is used three times, its gradient is 3 + 3 + 1 = 7."""
    g = parse("x*x + x", {"x": 3.0})
    assert g.forward() == 12.0
    assert g.backward() == {"x": 7.0}


def test_evaluate_does_not_change_the_graph():
    """evaluate() is pure: values for other leaf values without touching the stored ones."""
    g = cs188()
    values = g.evaluate({"w1": 1.0})
    assert values[g.output_id] == 13.0
    assert g.output.value == 58.0


def test_gradients_of_nodes_that_do_not_reach_the_output_are_zero():
    """A node the output does not use gets gradient 0 and is marked unreached."""
    g = Graph()
    x = g.leaf("x", 2.0)
    unused = g.op("exp", x, name="unused")
    g.op("neg", x, name="out")
    bw = g.gradients()
    assert bw.grads[unused] == 0.0 and not bw.reaches_output[unused]
    assert bw.grads[x] == -1.0


def test_output_can_be_chosen():
    """Setting output_id makes backward differentiate that node."""
    g = cs188()
    g.output_id = g.node("b").id
    assert g.backward() == {"w1": 96.0, "w2": 16.0, "w3": 0.0}


def test_bad_numbers_propagate_without_warnings():
    """log(−1) is nan and flows on as nan; 1/0 is ∞; no exception and no warning."""
    g = parse("log(x) + 1/y", {"x": -1.0, "y": 0.0})
    assert math.isnan(g.forward())
    assert g.backward()["x"] == -1.0  # the rule 1/x still applies
    assert g.node("b").value == math.inf


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda g: g.op("mul", 0), "takes 2 input"),
        (lambda g: g.op("neg", 7), "existing nodes"),
        (lambda g: g.op("powc", 0), "exponent"),
        (lambda g: g.leaf("x"), "already used"),
        (lambda g: g.op("neg", 0, name="x"), "already used"),
        (lambda g: g.op("frobnicate", 0), "unknown op"),
    ],
)
def test_building_errors_are_clear(build, message):
    """Wrong arity, missing inputs, missing exponent and duplicate names are refused."""
    g = Graph()
    g.leaf("x", 1.0)
    with pytest.raises(ValueError, match=message):
        build(g)


def test_forward_refuses_unknown_leaves_and_non_numbers():
    """Only leaves can be set, and only to numbers."""
    g = cs188()
    with pytest.raises(ValueError, match="not a leaf"):
        g.forward({"a": 1.0})
    with pytest.raises(ValueError, match="not a leaf"):
        g.forward({"zz": 1.0})
    with pytest.raises(ValueError, match="must be a number"):
        g.forward({"w1": "2"})


def test_lookup_edges_and_children():
    """Nodes are found by id or name; edges and children describe the wiring."""
    g = parse("x*x + x")
    x = g.node("x")
    assert g.node(x.id) is x and x.kind == "leaf" and x.op_def is None
    assert g.node("a").op_def.name == "mul"
    assert sorted(g.children()[x.id]) == [1, 1, 2]
    assert (x.id, 1, 0) in g.edges() and (x.id, 1, 1) in g.edges()
    with pytest.raises(KeyError):
        g.node("nope")


def test_empty_graph_has_no_output():
    """An empty graph says so instead of failing obscurely."""
    with pytest.raises(ValueError, match="empty"):
        _ = Graph().output


def test_package_exports_the_public_api():
    """The names the views use are importable from nnviz.graph."""
    for name in ("parse", "Graph", "FormulaError", "trace_example", "Stepper", "gradcheck",
                 "layout", "EXAMPLES", "ForwardStep", "BackwardStep", "EdgeGrad"):  # fmt: skip
        assert hasattr(graph_pkg, name)


def test_a_non_finite_value_says_where_it_became_so():
    """log(0) and an overflow name the node (and its formula) where the value left the reals."""
    assert parse("x*x + log(y)", {"x": 1.0, "y": 0.0}).non_finite_origin() == (
        "log(0) = −∞ at node b = log(y)"
    )
    g = parse("x*x + y", {"x": 1e308, "y": 1.0})
    assert g.non_finite_origin().startswith("overflow at node a = x · x")
    assert parse("x + y", {"x": 1.0}).non_finite_origin() == ""


def test_a_non_finite_gradient_says_where_it_became_so():
    """sqrt at 0 has an infinite slope: backprop names the node it first stops being finite at."""
    g = parse("sqrt(x)*3", {"x": 0.0})
    assert g.gradient_origin().startswith("the gradient stops being finite at node a: ∂a/∂x = ∞")
    assert parse("x*y", {"x": 2.0, "y": 3.0}).gradient_origin() == ""


def test_pictures_of_an_overflowing_product_do_not_raise():
    """x·x at x = 1e308 gives an infinite edge picture instead of fsum's OverflowError."""
    from nnviz.graph.draw import op_picture
    from nnviz.graph.stepper import Stepper

    g = parse("x*x", {"x": 1e308})
    g.forward()
    stepper = Stepper(g)
    stepper.run_forward()
    stepper.run_backward()
    picture = op_picture(stepper, "overflow")
    assert any(e.product is not None and math.isinf(e.product) for e in picture.edges)
