"""Figures from the cells of a sweep done so far, so a plot grows while the sweep runs."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from nnviz.experiments.backprop_cost import LIVE
from nnviz.experiments.double_descent import INTERPOLATED
from nnviz.experiments.sweep import Sweep, SweepResult
from nnviz.lessons.figure_data import (
    Figure,
    bar_series,
    bars,
    curve,
    figure,
    heatmap,
    mark,
    panels_figure,
    vline,
)
from nnviz.text import _, capitalised

LN2 = math.log(2.0)
LOSS_FLOOR = 1e-6  # a loss drawn on a log axis is shown at least this high (0 has no log)


def double_descent(results: Sequence[SweepResult], sweep: Sweep) -> Figure:
    """Test, training, early-stopped and ridge error over the widths p done so far (log y)."""
    n_train = int(dict(sweep.options).get("n_train", 40))
    ps = [r.value for r in results]

    def ys(key: str) -> list[float]:
        return [r.result[key] for r in results]

    fitted = [(p, e) for p, e in zip(ps, ys("train"), strict=True) if e >= INTERPOLATED]
    curves = [curve(_("test error"), ps, ys("test"), color="blue")]
    if fitted:  # from p = N on the training error is 0, which a log axis cannot show
        curves.append(
            curve(
                _("training error (0 from p = N on)"),
                [p for p, _ in fitted],
                [e for _, e in fitted],
                color="orange",
            )
        )
    curves += [
        curve(_("test error, stopped early"), ps, ys("early_stopping"), "dashed", "green"),
        curve(_("test error, a little ridge"), ps, ys("ridge"), "dashed", "purple"),
    ]
    worst = int(np.argmax(ys("test")))
    if len(results) == len(sweep.grid):
        peak = mark(ps[worst], ys("test")[worst], _("peak at p = {p}", p=ps[worst]))
    else:
        peak = mark(ps[worst], ys("test")[worst], _("worst so far at p = {p}", p=ps[worst]))
    return figure(
        _("Double descent over width p"),
        _("p (random features)"),
        _("mean squared error"),
        curves,
        [peak],
        log_y=True,
        vlines=[vline(n_train, _("interpolation threshold p = N = {n_train}", n_train=n_train))],
    )


def double_descent_epochs(results: Sequence[SweepResult], sweep: Sweep) -> Figure:
    """Test error over (p, T) for the widths done so far; a column per width (log colour)."""
    n_train = int(dict(sweep.options).get("n_train", 40))
    ps = [r.value for r in results]
    steps = results[0].result["steps"]
    rows = np.array([r.result["test_error"] for r in results]).T  # rows are T
    grid = heatmap(ps, steps, rows, _("p (random features)"), _("T (gradient-descent steps)"),
                   label=_("test error"), log=True)  # fmt: skip
    lines = [vline(n_train, f"p = N = {n_train}")] if min(ps) <= n_train <= max(ps) else []
    title = _("Test error over width p and time T")
    return figure(title, grid["x_label"], grid["y_label"], [], [], heatmap=grid, vlines=lines)


def overparameterisation(results: Sequence[SweepResult], sweep: Sweep) -> Figure:
    """Success rate | final-loss spread | every loss curve, for the widths done so far."""
    widths = [r.value for r in results]
    loss = np.array([r.result["final_loss"] for r in results])
    accuracy = np.array([r.result["final_accuracy"] for r in results])
    steps = results[0].result["curve_steps"]
    curves = np.array([r.result["curves"] for r in results])
    title = _("Wider nets train from (almost) every seed")
    return overparam_figure(widths, loss, accuracy, steps, curves, title)


def overparam_figure(widths, final_loss, final_accuracy, steps, curves, title: str) -> Figure:
    """Three panels from (W, S) final losses and accuracies and (W, S, C) loss curves."""
    labels = [str(w) for w in widths]
    success = 100 * np.mean(np.asarray(final_accuracy) >= 1.0, axis=1)
    spread = np.ptp(np.asarray(final_loss), axis=1)
    left = figure(
        _("Seeds at 100 % accuracy"), _("width"), _("% of seeds"),
        [], [], bars=bars(labels, [bar_series(_("reached 100 %"), success, "blue")]),
    )  # fmt: skip
    middle = figure(
        _("Spread of final losses"), _("width"),
        _("max − min (log scale)"), [], [],
        bars=bars(labels, [bar_series(_("spread over seeds"), np.maximum(spread, LOSS_FLOOR),
                                      "orange")], log_y=True),
    )  # fmt: skip
    right = figure(
        _("Every run's loss"), _("Adam step"), _("log loss (log scale)"),
        _width_curves(widths, steps, np.asarray(curves)), [], log_y=True,
    )  # fmt: skip
    return panels_figure(title, [left, middle, right])


def _width_curves(widths, steps, curves: np.ndarray) -> list[dict]:
    """Each run faintly: the narrowest third orange, the middle green, the widest third blue."""
    order = np.argsort(widths)
    bands = np.array_split(order, 3) if len(widths) >= 3 else [order]
    colors = ("orange", "green", "blue")[-len(bands) :]
    out = []
    for band, color in zip(bands, colors, strict=True):
        shown = ", ".join(str(widths[i]) for i in sorted(band, key=widths.__getitem__))
        name = _("width {widths}", widths=shown)
        for i in band:
            for run in curves[i]:
                out.append(curve(name, steps, np.maximum(run, LOSS_FLOOR), "faint", color))
    return out


def depth_init(results: Sequence[SweepResult], sweep: Sweep) -> Figure:
    """Gradient norm per layer at the start (log bars) | loss curves and ln 2."""
    names = {
        r.value: ("Xavier" if r.value == 100 else _("{scale:g}× Xavier", scale=r.value / 100))
        for r in results
    }
    colors = {r.value: ("blue" if r.value == 100 else "orange") for r in results}
    depth = len(results[0].result["grad_norm_by_layer"])
    chart = bars(
        [str(layer) for layer in range(1, depth + 1)],
        [bar_series(names[r.value], r.result["grad_norm_by_layer"], colors[r.value])
         for r in results],
        log_y=True,
    )  # fmt: skip
    left = figure(_("Gradient norm per layer at the start"), _("layer (1 = next to the inputs)"),
                  "‖∂L/∂W‖", [], [], bars=chart)  # fmt: skip
    n_steps = len(results[0].result["losses"]) - 1
    lines = [curve(_("ln 2: always ½"), [0, n_steps], [LN2, LN2], "dashed", "grey")]
    marks = []
    for r in results:
        losses = r.result["losses"]
        lines.append(curve(names[r.value], range(len(losses)), losses, color=colors[r.value]))
        marks.append(mark(n_steps, losses[-1], f"{names[r.value]}: {losses[-1]:.3g}"))
    right = figure(capitalised(_("training loss")), _("gradient step"), _("log loss"), lines, marks)
    title = _("A {depth}-layer tanh net: the initial scale decides", depth=depth)
    return panels_figure(title, [left, right])


def backprop_cost(results: Sequence[SweepResult], sweep: Sweep) -> Figure:
    """Seconds per gradient and passes against the parameter count, both ways (log-log).

    The live network (grid value "live") is the pair of big points, named in the title; the
    2-w-w-1 nets of growing width are the lines, so one sees where it sits and how it scales.
    """
    live = [r.result for r in results if r.value == LIVE]
    sized = [r.result for r in results if r.value != LIVE]
    params = [r["params"] for r in sized]

    def ms(rows: list[dict], key: str) -> list[float]:
        return [max(1000 * r[key], 1e-6) for r in rows]

    time_curves = [curve(_("backprop"), params, ms(sized, "seconds_backprop"), color="blue"),
                   curve(_("finite differences"), params, ms(sized, "seconds_finite_difference"),
                         color="orange")] if sized else []  # fmt: skip
    pass_curves = [curve(_("backprop"), params, [r["passes_backprop"] for r in sized],
                         color="blue"),
                   curve(_("finite differences"), params,
                         [r["passes_finite_difference"] for r in sized], color="orange")
                   ] if sized else []  # fmt: skip
    time_marks, pass_marks = [], []
    if live:
        you = live[0]
        bp, fd = ms(live, "seconds_backprop")[0], ms(live, "seconds_finite_difference")[0]
        name = _("live network")
        time_curves += [curve(name, [you["params"]] * 2, [bp, fd], "points", "green")]
        pass_curves += [curve(name, [you["params"]] * 2,
                              [you["passes_backprop"], you["passes_finite_difference"]],
                              "points", "green")]  # fmt: skip
        time_marks.append(mark(you["params"], fd, _("live: {ratio:.0f}× slower",
                                                    ratio=fd / bp)))  # fmt: skip
        pass_marks.append(
            mark(
                you["params"],
                you["passes_finite_difference"],
                _("live: {passes} passes", passes=you["passes_finite_difference"]),
            )
        )
    elif sized:
        last = sized[-1]
        ratio = last["seconds_finite_difference"] / max(last["seconds_backprop"], 1e-12)
        time_marks.append(mark(params[-1], ms(sized, "seconds_finite_difference")[-1],
                               _("{ratio:.0f}× slower at {params} parameters", ratio=ratio,
                                 params=params[-1])))  # fmt: skip
    time = figure(_("Time per gradient"), _("parameters"), _("milliseconds"), time_curves,
                  time_marks, log_x=True, log_y=True)  # fmt: skip
    passes = figure(_("Passes over the data"), _("parameters"), _("passes"), pass_curves,
                    pass_marks, log_x=True, log_y=True)  # fmt: skip
    return panels_figure(live_title(live[0]) if live else _("One gradient, two ways (same answer)"),
                         [time, passes])  # fmt: skip


def live_title(numbers: dict[str, Any]) -> str:
    """'The live 2-4-2-1 tanh net: 25 parameters' (short: the details are in ``live_summary``)."""
    return _(
        "The live {architecture} net: {params} parameters",
        architecture=numbers["architecture"],
        params=numbers["params"],
    )


def live_summary(results: Sequence[SweepResult]) -> str | None:
    """The live network's numbers in one sentence (None when the sweep did not measure it)."""
    live = [r.result for r in results if r.value == LIVE]
    if not live:
        return None
    n = live[0]
    return _(
        "Live {architecture} net, {params} parameters: backprop {bp} passes in {bp_ms:.2g} ms, "
        "finite differences {fd} passes in {fd_ms:.3g} ms ({ratio:.0f}× slower); the two "
        "gradients agree to {gap:.0e}.",
        architecture=n["architecture"],
        params=n["params"],
        bp=n["passes_backprop"],
        bp_ms=1000 * n["seconds_backprop"],
        fd=n["passes_finite_difference"],
        fd_ms=1000 * n["seconds_finite_difference"],
        ratio=n["seconds_finite_difference"] / max(n["seconds_backprop"], 1e-12),
        gap=n["max_difference"],
    )


def active_learning(results: Sequence[SweepResult], sweep: Sweep) -> Figure:
    """Held-out accuracy by labels: each session faintly, the mean so far boldly."""
    labels = results[0].result["labels"]
    each = {
        "active": _("most uncertain first, each session"),
        "random": _("at random, each session"),
    }
    names = {"active": _("most uncertain first, mean"), "random": _("at random, mean")}
    colors = {"active": "blue", "random": "orange"}
    curves = [
        curve(each[key], labels, r.result[key], "faint", colors[key])
        for key in names
        for r in results
    ]
    for key in names:
        mean = np.mean([r.result[key] for r in results], axis=0)
        curves.append(curve(names[key], labels, mean, color=colors[key]))
    title = _("Asking where unsure vs at random")
    return figure(title, _("labels given"), _("held-out accuracy"), curves, [])


def min_max_game(results: Sequence[SweepResult], sweep: Sweep) -> Figure:
    """Both paths in the (x, y) plane: descent–ascent spirals out, extragradient in."""
    runs = results[-1].result
    names = {"gda": _("descent–ascent"), "extragradient": _("extragradient")}
    colors = {"gda": "orange", "extragradient": "blue"}
    curves, marks = [], []
    for key in names:
        path = np.asarray(runs[key]["path"])
        curves.append(curve(names[key], path[:, 0], path[:, 1], color=colors[key]))
        radius = runs[key]["radius_end"]
        end = _("{method} ends at r = {radius:.2f}", method=names[key], radius=radius)
        marks.append(mark(path[-1, 0], path[-1, 1], end))
    marks += [mark(1.0, 0.0, _("start")), mark(0.0, 0.0, _("equilibrium (0, 0)"))]
    return figure(_("min over x, max over y of x·y"), _("x (the minimising player)"),
                  _("y (the maximising player)"), curves, marks, equal_axes=True)  # fmt: skip


PARTIAL: dict[str, Callable[[Sequence[SweepResult], Sweep], Figure]] = {
    "double-descent": double_descent,
    "double-descent-epochs": double_descent_epochs,
    "overparameterisation": overparameterisation,
    "depth-init": depth_init,
    "backprop-cost": backprop_cost,
    "active-learning": active_learning,
    "min-max-game": min_max_game,
}


def partial_figure(results: Sequence[SweepResult], sweep: Sweep) -> Figure | None:
    """The figure of the cells done so far (None before the first one)."""
    if not results:
        return None
    ordered = sorted(results, key=lambda r: r.index)
    return PARTIAL[sweep.experiment](ordered, sweep)


def summary(results: Sequence[SweepResult], sweep: Sweep) -> dict[str, Any]:
    """A few plain numbers of the cells done so far, for the panel's one-line result."""
    if sweep.experiment == "double-descent" and results:
        worst = max(results, key=lambda r: r.result["test"])
        return {"peak_p": worst.value, "peak_test_error": worst.result["test"]}
    return {"cells": len(results)}
