"""The perceptron rule training a run's network: the engine's rule on the MLP's own weights."""

from __future__ import annotations

import copy
from dataclasses import replace

import numpy as np

from nnviz.engine.metrics import accuracy
from nnviz.engine.mlp import MLP
from nnviz.engine.perceptron_trainer import RULES, PerceptronTrainer
from nnviz.engine.spec import HEADS
from nnviz.engine.trainer import StepEvent, TrainConfig, Trainer, TrainingError
from nnviz.text import _

Array = np.ndarray
RULE_LABELS = {"perceptron": "Perceptron rule", "averaged_perceptron": "Averaged perceptron"}
# A step output says 0 or 1; its loss is read as MSE, i.e. the share of points it gets wrong.
STEP_HEAD = ("step", "mse")
RULE_OUTPUTS = ("step", "sigmoid")  # both put the boundary at z = 0, where the rule has it


def is_rule(optimizer: str) -> bool:
    """True for the perceptron rules, which are not gradient optimizers."""
    return optimizer in RULES


def heads_for(kind: str) -> list[tuple[str, str]]:
    """The (output, loss) pairs a task allows: the optimizers' heads, and a step for two classes."""
    return [*HEADS[kind], STEP_HEAD] if kind == "binary" else list(HEADS[kind])


def gradient_config(config: TrainConfig) -> TrainConfig:
    """The settings the gradient ``Trainer`` keeps (evaluation, history, counters) under a rule."""
    if not is_rule(config.optimizer):
        return config
    return replace(config, optimizer="sgd", optimizer_options={})


def check_rule_network(net: MLP) -> None:
    """Refuse a network the perceptron rule cannot train, saying why in plain words."""
    if net.n_layers != 1:
        hidden = ", ".join(str(n) for n in net.sizes[1:-1])
        raise TrainingError(
            _(
                "the perceptron rule trains a single layer of weights, but this network has "
                "hidden layers ({hidden}); remove them, or train it by gradient descent",
                hidden=hidden,
            )
        )
    if net.sizes[-1] != 1 or net.activations[-1] not in RULE_OUTPUTS:
        raise TrainingError(
            _(
                "the perceptron rule needs one step (or sigmoid) output for two classes, "
                "not {n_outputs} {activation} output(s)",
                n_outputs=net.sizes[-1],
                activation=net.activations[-1],
            )
        )


class PerceptronDriver:
    """Runs :class:`PerceptronTrainer`'s rule on a run's single-layer MLP.

    The engine keeps (w, threshold b) with z = w·x − b, the MLP keeps (W, bias) with
    z = x·W + bias: so w = W[:, 0] and b = −bias. After every example the MLP gets the raw
    weights; the averaged ones are read with :meth:`averaged_params`. Labels {0, 1} are ±1.
    The last "gradient" shown is the perceptron criterion's, −y·x on a mistake (0 otherwise),
    so the rule is descent on it with step 1.
    """

    def __init__(self, trainer: Trainer, rule: str, seed: int) -> None:
        check_rule_network(trainer.net)
        self.trainer, self.net = trainer, trainer.net
        self.engine = PerceptronTrainer(trainer.X, trainer.y, rule, bias=self.net.bias, seed=seed)
        self.engine.epoch, self.engine.step = trainer.epoch, trainer.step
        self.events = self.engine.run()

    def _load(self) -> None:
        """Take the network's weights as the rule's (an edit or a lesson may have set them)."""
        model = self.engine.model
        model.w = self.net.weights[0][:, 0].astype(float)
        model.b = -float(self.net.biases[0][0]) if self.net.bias else 0.0  # type: ignore[index]

    @property
    def rule(self) -> str:
        """``perceptron`` or ``averaged_perceptron``."""
        return self.engine.rule

    def next_event(self) -> StepEvent:
        """One example through the rule (or the end of a pass, recorded in the history)."""
        self._load()
        before = [p.copy() for p in self.net.params]
        event = next(self.events)
        t = self.trainer
        if event.kind == "batch":
            self.net.set_params(self._params(*self.engine.raw_weights))
            t.last_update = [p - o for p, o in zip(self.net.params, before, strict=True)]
            t.last_grads = [-u for u in t.last_update]
            t.step = event.step
        elif event.kind == "epoch":
            t.epoch, t.step = event.epoch, event.step
            mistakes = float(self.engine.mistakes[-1])
            t.history.record(t.epoch, **t.evaluate(), mistakes=mistakes)
        return event

    def averaged_params(self) -> list[Array]:
        """The averaged perceptron's weights in the MLP's layout [W̄, bias̄]."""
        self._load()  # before the first example the average is the current weights
        return self._params(*self.engine.averaged_weights)

    def _params(self, w: Array, b: float) -> list[Array]:
        W = np.asarray(w, dtype=float).reshape(-1, 1)
        return [W, np.array([-b])] if self.net.bias else [W]

    def saved(self) -> PerceptronTrainer:
        """A copy of the engine's whole state (weights, sums, shuffle, counters) for undo."""
        return copy.deepcopy(self.engine)

    def restore(self, engine: PerceptronTrainer) -> None:
        """Go back to a saved state; the next pass starts afresh from there."""
        self.engine = engine
        self.events = engine.run()


def evaluate_params(net: MLP, params: list[Array], trainer: Trainer) -> dict[str, float]:
    """Train/test loss and accuracy of ``net``'s architecture with other weights (no penalty)."""
    other = net.copy()
    other.set_params(params)
    loss, out = trainer.config.loss, {}
    for split, X, y in (("train", trainer.X, trainer.y), ("test", trainer.X_test, trainer.y_test)):
        empty = len(X) == 0
        out[f"{split}_loss"] = float("nan") if empty else other.loss(X, y, loss)
        out[f"{split}_acc"] = float("nan") if empty else accuracy(other.forward(X), y, loss)
    return out
