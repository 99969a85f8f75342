"""Activations: values, derivatives beside them, stability and the softmax Jacobian."""

import numpy as np
import pytest

from nnviz.engine.activations import (
    ACTIVATIONS,
    LEAKY_SLOPE,
    get_activation,
    sigmoid,
    softmax,
)

# Points away from 0, where relu, leaky relu and step have their kink.
Z = np.array([[-3.0, -1.2, -0.4, 0.3, 0.9, 2.5]])
SMOOTH = ["identity", "sigmoid", "tanh", "relu", "leaky_relu"]


@pytest.mark.parametrize("name", SMOOTH)
def test_derivative_matches_finite_difference(name):
    """derivative(z, a) equals (value(z + h) − value(z − h)) / 2h away from kinks."""
    act = get_activation(name)
    h = 1e-6
    numeric = (act.value(Z + h) - act.value(Z - h)) / (2 * h)
    assert np.allclose(act.derivative(Z, act.value(Z)), numeric, rtol=0, atol=1e-8)


@pytest.mark.parametrize("name", SMOOTH)
def test_backward_is_chain_rule(name):
    """backward multiplies the upstream gradient by the local slope."""
    act = get_activation(name)
    g = np.linspace(-1, 1, Z.size).reshape(Z.shape)
    a = act.value(Z)
    assert np.allclose(act.backward(Z, a, g), g * act.derivative(Z, a))


def test_known_values():
    """Each activation's value on a few points, by hand."""
    z = np.array([-2.0, 0.0, 3.0])
    assert np.array_equal(ACTIVATIONS["identity"].value(z), z)
    assert np.array_equal(ACTIVATIONS["relu"].value(z), [0.0, 0.0, 3.0])
    assert np.allclose(ACTIVATIONS["leaky_relu"].value(z), [-2 * LEAKY_SLOPE, 0.0, 3.0])
    assert np.allclose(ACTIVATIONS["tanh"].value(z), np.tanh(z))
    assert np.allclose(ACTIVATIONS["sigmoid"].value(z), 1 / (1 + np.exp(-z)))
    assert np.array_equal(ACTIVATIONS["step"].value(z), [0.0, 0.0, 1.0])


def test_relu_slope_at_zero_is_zero():
    """ReLU's slope is 1 for z > 0 and 0 for z ≤ 0 (torch's convention at the kink)."""
    z = np.array([-1.0, 0.0, 1.0])
    relu = ACTIVATIONS["relu"]
    assert np.array_equal(relu.derivative(z, relu.value(z)), [0.0, 0.0, 1.0])


def test_sigmoid_is_stable_for_huge_inputs():
    """σ(±1e4) gives 1 and 0 with no overflow warning (warnings are errors here)."""
    z = np.array([-1e4, -800.0, 0.0, 800.0, 1e4])
    s = sigmoid(z)
    assert np.all(np.isfinite(s))
    assert s[0] == 0.0 and s[2] == 0.5 and s[-1] == 1.0


def test_sigmoid_symmetry_and_scalars():
    """σ(−z) = 1 − σ(z); 0-d input gives a 0-d result."""
    z = np.linspace(-8, 8, 33)
    assert np.allclose(sigmoid(-z), 1 - sigmoid(z))
    assert float(sigmoid(0.0)) == 0.5 and np.ndim(sigmoid(0.0)) == 0


def test_softmax_rows_sum_to_one_and_shift_invariant():
    """softmax is a probability per row and unchanged when a constant is added to a row."""
    rng = np.random.default_rng(0)
    z = rng.normal(size=(5, 4))
    p = softmax(z)
    assert np.allclose(p.sum(axis=1), 1.0) and np.all(p > 0)
    assert np.allclose(softmax(z + 100.0), p)


def test_softmax_huge_logits_do_not_overflow():
    """Subtracting the row maximum keeps e^z finite even for z = 1e4."""
    p = softmax(np.array([[1e4, 0.0, -1e4]]))
    assert np.array_equal(p, [[1.0, 0.0, 0.0]])


def test_softmax_backward_is_jacobian_vector_product():
    """The softmax rule equals g·J with J = diag(a) − a·aᵀ, built explicitly."""
    rng = np.random.default_rng(1)
    z = rng.normal(size=(3, 4))
    g = rng.normal(size=(3, 4))
    act = ACTIVATIONS["softmax"]
    a = act.value(z)
    for row in range(3):
        jac = np.diag(a[row]) - np.outer(a[row], a[row])
        assert np.allclose(act.backward(z, a, g)[row : row + 1], g[row] @ jac)


def test_step_has_no_gradient():
    """step is flagged as gradient-free and its slope is zero everywhere."""
    step = ACTIVATIONS["step"]
    assert not step.has_gradient
    assert np.array_equal(step.derivative(Z, step.value(Z)), np.zeros_like(Z))
    assert all(ACTIVATIONS[n].has_gradient for n in SMOOTH + ["softmax"])


def test_only_softmax_is_output_only():
    """softmax mixes the whole layer, so only the output layer may use it."""
    assert [n for n, a in ACTIVATIONS.items() if a.output_only] == ["softmax"]


def test_every_activation_has_a_formula():
    """Each activation carries a formula string for tooltips."""
    assert all(a.formula.startswith("a") for a in ACTIVATIONS.values())


def test_unknown_activation_lists_choices():
    """A typo gives a ValueError that names the valid choices."""
    with pytest.raises(ValueError, match="tanh"):
        get_activation("tahn")
