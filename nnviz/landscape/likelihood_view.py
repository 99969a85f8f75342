"""The landscape's likelihood mode: ll(w1, w2) as a hill and several gradient paths up it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.landscape.draw import legend
from nnviz.landscape.paths import (
    PATH_KINDS,
    GradientPath,
    ascent_path,
    best_weights,
    descent_path,
    gradient_paths,
    ll_and_grad,
    ll_surface,
)
from nnviz.landscape.picture import LandscapePicture, PathPicture, SurfacePicture
from nnviz.landscape.requests import LIKELIHOOD_PATHS, ShowLikelihoodPaths
from nnviz.text import _

Array = np.ndarray
LIKELIHOOD_KINDS = LIKELIHOOD_PATHS
# Okabe–Ito colours that read on viridis; descent is drawn as dots on the ascent line.
COLORS = {
    "ascent": (255, 255, 255),
    "descent": (0, 0, 0),
    "batch": (230, 159, 0),
    "sgd": (213, 94, 0),
    "minibatch": (204, 121, 167),
}
RESOLUTION = 61
MAX_POINTS = 5000


@dataclass(frozen=True)
class LikelihoodScene:
    """Everything one request computed: the hill, the paths and the ascent/descent check."""

    request: ShowLikelihoodPaths
    surface: SurfacePicture
    top: tuple[float, float]
    ll_top: float
    paths: dict[str, GradientPath]
    ascent: Array | None
    descent: Array | None

    @property
    def max_difference(self) -> float | None:
        """max |ascent − descent| over every coordinate of every step (0: the same path)."""
        if self.ascent is None or self.descent is None:
            return None
        return float(np.max(np.abs(self.ascent - self.descent)))


def likelihood_scene(r: ShowLikelihoodPaths) -> LikelihoodScene:
    """Compute the hill and every asked-for path; ValueError names anything wrong."""
    X, y = _checked_points(r)
    kinds = tuple(r.kinds)
    if not kinds or any(k not in LIKELIHOOD_KINDS for k in kinds):
        raise ValueError(_("paths are chosen from {kinds}", kinds=", ".join(LIKELIHOOD_KINDS)))
    if not (np.isfinite(r.lr) and r.lr > 0) or not np.all(np.isfinite(r.start)):
        raise ValueError(_("the paths need a positive learning rate and a finite start"))
    climbs = [k for k in kinds if k in PATH_KINDS] or ["batch"]  # batch sets the step count
    paths = gradient_paths(
        X, y, r.start, r.lr, climbs, int(r.batch_size), float(r.tol), seed=int(r.seed)
    )
    ascent = descent = None
    if "ascent" in kinds or "descent" in kinds:
        # ll sums over the points, so ascent with α/N on ll is batch ascent with α on the mean.
        steps = paths["batch"].steps_to_converge if "batch" in paths else None
        steps = steps or len(paths[climbs[0]].points) - 1
        ascent = ascent_path(X, y, r.start, r.lr / len(X), steps)
        descent = descent_path(X, y, r.start, r.lr / len(X), steps)
    paths = {k: p for k, p in paths.items() if k in kinds}
    top = best_weights(X, y, r.start)
    corners = [top[None, :], *(p.points for p in paths.values())]
    corners += [a for a in (ascent, descent) if a is not None]
    w1s, w2s = _grid(np.concatenate(corners))
    s = ll_surface(X, y, w1s, w2s)
    title = "ll(w1, w2): uphill is better"
    pic = SurfacePicture(s.alphas, s.betas, s.values, "w1", "w2", title, value_label="ll")
    ll_top = ll_and_grad(X, y, top.tolist())[0]
    return LikelihoodScene(r, pic, (float(top[0]), float(top[1])), ll_top, paths, ascent, descent)


def _checked_points(r: ShowLikelihoodPaths) -> tuple[Array, Array]:
    rows = np.asarray(r.points, dtype=float)
    if rows.ndim != 2 or rows.shape[1] != 3 or not 2 <= len(rows) <= MAX_POINTS:
        raise ValueError(
            _("the likelihood hill needs 2 to 5000 two-feature points (x1, x2, label)")
        )
    if not np.all(np.isfinite(rows)) or not np.all(np.isin(rows[:, 2], (0, 1))):
        raise ValueError(_("the points must be finite, with labels 0 or 1"))
    return rows[:, :2], rows[:, 2].astype(int)


def _grid(points: Array) -> tuple[Array, Array]:
    """Weight axes that hold every path and the top, with a margin, square in scale."""
    lo, hi = points.min(axis=0), points.max(axis=0)
    centre, half = (lo + hi) / 2, max(float(np.max(hi - lo)) * 0.6, 1.0)
    return tuple(np.linspace(c - half, c + half, RESOLUTION) for c in centre)  # type: ignore[return-value]


def likelihood_picture(scene: LikelihoodScene, seq: int) -> LandscapePicture:
    """The frame: the hill, every path (ball at its end), a legend with the step counts."""
    paths = [_path_picture(scene, k) for k in scene.request.kinds]
    # Drawn wildest first, so the stochastic zig-zag does not hide the batch line; descent
    # (black dots) and ascent (a white line through them) on top of the batch path they equal.
    order = {k: i for i, k in enumerate(("sgd", "minibatch", "batch", "descent", "ascent"))}
    drawn = sorted(zip(scene.request.kinds, paths, strict=True), key=lambda kp: order[kp[0]])
    return LandscapePicture(
        scene.surface,
        tuple(p for _, p in drawn),
        None,
        _caption(scene),
        tuple(_line(scene, k) for k in scene.request.kinds),
        seq,
        legend=legend(paths),
        plot_legend=True,
        one_d_panel=False,  # a 2-weight hill has no knob to slice: the surface gets the room
    )


def _points_of(scene: LikelihoodScene, kind: str) -> Array:
    if kind == "ascent":
        return scene.ascent  # type: ignore[return-value]
    if kind == "descent":
        return scene.descent  # type: ignore[return-value]
    return scene.paths[kind].points


def _path_picture(scene: LikelihoodScene, kind: str) -> PathPicture:
    pts = _points_of(scene, kind)
    r = scene.request
    X, y = (np.asarray(r.points, float)[:, :2], np.asarray(r.points)[:, 2].astype(int))
    ll = ll_and_grad(X, y, pts[-1].tolist())[0]
    # Descent is drawn as a dot on every step, so it shows lying on the ascent line. No
    # gradient arrows: at the top, where every path ends, the gradient is about zero.
    dots = np.zeros(len(pts)) if kind == "descent" else None
    return PathPicture(_name(scene, kind), COLORS[kind], pts[:, 0], pts[:, 1], -ll, off_plane=dots)


def _name(scene: LikelihoodScene, kind: str) -> str:
    """The legend entry: which path and how many steps it took."""
    if kind in ("ascent", "descent"):
        steps = len(_points_of(scene, kind)) - 1
        what = "ascent on ll (w ← w + α∇ll)" if kind == "ascent" else "descent on −ll (dots)"
        return f"{what}: {steps} steps"
    p = scene.paths[kind]
    what = {"batch": "batch", "sgd": "stochastic (1 point)"}.get(
        kind, f"mini-batch ({scene.request.batch_size} points)"
    )
    if p.steps_to_converge is None:
        return f"{what}: not there in {len(p.points) - 1} steps"
    return f"{what}: {p.steps_to_converge} steps"


def _line(scene: LikelihoodScene, kind: str) -> str:
    if kind in ("ascent", "descent"):
        return f"<b>{_name(scene, kind)}</b>"
    p = scene.paths[kind]
    work = "" if p.points_touched is None else f" ({p.points_touched} point-gradients)"
    return f"<b>{_name(scene, kind)}</b>{work}"


def _caption(scene: LikelihoodScene) -> str:
    r = scene.request
    (a, b), n = scene.top, len(r.points)
    lines = [
        "<b>The log-likelihood ll(w1, w2) = Σ log P(y_i | x_i) of "
        "P(y=1|x) = σ(w1·x1 + w2·x2)</b>, shown uphill (colour = ll, higher is better).",
        f"{n} points; the top is w = ({a:.3f}, {b:.3f}) with ll = {_minus(scene.ll_top)}. "
        f"Every path starts at w = ({r.start[0]:g}, {r.start[1]:g}) with α = {r.lr:g}; steps "
        f"count until a path is within {r.tol:g} of the top.",
    ]
    diff = scene.max_difference
    if diff is not None:
        lines.append(
            f"Ascent on ll and descent on −ll are the same path: max difference {diff:.3g}; "
            "batch ascent (α on the mean gradient = α/N on the sum) is that path too."
        )
    return "<br>".join(lines)


def _minus(v: float) -> str:
    """A number with a real minus sign, to four decimals."""
    return f"{v:.4f}".replace("-", "−")
