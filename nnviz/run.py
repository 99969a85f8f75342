"""One network being trained over the lab's data: its architecture, trainer, undo and pace.

The lab trains one or more runs over one copy of the data. The live playground is a run of
one; an experiment (a width × seed sweep) is many.
"""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from nnviz.engine.mlp import MLP
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import StepEvent, TrainConfig, Trainer
from nnviz.snapshot import frozen_all

Array = np.ndarray
Split = tuple[Array, Array]


@dataclass(frozen=True)
class RunState:
    """One run at one moment, as the views and experiments see it (read-only arrays)."""

    label: str
    epoch: int
    step: int
    spec: NetworkSpec
    config: TrainConfig
    params: tuple[Array, ...]
    metrics: dict[str, float] = field(default_factory=dict)
    history: dict[str, Array] = field(default_factory=dict)


class Run:
    """A network, its trainer, the undo history of manual steps, and its epoch rate."""

    def __init__(
        self,
        spec: NetworkSpec,
        config: TrainConfig,
        train: Split,
        test: Split,
        clock: Callable[[], float],
        label: str = "live",
    ) -> None:
        self.spec, self.config, self.label = spec, config, label
        self.rate = RateMeter(clock)
        self.undo: deque[dict] = deque(maxlen=100)  # states before each manual step
        self.build(spec.build(), train, test)

    def build(self, net: MLP, train: Split, test: Split) -> None:
        """Start over with ``net``: a new trainer, an empty undo history."""
        self.undo.clear()
        self.net = net
        self.trainer = Trainer(net, train, test, config=self.config, seed=self.spec.seed)
        self.events: Iterator[StepEvent] = self.trainer.run()

    def next_event(self) -> StepEvent:
        """Train one mini-batch (or finish an epoch); an epoch also ticks the rate meter."""
        event = next(self.events)
        if event.kind == "epoch":
            self.rate.epoch_done()
        elif event.kind == "diverged":
            self.events = self.trainer.run()  # a fresh loop for when the user tries again
        return event

    def remember(self) -> None:
        """Save everything a step changes, so ``step_back`` can undo it exactly."""
        t = self.trainer
        self.undo.append(
            {
                "params": [p.copy() for p in self.net.params],
                "optimizer": copy.deepcopy(t.optimizer.state),
                "optimizer_steps": t.optimizer.steps,
                "epoch": t.epoch,
                "step": t.step,
                "history": copy.deepcopy(t.history),
                "grads": t.last_grads,
                "update": t.last_update,
                "rng": copy.deepcopy(t.rng.bit_generator.state),
            }
        )

    def step_back(self) -> None:
        """Undo the last manual step exactly (weights, optimizer state, counters, shuffle)."""
        if not self.undo:
            raise ValueError("nothing to step back to: step back undoes manual steps only")
        state = self.undo.pop()
        t = self.trainer
        self.net.set_params(state["params"])
        t.optimizer.state, t.optimizer.steps = state["optimizer"], state["optimizer_steps"]
        t.epoch, t.step, t.history = state["epoch"], state["step"], state["history"]
        t.last_grads, t.last_update = state["grads"], state["update"]
        t.rng.bit_generator.state = state["rng"]
        self.events = t.run()  # restart the loop so the next step replays identically

    def state(self, metrics: dict[str, float] | None = None) -> RunState:
        """This run now, as a frozen value."""
        t = self.trainer
        return RunState(
            self.label,
            t.epoch,
            t.step,
            self.spec,
            self.config,
            frozen_all(self.net.params),
            t.evaluate() if metrics is None else metrics,
            t.history.arrays(),
        )


class RateMeter:
    """Counts the epochs finished in the last second, and paces training to a speed limit."""

    WINDOW_S = 1.0

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.times: deque[float] = deque()  # epochs within the last second only: no cap
        self.last: float | None = None  # when the latest epoch finished

    def epoch_done(self) -> None:
        """One more epoch finished now."""
        now = self.last = self.clock()
        self.times.append(now)
        self._forget_before(now - self.WINDOW_S)

    def may_start_epoch(self, limit: float) -> bool:
        """At a limit of ``limit`` epochs/s, is it time for the next one?"""
        return self.last is None or self.clock() - self.last >= 1.0 / limit

    def rate(self) -> float:
        """Epochs finished in the last second (a measurement, not a setting)."""
        self._forget_before(self.clock() - self.WINDOW_S)
        return float(len(self.times))

    def _forget_before(self, t: float) -> None:
        while self.times and self.times[0] < t:
            self.times.popleft()
