"""What the landscape view draws, as plain frozen data (no Qt, no maths)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.landscape.contours import Shading


@dataclass(frozen=True)
class SurfacePicture:
    """Loss values on a grid: values[i, j] is at (xs[j], ys[i]) — rows go up in y."""

    xs: np.ndarray
    ys: np.ndarray
    values: np.ndarray
    x_label: str = "a"
    y_label: str = "b"
    title: str = ""
    refined: bool = True  # False while only the coarse preview is ready
    value_label: str = "loss"  # what the colour shows (the colour bar's label)
    # (linear, log) colours and contour lines, when made ahead (a job thread makes the
    # network's); without them the view shades the values itself.
    shades: tuple[Shading, Shading] | None = None


@dataclass(frozen=True)
class PathPicture:
    """One optimizer's (or training's) path across the surface."""

    name: str
    color: tuple[int, int, int]
    xs: np.ndarray
    ys: np.ndarray
    loss: float = float("nan")
    gradient: tuple[float, float] | None = None  # ∂L/∂x, ∂L/∂y at the current point
    momentum: tuple[float, float] | None = None  # the velocity vector, if the optimizer has one
    squared: tuple[float, float] | None = None  # accumulated squared gradient per axis
    off_plane: np.ndarray | None = None  # distance of each path point from the slice plane
    status: str = ""  # "", "diverged", "converged"


@dataclass(frozen=True)
class CurvePicture:
    """The 1-D panel: loss along one knob, with a Δx probe (secant vs tangent)."""

    xs: np.ndarray
    values: np.ndarray  # NaN where the fog hides it
    x: float
    y: float
    dx: float
    secant_slope: float
    derivative: float
    label: str = "knob"
    fog: bool = False
    derivative_label: str = "derivative"  # where the exact slope comes from (analytic, backprop)
    marks: tuple[tuple[str, float], ...] = ()  # named places on the axis, e.g. ("init", 0.0)
    walked: np.ndarray | None = None  # where a downhill walk has stood so far


@dataclass(frozen=True)
class LandscapePicture:
    """Everything for one frame of the landscape view."""

    surface: SurfacePicture | None
    paths: tuple[PathPicture, ...] = ()
    curve: CurvePicture | None = None
    caption: str = ""
    narration: tuple[str, ...] = ()
    seq: int = 0
    # The cross-sections through the explained ball: (x, y, ∂L/∂x, ∂L/∂y) at its position.
    cross: tuple[float, float, float, float] | None = None
    legend: tuple[tuple[str, tuple[int, int, int]], ...] = ()  # (name, colour) of each path
    plot_legend: bool = False  # draw the legend inside the surface plot (likelihood paths)
    one_d_panel: bool = True  # the 1-D slice and the race's controls belong to this frame
