"""Turn landscape results (surfaces, racers, curves) into the frozen pictures the view draws."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from nnviz.landscape.contours import Shading
from nnviz.landscape.picture import CurvePicture, PathPicture, SurfacePicture
from nnviz.landscape.probe import secant_slope, veil
from nnviz.landscape.race import Racer
from nnviz.landscape.slices import Surface
from nnviz.text import _

Array = np.ndarray
# Okabe–Ito colours (colour-blind safe), bright enough to read on the dark end of viridis.
RACER_COLORS = {
    "sgd": (255, 255, 255),
    "momentum": (230, 159, 0),
    "nesterov": (213, 94, 0),
    "adagrad": (86, 180, 233),
    "rmsprop": (0, 158, 115),
    "adam": (204, 121, 167),
}
TRAINING_COLOR = (220, 20, 60)
# A racer's state as the picture keeps it (English keys, which the views compare with).
STATUS_WORDS = {"diverged": "diverged", "converged": "converged", "running": ""}


def status_word(status: str) -> str:
    """A racer's state (a ``STATUS_WORDS`` value) as the legend says it, in the current language."""
    words = {"diverged": _("diverged"), "converged": _("converged")}
    return words.get(status, status)


def surface_picture(
    s: Surface, title: str, shades: tuple[Shading, Shading] | None = None
) -> SurfacePicture:
    """A slice result (and its colourings, if made ahead) as the view's surface picture."""
    return SurfacePicture(
        s.alphas, s.betas, s.values, s.x_label, s.y_label, title, s.refined, shades=shades
    )


def racer_path(racer: Racer, color: tuple[int, int, int] | None = None) -> PathPicture:
    """One racer's trail, ball and glyph vectors (None where not finite, e.g. after divergence)."""
    pts = racer.path.points
    xs, ys = (pts[:, 0], pts[:, 1]) if len(pts) else (np.empty(0), np.empty(0))
    return PathPicture(
        racer.label,
        color or RACER_COLORS.get(racer.kind, (255, 255, 255)),
        np.array(xs),
        np.array(ys),
        loss=racer.loss,
        gradient=finite_pair(racer.gradient),
        momentum=finite_pair(racer.momentum),
        squared=finite_pair(racer.squared),
        status=STATUS_WORDS.get(racer.status, racer.status),
    )


def finite_pair(v: Array | None) -> tuple[float, float] | None:
    """(v0, v1) if both are finite numbers, else None (nothing to draw)."""
    if v is None:
        return None
    v = np.asarray(v, dtype=float).ravel()
    if len(v) < 2 or not np.all(np.isfinite(v[:2])):
        return None
    return float(v[0]), float(v[1])


def legend(paths: Iterable[PathPicture]) -> tuple[tuple[str, tuple[int, int, int]], ...]:
    """(name — status, colour) of each path, for the plot's legend."""
    return tuple(
        (p.name + (f" — {status_word(p.status)}" if p.status else ""), p.color) for p in paths
    )


def probe_curve(
    f: Callable[[float], float],
    xs: Array,
    x: float,
    dx: float,
    derivative: float,
    label: str,
    fog: bool,
    seen: Iterable[float] = (),
    derivative_label: str = "derivative",
    walked: Array | None = None,
) -> CurvePicture:
    """The 1-D panel: f over xs, the secant from x to x + Δx and the exact slope at x.

    With ``fog`` only the neighbourhoods of the points evaluated so far are shown (the
    foggy mountain: you see only where you have stood).
    """
    with np.errstate(all="ignore"):
        values = np.array([f(float(t)) for t in xs], dtype=float)
        y, slope = float(f(x)), float(secant_slope(f, x, dx))
    if fog:
        radius = max(abs(dx), (xs[-1] - xs[0]) / 80)
        values = veil(xs, values, [*seen, x, x + dx], radius)
    return CurvePicture(
        np.asarray(xs, dtype=float),
        values,
        float(x),
        y,
        float(dx),
        slope,
        float(derivative),
        label,
        fog,
        derivative_label,
        walked=walked,
    )
