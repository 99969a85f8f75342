"""What can be asked of the loss-landscape explorer, as frozen values.

A view, a lesson step or a script builds one and hands it to ``LandscapeExplorer.apply``; a
refused request comes back as one error message and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from nnviz.landscape.params import ParamRef


@dataclass(frozen=True)
class SetMode:
    """``race`` (optimizers on analytic surfaces) or ``network`` (the live network's loss)."""

    mode: str


@dataclass(frozen=True)
class SelectSurface:
    """An analytic surface (race mode) or a kind of plane (network mode) by key."""

    key: str


@dataclass(frozen=True)
class SetCondition:
    """The quadratic bowl's condition number λmax/λmin."""

    condition: float


@dataclass(frozen=True)
class SetLearningRate:
    """The learning rate every racer uses."""

    lr: float


@dataclass(frozen=True)
class SetLrRegime:
    """One of the bowl's lessons: slow, good, oscillating or diverging."""

    name: str


@dataclass(frozen=True)
class SetStart:
    """Restart the race from a point on the surface (a click)."""

    x: float
    y: float


@dataclass(frozen=True)
class SetRacers:
    """Which optimizers race, by label or key."""

    names: tuple[str, ...]


@dataclass(frozen=True)
class SetSpeed:
    """Updates per frame (fractions slow the race down)."""

    speed: float


@dataclass(frozen=True)
class SetNarrated:
    """The racer whose single step is narrated stage by stage."""

    kind: str


@dataclass(frozen=True)
class SetKnob:
    """The 1-D panel's slice: an axis cross-section (race) or a network direction."""

    knob: str


@dataclass(frozen=True)
class SetProbe:
    """The secant's Δx in the 1-D panel."""

    dx: float


@dataclass(frozen=True)
class SetFog:
    """Show only what has been evaluated (the foggy mountain)."""

    on: bool


@dataclass(frozen=True)
class Recompute:
    """Recompute the network surface around the current weights."""


@dataclass(frozen=True)
class RaceCommand:
    """play, pause, step, reset or walk."""

    name: str


@dataclass(frozen=True)
class PickParam:
    """One network weight becomes an axis of the two-weight slice (Shift+click)."""

    ref: ParamRef


@dataclass(frozen=True)
class SetKnobWeight:
    """The one weight of the live network that the 1-D panel, its Δx probe and the walk turn."""

    ref: ParamRef


@dataclass(frozen=True)
class StartWalk:
    """Put the fog walker on the knob at ``at`` (None: the weight's value now) + ``offset``.

    It feels the slope there with shrinking Δx at once; the weights are those of now.
    """

    at: float | None = None
    offset: float = 0.0


@dataclass(frozen=True)
class Walk:
    """``steps`` steps of the fog walk downhill (fewer once the knob stops changing)."""

    steps: int = 1


LIKELIHOOD_PATHS = ("ascent", "descent", "batch", "sgd", "minibatch")


@dataclass(frozen=True)
class ShowLikelihoodPaths:
    """The log-likelihood hill of P(y=1|x) = σ(w1·x1 + w2·x2) with gradient paths on it.

    ``kinds`` from ascent, descent, batch, sgd, minibatch; ``points`` are (x1, x2, label)
    rows with labels 0/1. The defaults are the batch/SGD/mini-batch lesson's.
    """

    points: tuple[tuple[float, float, int], ...]
    kinds: tuple[str, ...] = LIKELIHOOD_PATHS
    start: tuple[float, float] = (-2.0, 2.0)
    lr: float = 1.0
    batch_size: int = 4
    tol: float = 0.1
    seed: int = 0


LandscapeRequest = (
    SetMode
    | SelectSurface
    | SetCondition
    | SetLearningRate
    | SetLrRegime
    | SetStart
    | SetRacers
    | SetSpeed
    | SetNarrated
    | SetKnob
    | SetProbe
    | SetFog
    | Recompute
    | RaceCommand
    | PickParam
    | SetKnobWeight
    | StartWalk
    | Walk
    | ShowLikelihoodPaths
)
