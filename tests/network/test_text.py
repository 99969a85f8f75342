"""Words of the network view: captions, live hover cards, edge scales and the legend."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest

from nnviz.engine.spec import NetworkSpec
from nnviz.network import text
from tests.app.views.network_helpers import synthetic
from tests.factories import make_snapshot


@pytest.fixture(scope="module")
def snap():
    """The default 2-4-2-1 network with known weights."""
    return synthetic(make_snapshot())


def test_layer_captions_and_activations():
    """Input, hidden layers with activation and width, output with its activation."""
    spec = NetworkSpec(hidden=(4, 2), activation="relu", output="sigmoid")
    assert [text.layer_caption(spec, k) for k in range(4)] == [
        "Input",
        "Hidden 1 · relu · 4",
        "Hidden 2 · relu · 2",
        "Output · sigmoid",
    ]
    assert [text.activation_of(spec, k) for k in (0, 1, 3)] == ["identity", "relu", "sigmoid"]


def test_node_text_plugs_the_numbers_into_the_formula(snap):
    """A neuron's card names it and gives its formula and activation; inputs say what they are."""
    card = text.node_text(snap, 2, 1)
    assert card.startswith("h2[2]  (hidden layer 2, neuron 2)")
    assert "h2[2] = tanh(−1·h1[1] + 0.5·h1[2] + 2·h1[3] − 0.2·h1[4] − 1.5)" in card
    assert "ŷ = σ(2·h2[1] − 0.7·h2[2] − 0.9)" in text.node_text(snap, 3, 0)
    assert text.node_text(snap, 0, 1).startswith("input X₂")


def test_edge_and_bias_text_show_value_gradient_and_update(snap):
    """Edge cards come from describe.edge_description; bias cards show b, ∂L/∂b and Δb."""
    edge = text.edge_text(snap, 1, 1, 1)
    assert "weight W1[2,2] (X₂ → h1[2]) = 4" in edge and "∂L/∂w = -4" in edge and "Δw = 0.4" in edge
    bias = text.bias_text(snap, 2, 0)
    assert bias.startswith("bias b2[1] of h2[1] = 1.5") and "∂L/∂b = -1.5" in bias


def test_edge_values_pick_the_mode_and_its_own_scale(snap):
    """Weights scale by max |θ| (≤ 5); gradients and updates by their own largest value."""
    arrays, scale = text.edge_values(snap, "weight")
    assert arrays[0][1, 1] == 4.0 and scale == 4.0
    arrays, scale = text.edge_values(snap, "update")
    assert arrays[0][1, 1] == pytest.approx(0.4) and scale == pytest.approx(0.4)
    big = synthetic(make_snapshot(), scale=10.0)
    assert text.edge_values(big, "weight")[1] == text.MAX_WEIGHT_SCALE
    assert text.edge_values(big, "gradient")[1] == 40.0


def test_edge_values_survive_nan_and_zero(snap):
    """All-NaN or all-zero arrays give scale 0 (drawn thin and grey), never an error."""
    nan = dataclasses.replace(snap, grads=tuple(np.full_like(g, np.nan) for g in snap.grads))
    assert text.edge_values(nan, "gradient")[1] == 0.0
    assert "0 so far" in text.legend_html("gradient", 0.0)


def test_legend_names_the_mode_and_the_colours():
    """The legend says what edges show, which colour is which, and the full-width value."""
    html = text.legend_html("weight", 2.5)
    assert "weight w" in html and "positive" in html and "negative" in html
    assert "#0877bd" in html and "#f59322" in html and "2.5" in html


def test_parameter_count_matches_the_lecture_shapes():
    """A 3-3-1 net without bias has 12 weights (CS188); with biases 4 more."""
    from nnviz.engine.spec import NetworkSpec
    from nnviz.network.text import parameter_count_text

    spec = NetworkSpec(features=("x1", "x2", "x1*x2"), hidden=(3,), bias=False)
    assert parameter_count_text(make_snapshot(spec)) == "12 weights, no biases"
    with_bias = make_snapshot(NetworkSpec(features=("x1", "x2", "x1*x2"), hidden=(3,)))
    assert parameter_count_text(with_bias) == "12 weights + 4 biases = 16 parameters"


def test_the_words_follow_the_language(snap):
    """Edge modes, the input caption and the parameter count are worded when asked for."""
    from nnviz import text as core

    spec = NetworkSpec(hidden=(4,))
    english = (dict(text.MODES), text.layer_caption(spec, 0), text.parameter_count_text(snap))
    assert core.set_language("zh_CN")
    chinese = (dict(text.MODES), text.layer_caption(spec, 0), text.parameter_count_text(snap))
    assert list(chinese[0]) == ["weight", "gradient", "update"]  # the keys stay
    for key in text.MODES:
        label, what, symbol = chinese[0][key]
        assert (label, what) != english[0][key][:2] and symbol == english[0][key][2]
    assert chinese[1] != "Input" and "weights" not in chinese[2]
    assert re.findall(r"\d+", chinese[2]) == re.findall(r"\d+", english[2])
    assert chinese[0]["weight"][1] in text.legend_html("weight", 1.0)  # the legend names it
    core.set_language("en")
    assert (dict(text.MODES), text.layer_caption(spec, 0)) == english[:2]
