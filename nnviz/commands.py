"""Commands the views send to the training worker, as plain immutable values."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from nnviz.experiments.sweep import Sweep


@dataclass(frozen=True)
class Play:
    """Start (or keep) training continuously."""


@dataclass(frozen=True)
class Pause:
    """Stop training after the current step."""


@dataclass(frozen=True)
class StepEpoch:
    """Train exactly one epoch, then pause."""


@dataclass(frozen=True)
class StepBack:
    """Undo the last manual step (epoch or mini-batch) exactly, optimizer state included."""


@dataclass(frozen=True)
class RunEpochs:
    """Train this many more epochs, then pause (used by the headless renderer)."""

    epochs: int


@dataclass(frozen=True)
class TrainEpochs:
    """Train this many epochs now, before the next command (a lesson's setup: deterministic)."""

    epochs: int


@dataclass(frozen=True)
class StepBatch:
    """Train exactly one mini-batch, then pause."""


@dataclass(frozen=True)
class Reset:
    """Re-randomise the parameters (optionally with a new seed) and clear the history."""

    seed: int | None = None


@dataclass(frozen=True)
class SetConfig:
    """New learning rate, optimizer, regularisation…: applied live, weights kept."""

    config: TrainConfig


@dataclass(frozen=True)
class SetSpec:
    """A new architecture or feature set: the network is rebuilt."""

    spec: NetworkSpec


@dataclass(frozen=True)
class DataArrays:
    """A copy of the point set as the worker needs it."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    kind: str  # "binary", "multiclass" or "regression"
    n_classes: int
    dim: int
    domain: tuple[float, float] = (-6.0, 6.0)
    version: int = 0


@dataclass(frozen=True)
class SetData:
    """The user's data changed: train on the new points without a reset."""

    data: DataArrays


@dataclass(frozen=True)
class SetParam:
    """Set one weight or bias by hand: ``params[param_index][index] = value``."""

    param_index: int
    index: tuple[int, ...]
    value: float


@dataclass(frozen=True)
class SetParams:
    """Replace every parameter (a loaded session, or an update applied elsewhere).

    ``epoch`` (a loaded session's): training carries on from there, with a fresh optimizer
    and no earlier steps to step back to; None keeps the epoch and the training state.
    """

    params: tuple[np.ndarray, ...]
    reason: str = ""
    epoch: int | None = None


@dataclass(frozen=True)
class ExampleStep:
    """One plain gradient step on a single example: w ← w − lr·∂L/∂w for that point alone.

    ``point`` is the raw input (x1, x2) or (x,); ``label`` its class or target value. This is
    the computation-graph view's "apply one update"; it can be stepped back like any step.
    """

    point: tuple[float, ...]
    label: float


@dataclass(frozen=True)
class SetSpeed:
    """Limit training speed to this many epochs per second (None = as fast as possible)."""

    epochs_per_second: float | None


@dataclass(frozen=True)
class ShowProbabilityContours:
    """Whether snapshots carry the iso-probability lines the data canvas draws.

    None: the default, on for log-loss models; True: on (the user's choice); False: off (the
    toggle is off, or the canvas is hidden, so no frame pays for lines nobody sees).
    """

    on: bool | None = None


@dataclass(frozen=True)
class ShowPlane:
    """Whether the plane's pictures (every neuron's response over the input plane) are drawn.

    False while no view that draws them is on screen (the landscape or the computation graph
    on stage): snapshots then repeat the last pictures instead of computing them, a third of
    a snapshot's cost. True again computes them for the next snapshot.
    """

    on: bool = True


@dataclass(frozen=True)
class RequestSnapshot:
    """Ask for a fresh snapshot even when nothing changed; it carries ``token`` back.

    A controller that sent several commands sends this last and waits for its token: that
    snapshot is the first one that shows all of them applied.
    """

    token: int = 0


@dataclass(frozen=True)
class StartSweep:
    """Run an experiment's cells between training slices, streaming each result back.

    The live run is not touched; a sweep already running is cancelled first.
    """

    sweep: Sweep


@dataclass(frozen=True)
class CancelSweep:
    """Stop the running sweep after the cell in progress; its results so far stay shown."""


@dataclass(frozen=True)
class SetLanguage:
    """Word every message from now on in ``language`` ("en", "zh_CN"), as the window does.

    The training process has its own copy of the core's catalogue (nnviz.text), so the bridge
    sends this when the process starts and whenever the user switches language.
    """

    language: str


@dataclass(frozen=True)
class TrainImages:
    """Train the digit-image MLP k·k → hidden → 10 in the training process, one epoch a turn.

    ``run`` is the caller's number for this run: every progress value carries it back, so
    values of a run that was replaced can be told apart. A run already going is cancelled
    first; the live network is not touched. The same seed gives the same weights.
    """

    run: int = 0
    epochs: int = 8
    seed: int = 0
    k: int = 12
    n: int = 2000
    hidden: int = 16


@dataclass(frozen=True)
class CancelImages:
    """Stop the digit-image run between two epochs; what it drew so far stays."""


Command = (
    Play
    | Pause
    | StepEpoch
    | RunEpochs
    | TrainEpochs
    | StepBatch
    | Reset
    | SetConfig
    | SetSpec
    | SetData
    | SetParam
    | SetParams
    | ExampleStep
    | SetSpeed
    | ShowProbabilityContours
    | ShowPlane
    | RequestSnapshot
    | StartSweep
    | CancelSweep
    | SetLanguage
    | TrainImages
    | CancelImages
)
