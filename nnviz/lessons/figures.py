"""Figures for the lesson player's plot stage, as plain data: named curves and marked points."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nnviz.engine import ACTIVATIONS, log_loss_from_probability, sigmoid
from nnviz.landscape import Racer, get_surface, lr_regimes
from nnviz.lessons.cs188_perceptrons import perceptron, perceptron_thrash
from nnviz.lessons.cs188_training import WIDTHS, fit_widths, overfit_run
from nnviz.lessons.figure_data import Figure, curve, figure, mark
from nnviz.lessons.figures_popsci import POPSCI_FIGURES
from nnviz.lessons.figures_why_deep import WHY_DEEP_FIGURES
from nnviz.text import _


def sigmoid_vs_step() -> Figure:
    """The perceptron's step and the sigmoid σ(z) = 1/(1 + e^(−z)) on one axis."""
    z = np.linspace(-8.0, 8.0, 321)
    step = ACTIVATIONS["step"].value(z)
    marks = [mark(0.0, float(sigmoid(0.0)), "σ(0)"), mark(5.0, float(sigmoid(5.0)), "σ(5)")]
    curves = [curve(_("step function"), z, step), curve("sigmoid", z, sigmoid(z))]
    return figure(_("From the step to the sigmoid"), "z = w·x", "P(y = 1 | x)", curves, marks)


def sharpness() -> Figure:
    """1/(1 + b^(−z)) = σ(z·ln b) for growing bases b: the curve sharpens into the step."""
    z = np.linspace(-4.0, 4.0, 321)
    bases = (("e", np.e), ("100", 100.0), ("10¹⁰", 1e10))
    curves = [curve(f"b = {name}", z, sigmoid(z * np.log(b))) for name, b in bases]
    curves.append(curve(_("step function"), z, ACTIVATIONS["step"].value(z)))
    marks = [mark(1.0, float(sigmoid(np.log(b))), f"b = {name}, z = 1") for name, b in bases[:2]]
    return figure(_("A bigger base makes a sharper sigmoid"), "z", "1/(1 + b^(−z))", curves, marks)


def log_loss_curve() -> Figure:
    """−log p (label 1) and −log(1 − p) (label 0) against p, with the lecture's table marked."""
    p1, p0 = np.linspace(0.001, 1.0, 400), np.linspace(0.0, 0.999, 400)  # stop short of ∞
    one = [log_loss_from_probability(v, 1) for v in p1]
    zero = [log_loss_from_probability(v, 0) for v in p0]
    marks = [
        mark(p_, log_loss_from_probability(p_, y), f"y = {y}, p = {p_:g}")
        for y, p_ in ((1, 0.1), (0, 0.0), (1, 0.8))
    ]
    curves = [curve("y = 1: −log p", p1, one), curve("y = 0: −log(1 − p)", p0, zero)]
    return figure(_("Log loss: confident and wrong costs the most"), "p", _("loss"), curves, marks)


def universal_approximation() -> Figure:
    """The drawn curve's points and the fit of a 1-w-1 tanh net for each width."""
    errors, fits, grid, points = fit_widths()
    half = len(points) // 2
    curves = [curve(_("points"), points[:half], points[half:], style="points")]
    curves += [
        curve(_("{w} hidden units", w=w), grid, fit) for w, fit in zip(WIDTHS, fits, strict=True)
    ]
    return figure(_("More hidden units, a closer fit"), "x", "y", curves, [])


def learning_rate_regimes(steps: int = 30) -> Figure:
    """Distance along the bowl's steep axis at each step, for the four example rates."""
    bowl = get_surface("bowl")
    curves = []
    for regime in lr_regimes(bowl.lambda_max or 1.0):
        racer = Racer("sgd", bowl.loss_and_grad, bowl.start, lr=regime.lr)
        xs = [float(racer.point[0])]
        for _step in range(steps):
            racer.step()
            xs.append(float(racer.point[0]))
        curves.append(
            curve(
                _("{regime_name} (lr = {lr:g})", regime_name=regime.name, lr=regime.lr),
                range(len(xs)),
                xs,
            )
        )
    return figure(
        _("Four learning rates on the bowl"),
        _("gradient step"),
        _("x (0 is the bottom)"),
        curves,
        [],
    )


def early_stopping_curves() -> Figure:
    """Training and validation loss per epoch, with the best validation epoch marked."""
    train, val, best, _stopped = overfit_run()
    epochs = range(1, len(val) + 1)
    curves = [curve(_("training loss"), epochs, train), curve(_("validation loss"), epochs, val)]
    marks = [mark(best, val[best - 1], _("best epoch"))]
    return figure(
        _("Validation loss turns up: stop at the best epoch"), _("epoch"), "MSE", curves, marks
    )


def perceptron_mistakes() -> Figure:
    """Mistakes per epoch: separable points (falls to 0) and overlapping ones (never does)."""
    clean = perceptron()["mistakes_per_epoch"]
    messy = perceptron_thrash()["mistakes_per_epoch"]
    curves = [
        curve(_("separable"), range(1, len(clean) + 1), clean),
        curve(_("overlapping"), range(1, len(messy) + 1), messy),
    ]
    title = _("The perceptron's mistakes per epoch")
    return figure(title, _("epoch"), _("mistakes"), curves, [])


FIGURES: dict[str, Callable[[], Figure]] = {
    "sigmoid-vs-step": sigmoid_vs_step,
    "sharpness": sharpness,
    "log-loss-curve": log_loss_curve,
    "universal-approximation": universal_approximation,
    "learning-rate-regimes": learning_rate_regimes,
    "early-stopping-curves": early_stopping_curves,
    "perceptron-mistakes": perceptron_mistakes,
    **POPSCI_FIGURES,
    **WHY_DEEP_FIGURES,
}
