"""Record the weights along training and place the path honestly on a slice plane."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.engine.problem import Problem
from nnviz.landscape.evaluate import losses_at
from nnviz.landscape.slices import frozen_array
from nnviz.text import _

Array = np.ndarray


class BoundedPath:
    """A history of vectors that never holds more than ``max_points`` of them.

    Every ``stride``-th step is kept; when the store is full every other kept point is
    dropped and the stride doubles, so a long run keeps evenly spaced points from start to
    end. The first point and the most recent one (``latest``) are always available.
    """

    def __init__(self, max_points: int = 1000) -> None:
        if max_points < 2:
            raise ValueError(_("a bounded path needs room for at least 2 points"))
        self.max_points = int(max_points)
        self.stride = 1
        self._steps: list[int] = []
        self._points: list[Array] = []
        self.latest: tuple[int, Array] | None = None

    def __len__(self) -> int:
        return len(self._points)

    def add(self, step: int, point: Array) -> None:
        """Offer the vector reached at ``step`` (steps count 0, 1, 2, …)."""
        point = np.array(point, dtype=float)
        self.latest = (int(step), point)
        if step % self.stride:
            return
        self._steps.append(int(step))
        self._points.append(point)
        if len(self._points) > self.max_points:
            self._steps, self._points = self._steps[::2], self._points[::2]
            self.stride *= 2

    @property
    def steps(self) -> Array:
        """The step number of each point in :attr:`points` (the latest included)."""
        extra = self._unkept_latest()
        return np.array(self._steps + ([extra[0]] if extra else []), dtype=int)

    @property
    def points(self) -> Array:
        """The kept points, ending with the latest one, shape (T, dim)."""
        extra = self._unkept_latest()
        pts = self._points + ([extra[1]] if extra else [])
        return np.array(pts) if pts else np.empty((0, 0))

    def _unkept_latest(self) -> tuple[int, Array] | None:
        """The latest point if the stride skipped it (so it must be added when drawing)."""
        if self.latest is None or (self._steps and self._steps[-1] == self.latest[0]):
            return None
        return self.latest

    def clear(self) -> None:
        """Forget everything (a new run)."""
        self.stride = 1
        self._steps, self._points = [], []
        self.latest = None


class TrajectoryRecorder(BoundedPath):
    """θ along training: call ``record(step, net.get_flat())`` after each update."""

    def record(self, step: int, theta: Array) -> None:
        """Remember θ after ``step`` updates (step 0 = the initial weights)."""
        self.add(step, theta)

    @property
    def initial(self) -> Array:
        """The first recorded θ (the weights training started from)."""
        if not self._points:
            raise ValueError(_("nothing has been recorded yet"))
        return self._points[0].copy()


@dataclass(frozen=True)
class Projection:
    """A path placed on the plane center + a·d1 + b·d2, with what the plane hides.

    For each point θ_t: ``coords[t] = (a_t, b_t)``; ``residual[t]`` = θ_t − (center + a_t·d1
    + b_t·d2), the part of θ_t off the plane; ``distance[t]`` = ‖residual[t]‖;
    ``relative[t]`` = distance / ‖θ_t − center‖ (0 on the plane, 1 when straight off it);
    ``true_loss[t]`` = L(θ_t), the loss the network really had; ``plane_loss[t]`` = L at
    the projected point, which is what the contours under the drawn point show.
    """

    coords: Array
    residual: Array
    distance: Array
    relative: Array
    true_loss: Array
    plane_loss: Array

    def __post_init__(self) -> None:
        for name in ("coords", "residual", "distance", "relative", "true_loss", "plane_loss"):
            object.__setattr__(self, name, frozen_array(getattr(self, name)))

    @property
    def loss_gap(self) -> Array:
        """true_loss − plane_loss: how wrong the contours under each drawn point are."""
        return self.true_loss - self.plane_loss

    def leaves_plane(self, tolerance: float = 0.05) -> bool:
        """True if some point is more than ``tolerance`` (relative) off the plane."""
        return bool(np.any(self.relative > tolerance))


def plane_coordinates(points: Array, center: Array, d1: Array, d2: Array) -> tuple[Array, Array]:
    """Least-squares (a, b) of each point, and the residual vectors left over.

    Solves min ‖(θ_t − center) − [d1 d2]·(a, b)ᵀ‖ for every t at once; this is right even
    when d1 and d2 are not orthogonal (a plain dot product would not be). The residual is
    perpendicular to the plane, so center + a·d1 + b·d2 + residual = θ_t exactly.
    """
    offsets = np.atleast_2d(np.asarray(points, dtype=float)) - center
    basis = np.column_stack([d1, d2])  # (n_params, 2)
    coords = np.linalg.lstsq(basis, offsets.T, rcond=None)[0].T  # (T, 2)
    return coords, offsets - coords @ basis.T


def project(problem: Problem, trajectory: Array, center: Array, d1: Array, d2: Array) -> Projection:
    """Place a recorded path (T, n_params) on a slice plane and say how far it strays.

    Coordinates by least squares (see :func:`plane_coordinates`); the true and the in-plane
    losses are both computed batched, in double precision, so a view can show honestly when
    the path leaves the plane (loss-landscape issue #1).
    """
    path = np.atleast_2d(np.asarray(trajectory, dtype=float))
    coords, residual = plane_coordinates(path, center, d1, d2)
    distance = np.linalg.norm(residual, axis=1)
    span = np.linalg.norm(path - center, axis=1)
    relative = np.divide(distance, span, out=np.zeros_like(distance), where=span > 0)
    on_plane = path - residual
    true_loss = losses_at(problem, path, precision="double")
    plane_loss = losses_at(problem, on_plane, precision="double")
    return Projection(coords, residual, distance, relative, true_loss, plane_loss)


def covering_ranges(
    coords: Array, margin: float = 0.25, minimum: float = 0.5
) -> tuple[tuple[float, float], tuple[float, float]]:
    """(a_range, b_range) holding every projected point and the plane's origin, with room.

    Each range is widened by ``margin`` × its length on both sides and is at least
    ``minimum`` long, so a path that has not moved yet still gets a visible neighbourhood.
    """
    pts = np.vstack([np.atleast_2d(np.asarray(coords, dtype=float)), [[0.0, 0.0]]])
    pts = pts[np.all(np.isfinite(pts), axis=1)]
    out = []
    for lo, hi in zip(pts.min(axis=0), pts.max(axis=0), strict=True):
        pad = max(margin * (hi - lo), (minimum - (hi - lo)) / 2, 0.0)
        out.append((float(lo - pad), float(hi + pad)))
    return out[0], out[1]


Ranges = tuple[tuple[float, float], tuple[float, float]]
KEPT_EDGE = 0.05  # a kept extent holds the path at least this share of its span from its edges


def kept_ranges(
    previous: Ranges | None, coords: Array, margin: float, minimum: float, fill: float = 0.7
) -> Ranges:
    """``previous`` while it still holds every point and the origin (clear of its edges) and
    the extent made afresh would fill at least ``fill`` of it; else that fresh extent
    (:func:`covering_ranges`).

    A plane re-centred once a second while training then keeps its extent (and the plot its
    axes and cached pictures) until the path has really grown or shrunk.
    """
    wanted = covering_ranges(coords, margin, minimum)
    if previous is None:
        return wanted
    pts = np.vstack([np.atleast_2d(np.asarray(coords, dtype=float)), [[0.0, 0.0]]])
    pts = pts[np.all(np.isfinite(pts), axis=1)]
    for axis, ((a, b), (lo, hi)) in enumerate(zip(previous, wanted, strict=True)):
        edge = KEPT_EDGE * (b - a)
        inside = a + edge <= pts[:, axis].min() and pts[:, axis].max() <= b - edge
        if not (inside and hi - lo >= fill * (b - a)):
            return wanted
    return previous
