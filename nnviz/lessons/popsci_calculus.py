"""Lesson numbers: the foggy mountain (one knob), the bowl (two knobs), the chain rule as gears."""

from __future__ import annotations

import numpy as np

from nnviz.graph import parse
from nnviz.graph.gears import gear_train
from nnviz.landscape.fog_walk import PROBE_DXS, LossAlongWeight, fog_walk
from nnviz.landscape.probe import secant_sequence
from nnviz.lessons.popsci_fitting import loss_grid, six_knob_fit
from nnviz.lessons.popsci_train import rounded
from nnviz.lessons.registry import lesson_numbers


def _along(knob: int, at: dict[int, float] | None = None) -> LossAlongWeight:
    """The six-knob fit's loss along k_knob (knob ≥ 1), the others at the fit or ``at``."""
    net, F, y, _, _ = six_knob_fit()
    net = net.copy()
    for k, value in (at or {}).items():
        net.weights[0][k - 1, 0] = value
    return LossAlongWeight(net, F, y, "mse", param_index=0, index=(knob - 1, 0))


@lesson_numbers("foggy-mountain")
def foggy_mountain(offset: float = 2.0, lr: float = 0.5, dx: float = 1e-4) -> dict:
    """Walk k1 of the six-knob fit downhill, seeing only the loss where it stands."""
    along = _along(1)
    best = along.start  # the fitted k1: the bottom of this valley
    start = best + offset
    report = fog_walk(along, start, lr=lr, dx=dx, probe_dxs=PROBE_DXS)
    ts = np.linspace(best - 1.5 * abs(offset), best + 1.5 * abs(offset), 61)
    return {
        "knob": "k1",
        "start": start,
        "secants": [[d, s] for d, s in report.secants],
        "slope": report.slope,
        "backprop_slope": along.derivative(start),
        "steps": report.steps,
        "evaluations": report.evaluations,
        "end": report.end,
        "best": best,
        "start_loss": report.values[0],
        "end_loss": report.values[-1],
        "status": report.status,
        "path": rounded(report.path, 5),
        "curve_t": rounded(ts),
        "curve_loss": rounded([along(t) for t in ts], 5),
    }


@lesson_numbers("bowl")
def bowl(k1: float | None = None, k2: float | None = None, dx: float = 1e-6) -> dict:
    """At a point (k1, k2): the slopes of the two axis cross-sections are the gradient."""
    net, F, y, _, _ = six_knob_fit()
    fitted = net.weights[0][:2, 0]
    point = [fitted[0] + 1.0 if k1 is None else k1, fitted[1] - 1.0 if k2 is None else k2]
    at = {1: point[0], 2: point[1]}
    sections = [_along(1, at), _along(2, at)]
    partials = [secant_sequence(s, p, (dx,))[0][1] for s, p in zip(sections, point, strict=True)]
    a, b, grid = loss_grid(net, F, y, (1, 2), half=2.5, n=21)
    return {
        "point": [float(v) for v in point],
        "partials": partials,
        "gradient_backprop": [s.derivative(p) for s, p in zip(sections, point, strict=True)],
        "loss_at_point": sections[0](point[0]),
        "fitted": fitted.tolist(),
        "surface": {"k1": rounded(a), "k2": rounded(b), "loss": rounded(grid, 5)},
    }


def _gears_numbers(outer: str, inner: str, x: float) -> dict:
    gears = gear_train(outer, inner, x)
    graph = parse(gears.formula, {"x": x})
    graph.forward()
    return {
        "formula": gears.formula,
        "values": list(gears.values),
        "ratios": list(gears.ratios),
        "product": gears.product,
        "derivative": graph.backward()["x"],  # the graph engine's backprop, for comparison
        "radii": list(gears.radii()),
        "angles": list(gears.angles(1.0)),  # when the input gear turns by 1 radian
    }


@lesson_numbers("gears")
def gears(x: float = 2.0) -> dict:
    """sin(log x) and log(sin x) at x as gear trains: the ratios and their product."""
    main = _gears_numbers("sin", "log", x)
    return {**main, "x": float(x), "swapped": _gears_numbers("log", "sin", x)}
