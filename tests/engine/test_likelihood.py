"""Per-point P(y|x) and the log-likelihood of a data set."""

import numpy as np
import pytest

from nnviz.engine.activations import sigmoid, softmax
from nnviz.engine.likelihood import log_likelihood, point_probabilities
from nnviz.engine.mlp import MLP

X = np.array([[2.0, 1.0], [-1.0, 2.0], [1.0, -2.0]])
Y = np.array([1, 0, 1])


def _model(w):
    net = MLP([2, 1], output="sigmoid", bias=False)
    net.set_flat(np.array(w, dtype=float))
    return net


def test_probabilities_are_p_or_one_minus_p():
    """P(y|x) = σ(w·x) for y = 1 and 1 − σ(w·x) for y = 0."""
    w = np.array([0.3, -0.7])
    p = sigmoid(X @ w)
    expected = np.where(Y == 1, p, 1 - p)
    assert np.allclose(point_probabilities(_model(w), X, Y), expected)


def test_ll_at_zero_is_three_log_half():
    """At w = 0 every P is ½, so ll = 3·log ½ = −2.0794 (lecture)."""
    assert round(log_likelihood(_model([0.0, 0.0]), X, Y), 4) == -2.0794


def test_softmax_model():
    """With a softmax output, P(y|x) is the y-th probability."""
    net = MLP([2, 3], output="softmax", bias=False, seed=0)
    expected = softmax(X @ net.weights[0])[np.arange(3), [0, 2, 1]]
    assert np.allclose(point_probabilities(net, X, np.array([0, 2, 1])), expected)


def test_needs_a_probability_output():
    """An identity output has no likelihood: ValueError."""
    with pytest.raises(ValueError, match="sigmoid or softmax"):
        log_likelihood(MLP([2, 1]), X, Y)


def test_data_likelihood_gives_both_splits_and_ll_of_training():
    """P(y|x) for train and test points, and ll = Σ log P over the training points only."""
    from nnviz.engine.likelihood import data_likelihood

    net = _model([0.3, -0.7])
    train, test = (X[:2], Y[:2]), (X[2:], Y[2:])
    p_train, p_test, ll = data_likelihood(net, train, test)
    assert np.allclose(p_train, point_probabilities(net, *train))
    assert np.allclose(p_test, point_probabilities(net, *test))
    assert ll == pytest.approx(log_likelihood(net, *train), abs=1e-12)
    assert data_likelihood(MLP([2, 1], output="identity"), train, test) is None


def test_point_text_and_readout():
    """Hover text names the point, its class, P(y|x) and −log P; the readout has a real minus."""
    from nnviz.engine.likelihood import likelihood_readout, point_likelihood_text

    text = point_likelihood_text(np.array([2.0, 1.0]), 1, 0.99)
    assert text == "point (2.00, 1.00), class 2: P(class 2 | x) = 0.99, loss −log P = 0.01005"
    assert point_likelihood_text(np.array([1.0]), None, None, test=True) == "test point (1.00)"
    assert likelihood_readout({"log_likelihood": -12.34}) == (
        "log-likelihood ll = Σ log P(y|x) = −12.34 (training set)"
    )
    assert likelihood_readout({"train_loss": 1.0}) == ""
