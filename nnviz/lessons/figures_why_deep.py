"""Plot-stage figures of "why deep learning works", drawn from the lessons' number functions."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nnviz.experiments.active_learning import active_learning
from nnviz.experiments.double_descent import INTERPOLATED
from nnviz.experiments.overparam import SEEDS, STEPS, WIDTHS, run_overparam
from nnviz.experiments.partial import overparam_figure
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
from nnviz.lessons.why_deep import (
    backprop_cost_numbers,
    depth_init_numbers,
    double_descent_epoch_numbers,
    double_descent_numbers,
    min_max_game_numbers,
)
from nnviz.text import _, capitalised


def threshold_label(n_train: int) -> str:
    """The vertical line's label at p = N."""
    return _("interpolation threshold p = N = {n_train}", n_train=n_train)


def double_descent_figure(n_train: int = 40, n_seeds: int = 20, seed: int = 0) -> Figure:
    """Test and training error against width p (log y), the threshold, early stopping, ridge."""
    numbers = double_descent_numbers(n_train=n_train, n_seeds=n_seeds, seed=seed)
    ps, train = numbers["ps"], numbers["train_error_by_p"]
    fitted = [(p, e) for p, e in zip(ps, train, strict=True) if e >= INTERPOLATED]  # 0 from N on
    where = numbers["interpolation_p"]
    if where:
        train_name = _("training error (0 from p = {where} on)", where=where)
    else:
        train_name = _("training error")
    curves = [
        curve(_("test error"), ps, numbers["test_error_by_p"], color="blue"),
        curve(train_name, [p for p, _ in fitted], [e for _, e in fitted], color="orange"),
        curve(
            _("test error, stopped early"), ps, numbers["early_stopping_by_p"], "dashed", "green"
        ),
        curve(_("test error, a little ridge"), ps, numbers["ridge_by_p"], "dashed", "purple"),
    ]
    worst = _(
        "worst test error {error:.3g} at p = {p}",
        error=numbers["peak_test_error"],
        p=numbers["peak_p"],
    )
    peak = mark(numbers["peak_p"], numbers["peak_test_error"], worst)
    return figure(
        _("Double descent: worst where the training error first reaches 0"),
        _("p (random features)"),
        _("mean squared error"),
        curves,
        [peak],
        log_y=True,
        vlines=[vline(numbers["n_train"], threshold_label(numbers["n_train"]))],
    )


def double_descent_epochs_figure(n_train: int = 40, n_seeds: int = 20, seed: int = 0) -> Figure:
    """Median test error over width p × training steps T (log colour)."""
    numbers = double_descent_epoch_numbers(n_train=n_train, n_seeds=n_seeds, seed=seed)
    by_step = np.asarray(numbers["grid"]).T  # the numbers' rows are widths; here rows are T
    grid = heatmap(
        numbers["ps"],
        numbers["steps"],
        by_step,
        _("p (random features)"),
        _("T (gradient-descent steps)"),
        label=_("test error"),
        log=True,
    )
    title = _("Test error over width and training time")
    lines = [vline(n_train, f"p = N = {n_train}")]  # maths only
    return figure(title, grid["x_label"], grid["y_label"], [], [], heatmap=grid, vlines=lines)


def depth_init_figure(depth: int = 10, steps: int = 400, seed: int = 0) -> Figure:
    """Per-layer gradient norms at the start (log bars) | the two loss curves and ln 2."""
    numbers = depth_init_numbers(depth=depth, steps=steps, seed=seed)
    names = {key: _("{scale:g}× Xavier", scale=scale) for key, scale in numbers["scales"].items()}
    names["xavier"] = "Xavier"
    colors = {"small": "orange", "xavier": "blue"}
    norms = numbers["grad_norm_by_layer"]
    chart = bars(
        [str(layer) for layer in range(1, numbers["depth"] + 1)],
        [bar_series(names[key], norms[key], colors[key]) for key in ("small", "xavier")],
        log_y=True,
    )
    left = figure(
        _("Gradient norm per layer at the start"), _("layer (1 = next to the inputs)"),
        "‖∂L/∂W‖", [], [], bars=chart,
    )  # fmt: skip
    losses = numbers["loss_curve"]
    n_steps = len(losses["small"]) - 1
    # ln 2 first, so the stalled curve is drawn over it (they coincide)
    curves = [curve(_("ln 2: always ½"), [0, n_steps], [numbers["ln2"]] * 2, "dashed", "grey")]
    curves += [
        curve(names[key], range(len(losses[key])), losses[key], color=colors[key])
        for key in ("small", "xavier")
    ]
    ends = [
        mark(n_steps, losses[key][-1], f"{names[key]}: {losses[key][-1]:.3g}")
        for key in ("small", "xavier")
    ]
    right = figure(capitalised(_("training loss")), _("gradient step"), _("log loss"), curves, ends)
    title = _(
        "A {depth}-layer tanh net: the initial scale decides if it trains", depth=numbers["depth"]
    )
    return panels_figure(title, [left, right])


def backprop_cost_figure(seed: int = 0) -> Figure:
    """Passes over the data and seconds per gradient: backprop vs finite differences (log y)."""
    numbers = backprop_cost_numbers(seed=seed)
    methods = [_("backprop"), _("finite differences")]
    passes = bars(
        methods,
        [
            bar_series(
                _("passes"), [numbers[f"passes_{k}"] for k in ("backprop", "finite_difference")]
            )
        ],
        log_y=True,
    )
    ms = [1000 * numbers[f"seconds_{k}"] for k in ("backprop", "finite_difference")]
    time = bars(methods, [bar_series(_("milliseconds"), ms, "orange")], log_y=True)
    title = _(
        "One gradient of {params} parameters, two ways (same answer)", params=numbers["params"]
    )
    return panels_figure(
        title,
        [
            figure(_("Passes over the data"), _("method"), _("passes"), [], [], bars=passes),
            figure(_("Time, measured now"), _("method"), _("milliseconds"), [], [], bars=time),
        ],
    )


def active_learning_figure(n_seeds: int = 10, seed: int = 0) -> Figure:
    """Held-out accuracy against labels: every seed faintly, the mean boldly, active vs random."""
    result = active_learning(n_seeds, seed)
    each = {"active": _("most uncertain first, each seed"), "random": _("at random, each seed")}
    mean = {"active": _("most uncertain first, mean"), "random": _("at random, mean")}
    colors = {"active": "blue", "random": "orange"}
    curves = []
    for key in ("active", "random"):
        for run in result.per_seed[key]:
            curves.append(curve(each[key], result.labels, run, "faint", colors[key]))
    for key in ("active", "random"):
        curves.append(curve(mean[key], result.labels, result.accuracy[key], color=colors[key]))
    return figure(
        _("Asking where the model is unsure beats labelling at random"),
        _("labels given"),
        _("held-out accuracy"),
        curves,
        [],
    )


def min_max_game_figure(lr: float = 0.1, steps: int = 100) -> Figure:
    """The two paths in the (x, y) plane from one start: descent–ascent out, extragradient in."""
    numbers = min_max_game_numbers(lr=lr, steps=steps)
    names = {"gda": _("descent–ascent"), "extragradient": _("extragradient")}
    colors = {"gda": "orange", "extragradient": "blue"}
    curves, marks = [], []
    for key in ("gda", "extragradient"):
        path = np.asarray(numbers["paths"][key])
        curves.append(curve(names[key], path[:, 0], path[:, 1], color=colors[key]))
        end = numbers["radius_end"][key]
        ends = _("{method} ends at r = {radius:.2f}", method=names[key], radius=end)
        marks.append(mark(path[-1, 0], path[-1, 1], ends))
    start = np.asarray(numbers["paths"]["gda"][0])
    marks += [mark(start[0], start[1], _("start")), mark(0.0, 0.0, _("equilibrium (0, 0)"))]
    return figure(
        _("min over x, max over y of x·y: simultaneous steps spiral out"),
        _("x (the minimising player)"),
        _("y (the maximising player)"),
        curves,
        marks,
        equal_axes=True,
    )


def overparameterisation_figure(seeds: int = SEEDS, steps: int = STEPS) -> Figure:
    """Success rate by width | spread of final losses | every run's loss curve, by width.

    The same ensemble run as the lesson's numbers (``nnviz.lessons.overparam``): its
    ``success_rate_by_width`` and ``loss_spread_by_width`` are the first two panels.
    """
    r = run_overparam(WIDTHS, seeds, steps)
    title = _(
        "Two spirals, {seeds} seeds per width: wider nets train from every seed", seeds=len(r.seeds)
    )
    return overparam_figure(
        r.widths, r.final_loss, r.final_accuracy, r.curve_steps, r.curves, title
    )


WHY_DEEP_FIGURES: dict[str, Callable[[], Figure]] = {
    "double-descent": double_descent_figure,
    "double-descent-epochs": double_descent_epochs_figure,
    "depth-init": depth_init_figure,
    "backprop-cost": backprop_cost_figure,
    "active-learning": active_learning_figure,
    "min-max-game": min_max_game_figure,
    "overparameterisation": overparameterisation_figure,
}
