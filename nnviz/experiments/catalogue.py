"""The experiments the window offers: live controls, narration, and the sweep each asks for."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import nnviz.experiments.cells  # noqa: F401 - registers the window's experiments
from nnviz.experiments import overparam as op
from nnviz.experiments.backprop_cost import LIVE
from nnviz.experiments.double_descent import widths_around
from nnviz.experiments.sweep import Sweep
from nnviz.text import _

BACKPROP_WIDTHS = (2, 3, 4, 6, 8, 12, 16, 24, 32)  # 64 would take ~20 s by differences


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
        try:
            value = float(str(text).strip().replace(",", "."))
        except ValueError:
            raise ValueError(self._refusal(text)) from None
        if not math.isfinite(value) or not self.low <= value <= self.high:
            raise ValueError(self._refusal(text))
        if self.whole and value != int(value):
            raise ValueError(self._refusal(text))
        return int(value) if self.whole else value

    def _refusal(self, text: str) -> str:
        """The one sentence refusing ``text``: the setting, what it takes, what was typed."""
        if self.whole:
            return _(
                "{setting} must be a whole number from {low:g} to {high:g}, not {text!r}",
                setting=self.label,
                low=self.low,
                high=self.high,
                text=text,
            )
        return _(
            "{setting} must be a number from {low:g} to {high:g}, not {text!r}",
            setting=self.label,
            low=self.low,
            high=self.high,
            text=text,
        )

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
    build: Callable[[dict[str, Any]], Sweep] | None  # None: played by hand, not swept
    live: bool = False  # the sweep measures the live network too (given to ``sweep``)

    @property
    def interactive(self) -> bool:
        """Played by hand in the panel (active learning) rather than run as a sweep."""
        return self.build is None

    def defaults(self) -> dict[str, str]:
        """Every control's starting text."""
        return {c.key: c.show(c.default) for c in self.controls}

    def values(self, texts: Mapping[str, str]) -> dict[str, Any]:
        """The controls' values; the first bad text raises one clear ValueError."""
        return {c.key: c.parse(texts.get(c.key, c.show(c.default))) for c in self.controls}

    def sweep(self, texts: Mapping[str, str], live: Any = None) -> Sweep:
        """The sweep for these control texts (and the live network, if it measures one)."""
        if self.build is None:
            raise ValueError(_("{title} is played by hand, not swept", title=self.title))
        values = self.values(texts)
        if self.live:
            values["live"] = live
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
    live = v.get("live")
    grid = ((LIVE,) if live is not None else ()) + BACKPROP_WIDTHS
    options: tuple[tuple[str, Any], ...] = (("n_points", v["points"]),)
    if live is not None:
        options += (("live", live),)
    return Sweep("backprop-cost", grid, (0,), options)


def _game(v: dict[str, Any]) -> Sweep:
    return Sweep("min-max-game", (v["steps"],), (0,), (("lr", v["lr"]),))


def _experiments() -> dict[str, Experiment]:
    """Every experiment, its words in the current language (built when asked for)."""
    n = Control("n", _("N (training points)"), 40, 4, 200)
    noise = Control("noise", _("label noise (std)"), 0.5, 0, 5, whole=False)
    experiments = (
        Experiment(
            "double-descent", _("Double descent by width p"),
            _("Grow the model, keep the data: p random ReLU features and a least-squares readout, "
              "no early stopping. Test error falls, peaks where training error first reaches 0 "
              "(p = N, the interpolation threshold), then falls again. Watch the blue curve at "
              "the dashed line; the green (stopped early) and purple (a little ridge) curves "
              "barely bump."),
            (n, noise, Control("ridge", _("ridge λ"), 1e-3, 0, 10, whole=False),
             Control("seeds", _("data sets"), 20, 1, 50)),
            _double_descent,
        ),
        Experiment(
            "double-descent-epochs", _("Double descent over p and time T"),
            _("Each cell is the median test error after T steps of gradient descent from zero, at "
              "width p. Read along a row for width, up a column for training time: near p = N the "
              "noise is fitted late, so error falls, then climbs again as T grows."),
            (n, noise, Control("seeds", _("data sets"), 20, 1, 50)),
            _epochs,
        ),
        Experiment(
            "overparameterisation", _("Over-parameterisation"),
            _("Two spirals, 2-w-w-1 tanh nets, every width from several seeds. Narrow nets get "
              "stuck from most seeds; wide ones reach 100 % from almost every seed, and the spread "
              "of their final losses shrinks: more parameters make optimisation easy."),
            (Control("seeds", _("seeds per width"), 10, 1, 20),
             Control("steps", _("Adam steps"), op.STEPS, 100, 5000)),
            _overparam,
        ),
        Experiment(
            "depth-init", _("Depth and initialisation"),
            _("A deep tanh net on XOR, from Xavier's scale and from a smaller one. Left: each "
              "layer's gradient at the start (log scale); going back, every layer shrinks it. "
              "Right: the loss. Too small a scale stays at ln 2; the right scale trains."),
            (Control("depth", _("depth (layers)"), 10, 2, 30),
             Control("scale", _("small scale (% Xavier)"), 50, 1, 200),
             Control("steps", _("gradient steps"), 400, 10, 3000)),
            _depth,
        ),
        Experiment(
            "backprop-cost", _("Backprop vs finite differences"),
            _("The live network's gradient two ways: backprop takes one forward and one "
              "backward pass, finite differences two passes per parameter. Green: your network "
              "as it is now; lines: 2-w-w-1 nets of growing width, where backprop's time hardly "
              "grows and finite differences' grows with the parameters."),
            (Control("points", _("data points (the lines)"), 200, 10, 2000),),
            _backprop, live=True,
        ),
        Experiment(
            "active-learning", _("Active learning"),
            _("Noisy two moons; a small model (random features, logistic regression) from 4 "
              "labels. Rings mark where it is least sure: click one (or press L for the red one) "
              "to reveal its label, and it refits. Green: your accuracy; purple: random labels, "
              "same data and seed. Backspace undoes."),
            (Control("seed", _("data set (seed)"), 0, 0, 10_000),
             Control("noise", _("noise of the moons"), 0.3, 0, 1, whole=False),
             Control("budget", _("labels in all"), 40, 6, 200),
             Control("k", _("candidates ringed"), 4, 1, 20)),
            None,
        ),
        Experiment(
            "min-max-game", _("Games have no single loss"),
            _("min over x, max over y of x·y: both players step at once. Descent–ascent spirals "
              "out from the equilibrium (0, 0) (orange); the extragradient method looks one step "
              "ahead and spirals in (blue). There is no loss both players lower."),
            (Control("lr", _("step size"), 0.1, 0.001, 1, whole=False),
             Control("steps", _("steps"), 100, 1, 2000)),
            _game,
        ),
    )  # fmt: skip
    return {e.id: e for e in experiments}


IDS = tuple(_experiments())


class _Experiments(Mapping[str, Experiment]):
    """The experiments by id, each built on lookup so its words follow the language."""

    def __getitem__(self, key: str) -> Experiment:
        return _experiments()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(IDS)

    def __len__(self) -> int:
        return len(IDS)


EXPERIMENTS: Mapping[str, Experiment] = _Experiments()


def time_left(progress: float, seconds: float) -> float | None:
    """Seconds still to go if the remaining cells take as long as the ones done (None: unknown)."""
    if progress <= 0 or seconds <= 0:
        return None
    return max(0.0, seconds * (1 - progress) / progress)


def say_time(seconds: float | None) -> str:
    """'about 12 s left', 'about 2 min left', or 'estimating…'."""
    if seconds is None:
        return _("estimating time left…")
    if seconds < 90:
        return _("about {seconds} s left", seconds=max(1, round(seconds)))
    return _("about {minutes} min left", minutes=round(seconds / 60))
