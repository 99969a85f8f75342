"""Every formula preset reproduces its source's numbers exactly."""

import math

import pytest

from nnviz.graph import EXAMPLES, Stepper


def values(graph) -> dict[str, float]:
    """Every named node's value."""
    return {n.name: n.value for n in graph.nodes if n.kind != "const"}


def test_cs188_forward_and_backward():
    """g = w1⁴·w2 + 5·w3 at (2, 3, 2): a = 16, b = 48, c = 10, g = 58; gradient (96, 16, 5)."""
    g = EXAMPLES["cs188"].build()
    v = values(g)
    assert (v["a"], v["b"], v["c"], v["g"]) == (16.0, 48.0, 10.0, 58.0)
    assert g.backward() == {"w1": 96.0, "w2": 16.0, "w3": 5.0}
    assert [g.node(n).grad for n in "abc"] == [3.0, 1.0, 1.0]


def test_cs188_memo_table():
    """The backward pass fills the lecture's table: ∂g/∂b = ∂g/∂c = 1, ∂g/∂a = 3, …"""
    s = Stepper(EXAMPLES["cs188"].build())
    s.run_backward()
    memo = {m.name: m.grad for m in s.memo}
    assert memo == {"g": 1.0, "b": 1.0, "c": 1.0, "a": 3.0, "w1": 96.0, "w2": 16.0, "w3": 5.0}


@pytest.mark.parametrize(
    ("key", "x", "inner", "outer", "grad"),
    [
        ("gears_sin_log", 2.0, math.log(2), math.sin(math.log(2)), math.cos(math.log(2)) / 2),
        ("gears_log_sin", 1.0, math.sin(1), math.log(math.sin(1)), math.cos(1) / math.sin(1)),
    ],
)
def test_chain_rule_gears(key, x, inner, outer, grad):
    """f(g(x)): the gear ratios g′(x) and f′(g(x)) multiply."""
    g = EXAMPLES[key].build()
    assert g.leaf_values == {"x": x}
    assert g.node("g").value == pytest.approx(inner, rel=1e-15)
    assert g.output.name == "f" and g.output.value == pytest.approx(outer, rel=1e-15)
    assert g.backward()["x"] == pytest.approx(grad, rel=1e-14)


def test_logistic_regression_term():
    """log σ(2w1 + w2) at w = (0, 0): z = 0, p = 0.5, ℓ = −0.6931, gradient (1.0, 0.5)."""
    g = EXAMPLES["logistic"].build()
    assert g.node("z").value == 0.0 and g.node("p").value == 0.5
    assert g.output.value == pytest.approx(-0.6931, abs=5e-5)
    assert g.output.value == math.log(0.5)
    assert g.backward() == {"w1": 1.0, "w2": 0.5}


def test_micrograd_expression():
    """L = (a·b + c)·f at (2, −3, 10, −2) = −8; dL/d(a, b, c, f) = (6, −4, −2, 4)."""
    g = EXAMPLES["micrograd"].build()
    assert (g.node("e").value, g.node("d").value, g.output.value) == (-6.0, 4.0, -8.0)
    assert g.backward() == {"a": 6.0, "b": -4.0, "c": -2.0, "f": 4.0}


def test_single_tanh_neuron():
    """micrograd's neuron: o = 0.7071; w1 1.0, x1 −1.5, x2 0.5, w2 0 (to float precision)."""
    g = EXAMPLES["tanh_neuron"].build()
    assert g.output.name == "o" and g.output.value == pytest.approx(math.sqrt(0.5), abs=1e-12)
    grads = g.backward()
    expected = {"x1": -1.5, "w1": 1.0, "x2": 0.5, "w2": 0.0, "b": 0.5}
    assert grads == pytest.approx(expected, abs=1e-12)
    assert g.node("n").grad == pytest.approx(0.5, abs=1e-12)


def test_fan_out_preset():
    """x·x + x at 3 is 12, and x's gradient collects 3 + 3 + 1 = 7."""
    g = EXAMPLES["fan_out"].build()
    assert g.output.value == 12.0 and g.backward() == {"x": 7.0}


def test_softmax_preset():
    """z = (5, 6, −2) → P(class 2) = 0.7309, the lecture's softmax."""
    g = EXAMPLES["softmax"].build()
    assert g.output.value == pytest.approx(0.7309, abs=5e-5)
    grads = g.backward()
    p = g.output.value
    assert grads["z2"] == pytest.approx(p * (1 - p), rel=1e-12)  # ∂p_k/∂z_k = p_k(1 − p_k)


def test_presets_are_described():
    """Every preset has a key, a title, a one-line description and values for all its leaves."""
    for key, preset in EXAMPLES.items():
        assert preset.key == key and preset.title and "\n" not in preset.description
        g = preset.build()
        assert set(g.leaf_values) == {name for name, _ in preset.values}


def test_softmax_lists_every_class_probability():
    """The softmax example computes all three P(k) from its nodes: (0.2689, 0.7309, 0.000245)."""
    from nnviz.graph.examples import softmax_probabilities

    preset = EXAMPLES["softmax"]
    g = preset.build()
    ps = softmax_probabilities(g)
    assert [round(p, 4) for p in ps[:2]] == [0.2689, 0.7309] and round(ps[2], 6) == 0.000245
    assert ps[1] == g.output.value and sum(ps) == pytest.approx(1.0, abs=1e-15)
    assert "P = (0.2689, 0.7309, 0.000245)" in preset.describe(g)
