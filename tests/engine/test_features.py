"""Input features: the Playground's seven, polynomials for 1-D data, the six-knob curve fit."""

import numpy as np
import pytest

from nnviz.engine.features import (
    DEFAULT_FEATURES,
    FEATURES,
    check_features,
    feature_matrix,
    feature_table,
    polynomial_features,
)
from nnviz.engine.mlp import MLP
from nnviz.engine.trainer import TrainConfig, Trainer


def test_the_seven_playground_features():
    """x1, x2, x1², x2², x1·x2, sin x1, sin x2, each column computed as named."""
    P = np.array([[1.0, 2.0], [-0.5, 3.0]])
    assert list(FEATURES) == ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]
    M = feature_matrix(P, list(FEATURES))
    x1, x2 = P[:, 0], P[:, 1]
    expected = np.column_stack([x1, x2, x1**2, x2**2, x1 * x2, np.sin(x1), np.sin(x2)])
    assert M.shape == (2, 7) and np.allclose(M, expected)
    assert DEFAULT_FEATURES == ("x1", "x2")


def test_feature_order_follows_the_request():
    """Columns come in the order the features were chosen."""
    P = np.array([[2.0, 3.0]])
    assert feature_matrix(P, ["x1*x2", "x1"]).tolist() == [[6.0, 2.0]]


def test_feature_labels_for_the_ui():
    """Each feature has a display label with sub/superscripts."""
    assert FEATURES["x1^2"][0] == "X₁²" and FEATURES["x1*x2"][0] == "X₁X₂"


@pytest.mark.parametrize(
    ("names", "match"),
    [([], "at least one"), (["x3"], "unknown"), (["x1", "x1"], "only once")],
)
def test_bad_feature_lists(names, match):
    """Empty, unknown or repeated features give a clear ValueError."""
    with pytest.raises(ValueError, match=match):
        check_features(names)


def test_one_d_feature_table():
    """1-D inputs offer x, x²…x⁵ and sin x; other dimensions are refused."""
    x = np.array([[2.0], [-1.0]])
    M = feature_matrix(x, ["x", "x^3", "sin(x)"], dim=1)
    assert np.allclose(M, [[2.0, 8.0, np.sin(2.0)], [-1.0, -1.0, np.sin(-1.0)]])
    assert list(feature_table(1)) == ["x", "x^2", "x^3", "x^4", "x^5", "sin(x)"]
    with pytest.raises(ValueError):
        feature_table(3)


def test_polynomial_features_are_1_to_x5():
    """Columns 1, x, x², x³, x⁴, x⁵ (the video's six knobs); the 1 can be left out."""
    x = np.array([2.0, -1.0, 0.5])
    P = polynomial_features(x)
    assert P.shape == (3, 6)
    assert np.allclose(P, np.column_stack([x**k for k in range(6)]))
    assert np.array_equal(P[:, 0], np.ones(3))
    assert polynomial_features(x, 3, include_bias=False).shape == (3, 3)
    with pytest.raises(ValueError):
        polynomial_features(x, 0)


def test_six_knob_curve_fit_decreases_the_loss():
    """A no-hidden-layer identity net on 1, x…x⁵ fits a curve; its loss falls with training."""
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, 40)
    y = np.sin(2.5 * x) + 0.3 * x**2
    X = polynomial_features(x)
    net = MLP([6, 1], output="identity", bias=False, init="zeros")
    assert net.n_params == 6  # k0…k5
    config = TrainConfig(loss="mse", lr=0.2, batch_size=40, classification=False)
    trainer = Trainer(net, (X, y), config=config)
    start = trainer.evaluate()["train_loss"]
    losses = []
    for event in trainer.run():
        if event.kind == "epoch":
            losses.append(event.loss)
            if event.epoch == 300:
                break
    assert np.all(np.diff(losses) <= 1e-15)  # full-batch descent with a small step: downhill
    assert losses[-1] < 0.1 * start
    assert np.isnan(trainer.evaluate()["train_acc"])  # regression: no accuracy
