"""What can be asked of the computation-graph explainer, as frozen values.

A view, a lesson step or a script builds one of these and hands it to ``Explainer.apply``;
a refused request raises ValueError and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.engine.spec import NetworkSpec

STEP_ACTIONS = ("forward", "back", "run_forward", "run_backward", "reset")


@dataclass(frozen=True)
class TracedExample:
    """Where a traced graph came from: the point, its label, and the network's state then."""

    point: tuple[float, ...]
    label: float
    point_id: int  # −1 for an empty spot the user clicked
    epoch: int
    seq: int
    loss: str
    activations: tuple[str, ...]
    params: tuple[np.ndarray, ...]


@dataclass(frozen=True)
class ShowExample:
    """One of the lectures' worked examples, from the start (``cs188``, ``gears``, …)."""

    key: str


@dataclass(frozen=True)
class ShowFormula:
    """A typed formula, parsed (never evaluated); leaves start at 1 or keep their values."""

    text: str


@dataclass(frozen=True)
class SetLeafValues:
    """Values for the formula's leaves, typed as ``"w1=2, w2=3"``."""

    text: str


@dataclass(frozen=True)
class TraceExample:
    """One example through a network: its architecture, weights (in ``example``) and inputs."""

    spec: NetworkSpec
    features: tuple[float, ...]
    example: TracedExample


@dataclass(frozen=True)
class Step:
    """Move the walk: forward, back, run_forward, run_backward or reset."""

    action: str


@dataclass(frozen=True)
class Walk:
    """Take ``steps`` forward steps at once (a lesson or the command line's --walk)."""

    steps: int


@dataclass(frozen=True)
class Jump:
    """Go to one node's step (its value, or its gradient once the backward pass began)."""

    node: int


@dataclass(frozen=True)
class SetMode:
    """ops (one op per →), neurons (one neuron per →) or layers (one box per layer)."""

    mode: str


@dataclass(frozen=True)
class CheckGradients:
    """Backprop against central differences for every leaf."""


@dataclass(frozen=True)
class ShowUpdate:
    """After one gradient step on the traced example: every parameter's old → new value."""

    params: tuple[np.ndarray, ...]
    lr: float
    message: str


GraphRequest = (
    ShowExample
    | ShowFormula
    | SetLeafValues
    | TraceExample
    | Step
    | Walk
    | Jump
    | SetMode
    | CheckGradients
    | ShowUpdate
)
