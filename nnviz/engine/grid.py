"""One grid pass over the input plane that returns every neuron's output (as the Playground)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nnviz.engine.features import feature_matrix
from nnviz.engine.mlp import MLP

Array = np.ndarray


def grid_points(domain: tuple[float, float], resolution: int, dim: int = 2) -> Array:
    """Sample points of the plane, row-major with y increasing (so row 0 is the bottom).

    Returns (R·R, 2) points for 2-D inputs, (R, 1) for 1-D inputs.
    """
    axis = np.linspace(domain[0], domain[1], resolution)
    if dim == 1:
        return axis.reshape(-1, 1)
    gx, gy = np.meshgrid(axis, axis)  # gy[i, :] is constant: row i sits at height axis[i]
    return np.column_stack([gx.ravel(), gy.ravel()])


def neuron_grids(
    net: MLP, features: Sequence[str], domain: tuple[float, float], resolution: int, dim: int = 2
) -> list[Array]:
    """Every neuron's output over the plane, from ONE batched forward pass.

    Returns one array per layer (inputs/features first): shape (n_units, R, R) for 2-D
    inputs, (n_units, R) for 1-D. Image row i is y = domain[0] + i·step (y up).
    """
    points = grid_points(domain, resolution, dim)
    record = net.forward_record(feature_matrix(points, features, dim))
    shape = (resolution, resolution) if dim == 2 else (resolution,)
    return [a.T.reshape(a.shape[1], *shape).copy() for a in record.activations]
