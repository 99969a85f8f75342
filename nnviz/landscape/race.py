"""An optimizer race: the engine's optimizers, side by side, on one 2-D loss surface."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnviz.engine.optimizers import make_optimizer
from nnviz.landscape.trajectory import BoundedPath
from nnviz.text import _

Array = np.ndarray
Objective = Callable[[Array], tuple[float, Array]]  # p ↦ (loss, gradient) for a 2-vector p

RACERS = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
LABELS = {
    "sgd": "Gradient descent",
    "momentum": "Momentum",
    "nesterov": "Nesterov",
    "adagrad": "AdaGrad",
    "rmsprop": "RMSprop",
    "adam": "Adam",
}
# Which entry of the optimizer's state each glyph draws (absent for optimizers without one).


def racer_label(kind: str) -> str:
    """A racer's name as the user reads it, in the current language.

    ``LABELS`` holds the English names (the view's legend and check boxes match on them);
    the optimizers' own names (Nesterov, AdaGrad, RMSprop, Adam) are the same in every language.
    """
    words = {"sgd": _("Gradient descent"), "momentum": _("Momentum")}
    return words.get(kind, LABELS.get(kind, kind))


MOMENTUM_KEYS = ("momentum_buffer", "exp_avg")
SQUARED_KEYS = ("sum", "square_avg", "exp_avg_sq")


@dataclass(frozen=True)
class StepRecord:
    """The numbers of one update, kept so it can be narrated stage by stage."""

    step: int
    before: Array
    after: Array
    gradient: Array
    loss: float
    lr: float
    hyper: dict
    state_before: dict[str, Array | None]
    state_after: dict[str, Array | None]


class Racer:
    """One optimizer running on an objective from a start point; never raises on divergence.

    ``status`` is ``"running"``, ``"converged"`` (‖gradient‖ < tol) or ``"diverged"`` (the
    point or the loss stopped being finite, or the point went further than ``escape``).
    After divergence ``point`` may be infinite; ``path.points[-1]`` is the last finite place.
    """

    def __init__(
        self,
        kind: str,
        objective: Objective,
        start: Sequence[float],
        lr: float = 0.01,
        max_path: int = 2000,
        tol: float = 1e-3,
        escape: float = 1e4,
        **hyper: object,
    ) -> None:
        self.kind, self.label = kind, LABELS.get(kind, kind)
        self.objective = objective
        self.tol, self.escape = float(tol), float(escape)
        self.hyper = {"lr": float(lr), **hyper}
        self.path = BoundedPath(max_path)
        self.restart(start)

    def restart(self, start: Sequence[float]) -> None:
        """Back to ``start`` with a fresh optimizer (its state emptied)."""
        self.point = np.array(start, dtype=float)
        self.optimizer = make_optimizer(self.kind, [self.point], **self.hyper)
        self.steps, self.status = 0, "running"
        self.last: StepRecord | None = None  # the numbers of the latest update, for narration
        self.path.clear()
        self._evaluate()  # loss and gradient at the start; records it as the path's first point

    def set_lr(self, lr: float) -> None:
        """A new learning rate from the next step on; position and state are kept."""
        self.optimizer.set_hyper(lr=float(lr))
        self.hyper["lr"] = float(lr)

    @property
    def momentum(self) -> Array | None:
        """The velocity vector (momentum buffer, or Adam's first moment), if there is one."""
        return _state_entry(self.optimizer.state, MOMENTUM_KEYS)

    @property
    def squared(self) -> Array | None:
        """The accumulated squared gradient per axis (AdaGrad sum, RMSprop/Adam average)."""
        return _state_entry(self.optimizer.state, SQUARED_KEYS)

    def step(self) -> bool:
        """One update; returns False (and moves nothing) once the racer has stopped."""
        if self.status != "running":
            return False
        if np.linalg.norm(self.gradient) < self.tol:
            self.status = "converged"  # the slope is (almost) flat: nothing left to do
            return False
        before, state_before = self.point.copy(), _copy_state(self.optimizer.state)
        with np.errstate(all="ignore"):  # a diverging run overflows; that is the lesson
            self.optimizer.step([self.gradient.copy()])
        self.steps += 1
        self.last = StepRecord(
            self.steps,
            before,
            self.point.copy(),
            self.gradient.copy(),
            self.loss,
            self.optimizer.lr,
            dict(self.optimizer.hyper),
            state_before,
            _copy_state(self.optimizer.state),
        )
        self._evaluate()
        return True

    def _evaluate(self) -> None:
        """Loss and gradient at the current point; decide whether the run has diverged."""
        with np.errstate(all="ignore"):
            finite = bool(np.all(np.isfinite(self.point)))
            nowhere = (np.nan, np.full_like(self.point, np.nan))
            loss, grad = self.objective(self.point.copy()) if finite else nowhere
        self.loss, self.gradient = float(loss), np.asarray(grad, dtype=float)
        ok = finite and np.isfinite(self.loss) and np.all(np.isfinite(self.gradient))
        if ok and np.max(np.abs(self.point)) <= self.escape:
            self.path.add(self.steps, self.point)
        else:
            self.status = "diverged"


class Race:
    """Several racers from the same start with the same learning rate (unless overridden).

    ``settings`` maps a racer's kind to its own hyper-parameters, e.g. ``{"adam": {"lr":
    0.1}}``; anything not given there is the optimizer's torch default.
    """

    def __init__(
        self,
        objective: Objective,
        start: Sequence[float],
        lr: float = 0.01,
        racers: Sequence[str] = RACERS,
        settings: Mapping[str, Mapping[str, object]] | None = None,
        **options: float,
    ) -> None:
        self.objective, self.start = objective, tuple(float(v) for v in start)
        settings = settings or {}
        self.racers = {}
        for kind in racers:
            own: dict[str, Any] = {"lr": lr, **options, **settings.get(kind, {})}
            self.racers[kind] = Racer(kind, objective, self.start, **own)

    def step(self) -> bool:
        """One update for every racer still running; False once all have stopped."""
        moved = [r.step() for r in self.racers.values()]
        return any(moved)

    def run(self, steps: int) -> int:
        """Up to ``steps`` rounds; returns how many rounds moved anyone."""
        for done in range(steps):
            if not self.step():
                return done
        return steps

    def restart(self, start: Sequence[float] | None = None) -> None:
        """Every racer back to ``start`` (or the old start), optimizers fresh."""
        if start is not None:
            self.start = tuple(float(v) for v in start)
        for racer in self.racers.values():
            racer.restart(self.start)

    def set_lr(self, lr: float) -> None:
        """The same new learning rate for every racer."""
        for racer in self.racers.values():
            racer.set_lr(lr)

    @property
    def finished(self) -> bool:
        """True when no racer is running any more."""
        return all(r.status != "running" for r in self.racers.values())


def _copy_state(state: dict[str, list]) -> dict[str, Array | None]:
    """The optimizer's state for our single parameter, copied (None where not started)."""
    return {k: (None if v[0] is None else np.array(v[0], dtype=float)) for k, v in state.items()}


def _state_entry(state: dict[str, list], keys: Sequence[str]) -> Array | None:
    for key in keys:
        if key in state and state[key][0] is not None:
            return np.array(state[key][0], dtype=float)
    return None
