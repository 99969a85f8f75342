"""The live network's loss landscape: which plane, the recorded path, and the jobs to compute."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from nnviz.engine.mlp import MLP
from nnviz.engine.problem import Problem
from nnviz.landscape.contours import Shading, shadings
from nnviz.landscape.directions import (
    Plane,
    pca_plane,
    random_directions,
    random_plane,
    weight_plane,
)
from nnviz.landscape.params import ParamRef, flat_index, param_label
from nnviz.landscape.race_session import InputError
from nnviz.landscape.slices import Surface, progressive_slice
from nnviz.landscape.trajectory import (
    Projection,
    Ranges,
    TrajectoryRecorder,
    kept_ranges,
    plane_coordinates,
    project,
)
from nnviz.text import _

Array = np.ndarray
Job = Callable[[Callable[[], bool]], Iterator[Any]]
PLANES = {
    "weights": "Two chosen weights (Shift+click edges in the network)",
    "random": "Random filter-normalised directions",
    "pca": "PCA of the training path",
}
KNOBS = {
    "weight": "along the first chosen weight",
    "random": "along a random direction",
    "interp": "initial → current weights",
}


def plane_title(key: str) -> str:
    """A ``PLANES`` entry (English, the key's meaning) in the current language."""
    words = {
        "weights": _("Two chosen weights (Shift+click edges in the network)"),
        "random": _("Random filter-normalised directions"),
        "pca": _("PCA of the training path"),
    }
    return words.get(key, PLANES.get(key, key))


def knob_title(key: str) -> str:
    """A ``KNOBS`` entry (English, the key's meaning) in the current language."""
    words = {
        "weight": _("along the first chosen weight"),
        "random": _("along a random direction"),
        "interp": _("initial → current weights"),
    }
    return words.get(key, KNOBS.get(key, key))


SIZES = (17, 51)  # coarse preview first, then the refined grid


STALE_OFF_PLANE = 0.5  # re-centre once the weights are half the grid's reach off the plane


class NetworkLandscape:
    """The slice plane, the training path on it, and the 1-D curve of the live network."""

    def __init__(self) -> None:
        self.kind, self.knob = "weights", "interp"
        self.picks: list[ParamRef] = []
        self.recorder = TrajectoryRecorder(400)
        self.problem: Problem | None = None
        self.theta: Array | None = None
        self.grad: Array | None = None  # the last mini-batch gradient, from the snapshot
        self.plane: Plane | None = None
        self.surface: Surface | None = None
        self.shades: tuple[Shading, Shading] | None = None  # the surface's colours and contours
        self.pending: Plane | None = None  # a re-centred plane whose grid is on its way
        self.projection: Projection | None = None
        self.curve: dict | None = None
        self.direction: Array | None = None  # the 1-D random direction, kept between frames
        self.arch: tuple = ()
        self.seed = 0
        self.busy: set[str] = set()  # job keys in flight (so live updates do not pile up)

    # ----- live state in ---------------------------------------------------------------------
    def observe(self, problem: Problem, theta: Array, step: int, grad: Array | None) -> None:
        """A new training snapshot: remember θ on the path; drop everything a reset obsoletes."""
        arch = (tuple(problem.net.sizes), tuple(problem.net.activations), problem.net.bias)
        if arch != self.arch or (self.recorder.latest and step < self.recorder.latest[0]):
            self.recorder.clear()  # a new network or a reset: a new path
            self.forget_surface(plane=True)
            self.curve = None
            self.direction = None
            if arch != self.arch:
                self.picks = []
        elif self.problem is not None and _problem_changed(self.problem, problem):
            self.forget_surface(plane=False)  # new data or loss: the old heights are wrong
        self.arch, self.problem = arch, problem
        self.theta, self.grad = np.array(theta, dtype=float), grad
        self.recorder.record(step, self.theta)

    def pick(self, ref: ParamRef) -> str:
        """A weight chosen in the network graph becomes the newest of the two axes."""
        if self.problem is None:
            raise InputError(_("the network has not started yet"))
        k = flat_index(self.problem.net, ref)
        old = [r for r in self.picks if flat_index(self.problem.net, r) != k]
        self.picks = [*old[-1:], ref]
        self.kind = "weights"
        self.forget_surface(plane=True)
        names = ", ".join(param_label(self.problem.net, r) for r in self.picks)
        if len(self.picks) == 2:
            return _("Landscape axes: {names}.", names=names)
        return _(
            "Landscape axes: {names}.  Shift+click one more edge for the second axis.", names=names
        )

    def forget_surface(self, plane: bool) -> None:
        """Drop the surface, its colours and the path's projection (and the plane, if asked);
        a grid still on its way for a re-centred plane is not wanted any more either."""
        self.surface = self.shades = self.projection = self.pending = None
        if plane:
            self.plane = None

    def install(self, plane: Plane, surface: Surface, shades: tuple[Shading, Shading]) -> None:
        """A slice result: a re-centred plane replaces the old one together with its grid."""
        if plane is self.pending:
            self.plane, self.pending, self.projection = plane, None, None
        if plane is self.plane:
            self.surface, self.shades = surface, shades

    # ----- planes ----------------------------------------------------------------------------
    def make_plane(self) -> Plane:
        """The plane of the current kind through the current weights."""
        if self.problem is None or self.theta is None:
            raise InputError(_("the network has not started yet"))
        net = self.problem.net.copy()
        net.set_flat(self.theta)
        if self.kind == "weights":
            refs = self._weight_refs(net)
            return weight_plane(net, refs[0], refs[1])
        if self.kind == "random":
            return random_plane(net, np.random.default_rng(self.seed))
        points = self.recorder.points
        if len(points) < 3 or not np.any(np.ptp(points, axis=0) > 0):
            raise InputError(_("PCA needs a recorded path: train a few epochs first"))
        return pca_plane(points)

    def _weight_refs(self, net: MLP) -> list[ParamRef]:
        refs = list(self.picks)
        defaults: list[ParamRef] = [(0, 0, 0), (0, 1, 0) if net.sizes[0] > 1 else (0, 0, 1)]
        for d in defaults:
            if len(refs) < 2 and all(flat_index(net, r) != flat_index(net, d) for r in refs):
                refs.append(d)
        return refs[:2]

    def coords(self, plane: Plane | None = None) -> tuple[Array, Array]:
        """Every recorded θ placed on the plane (default: the one shown): (a, b) by least
        squares, and the relative distance from the plane (0 = on it, 1 = straight off it)."""
        p = plane or self.plane
        assert p is not None
        pts = self.recorder.points
        ab, residual = plane_coordinates(pts, p.center, p.d1, p.d2)
        span = np.linalg.norm(pts - p.center, axis=1)
        dist = np.linalg.norm(residual, axis=1)
        return ab, np.divide(dist, span, out=np.zeros_like(dist), where=span > 1e-12)

    def needs_slice(self) -> bool:
        """No surface yet, or the newest point has left the computed region.

        Leaving it can happen sideways too: when every *other* weight has moved (a two-weight
        slice while training), the current weights lie far off the plane and its contours no
        longer describe them, so the plane is re-centred on them.
        """
        if self.plane is None or self.surface is None:
            return True
        ab, rel = self.coords()
        a, b = ab[-1]
        if not self.surface.contains(float(a), float(b)):
            return True
        p, s = self.plane, self.surface
        off = rel[-1] * np.linalg.norm(self.recorder.points[-1] - p.center)
        half_a = 0.5 * np.ptp(s.alphas) * np.linalg.norm(p.d1)  # the grid's reach in θ-space
        half_b = 0.5 * np.ptp(s.betas) * np.linalg.norm(p.d2)
        reach = min(half_a, half_b)
        return bool(off > STALE_OFF_PLANE * reach)

    # ----- jobs ------------------------------------------------------------------------------
    def slice_job(self, recentre: bool = False) -> Job:
        """Make a fresh plane (a new centre) and return the job that evaluates it.

        A ``recentre`` while a surface is shown keeps that surface (and its plane) on screen
        until the new grid is ready, and skips the coarse preview: a new plane a second while
        training costs one grid, not two, and the picture never blanks. Otherwise the old
        surface goes at once and the coarse preview comes first.
        """
        plane = self.make_plane()
        keep = recentre and self.surface is not None
        if keep:
            self.pending = plane
        else:
            self.forget_surface(plane=True)
            self.plane = plane
        sizes = SIZES[-1:] if keep else SIZES
        ab, _values = self.coords(plane)
        minimum = 2.0 if plane.kind != "pca" else 0.5
        # Two weights' own values are the axes: a new centre keeps the extent shown while the
        # path still fills it (the plot then keeps its axes and cached pictures).
        same_axes = keep and plane.kind == "weights" and self._shown_kind() == "weights"
        shown = self._shown_ranges() if same_axes else None
        a_range, b_range = kept_ranges(shown, ab, margin=0.2, minimum=minimum)
        problem = self.problem
        assert problem is not None

        def job(cancelled: Callable[[], bool]) -> Iterator[Any]:
            for s in progressive_slice(
                problem, plane.center, plane.d1, plane.d2, a_range, b_range, sizes, cancelled,
                (plane.x_label, plane.y_label),
            ):  # fmt: skip
                # The colours and contour lines too, here off the GUI thread.
                yield plane, s, shadings(s.values, s.alphas, s.betas)

        return job

    def _shown_kind(self) -> str | None:
        return None if self.plane is None else self.plane.kind

    def _shown_ranges(self) -> Ranges | None:
        """The extent of the surface on screen: (a range, b range)."""
        s = self.surface
        if s is None or not len(s.alphas) or not len(s.betas):
            return None
        return (float(s.alphas[0]), float(s.alphas[-1])), (float(s.betas[0]), float(s.betas[-1]))

    def project_job(self) -> Job:
        """The true loss along the recorded path and in the plane under it (honest drawing)."""
        plane, problem, pts = self.plane, self.problem, self.recorder.points
        assert plane is not None and problem is not None

        def job(cancelled: Callable[[], bool]) -> Iterator[Any]:
            yield plane, project(problem, pts, plane.center, plane.d1, plane.d2)

        return job

    def curve_job(self, dx: float) -> Job:
        """The 1-D slice of the chosen kind with its probe points and exact slope."""
        if self.problem is None or self.theta is None:
            raise InputError(_("the network has not started yet"))
        problem, theta, kind = self.problem, self.theta.copy(), self.knob
        if kind == "weight":
            net = problem.net.copy()
            ref = self._weight_refs(net)[0]
            k = flat_index(net, ref)
            center, d, at = theta.copy(), np.zeros_like(theta), float(theta[k])
            center[k], d[k] = 0.0, 1.0
            xs, label = at + np.linspace(-2.0, 2.0, 121), param_label(net, ref)
        elif kind == "random":
            if self.direction is None:
                net = problem.net.copy()
                net.set_flat(theta)
                rng = np.random.default_rng(self.seed + 1)
                self.direction = random_directions(net, rng)[0]
            center, d, at = theta, self.direction, 0.0
            xs, label = (
                np.linspace(-1.0, 1.0, 121),
                _("t along a random filter-normalised direction"),
            )
        else:
            center, d, at = self.recorder.initial, theta - self.recorder.initial, 1.0
            xs, label = np.linspace(-0.25, 1.25, 121), _("t   (0 = initial weights, 1 = now)")

        def job(cancelled: Callable[[], bool]) -> Iterator[Any]:
            # Curve, probe points and the exact slope dL/dt = ∇L(θ)·d (chain rule), in float64.
            thetas = center + np.r_[xs, at, at + dx][:, None] * d
            values = problem.loss_at(thetas)
            slope = float(problem.gradient(center + at * d) @ d)
            marks = (("init", 0.0), ("now", 1.0)) if kind == "interp" else ()
            yield dict(
                kind=kind, xs=xs, values=values[:-2], at=at, y=values[-2], y_dx=values[-1],
                dx=dx, derivative=slope, label=label, marks=marks,
            )  # fmt: skip

        return job


def _problem_changed(old: Problem, new: Problem) -> bool:
    """True if the data or the loss differ (then the heights on the old surface are wrong)."""
    same = (old.loss, old.l1, old.l2) == (new.loss, new.l1, new.l2)
    return not (same and old.X.shape == new.X.shape and np.array_equal(old.X, new.X))
