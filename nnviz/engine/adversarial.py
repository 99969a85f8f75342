"""Adversarial examples: the fast-gradient-sign step and the smallest step that fools a net."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.engine.input_gradient import input_gradient
from nnviz.engine.metrics import predict_classes
from nnviz.engine.mlp import MLP
from nnviz.text import _

Array = np.ndarray
# Step sizes tried in order, as fractions of the pixel range [0, 1].
EPS_LADDER = (0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1)


def fgsm(
    net: MLP, x: Array, y: Array, eps: float, loss: str = "cross_entropy", low=0.0, high=1.0
) -> Array:
    """The fast-gradient-sign step x′ = clip(x + ε·sign(∂L/∂x), low, high).

    Every pixel moves by at most ε, each in the direction that raises the loss; with
    many pixels these tiny pushes add up to a large change of the network's output.
    """
    if not np.isfinite(eps) or eps < 0:
        raise ValueError(_("ε must be a finite number ≥ 0, not {eps}", eps=eps))
    x = np.asarray(x, dtype=float)
    g = input_gradient(net, x, y, loss).reshape(x.shape)
    return np.clip(x + eps * np.sign(g), low, high)


def confidence(net: MLP, x: Array) -> tuple[int, float]:
    """(predicted class, its probability) for one input; a single output is P(class 1)."""
    p = net.forward(np.asarray(x, dtype=float).reshape(1, -1))
    label = int(predict_classes(p)[0])
    prob = float(p[0, label]) if p.shape[1] > 1 else float(p[0, 0] if label else 1 - p[0, 0])
    return label, prob


@dataclass(frozen=True)
class Attack:
    """One input before and after the designed change."""

    eps: float
    x_after: Array
    prediction_before: int
    confidence_before: float
    prediction_after: int
    confidence_after: float
    max_pixel_change: float

    @property
    def flipped(self) -> bool:
        """Did the network change its answer?"""
        return self.prediction_after != self.prediction_before


def smallest_flip(
    net: MLP,
    x: Array,
    ladder: Sequence[float] = EPS_LADDER,
    loss: str = "cross_entropy",
) -> Attack:
    """Try ε from the ladder in order; the first that changes the prediction (else the last).

    The loss is measured against the network's own answer, so the step pushes the image away
    from what the network now believes (no true label needed).
    """
    if not ladder:
        raise ValueError(_("the ladder needs at least one ε"))
    x = np.asarray(x, dtype=float).reshape(-1)
    before, conf = confidence(net, x)
    attack = None
    for eps in ladder:
        after = fgsm(net, x.reshape(1, -1), np.array([before]), float(eps), loss)[0]
        label, prob = confidence(net, after)
        change = float(np.max(np.abs(after - x)))
        attack = Attack(float(eps), after, before, conf, label, prob, change)
        if attack.flipped:
            break
    return attack  # type: ignore[return-value]
