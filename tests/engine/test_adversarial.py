"""The fast-gradient-sign step: bounded by ε, inside the pixel range, and it raises the loss."""

import numpy as np
import pytest

from nnviz.engine import MLP
from nnviz.engine.adversarial import confidence, fgsm, smallest_flip


def _net() -> MLP:
    return MLP([9, 6, 3], activation="tanh", output="softmax", seed=4, init_scale=3.0)


def test_step_is_bounded_and_clipped():
    """No pixel moves more than ε and every pixel stays in [0, 1]."""
    x = np.random.default_rng(0).uniform(0, 1, (1, 9))
    after = fgsm(_net(), x, np.array([0]), 0.05)
    assert np.max(np.abs(after - x)) <= 0.05 + 1e-12
    assert after.min() >= 0.0 and after.max() <= 1.0


def test_step_raises_the_loss():
    """Moving along sign(∂L/∂x) makes the loss larger (to first order, by ε·‖∂L/∂x‖₁)."""
    net, x, y = _net(), np.full((1, 9), 0.5), np.array([1])
    after = fgsm(net, x, y, 0.02)
    assert net.loss(after, y, "cross_entropy") > net.loss(x, y, "cross_entropy")


def test_smallest_flip_reports_the_first_eps_that_changes_the_answer():
    """The returned ε flips the prediction and every smaller ε on the ladder does not."""
    net, x = _net(), np.full(9, 0.5)
    ladder = tuple(np.round(np.arange(0.05, 1.01, 0.05), 2))
    attack = smallest_flip(net, x, ladder)
    assert attack.flipped and attack.prediction_before == confidence(net, x)[0]
    for eps in ladder[: ladder.index(attack.eps)]:
        assert (
            confidence(net, fgsm(net, x[None], np.array([attack.prediction_before]), eps))[0]
            == attack.prediction_before
        )


def test_negative_eps_refused():
    """ε < 0 is not a step size."""
    with pytest.raises(ValueError):
        fgsm(_net(), np.zeros((1, 9)), np.array([0]), -0.1)
