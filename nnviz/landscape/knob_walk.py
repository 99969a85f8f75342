"""The fog walk on the live network: one weight turned, every other held, only the feet seen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnviz.engine.problem import Problem
from nnviz.landscape.directions import Plane
from nnviz.landscape.fog_walk import CountedFogWalk, FogWalkReport, LossAlongWeight
from nnviz.landscape.params import ParamRef, flat_index, param_label
from nnviz.landscape.picture import CurvePicture, PathPicture
from nnviz.landscape.probe import veil
from nnviz.landscape.race_session import InputError
from nnviz.landscape.trajectory import plane_coordinates
from nnviz.text import _

Array = np.ndarray
Job = Callable[[Callable[[], bool]], Iterator[Any]]
MAX_STEPS = 10_000  # the most steps one request may ask for
ESCAPE = 1e6  # a knob beyond this has left the map (the walk diverged)
HALF_SPAN = 2.0  # the 1-D curve reaches at least this far either side of the walk
N_CURVE = 121
WALK_COLOR = (240, 228, 66)  # Okabe–Ito yellow: no racer's, and it shows on the dark valley


@dataclass(frozen=True)
class WalkPicture:
    """The walk for the 1-D plot: each place the walker stood and the loss it felt there."""

    xs: np.ndarray  # the knob's value at each stop, the start first
    ys: np.ndarray  # the loss at each stop (evaluated by the walker, not read off a curve)
    status: str  # "walking", "stopped" or "diverged"
    held: float = float("nan")  # the weight's value in the network (where the others are)


class KnobWalk:
    """A fog walk along one weight of a frozen copy of the network, a few steps at a time.

    The weights are copied when the walk starts: training may go on, the walk stays on the
    loss it started on. Every number comes from the engine (``LossAlongWeight``); after k
    steps ``report`` is exactly ``fog_walk(along, start, lr, dx, max_steps=k)``.
    """

    def __init__(
        self, problem: Problem, theta: Array, ref: ParamRef, start: float, lr: float, dx: float
    ) -> None:
        self.problem = problem  # read only (shared with the explorer, never written)
        self.theta = np.array(theta, dtype=float)
        self.k = flat_index(problem.net, ref)
        self.along = LossAlongWeight.on(problem, self.theta, ref)
        self.label, self.held = self.along.label, self.along.start
        self.lr, self.dx = float(lr), float(dx)
        self.walk = CountedFogWalk(self.along, start, lr=self.lr, dx=self.dx, tol=1e-6)
        self.start_slope = self.along.derivative(self.walk.start)  # backprop's, to compare
        self.curve: dict | None = None  # the loss over a range covering the walk (a job's)
        self.token = 0  # which curve job belongs to this walk
        self._settle()

    @property
    def report(self) -> FogWalkReport:
        """The walk so far, as ``fog_walk`` would report it."""
        return self._report

    def step(self, steps: int) -> int:
        """Up to ``steps`` steps downhill; how many were taken."""
        taken = self.walk.run(steps)
        self._settle()
        return taken

    def _settle(self) -> None:
        """Read the report, and the probe at the walker's feet (shown, not counted as looks)."""
        self._report = self.walk.report()
        x = self.walk.walker.x
        y_dx = self.along(x + self.dx) if np.isfinite(x) else float("nan")
        self.feet = (x, self._report.values[-1], y_dx, self.along.derivative(x))

    # ----- the 1-D curve -----------------------------------------------------------------------
    def needs_curve(self) -> bool:
        """No curve yet, or the walker has left the part of the knob it covers."""
        if self.curve is None:
            return True
        lo, hi = self.curve["xs"][0], self.curve["xs"][-1]
        return any(not lo <= x <= hi for x in self._report.path)

    def curve_job(self, token: int) -> Job:
        """The loss along the knob over a range that covers the start, the path and the weight."""
        self.token = token
        stops = [*self._report.path, self.held]
        lo, hi = min(stops), max(stops)
        mid, half = (lo + hi) / 2, max(0.65 * (hi - lo), HALF_SPAN)
        xs = np.linspace(mid - half, mid + half, N_CURVE)
        problem, theta, k = self.problem, self.theta, self.k

        def job(cancelled: Callable[[], bool]) -> Iterator[Any]:
            thetas = np.repeat(theta[None, :], len(xs), axis=0)
            thetas[:, k] = xs  # every other weight held where it was
            yield {"token": token, "xs": xs, "values": problem.loss_at(thetas)}

        return job

    # ----- pictures ----------------------------------------------------------------------------
    def curve_picture(self, fog: bool) -> CurvePicture | None:
        """The 1-D panel of this walk: the curve (in fog, what was seen), the probe at its feet."""
        if self.curve is None:
            return None
        xs, values = self.curve["xs"], np.array(self.curve["values"], dtype=float)
        x, y, y_dx, slope = self.feet
        if fog:  # the walker has seen only where it looked
            seen = [*self.walk.walker.seen, x, x + self.dx]
            values = veil(xs, values, seen, max(abs(self.dx), (xs[-1] - xs[0]) / 80))
        return CurvePicture(
            xs, values, x, y, self.dx, (y_dx - y) / self.dx, slope,
            _("knob {weight}", weight=self.label), fog,
            _("backprop dL/d{weight}", weight=self.label),
        )  # fmt: skip

    def on_slice(self, plane: Plane | None) -> PathPicture | None:
        """The walk on the two-weight slice when its weight is one of the slice's axes.

        Each stop is θ with this weight moved, placed on the plane by least squares; where the
        other weights have since moved on (training went on), the stops lie off the plane and
        are drawn hollow, as the training path's are.
        """
        if (
            plane is None
            or plane.kind != "weights"
            or 1.0 not in (plane.d1[self.k], plane.d2[self.k])
        ):
            return None
        r = self._report
        points = np.repeat(self.theta[None, :], len(r.path), axis=0)
        points[:, self.k] = r.path
        ab, residual = plane_coordinates(points, plane.center, plane.d1, plane.d2)
        span = np.linalg.norm(points - plane.center, axis=1)
        dist = np.linalg.norm(residual, axis=1)
        off = np.divide(dist, span, out=np.zeros_like(dist), where=span > 1e-12)
        name = _("fog walk along {weight}", weight=self.label)
        return PathPicture(name, WALK_COLOR, ab[:, 0], ab[:, 1], r.values[-1], off_plane=off)

    def picture(self) -> WalkPicture:
        """Where the walker has stood and the loss it felt at each place."""
        r = self._report
        return WalkPicture(np.array(r.path), np.array(r.values), r.status, self.held)


def start_walk(
    problem: Problem | None,
    theta: Array | None,
    ref: ParamRef,
    at: float | None,
    offset: float,
    lr: float,
    dx: float,
) -> KnobWalk:
    """A new walk on the network's weights now, at ``at`` (None: the weight's value) + offset."""
    if problem is None or theta is None:
        raise InputError(_("The walk needs the live network: train it a little first."))
    for value in (offset, *(() if at is None else (at,))):
        if not np.isfinite(value):
            raise InputError(_("the walk must start at a finite number"))
    k = flat_index(problem.net, ref)
    start = (float(theta[k]) if at is None else float(at)) + float(offset)
    if abs(start) > ESCAPE:
        raise InputError(_("start the walk between −10⁶ and 10⁶"))
    return KnobWalk(problem, theta, ref, start, lr, dx)


def check_steps(steps: int) -> int:
    """A whole number of steps from 1 to MAX_STEPS, or a message."""
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer):
        raise InputError(_("walk a whole number of steps"))
    if not 1 <= steps <= MAX_STEPS:
        raise InputError(_("walk 1 to {most} steps at a time", most=MAX_STEPS))
    return int(steps)


def weight_curve_job(problem: Problem, theta: Array, ref: ParamRef, dx: float) -> Job:
    """The live 1-D panel along one weight: the curve, the Δx probe and backprop's slope."""
    k = flat_index(problem.net, ref)
    label = param_label(problem.net, ref)
    theta, at = np.array(theta, dtype=float), float(theta[k])
    xs = at + np.linspace(-HALF_SPAN, HALF_SPAN, N_CURVE)

    def job(cancelled: Callable[[], bool]) -> Iterator[Any]:
        thetas = np.repeat(theta[None, :], len(xs) + 2, axis=0)
        thetas[:, k] = np.r_[xs, at, at + dx]  # the curve, then the probe's two points
        values = problem.loss_at(thetas)
        slope = float(problem.gradient(theta)[k])  # dL/dw by backprop
        yield dict(
            kind="weight", xs=xs, values=values[:-2], at=at, y=values[-2], y_dx=values[-1],
            dx=dx, derivative=slope, label=_("knob {weight}", weight=label), marks=(),
        )  # fmt: skip

    return job
