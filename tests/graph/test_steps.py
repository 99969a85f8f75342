"""Steps as data: the board's formulas with numbers plugged in, in the right order."""

import dataclasses

import pytest

from nnviz.graph import EXAMPLES, BackwardStep, ForwardStep, parse


@pytest.fixture
def cs188_steps():
    """The steps of the CS188 example at (2, 3, 2)."""
    return EXAMPLES["cs188"].build().steps


def test_forward_steps_read_like_the_board(cs188_steps):
    """Each forward step shows the rule, the numbers and the result."""
    assert [s.formula for s in cs188_steps.forward] == [
        "a = w1⁴ = 2⁴ = 16",
        "b = a · w2 = 16 · 3 = 48",
        "c = 5 · w3 = 5 · 2 = 10",
        "g = b + c = 48 + 10 = 58",
    ]
    b = cs188_steps.forward[1]
    assert (b.name, b.op, b.input_values, b.value) == ("b", "mul", (16.0, 3.0), 48.0)


def test_backward_steps_go_in_reverse_topological_order(cs188_steps):
    """Every node's backward step comes after the steps of all nodes that use it."""
    order = [s.name for s in cs188_steps.backward]
    assert order[0] == "g"
    assert set(order) == {"g", "b", "c", "a", "w1", "w2", "w3"}  # constants need no gradient
    for later, earlier in [("a", "b"), ("w1", "a"), ("w2", "b"), ("w3", "c"), ("b", "g")]:
        assert order.index(earlier) < order.index(later)


def test_backward_edges_show_local_derivative_and_product(cs188_steps):
    """∂g/∂w1 = ∂g/∂a · ∂a/∂w1 = 3 · 32 = 96, exactly as in the lecture."""
    a = next(s for s in cs188_steps.backward if s.name == "a")
    assert a.grad_formula == "∂g/∂a = 3 (from b)"
    (edge,) = a.edges
    assert (edge.source_name, edge.upstream, edge.local, edge.product) == ("w1", 3.0, 32.0, 96.0)
    assert edge.local_formula == "∂a/∂w1 = 4·w1³ = 4·2³ = 32"
    assert edge.product_formula == "∂g/∂a · ∂a/∂w1 = 3 · 32 = 96"


def test_edges_from_constants_are_left_out(cs188_steps):
    """c = 5·w3 sends gradient to w3 only: the constant 5 needs none."""
    c = next(s for s in cs188_steps.backward if s.name == "c")
    assert [e.source_name for e in c.edges] == ["w3"]
    assert c.edges[0].local_formula == "∂c/∂w3 = 5"


def test_output_step_is_the_seed(cs188_steps):
    """The backward pass starts from ∂g/∂g = 1."""
    first = cs188_steps.backward[0]
    assert first.grad == 1.0 and first.contributions == ()
    assert first.grad_formula.startswith("∂g/∂g = 1")


def test_fan_out_lists_every_contribution_and_their_sum():
    """x·x + x: x's step lists 3 (from a) twice and 1 (from f), summing to 7."""
    steps = EXAMPLES["fan_out"].build().steps
    x = steps.backward[-1]
    assert x.name == "x" and x.grad == 7.0 and x.edges == ()
    assert [(c.child_name, c.slot, c.amount) for c in x.contributions] == [
        ("a", 0, 3.0),
        ("a", 1, 3.0),
        ("f", 1, 1.0),
    ]
    assert x.grad_formula == "∂f/∂x = 3 (from a) + 3 (from a) + 1 (from f) = 7"


def test_negative_numbers_are_bracketed_in_formulas():
    """micrograd's e = a·b reads 2 · (−3), and its gradient steps bracket negatives too."""
    steps = EXAMPLES["micrograd"].build().steps
    assert steps.forward[0].formula == "e = a · b = 2 · (−3) = −6"
    d = next(s for s in steps.backward if s.name == "d")
    assert d.grad_formula == "∂L/∂d = −2 (from L)"


def test_steps_are_frozen_and_ordered():
    """Steps are immutable values; all = forward then backward."""
    steps = parse("sin(log(x))", {"x": 2.0}).steps
    assert steps.all == steps.forward + steps.backward and len(steps) == 5
    assert isinstance(steps.forward[0], ForwardStep)
    assert isinstance(steps.backward[0], BackwardStep)
    with pytest.raises(dataclasses.FrozenInstanceError):
        steps.forward[0].value = 1.0  # type: ignore[misc]


def test_steps_follow_the_current_leaf_values():
    """After forward(values) the steps use the new numbers; building steps changes nothing."""
    g = parse("x*y", {"x": 2.0, "y": 5.0})
    g.forward({"y": 4.0})
    assert g.steps.forward[0].formula == "a = x · y = 2 · 4 = 8"
    assert g.output.grad == 0.0  # steps did not run backward on the graph itself
