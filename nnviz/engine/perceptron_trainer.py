"""The perceptron rule as a training loop: one example at a time, a StepEvent per step."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from nnviz.engine.perceptron import Perceptron
from nnviz.engine.trainer import StepEvent
from nnviz.text import _

Array = np.ndarray
RULES = ("perceptron", "averaged_perceptron")


class PerceptronTrainer:
    """Trains a :class:`Perceptron` on (X, y) with the same generator interface as ``Trainer``.

    The rule (CS188): predict with the step of z = w·x − b; on a mistake, w ← w + y*·x with
    y* = ±1 (labels {0, 1} are read as −1/+1). Nothing changes on a correct answer.

    ``rule`` is ``"perceptron"`` (predict with the raw weights) or ``"averaged_perceptron"``
    (predict with the mean of every weight vector held so far). Both weight vectors are
    always available, so a window can draw both lines.

    Attributes
    ----------
    mistakes : list of int
        Updates made in each finished epoch (the mistakes-per-epoch curve).
    raw_errors, averaged_errors : list of int
        Points on the wrong side after each epoch, for the raw and the averaged weights.
    """

    def __init__(
        self,
        X: Array,
        y: Array,
        rule: str = "perceptron",
        bias: bool = True,
        seed: int = 0,
        shuffle: bool = True,
    ) -> None:
        if rule not in RULES:
            raise ValueError(
                _(
                    "unknown rule {rule!r}; choose one of {choices}",
                    rule=rule,
                    choices=", ".join(RULES),
                )
            )
        self.X = np.asarray(X, dtype=float)
        self.y = np.asarray(y)
        if self.X.ndim != 2 or len(self.X) != len(self.y):
            raise ValueError(_("X must be (N, d) with one label per row"))
        self.rule, self.shuffle = rule, bool(shuffle)
        self.rng = np.random.default_rng(seed)
        self.model = Perceptron(self.X.shape[1], bias=bias)
        self.epoch = self.step = 0
        self.mistakes: list[int] = []
        self.raw_errors: list[int] = []
        self.averaged_errors: list[int] = []

    @property
    def raw_weights(self) -> tuple[Array, float]:
        """The raw perceptron's (w, b): the line the rule is moving right now."""
        return self.model.w.copy(), float(self.model.b)

    @property
    def averaged_weights(self) -> tuple[Array, float]:
        """The averaged perceptron's (w̄, b̄): the mean of every (w, b) held after each example."""
        w, b = self.model.averaged()
        return np.array(w, dtype=float), float(b)

    @property
    def weights(self) -> tuple[Array, float]:
        """The weights this rule predicts with (raw or averaged)."""
        return self.averaged_weights if self.rule == "averaged_perceptron" else self.raw_weights

    def errors(self, averaged: bool | None = None) -> int:
        """Zero-one loss on the training set (default: with the weights this rule predicts by)."""
        use_avg = self.rule == "averaged_perceptron" if averaged is None else averaged
        return self.model.errors(self.X, self.y, averaged=use_avg)

    def run(self) -> Iterator[StepEvent]:
        """Yield a ``batch`` event per example (loss = 1 for a mistake, else 0) and an
        ``epoch`` event per pass (loss = mistakes made in that pass), forever."""
        while True:
            if len(self.X) == 0:
                yield StepEvent("idle", self.epoch, self.step, float("nan"), _("no points yet"))
                continue
            order = self.rng.permutation(len(self.X)) if self.shuffle else range(len(self.X))
            made = 0
            for i in order:
                # One example through the shared rule: it updates only on a mistake.
                wrong = self.model.epoch(self.X, self.y, order=[int(i)])
                made += wrong
                self.step += 1
                yield StepEvent("batch", self.epoch, self.step, float(wrong))
            self.epoch += 1
            self.mistakes.append(made)
            self.raw_errors.append(self.errors(averaged=False))
            self.averaged_errors.append(self.errors(averaged=True))
            yield StepEvent("epoch", self.epoch, self.step, float(made))

    def run_epochs(self, epochs: int) -> list[int]:
        """Train ``epochs`` full passes; return the mistakes made in each of them."""
        target = self.epoch + int(epochs)
        for event in self.run():
            if event.kind == "epoch" and self.epoch >= target:
                break
        return self.mistakes[-int(epochs) :] if epochs else []
