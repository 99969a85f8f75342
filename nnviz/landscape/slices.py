"""Loss slices: L(θ + a·d1 + b·d2) on a grid, along one direction, and from init to now."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from nnviz.engine.problem import Problem
from nnviz.landscape.evaluate import chunk_size, losses_at
from nnviz.text import _

Array = np.ndarray


def frozen_array(values: Array | Sequence[float]) -> Array:
    """A read-only float copy, so a surface handed to a view can never change under it."""
    out = np.array(values, dtype=float)
    out.setflags(write=False)
    return out


@dataclass(frozen=True)
class Surface:
    """Loss values on a grid. ``values[i, j]`` is the loss at (a, b) = (alphas[j], betas[i]).

    Rows follow b (the y axis, pointing up: row 0 is the lowest b), columns follow a (the x
    axis). Arrays are read-only copies. ``refined`` is False for a coarse preview.
    """

    alphas: Array
    betas: Array
    values: Array
    x_label: str = "a"
    y_label: str = "b"
    refined: bool = True

    def __post_init__(self) -> None:
        for name in ("alphas", "betas", "values"):
            object.__setattr__(self, name, frozen_array(getattr(self, name)))
        if self.values.shape != (len(self.betas), len(self.alphas)):
            raise ValueError(_("values must have shape (len(betas), len(alphas))"))

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """(a_min, a_max, b_min, b_max) of the grid."""
        return (self.alphas[0], self.alphas[-1], self.betas[0], self.betas[-1])

    def contains(self, a: float, b: float) -> bool:
        """True if (a, b) lies inside the computed grid (else it is time to recompute)."""
        a0, a1, b0, b1 = self.extent
        return bool(min(a0, a1) <= a <= max(a0, a1) and min(b0, b1) <= b <= max(b0, b1))

    def argmin(self) -> tuple[float, float, float]:
        """(a, b, loss) of the lowest finite grid value."""
        v = np.where(np.isfinite(self.values), self.values, np.inf)
        i, j = np.unravel_index(int(np.argmin(v)), v.shape)
        return float(self.alphas[j]), float(self.betas[i]), float(self.values[i, j])


@dataclass(frozen=True)
class Curve:
    """Loss along one direction: ``values[k]`` is the loss at ``ts[k]``."""

    ts: Array
    values: Array
    label: str = "t"
    marks: dict[str, float] = field(default_factory=dict)  # e.g. {"init": 0, "now": 1}

    def __post_init__(self) -> None:
        object.__setattr__(self, "ts", frozen_array(self.ts))
        object.__setattr__(self, "values", frozen_array(self.values))


def plane_points(center: Array, d1: Array, d2: Array, alphas: Array, betas: Array) -> Array:
    """Every grid point θ(a, b) = center + a·d1 + b·d2 as rows, b-major: shape (nb·na, n)."""
    A, B = np.meshgrid(np.asarray(alphas, dtype=float), np.asarray(betas, dtype=float))
    return center + A.reshape(-1, 1) * d1 + B.reshape(-1, 1) * d2


def slice_2d(
    problem: Problem,
    center: Array,
    d1: Array,
    d2: Array,
    alphas: Array,
    betas: Array,
    labels: tuple[str, str] = ("a", "b"),
    precision: str = "single",
) -> Surface:
    """The loss over a plane of parameter space, all grid points in one batched pass.

    values[i, j] = L(center + alphas[j]·d1 + betas[i]·d2), L the ``problem``'s loss (data
    term plus penalty); ``problem.net`` supplies only the architecture (see :func:`losses_at`).
    """
    alphas, betas = np.asarray(alphas, dtype=float), np.asarray(betas, dtype=float)
    thetas = plane_points(center, d1, d2, alphas, betas)
    values = losses_at(problem, thetas, precision)
    return Surface(alphas, betas, values.reshape(len(betas), len(alphas)), *labels)


def slice_1d(
    problem: Problem,
    center: Array,
    d: Array,
    ts: Array,
    label: str = "t",
    precision: str = "single",
) -> Curve:
    """The loss along one line: values[k] = L(center + ts[k]·d)."""
    ts = np.asarray(ts, dtype=float)
    thetas = center + ts.reshape(-1, 1) * d
    return Curve(ts, losses_at(problem, thetas, precision), label)


def interpolation(
    problem: Problem,
    theta_init: Array,
    theta_now: Array,
    ts: Array | None = None,
    precision: str = "single",
) -> Curve:
    """The loss on the straight line from the initial to the current weights.

    θ(t) = (1 − t)·θ_init + t·θ_now: t = 0 is the start of training, t = 1 is now; the
    default ts run from −0.25 to 1.25 to show a little beyond both ends.
    """
    ts = np.linspace(-0.25, 1.25, 61) if ts is None else ts
    d = np.asarray(theta_now, dtype=float) - theta_init
    curve = slice_1d(problem, theta_init, d, ts, _("init → now"), precision)
    return Curve(curve.ts, curve.values, curve.label, {"init": 0.0, "now": 1.0})


def progressive_slice(
    problem: Problem,
    center: Array,
    d1: Array,
    d2: Array,
    a_range: tuple[float, float] = (-1.0, 1.0),
    b_range: tuple[float, float] = (-1.0, 1.0),
    sizes: Sequence[int] = (17, 51),
    cancelled: Callable[[], bool] = lambda: False,
    labels: tuple[str, str] = ("a", "b"),
    precision: str = "single",
) -> Iterator[Surface]:
    """Yield the slice coarse first, then finer (e.g. 17×17, then 51×51).

    ``cancelled()`` is asked between chunks of grid rows; once it says True the generator
    stops without yielding anything more (training moved on, the old slice is not wanted).
    Only the last surface has ``refined=True``. Pass copies of θ: the job may run while
    training changes the live network.
    """
    center, d1, d2 = (np.array(v, dtype=float) for v in (center, d1, d2))
    for k, n in enumerate(sizes):
        alphas, betas = np.linspace(*a_range, n), np.linspace(*b_range, n)
        rows_per_chunk = max(1, chunk_size(problem.net, len(problem.X)) * 4 // n)
        values = np.empty((n, n))
        for r in range(0, n, rows_per_chunk):
            if cancelled():
                return
            rows = betas[r : r + rows_per_chunk]
            thetas = plane_points(center, d1, d2, alphas, rows)
            part = losses_at(problem, thetas, precision)
            values[r : r + len(rows)] = part.reshape(len(rows), n)
        if cancelled():
            return
        yield Surface(alphas, betas, values, *labels, refined=k == len(sizes) - 1)
