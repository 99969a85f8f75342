"""Learning-rate lessons on the quadratic bowl: slow, good, oscillating and diverging."""

from __future__ import annotations

from dataclasses import dataclass

from nnviz.text import _


@dataclass(frozen=True)
class LrRegime:
    """One example learning rate and what it does along the steepest direction."""

    name: str
    lr: float
    factor: float  # each step multiplies the distance to the minimum by this (1 − lr·λ)
    description: str


def critical_lr(lambda_max: float) -> float:
    """2/λmax: above this, plain gradient descent on a quadratic blows up."""
    _check(lambda_max)
    return 2.0 / lambda_max


def step_factor(lr: float, curvature: float) -> float:
    """On f = ½λx², one step gives x ← x − lr·λx = (1 − lr·λ)·x; this returns 1 − lr·λ.

    |factor| < 1 converges (negative: overshooting, side to side); |factor| > 1 diverges.
    """
    return 1.0 - lr * curvature


def lr_regimes(lambda_max: float) -> tuple[LrRegime, ...]:
    """Four example rates, 0.1/λ, 0.9/λ, 1.9/λ and 2.1/λ, and what each does."""
    _check(lambda_max)
    table = (
        ("slow", 0.1, _("creeps: each step removes only a tenth of the distance")),
        ("good", 0.9, _("lands almost on the minimum in one step")),
        ("oscillating", 1.9, _("overshoots to the other side every step, but gets closer")),
        ("diverging", 2.1, _("overshoots further every step: past 2/λmax the loss explodes")),
    )
    out = []
    for name, k, text in table:
        lr = k / lambda_max
        factor = step_factor(lr, lambda_max)
        out.append(
            LrRegime(
                name,
                lr,
                factor,
                _(
                    "lr = {lr:.3g} {text} (× {factor:+.2f} per step)",
                    lr=lr,
                    text=text,
                    factor=factor,
                ),
            )
        )
    return tuple(out)


def _check(lambda_max: float) -> None:
    if not lambda_max > 0:
        raise ValueError(_("λmax must be > 0, not {lambda_max}", lambda_max=lambda_max))
