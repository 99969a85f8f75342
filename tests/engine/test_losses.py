"""Losses: per-example values, output-layer gradients, targets and stability."""

import numpy as np
import pytest

from nnviz.engine.activations import ACTIVATIONS, sigmoid, softmax
from nnviz.engine.losses import (
    LOSSES,
    get_loss,
    log_loss_from_probability,
    prepare_targets,
    softplus,
)


def test_mse_per_example_and_torch_mean_count():
    """Squared errors summed over outputs per example; mean divides by N·D (torch MSELoss)."""
    mse = LOSSES["mse"]
    a = np.array([[1.0, 2.0], [0.0, -1.0]])
    y = np.array([[0.0, 0.0], [0.0, 1.0]])
    assert np.allclose(mse.per_example(a, a, y), [5.0, 4.0])
    assert mse.count(2, 2, "mean") == 4 and mse.count(2, 2, "sum") == 1


def test_log_loss_matches_probability_formula():
    """From logits: −[y·log σ(z) + (1 − y)·log(1 − σ(z))] for moderate z."""
    z = np.array([[-2.0], [0.3], [1.5], [4.0]])
    y = np.array([[0.0], [1.0], [0.0], [1.0]])
    p = sigmoid(z)
    expected = -(y * np.log(p) + (1 - y) * np.log(1 - p)).ravel()
    assert np.allclose(LOSSES["log"].per_example(z, p, y), expected)
    assert LOSSES["log"].count(4, 1, "mean") == 4


def test_log_loss_never_nan_for_huge_logits():
    """|z| up to 1e4: finite where the label agrees, exactly 0 at the far correct side."""
    z = np.array([[-1e4], [-50.0], [0.0], [50.0], [1e4]])
    log = LOSSES["log"]
    for label in (0.0, 1.0):
        y = np.full_like(z, label)
        values = log.per_example(z, sigmoid(z), y)
        assert not np.any(np.isnan(values)) and np.all(np.isfinite(values))
    assert log.per_example(z[:1], sigmoid(z[:1]), np.zeros((1, 1)))[0] == 0.0
    assert log.per_example(z[-1:], sigmoid(z[-1:]), np.ones((1, 1)))[0] == 0.0
    assert np.isclose(log.per_example(z[-1:], sigmoid(z[-1:]), np.zeros((1, 1)))[0], 1e4)


def test_softplus_edges():
    """softplus(−∞) = 0 exactly, softplus(0) = log 2, softplus(x) ≈ x for large x."""
    assert softplus(np.array(-np.inf)) == 0.0
    assert np.isclose(softplus(np.array(0.0)), np.log(2))
    assert softplus(np.array(1e4)) == 1e4


def test_cross_entropy_is_negative_log_softmax():
    """−log softmax(z)_y per example, and stable for logits of size 1e4."""
    z = np.array([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]])
    y = np.array([2, 0])
    ce = LOSSES["cross_entropy"]
    p = softmax(z)
    assert np.allclose(ce.per_example(z, p, y), -np.log(p[[0, 1], y]))
    big = np.array([[1e4, 0.0, -1e4]])
    assert ce.per_example(big, softmax(big), np.array([0]))[0] == 0.0
    assert np.isclose(ce.per_example(big, softmax(big), np.array([2]))[0], 2e4)


def test_hinge_values():
    """max(0, 1 − y·s) with y = ±1."""
    s = np.array([[2.0], [0.5], [-0.5], [0.5]])
    y = np.array([[1.0], [1.0], [1.0], [-1.0]])
    assert np.allclose(LOSSES["hinge"].per_example(s, s, y), [0.0, 0.5, 1.5, 1.5])


def test_output_gradients():
    """dL/dz: p − y for sigmoid+log, p − onehot for softmax+CE, chain rule for MSE and hinge."""
    z = np.array([[0.4], [-1.0]])
    y = np.array([[1.0], [0.0]])
    p = sigmoid(z)
    sig, ident = ACTIVATIONS["sigmoid"], ACTIVATIONS["identity"]
    assert np.allclose(LOSSES["log"].grad_z(z, p, y, sig), p - y)
    assert np.allclose(LOSSES["mse"].grad_z(z, p, y, sig), 2 * (p - y) * p * (1 - p))
    zc = np.array([[1.0, 2.0, 0.5]])
    pc = softmax(zc)
    expected = pc - np.array([[0.0, 1.0, 0.0]])
    assert np.allclose(LOSSES["cross_entropy"].grad_z(zc, pc, np.array([1]), None), expected)
    s = np.array([[0.5], [2.0]])
    yh = np.array([[1.0], [1.0]])
    assert np.allclose(LOSSES["hinge"].grad_z(s, s, yh, ident), [[-1.0], [0.0]])


def test_prepare_targets_shapes_and_hinge_labels():
    """Labels become (N, D) floats; CE keeps int indices; hinge reads 0 as −1."""
    mse, ce, hinge = LOSSES["mse"], LOSSES["cross_entropy"], LOSSES["hinge"]
    assert prepare_targets(mse, [1, 0, 1], 1).shape == (3, 1)
    out = prepare_targets(ce, np.array([[2], [0]]), 3)
    assert out.dtype.kind == "i" and out.tolist() == [2, 0]
    assert prepare_targets(hinge, [0, 1, -1], 1).ravel().tolist() == [-1.0, 1.0, -1.0]


def test_prepare_targets_rejects_mismatches():
    """Class labels out of range or a wrong number of target columns give ValueError."""
    with pytest.raises(ValueError, match="class labels"):
        prepare_targets(LOSSES["cross_entropy"], [0, 3], 3)
    with pytest.raises(ValueError, match="columns"):
        prepare_targets(LOSSES["mse"], np.zeros((4, 2)), 1)


def test_losses_declare_their_output_layer():
    """log needs sigmoid, cross-entropy needs softmax; mse and hinge take any output."""
    assert LOSSES["log"].needs_output == "sigmoid"
    assert LOSSES["cross_entropy"].needs_output == "softmax"
    assert LOSSES["mse"].needs_output is None and LOSSES["hinge"].needs_output is None


def test_log_loss_from_probability_bases_and_edges():
    """Natural log by default, base 10 on request, 0 when certain and right, inf when wrong."""
    assert np.isclose(log_loss_from_probability(0.1, 1, base=10), 1.0)
    assert log_loss_from_probability(1.0, 1) == 0.0
    assert log_loss_from_probability(0.0, 1) == float("inf")
    assert log_loss_from_probability(1.0, 0) == float("inf")
    assert np.isclose(log_loss_from_probability(0.3, 0), -np.log(0.7))


def test_unknown_loss_lists_choices():
    """A typo gives a ValueError naming the valid losses."""
    with pytest.raises(ValueError, match="cross_entropy"):
        get_loss("crossentropy")
