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
from nnviz.engine.trainer import StepEvent, TrainConfig, Trainer, check_slopes
from nnviz.rules import (
    PerceptronDriver,
    check_rule_network,
    evaluate_params,
    gradient_config,
    is_rule,
)
from nnviz.run_history import RunHistory
from nnviz.snapshot import frozen_all
from nnviz.text import _
from nnviz.validation import EarlyStopWatch, validation_split

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
    """A network, its trainer (or perceptron rule), early-stopping watch, undo and epoch rate.

    Gradient optimizers train through ``Trainer.run``; the perceptron rules through a
    :class:`~nnviz.rules.PerceptronDriver` that keeps the same trainer's counters, history and
    evaluation up to date. With early stopping on, 20 % of the training points are held out
    (``nnviz.validation``) and only the rest are trained on.
    """

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
        """Start over with ``net``: a new trainer, an empty undo history.

        Under a perceptron rule the weights start at w = 0, as the rule does in CS188; the
        seed then only decides the order the points are visited in.
        """
        self.undo.clear()
        self.net, self.train, self.test = net, train, test
        config = gradient_config(self.config)
        self.trainer = Trainer(
            net, self._fit_split(), test, config, seed=self.spec.seed, check_slopes=False
        )
        self.trainer.history = RunHistory(capacity=self.trainer.history.capacity)
        self.events: Iterator[StepEvent] = self.trainer.run()
        self.rule: PerceptronDriver | None = None
        if is_rule(self.config.optimizer) and rule_fits(net):
            net.set_params([np.zeros_like(p) for p in net.params])
            self.rule = PerceptronDriver(self.trainer, self.config.optimizer, self.spec.seed)

    def _fit_split(self) -> Split:
        """The points trained on; with early stopping, a new watch over the held-out rest."""
        self.watch: EarlyStopWatch | None = None
        if not self.config.early_stopping:
            return self.train
        fit, held = validation_split(self.train, self.spec.seed)
        self.watch = EarlyStopWatch(self.config.patience, held, self.config.loss)
        return fit

    # ----- live changes ----------------------------------------------------------------------
    def set_data(self, train: Split, test: Split) -> None:
        """New points of the same task: the weights stay; the rule's averages start again."""
        self.train, self.test = train, test
        self.trainer.set_data(self._fit_split(), test)
        if self.rule is not None:
            self.rule = PerceptronDriver(self.trainer, self.rule.rule, self.spec.seed)

    def set_config(self, config: TrainConfig) -> None:
        """New settings, live; a bad one (or a rule this network cannot use) changes nothing."""
        config = config.validated()
        rule = is_rule(config.optimizer)
        if rule:
            check_rule_network(self.net)
        self.trainer.set_config(gradient_config(config))  # validates the rest first
        old, self.config = self.config, config
        if old.early_stopping != config.early_stopping:
            self.trainer.set_data(self._fit_split(), self.test)
        elif self.watch is not None:
            self.watch.monitor.patience, self.watch.loss = config.patience, config.loss
        if not rule:
            self.rule = None
        elif self.rule is None:
            self.rule = PerceptronDriver(self.trainer, config.optimizer, self.spec.seed)
        else:
            self.rule.engine.rule = config.optimizer  # raw ↔ averaged: the sums carry on

    # ----- training --------------------------------------------------------------------------
    def check_trainable(self) -> None:
        """Raise TrainingError (a ValueError) saying why this run cannot train as set."""
        if is_rule(self.config.optimizer):
            check_rule_network(self.net)
        else:
            check_slopes(self.net)

    def next_event(self) -> StepEvent:
        """Train one mini-batch or example (or finish an epoch, watched for early stopping).

        An epoch after which early stopping stops comes back as a ``stopped`` event, with the
        best weights already restored and the reason in its message.
        """
        self.check_trainable()
        event = self.rule.next_event() if self.rule is not None else next(self.events)
        if event.kind == "epoch":
            self.rate.epoch_done()
            stop = self.watch and self.watch.after_epoch(self.net, event.epoch, self.history)
            if stop:
                event = StepEvent("stopped", event.epoch, event.step, event.loss, stop)
        elif event.kind == "diverged":
            self.events = self.trainer.run()  # a fresh loop for when the user tries again
        return event

    @property
    def history(self) -> RunHistory:
        """The run's per-epoch curves."""
        return self.trainer.history  # type: ignore[return-value]

    @property
    def best_epoch(self) -> int | None:
        """Early stopping's best epoch so far (None when it is off or has seen no epoch)."""
        return None if self.watch is None else self.watch.best_epoch

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
                "rule": None if self.rule is None else self.rule.saved(),
                "watch": None if self.watch is None else copy.deepcopy(self.watch.monitor),
            }
        )

    def step_back(self) -> None:
        """Undo the last manual step exactly (weights, optimizer state, counters, shuffle)."""
        if not self.undo:
            raise ValueError(_("nothing to step back to: step back undoes manual steps only"))
        state = self.undo.pop()
        t = self.trainer
        self.net.set_params(state["params"])
        t.optimizer.state, t.optimizer.steps = state["optimizer"], state["optimizer_steps"]
        t.epoch, t.step, t.history = state["epoch"], state["step"], state["history"]
        t.last_grads, t.last_update = state["grads"], state["update"]
        t.rng.bit_generator.state = state["rng"]
        self.events = t.run()  # restart the loop so the next step replays identically
        if self.rule is not None and state["rule"] is not None:
            self.rule.restore(state["rule"])
        if self.watch is not None and state["watch"] is not None:
            self.watch.monitor = state["watch"]

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

    def averaged_state(self) -> RunState | None:
        """The averaged perceptron's weights as a run labelled "averaged" (None if not used)."""
        if self.rule is None or self.rule.rule != "averaged_perceptron":
            return None
        params = self.rule.averaged_params()
        t = self.trainer
        metrics = evaluate_params(self.net, params, t)
        return RunState(
            "averaged", t.epoch, t.step, self.spec, self.config, frozen_all(params), metrics
        )


def rule_fits(net: MLP) -> bool:
    """Can the perceptron rule train this network?"""
    try:
        check_rule_network(net)
    except ValueError:
        return False
    return True


def check_network(net: MLP, config: TrainConfig) -> None:
    """Raise TrainingError if a run could not even be built with this network and settings.

    A step network is fine here (it can be shown and evaluated); training it is checked later.
    """
    empty = (np.zeros((0, net.sizes[0])), np.zeros(0))
    Trainer(net, empty, None, gradient_config(config), check_slopes=False)


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
