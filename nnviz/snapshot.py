"""Frozen snapshots of the training state: what the worker hands the views to draw."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnviz.engine.probability_contours import ContourSet
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig

Array = np.ndarray


def frozen(array: Array) -> Array:
    """A read-only copy, safe to share with another thread."""
    out = np.array(array, dtype=float, copy=True)
    out.setflags(write=False)
    return out


def frozen_all(arrays: Iterable[Array]) -> tuple[Array, ...]:
    """Read-only copies of several arrays."""
    return tuple(frozen(a) for a in arrays)


def frozen_pictures(arrays: Iterable[Array]) -> tuple[Array, ...]:
    """Read-only single-precision copies of arrays only drawn, never computed with (the
    neurons' pictures of the plane): half the bytes down the pipe, every frame, and 7
    significant digits where a colour needs 3."""
    out = tuple(np.array(a, dtype=np.float32, copy=True) for a in arrays)
    for a in out:
        a.setflags(write=False)
    return out


def refrozen(snap: Snapshot) -> Snapshot:
    """Mark a snapshot's arrays read-only again: a trip through a pipe makes them writable."""
    arrays = (*snap.params, *snap.grads, *snap.updates, snap.grid_axis, *snap.neuron_grids)
    if snap.overlay_grid is not None:
        arrays = (*arrays, snap.overlay_grid)
    arrays = (*arrays, *snap.point_probabilities)
    if snap.collapse is not None:
        arrays = (*arrays, snap.collapse.matrix, snap.collapse.offset)
    if snap.probability_contours is not None:
        arrays = (*arrays, *snap.probability_contours.arrays())
    for run in snap.runs:
        arrays = (*arrays, *run.params, *run.history.values())
    for a in (*arrays, *snap.history.values()):
        if isinstance(a, np.ndarray):
            a.setflags(write=False)
    return snap


@dataclass(frozen=True)
class Snapshot:
    """One moment of training. Views only draw these; ``seq`` increases so stale ones drop."""

    seq: int
    epoch: int
    step: int
    playing: bool
    spec: NetworkSpec
    config: TrainConfig
    params: tuple[Array, ...]  # [W1, b1, W2, b2, …] like MLP.params
    grads: tuple[Array, ...]  # ∂L/∂θ from the last mini-batch
    updates: tuple[Array, ...]  # the last change Δθ the optimizer made
    kind: str  # "binary", "multiclass" or "regression"
    n_classes: int
    domain: tuple[float, float]
    grid_axis: Array  # sample positions along each axis of the plane
    neuron_grids: tuple[Array, ...]  # per layer (features first): (units, R, R) or (units, R)
    metrics: dict[str, float] = field(default_factory=dict)
    history: dict[str, Array] = field(default_factory=dict)
    event: str = ""  # "", "diverged", "error", "rebuilt", "reset", "info"
    message: str = ""
    epochs_per_second: float = 0.0  # measured over the last second; 0 while paused
    data_version: int = 0
    runs: tuple[Any, ...] = ()  # every run's RunState, the live one first (nnviz.run)
    token: int = 0  # the last RequestSnapshot's token: every command before it is applied
    # The averaged perceptron's output over the plane, shaped like output_grid: the canvas
    # draws its boundary dashed beside the raw one (None unless that rule trains).
    overlay_grid: Array | None = None
    best_epoch: int | None = None  # early stopping's best epoch so far (None when off)
    # P(y_i | x_i) of the (training, test) points in the data's order; () without probabilities
    point_probabilities: tuple[Array, ...] = ()
    collapse: Any = None  # a linear_collapse.CollapseSummary when every hidden layer is identity
    # The iso-probability lines over the plane, made in the training process only while the
    # data canvas shows them (see commands.ShowProbabilityContours); None otherwise.
    probability_contours: ContourSet | None = None

    @property
    def dim(self) -> int:
        """1 for curve fitting, 2 for the plane."""
        return self.spec.input_dim

    @property
    def weights(self) -> tuple[Array, ...]:
        """The weight matrices alone, (n_in, n_out) each."""
        return self.params[::2] if self.spec.bias else self.params

    @property
    def biases(self) -> tuple[Array | None, ...]:
        """The bias vectors (None for each layer when the network has no bias)."""
        if self.spec.bias:
            return self.params[1::2]
        return tuple(None for _ in self.weights)

    def param_index(self, layer: int, bias: bool = False) -> int:
        """Position in ``params`` of layer ``layer``'s weights (0-based) or bias."""
        return 2 * layer + int(bias) if self.spec.bias else layer

    @property
    def decision_level(self) -> float:
        """The output value on the decision boundary: 0 for hinge scores, else 0.5."""
        return 0.0 if self.config.loss == "hinge" else 0.5

    @property
    def output_grid(self) -> Array:
        """The network's output over the plane: (outputs, R, R) or (outputs, R)."""
        return self.neuron_grids[-1]
