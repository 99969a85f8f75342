"""Every op's local derivatives agree with central differences; texts and templates exist."""

import math

import numpy as np
import pytest

from nnviz.graph.ops import FUNCTIONS, OPS, get_op

# Safe points for each op (away from kinks and domain edges), with a parameter where needed.
POINTS = {
    "add": ([1.3, -0.4], None),
    "sub": ([1.3, -0.4], None),
    "mul": ([1.3, -0.4], None),
    "div": ([1.3, -0.4], None),
    "pow": ([1.3, 2.5], None),
    "powc": ([1.3], 3.0),
    "sum": ([1.3, -0.4, 2.0], None),
    "neg": ([0.7], None),
    "exp": ([0.7], None),
    "log": ([0.7], None),
    "sin": ([0.7], None),
    "cos": ([0.7], None),
    "tanh": ([0.7], None),
    "sigmoid": ([-0.7], None),
    "relu": ([0.7], None),
    "leaky_relu": ([-0.7], None),
    "step": ([0.7], None),
    "sqrt": ([0.7], None),
    "abs": ([-0.7], None),
}


def test_every_op_has_a_test_point():
    """The table above covers every op, so no op goes unchecked."""
    assert set(POINTS) == set(OPS)


@pytest.mark.parametrize("name", sorted(POINTS))
def test_local_derivatives_match_central_differences(name):
    """∂out/∂input_k from the op's own rule equals (f(x+ε) − f(x−ε)) / 2ε for every input."""
    op = get_op(name)
    xs, param = POINTS[name]
    out = op.value(xs, param)
    local = op.local(xs, out, param)
    assert len(local) == len(xs)
    eps = 1e-6
    for k in range(len(xs)):
        up = [x + eps * (i == k) for i, x in enumerate(xs)]
        down = [x - eps * (i == k) for i, x in enumerate(xs)]
        numeric = (op.value(up, param) - op.value(down, param)) / (2 * eps)
        assert local[k] == pytest.approx(numeric, rel=1e-6, abs=1e-8)


@pytest.mark.parametrize("name", sorted(POINTS))
def test_every_op_renders_and_explains_itself(name):
    """Each op renders an expression, one local-derivative text per input, and a template."""
    op = get_op(name)
    xs, param = POINTS[name]
    names = [f"v{i}" for i in range(len(xs))]
    assert all(n in op.render(names, param) for n in names)
    assert len(op.local_text(names, "out", param)) == len(xs)
    assert op.template.startswith("∂") and op.label


def test_known_values():
    """Spot values: σ(0) = 0.5, σ(5) = 0.9933 (the lecture), relu and step at 0 give 0."""
    assert get_op("sigmoid").value([0.0], None) == 0.5
    assert get_op("sigmoid").value([5.0], None) == pytest.approx(0.9933, abs=1e-4)
    assert get_op("relu").value([0.0], None) == 0.0
    assert get_op("step").value([0.0], None) == 0.0
    assert get_op("powc").value([2.0], 4.0) == 16.0


def test_sigmoid_is_stable_in_the_tails():
    """σ(−1000) is 0 and σ(1000) is 1, without overflow."""
    assert get_op("sigmoid").value([-1000.0], None) == 0.0
    assert get_op("sigmoid").value([1000.0], None) == 1.0


def test_kinked_ops_follow_the_engine_convention():
    """relu′(0) = 0 and step′ = 0 everywhere, as in the engine's activations."""
    assert get_op("relu").local([0.0], 0.0, None) == (0.0,)
    assert get_op("step").local([3.0], 1.0, None) == (0.0,)
    assert get_op("leaky_relu").local([-1.0], -0.01, None) == (0.01,)


def test_bad_inputs_give_ieee_values_not_exceptions():
    """log of a negative is nan and 1/0 is ∞: the graph shows them instead of crashing."""
    with np.errstate(all="ignore"):
        assert math.isnan(get_op("log").value([-1.0], None))
        assert get_op("div").value([1.0, 0.0], None) == math.inf
        assert math.isnan(get_op("sqrt").value([-1.0], None))


def test_unknown_op_is_a_clear_error():
    """Asking for an op that does not exist names the choices."""
    with pytest.raises(ValueError, match="unknown op 'max'"):
        get_op("max")


def test_every_formula_function_is_an_op():
    """Each function a formula may call is an op of the same name."""
    assert set(FUNCTIONS) <= set(OPS)
