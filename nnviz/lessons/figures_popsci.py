"""Plot-stage figures of the pop-science lessons: a fit across a gap, and a learned shortcut."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nnviz.data.functions_1d import CURVES
from nnviz.lessons.figure_data import (
    Figure,
    bar_series,
    bars,
    curve,
    figure,
    mark,
    panels_figure,
    vline,
)
from nnviz.lessons.popsci_fitting import gap_data, generalisation, shortcut
from nnviz.text import _


def generalisation_figure(
    gap_low: float = 0.2, gap_high: float = 0.7, n: int = 40, noise: float = 0.05, seed: int = 0
) -> Figure:
    """The points around the gap, the six-knob fit through it, and the true curve sin(πx)."""
    numbers = generalisation(gap_low, gap_high, n, noise, seed)
    X, y = gap_data(n, noise, (gap_low, gap_high), seed)  # the very points the fit learned from
    xs = np.asarray(numbers["curve_x"])
    truth = CURVES["sin"][0]
    curves = [
        curve(_("training points"), X[:, 0], y, style="points", color="blue"),
        curve(_("six-knob fit"), xs, numbers["curve_y"], color="orange"),
        curve(_("truth: sin(πx)"), xs, truth(xs), style="dashed", color="grey"),
    ]
    x_mid = numbers["x_in_gap"]
    label = _(
        "fit {prediction_in_gap:.3f}, truth {truth_in_gap:.3f}",
        prediction_in_gap=numbers["prediction_in_gap"],
        truth_in_gap=numbers["truth_in_gap"],
    )
    marks = [mark(x_mid, numbers["prediction_in_gap"], label)]
    lines = [vline(gap_low, _("gap starts")), vline(gap_high, _("gap ends"))]
    title = _("A smooth fit fills the gap in the data")
    return figure(title, "x", "y", curves, marks, vlines=lines)


def clue_words() -> dict[str, str]:
    """The shortcut data's clues as the bars name them, in the current language."""
    return {"yellow": _("yellow"), "elongated": _("elongated"), "watermark": _("watermark")}


def shortcut_figure(n: int = 400, signal: float = 0.6, epochs: int = 300, seed: int = 0) -> Figure:
    """The learned weights (the watermark dwarfs the real clues) and accuracy in and out."""
    numbers = shortcut(n, signal, epochs, seed)
    real = numbers["real_weights"]  # yellow, elongated: the order of numbers["features"]
    weights = panel_of_bars(
        _("What the model leans on"),
        _("clue"),
        _("weight"),
        bars(
            [clue_words().get(f, f) for f in numbers["features"]],
            [bar_series(_("weight"), [*real, numbers["shortcut_weight"]], "blue")],
        ),
    )
    accuracy = bars(
        [_("training photos"), _("new photos"), _("honest model")],
        [
            bar_series(
                _("accuracy"),
                [
                    numbers["train_accuracy"],
                    numbers["test_accuracy"],
                    numbers["honest_test_accuracy"],
                ],
                "orange",
            )
        ],
    )
    ends = [-0.5, len(accuracy["labels"]) - 0.5]  # across every bar
    chance = curve(_("coin toss"), ends, [0.5, 0.5], style="dashed", color="grey")
    # the honest model never saw the watermark; it is tested on the new photos
    right = panel_of_bars(_("Right answers"), _("photos"), _("share right"), accuracy, [chance])
    return panels_figure(_("The watermark is a shortcut"), [weights, right])


def panel_of_bars(title: str, x_label: str, y_label: str, chart: dict, curves=()) -> Figure:
    """A bar chart as a figure, with optional reference curves in its category coordinates."""
    return figure(title, x_label, y_label, list(curves), [], bars=chart)


POPSCI_FIGURES: dict[str, Callable[[], Figure]] = {
    "generalisation": generalisation_figure,
    "shortcut": shortcut_figure,
}
