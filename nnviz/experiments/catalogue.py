"""The experiments the window offers: live controls, narration, and the sweep each asks for."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import nnviz.experiments.cells  # noqa: F401 - registers the window's experiments
from nnviz.experiments import overparam as op
from nnviz.experiments.double_descent import widths_around
from nnviz.experiments.sweep import Sweep

BACKPROP_WIDTHS = (2, 3, 4, 6, 8, 12, 16, 24, 32)  # 64 would take ~20 s by differences
AL_FIRST_LABELS = 4  # active learning starts from this many labels (half of each class)


@dataclass(frozen=True)
class Control:
    """One live setting: a number in [low, high], whole or not, with its default."""

    key: str
    label: str
    default: float
    low: float
    high: float
    whole: bool = True

    def parse(self, text: str) -> float | int:
        """The number typed, or ValueError with one clear sentence naming the setting."""
        kind = "a whole number" if self.whole else "a number"
        want = f"{self.label} must be {kind} from {self.low:g} to {self.high:g}"
        try:
            value = float(str(text).strip().replace(",", "."))
        except ValueError:
            raise ValueError(f"{want}, not {text!r}") from None
        if not math.isfinite(value) or not self.low <= value <= self.high:
            raise ValueError(f"{want}, not {text!r}")
        if self.whole and value != int(value):
            raise ValueError(f"{want}, not {text!r}")
        return int(value) if self.whole else value

    def show(self, value: float) -> str:
        """The text a field starts with."""
        return str(int(value)) if self.whole else f"{value:g}"


@dataclass(frozen=True)
class Experiment:
    """An experiment of the panel: title, what to look for, controls, and how to sweep it."""

    id: str
    title: str
    narration: str
    controls: tuple[Control, ...]
    build: Callable[[dict[str, Any]], Sweep]

    def defaults(self) -> dict[str, str]:
        """Every control's starting text."""
        return {c.key: c.show(c.default) for c in self.controls}

    def sweep(self, texts: Mapping[str, str]) -> Sweep:
        """The sweep for these control texts; the first bad one raises one clear ValueError."""
        values = {c.key: c.parse(texts.get(c.key, c.show(c.default))) for c in self.controls}
        return self.build(values)


def _double_descent(v: dict[str, Any]) -> Sweep:
    options = (("n_train", v["n"]), ("noise", v["noise"]), ("ridge", v["ridge"]))
    return Sweep("double-descent", widths_around(v["n"]), tuple(range(v["seeds"])), options)


def _epochs(v: dict[str, Any]) -> Sweep:
    options = (("n_train", v["n"]), ("noise", v["noise"]))
    return Sweep("double-descent-epochs", widths_around(v["n"]), tuple(range(v["seeds"])), options)


def _overparam(v: dict[str, Any]) -> Sweep:
    return Sweep(
        "overparameterisation", op.WIDTHS, tuple(range(v["seeds"])), (("steps", v["steps"]),)
    )


def _depth(v: dict[str, Any]) -> Sweep:
    scales = (v["scale"], 100) if v["scale"] != 100 else (100,)
    return Sweep("depth-init", scales, (0,), (("depth", v["depth"]), ("steps", v["steps"])))


def _backprop(v: dict[str, Any]) -> Sweep:
    return Sweep("backprop-cost", BACKPROP_WIDTHS, (0,), (("n_points", v["points"]),))


def _active(v: dict[str, Any]) -> Sweep:
    if v["budget"] < AL_FIRST_LABELS + v["k"]:
        raise ValueError(
            f"labels in all must be at least {AL_FIRST_LABELS + v['k']}: the first "
            f"{AL_FIRST_LABELS} plus one round of {v['k']}"
        )
    options = (("noise", v["noise"]), ("budget", v["budget"]), ("k", v["k"]))
    return Sweep("active-learning", tuple(range(1, v["sessions"] + 1)), (0,), options)


def _game(v: dict[str, Any]) -> Sweep:
    return Sweep("min-max-game", (v["steps"],), (0,), (("lr", v["lr"]),))


N = Control("n", "N (training points)", 40, 4, 200)
NOISE = Control("noise", "label noise (std)", 0.5, 0, 5, whole=False)
EXPERIMENTS: dict[str, Experiment] = {
    e.id: e
    for e in (
        Experiment(
            "double-descent", "Double descent by width p",
            "Grow the model, keep the data: p random ReLU features and a least-squares readout, "
            "no early stopping. Test error falls, peaks where training error first reaches 0 "
            "(p = N, the interpolation threshold), then falls again. Watch the blue curve at "
            "the dashed line; the green (stopped early) and purple (a little ridge) curves "
            "barely bump.",
            (N, NOISE, Control("ridge", "ridge λ", 1e-3, 0, 10, whole=False),
             Control("seeds", "data sets", 20, 1, 50)),
            _double_descent,
        ),
        Experiment(
            "double-descent-epochs", "Double descent over width p and time T",
            "Each cell is the median test error after T steps of gradient descent from zero, at "
            "width p. Read along a row for width, up a column for training time: near p = N the "
            "noise is fitted late, so error falls, then climbs again as T grows.",
            (N, NOISE, Control("seeds", "data sets", 20, 1, 50)),
            _epochs,
        ),
        Experiment(
            "overparameterisation", "Over-parameterisation",
            "Two spirals, 2-w-w-1 tanh nets, every width from several seeds. Narrow nets get "
            "stuck from most seeds; wide ones reach 100 % from almost every seed, and the spread "
            "of their final losses shrinks: more parameters make optimisation easy.",
            (Control("seeds", "seeds per width", 10, 1, 20),
             Control("steps", "Adam steps", op.STEPS, 100, 5000)),
            _overparam,
        ),
        Experiment(
            "depth-init", "Depth and initialisation",
            "A deep tanh net on XOR, from Xavier's scale and from a smaller one. Left: each "
            "layer's gradient at the start (log scale); going back, every layer shrinks it. "
            "Right: the loss. Too small a scale stays at ln 2; the right scale trains.",
            (Control("depth", "depth (layers)", 10, 2, 30),
             Control("scale", "small scale (% Xavier)", 50, 1, 200),
             Control("steps", "gradient steps", 400, 10, 3000)),
            _depth,
        ),
        Experiment(
            "backprop-cost", "Backprop vs finite differences",
            "One forward and one backward pass give every derivative; finite differences need "
            "two passes per parameter. Networks 2-w-w-1 of growing width: backprop's time "
            "hardly grows, finite differences' grows with the parameter count.",
            (Control("points", "data points", 200, 10, 2000),),
            _backprop,
        ),
        Experiment(
            "active-learning", "Active learning",
            "Noisy two moons, random features and logistic regression. Blue asks for labels "
            "where the model is least sure, orange labels at random, both from the same first "
            "labels. Faint lines are single sessions, bold lines their mean so far.",
            (Control("sessions", "sessions (seeds)", 10, 1, 30),
             Control("noise", "noise of the moons", 0.3, 0, 1, whole=False),
             Control("budget", "labels in all", 40, 6, 200),
             Control("k", "labels per round", 4, 1, 20)),
            _active,
        ),
        Experiment(
            "min-max-game", "Games have no single loss",
            "min over x, max over y of x·y: both players step at once. Descent–ascent spirals "
            "out from the equilibrium (0, 0) (orange); the extragradient method looks one step "
            "ahead and spirals in (blue). There is no loss both players lower.",
            (Control("lr", "step size", 0.1, 0.001, 1, whole=False),
             Control("steps", "steps", 100, 1, 2000)),
            _game,
        ),
    )
}  # fmt: skip


def time_left(progress: float, seconds: float) -> float | None:
    """Seconds still to go if the remaining cells take as long as the ones done (None: unknown)."""
    if progress <= 0 or seconds <= 0:
        return None
    return max(0.0, seconds * (1 - progress) / progress)


def say_time(seconds: float | None) -> str:
    """'about 12 s left', 'about 2 min left', or 'estimating…'."""
    if seconds is None:
        return "estimating time left…"
    if seconds < 90:
        return f"about {max(1, round(seconds))} s left"
    return f"about {round(seconds / 60)} min left"
