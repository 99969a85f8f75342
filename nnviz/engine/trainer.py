"""The training loop as a pure generator: mini-batch steps, epochs, history, divergence."""

from __future__ import annotations

import numbers
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import numpy as np

from nnviz.data.limits import shown
from nnviz.engine.activations import get_activation
from nnviz.engine.history import History
from nnviz.engine.metrics import accuracy
from nnviz.engine.mlp import MLP
from nnviz.engine.optimizers import Optimizer, make_optimizer
from nnviz.engine.prepared import PreparedStep
from nnviz.text import _

Array = np.ndarray

# Weights this large mean the run has blown up even if float64 has not overflowed yet.
WEIGHT_LIMIT = 1e6
# The largest learning rate / penalty and mini-batch a configuration may ask for.
MAX_LR = 1e6
MAX_BATCH_SIZE = 100_000
# Early stopping waits at most this many epochs without an improvement.
MAX_PATIENCE = 100_000


class TrainingError(ValueError):
    """A configuration that cannot be trained, with a message for the user."""


@dataclass(frozen=True)
class TrainConfig:
    """Everything about how to train that can change without touching the network."""

    loss: str = "log"
    optimizer: str = "sgd"
    lr: float = 0.03
    batch_size: int = 10
    l1: float = 0.0
    l2: float = 0.0
    optimizer_options: dict = field(default_factory=dict)
    classification: bool = True
    early_stopping: bool = False  # hold out a validation split; stop when its loss stalls
    patience: int = 20  # epochs without a better validation loss before stopping

    def validated(self) -> TrainConfig:
        """Return self, or raise TrainingError naming the first bad value.

        Bounds: 0 ≤ lr ≤ MAX_LR, whole batch size 1..MAX_BATCH_SIZE, 0 ≤ L1, L2 ≤ MAX_LR,
        whole patience 1..MAX_PATIENCE; names are text and the optimizer options a table.
        True is not a number here.
        """
        for name, value in (
            (_("learning rate"), self.lr),
            ("L1 rate", self.l1),
            ("L2 rate", self.l2),
        ):
            real = isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)
            if not (real and 0 <= value <= MAX_LR):  # NaN fails every comparison
                raise TrainingError(
                    _(
                        "{name} must be a finite number from 0 to {max_lr:g}, not {value}",
                        name=name,
                        max_lr=MAX_LR,
                        value=shown(value),
                    )
                )
        size = self.batch_size
        if not isinstance(size, numbers.Integral) or isinstance(size, bool | np.bool_):
            raise TrainingError(
                _("batch size must be a whole number, not {size}", size=shown(size))
            )
        if not 1 <= size <= MAX_BATCH_SIZE:
            raise TrainingError(
                _(
                    "batch size must be 1 to {max_batch_size}, not {size}",
                    max_batch_size=MAX_BATCH_SIZE,
                    size=shown(size),
                )
            )
        if not (isinstance(self.loss, str) and isinstance(self.optimizer, str)):
            raise TrainingError(_("the loss and the optimizer must be given by name"))
        if not isinstance(self.optimizer_options, dict):
            raise TrainingError(_("the optimizer options must be a table of settings"))
        if not isinstance(self.classification, bool | np.bool_):
            raise TrainingError(_("classification must be true or false"))
        if not isinstance(self.early_stopping, bool | np.bool_):
            raise TrainingError(_("early stopping must be on or off (true or false)"))
        wait = self.patience
        whole = isinstance(wait, numbers.Integral) and not isinstance(wait, bool | np.bool_)
        if not (whole and 1 <= wait <= MAX_PATIENCE):
            raise TrainingError(
                _(
                    "patience must be a whole number of epochs from 1 to {max_patience}, not "
                    "{wait}",
                    max_patience=MAX_PATIENCE,
                    wait=shown(wait),
                )
            )
        return self


@dataclass(frozen=True)
class StepEvent:
    """What one iteration of the loop did: ``batch``, ``epoch``, ``diverged`` or ``idle``."""

    kind: str
    epoch: int
    step: int
    loss: float
    message: str = ""


class Trainer:
    """Trains an MLP on (X, y); data and settings may be swapped between steps."""

    def __init__(
        self,
        net: MLP,
        train: tuple[Array, Array],
        test: tuple[Array, Array] | None = None,
        config: TrainConfig | None = None,
        seed: int = 0,
        history_capacity: int = 2000,
        check_slopes: bool = True,
    ) -> None:
        self.net = net
        self.rng = np.random.default_rng(seed)
        self.config = (config or TrainConfig()).validated()
        # check_slopes=False builds a trainer for a hand-wired step network, which can then be
        # shown and evaluated; whoever trains it must call check_slopes(net) first.
        self.check_slopes = check_slopes
        _check_trainable(net, self.config, check_slopes)
        self.optimizer: Optimizer = self._make_optimizer()
        self.history = History(capacity=history_capacity)
        self.epoch = 0
        self.step = 0
        self._prep: PreparedStep | None = None  # built lazily, dropped when data/config change
        self._last_grads: list[Array] | None = None  # None: read from the prepared buffers
        self._last_update: list[Array] | None = None
        self._unprepared: MLP | None = None  # a net found unusable for the prepared step
        self.last_grads = [np.zeros_like(p) for p in net.params]
        self.last_update = [np.zeros_like(p) for p in net.params]
        self._data_version = 0
        self.set_data(train, test)

    # ----- the last step's gradient and update (kept flat, cut into arrays when read) -------
    @property
    def last_grads(self) -> list[Array]:
        """The gradient of the last step, one array per parameter (copies)."""
        if self._last_grads is None:
            return self._prep.split(self._prep.grad.copy())  # type: ignore[union-attr]
        return self._last_grads

    @last_grads.setter
    def last_grads(self, value: list[Array]) -> None:
        self._last_grads = value

    @property
    def last_update(self) -> list[Array]:
        """How much each parameter moved in the last step (copies)."""
        if self._last_update is None:
            return self._prep.split(self._prep.update.copy())  # type: ignore[union-attr]
        return self._last_update

    @last_update.setter
    def last_update(self, value: list[Array]) -> None:
        self._last_update = value

    # ----- live changes ----------------------------------------------------------------------
    def set_data(self, train: tuple[Array, Array], test: tuple[Array, Array] | None) -> None:
        """Swap the training/test data; the current epoch restarts its shuffle."""
        self.X, self.y = (np.asarray(a) for a in train)
        empty = (np.zeros((0, self.X.shape[1] if self.X.ndim == 2 else 1)), np.zeros(0))
        self.X_test, self.y_test = (np.asarray(a) for a in (test or empty))
        self._data_version += 1
        self._drop_prepared()

    def set_config(self, config: TrainConfig) -> None:
        """Apply new settings without resetting the weights; a new optimizer starts fresh."""
        config = config.validated()
        _check_trainable(self.net, config, self.check_slopes)
        old = self.config
        # Build the new optimizer before adopting the config, so a bad one changes nothing.
        if (old.optimizer, old.optimizer_options) != (config.optimizer, config.optimizer_options):
            self.optimizer = self._make_optimizer(config)
        elif old.lr != config.lr:
            self.optimizer.set_hyper(lr=config.lr)
        self.config = config
        self._drop_prepared()

    def _make_optimizer(self, config: TrainConfig | None = None) -> Optimizer:
        config = config or self.config
        opts = {**config.optimizer_options, "lr": config.lr}
        try:
            return make_optimizer(config.optimizer, self.net.params, **opts)
        except ValueError as exc:
            raise TrainingError(str(exc)) from None

    # ----- the loop --------------------------------------------------------------------------
    def run(self) -> Iterator[StepEvent]:
        """Yield after every mini-batch and at the end of every epoch, forever.

        Stops (returns) after yielding a ``diverged`` event; the last finite weights are back.
        """
        while True:
            if len(self.X) == 0:
                yield StepEvent(
                    "idle",
                    self.epoch,
                    self.step,
                    float("nan"),
                    _("no training points yet: add some points to train on"),
                )
                continue
            version = self._data_version
            order = self.rng.permutation(len(self.X))
            prep = self._prepared()
            if prep is not None:  # shuffle the prepared data once; each batch is then a slice
                X, y = prep.train_data  # type: ignore[misc]
                X, y = X[order], y[order]
            # Every batch is complete except possibly the last, which is used as it is
            # (nothing carries over into the next epoch, unlike the Playground).
            for start in range(0, len(order), int(self.config.batch_size)):
                stop = start + int(self.config.batch_size)
                if prep is not None and prep is self._prep:
                    event = self._fast_batch(prep, X[start:stop], y[start:stop])
                else:
                    event = self.train_batch(order[start:stop])
                yield event
                if event.kind == "diverged":
                    return
                if version != self._data_version:
                    break  # the data changed: reshuffle the new points
            else:
                self.epoch += 1
                metrics = self.evaluate()
                self.history.record(self.epoch, **metrics)
                yield StepEvent("epoch", self.epoch, self.step, metrics["train_loss"])

    def train_batch(self, rows: Array) -> StepEvent:
        """One gradient step on the given rows of the training set."""
        prep = self._prepared()
        if prep is not None:
            X, y = prep.train_data  # type: ignore[misc]
            return self._fast_batch(prep, X[rows], y[rows])
        cfg = self.config
        saved = [p.copy() for p in self.net.params]
        loss, grads = self.net.loss_and_grads(self.X[rows], self.y[rows], cfg.loss, cfg.l1, cfg.l2)
        if np.isfinite(loss) and all(np.isfinite(g).all() for g in grads):
            self.optimizer.step(grads)
            if all((np.abs(p) < WEIGHT_LIMIT).all() for p in self.net.params):
                self.step += 1
                self.last_grads = grads
                self.last_update = [p - s for p, s in zip(self.net.params, saved, strict=True)]
                return StepEvent("batch", self.epoch, self.step, loss)
        self.net.set_params(saved)
        return self._diverged(loss)

    def _fast_batch(self, prep: PreparedStep, X: Array, y: Array) -> StepEvent:
        """``train_batch`` on prepared rows: one flat gradient, one fused optimizer update."""
        loss, ok = prep.step(self.optimizer, X, y, WEIGHT_LIMIT)
        if not ok:
            return self._diverged(loss)
        self.step += 1
        self._last_grads = self._last_update = None  # read from the flat buffers
        return StepEvent("batch", self.epoch, self.step, loss)

    def _prepared(self) -> PreparedStep | None:
        """The prepared step for the current net, data and config (None if not possible)."""
        prep = self._prep
        if prep is not None and prep.net is self.net:
            return prep
        if self._unprepared is self.net:
            return None
        cfg = self.config
        prep = PreparedStep(self.net, cfg.loss, cfg.l1, cfg.l2)
        if not prep.usable:  # arrays cut loose from net.buffer: the per-array path is used
            self._unprepared = self.net
            return None
        prep.train_data = prep.data(self.X, self.y)
        self._drop_prepared()
        self._prep = prep
        return prep

    def _drop_prepared(self) -> None:
        """Forget the prepared step, first cutting out the last step's numbers it still holds."""
        if self._prep is not None and self._last_grads is None:
            self._last_grads, self._last_update = self.last_grads, self.last_update
        self._prep = self._unprepared = None

    def _diverged(self, loss: float) -> StepEvent:
        # Divergence is a lesson, not a crash: keep the last finite weights and start the
        # optimizer afresh, since its momentum/averages were built by the runaway steps.
        self.optimizer = self._make_optimizer()
        what = (
            _("loss → inf")
            if not np.isfinite(loss)
            else _("weights → beyond {weight_limit:.0e}", weight_limit=WEIGHT_LIMIT)
        )
        return StepEvent(
            "diverged",
            self.epoch,
            self.step,
            float("inf"),
            _(
                "diverged at epoch {epoch} ({what}); the last finite weights were "
                "restored — try a smaller learning rate",
                epoch=self.epoch + 1,
                what=what,
            ),
        )

    def evaluate(self) -> dict[str, float]:
        """Train and test loss (and accuracy for classification) at the current weights."""
        out: dict[str, float] = {}
        prep = self._prepared() if len(self.X) else None
        for split, X, y in (("train", self.X, self.y), ("test", self.X_test, self.y_test)):
            if len(X) == 0:
                out[f"{split}_loss"] = out[f"{split}_acc"] = float("nan")
                continue
            cfg = self.config
            if prep is not None:
                if split == "test" and prep.test_data is None:
                    prep.test_data = prep.data(X, y)
                data = prep.train_data if split == "train" else prep.test_data
                assert data is not None
                out[f"{split}_loss"], out[f"{split}_acc"] = prep.evaluate(
                    *data, y, cfg.classification
                )
                continue
            out[f"{split}_loss"] = self.net.loss(X, y, cfg.loss, cfg.l1, cfg.l2)
            out[f"{split}_acc"] = (
                accuracy(self.net.forward(X), y, cfg.loss) if cfg.classification else float("nan")
            )
        return out

    def reset_state(self) -> None:
        """Forget history and optimizer state (after the weights were re-randomised)."""
        self.epoch = self.step = 0
        self.history.clear()
        self.optimizer = self._make_optimizer()
        self._prep = None
        self.last_grads = [np.zeros_like(p) for p in self.net.params]
        self.last_update = [np.zeros_like(p) for p in self.net.params]

    def with_lr(self, lr: float) -> None:
        """Shortcut: change only the learning rate."""
        self.set_config(replace(self.config, lr=lr))


def _check_trainable(net: MLP, config: TrainConfig, slopes: bool = True) -> None:
    try:
        net.check_loss(config.loss)
    except ValueError as exc:
        raise TrainingError(str(exc)) from None
    if slopes:
        check_slopes(net)


def check_slopes(net: MLP) -> None:
    """Refuse gradient descent through an activation that is flat everywhere (the step)."""
    for name in net.activations:
        if not get_activation(name).has_gradient:
            raise TrainingError(
                _(
                    "the {name} activation has zero slope everywhere, so gradient descent "
                    "cannot learn through it; use the perceptron rule or pick "
                    "sigmoid/tanh/relu",
                    name=name,
                )
            )
