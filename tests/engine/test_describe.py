"""Tests for the tooltip formulas with numbers plugged in."""

import numpy as np

from nnviz.engine.describe import edge_description, input_names, neuron_formula, neuron_name


def test_neuron_formula_plugs_in_weights_and_bias():
    """A tanh neuron reads tanh(w1·X₁ − w2·X₂ + b) with its live numbers."""
    W = np.array([[0.31], [-0.52]])
    text = neuron_formula(W, np.array([0.1]), "tanh", ["X₁", "X₂"], 0)
    assert text == "tanh(0.31·X₁ − 0.52·X₂ + 0.1)"


def test_identity_and_no_bias():
    """An identity neuron without bias is just the weighted sum."""
    W = np.array([[-2.0]])
    assert neuron_formula(W, None, "identity", ["x"], 0) == "−2·x"


def test_names():
    """Inputs, hidden neurons and the output get readable names."""
    assert input_names(["x1", "x1*x2"]) == ["X₁", "X₁X₂"]
    assert neuron_name(1, 1, 3) == "h1[2]" and neuron_name(3, 0, 3) == "ŷ"


def test_edge_description_has_value_gradient_and_update():
    """The edge card shows w, ∂L/∂w and Δw."""
    text = edge_description(0.5, -0.25, 0.01, "X₁", "h1[1]")
    assert "0.5" in text and "-0.25" in text and "0.01" in text
