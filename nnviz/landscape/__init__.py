"""Pure loss landscapes: slices, directions, trajectories, analytic surfaces, optimizer races.

Scripting example::

    import numpy as np
    from nnviz.landscape import Problem, random_plane, slice_2d

    plane = random_plane(net, np.random.default_rng(0))
    grid = np.linspace(-1, 1, 51)
    problem = Problem(net, X, y, "log", l2=0.001)  # what the loss depends on
    surface = slice_2d(problem, plane.center, plane.d1, plane.d2, grid, grid)
    surface.values[25, 25]  # the current loss, at the centre of the grid
"""

from nnviz.engine.problem import Problem
from nnviz.landscape.directions import (
    Plane,
    normalize_filters,
    pca_directions,
    pca_plane,
    random_directions,
    random_plane,
    weight_axes,
    weight_plane,
)
from nnviz.landscape.evaluate import PRECISIONS, losses_at, penalty_many
from nnviz.landscape.knobs import KnobObjective, PlaneObjective
from nnviz.landscape.lr_regimes import LrRegime, critical_lr, lr_regimes, step_factor
from nnviz.landscape.narrate import describe_status, narrate_step, step_direction
from nnviz.landscape.params import (
    Block,
    ParamRef,
    blocks,
    flat_index,
    neuron_groups,
    param_label,
    weight_mask,
)
from nnviz.landscape.probe import FogWalk, secant_sequence, secant_slope, veil
from nnviz.landscape.race import LABELS, RACERS, Objective, Race, Racer, StepRecord
from nnviz.landscape.slices import (
    Curve,
    Surface,
    interpolation,
    plane_points,
    progressive_slice,
    slice_1d,
    slice_2d,
)
from nnviz.landscape.surfaces import SURFACES, AnalyticSurface, get_surface
from nnviz.landscape.trajectory import (
    BoundedPath,
    Projection,
    TrajectoryRecorder,
    covering_ranges,
    plane_coordinates,
    project,
)

__all__ = [
    "LABELS",
    "PRECISIONS",
    "RACERS",
    "SURFACES",
    "AnalyticSurface",
    "Block",
    "BoundedPath",
    "Curve",
    "FogWalk",
    "KnobObjective",
    "LrRegime",
    "Objective",
    "ParamRef",
    "Plane",
    "PlaneObjective",
    "Problem",
    "Projection",
    "Race",
    "Racer",
    "StepRecord",
    "Surface",
    "TrajectoryRecorder",
    "blocks",
    "covering_ranges",
    "critical_lr",
    "describe_status",
    "flat_index",
    "get_surface",
    "interpolation",
    "losses_at",
    "lr_regimes",
    "narrate_step",
    "neuron_groups",
    "normalize_filters",
    "param_label",
    "pca_directions",
    "pca_plane",
    "penalty_many",
    "plane_coordinates",
    "plane_points",
    "progressive_slice",
    "project",
    "random_directions",
    "random_plane",
    "secant_sequence",
    "secant_slope",
    "slice_1d",
    "slice_2d",
    "step_direction",
    "step_factor",
    "veil",
    "weight_axes",
    "weight_mask",
    "weight_plane",
]
