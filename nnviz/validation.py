"""Early stopping for a run: a seeded validation split, watched once per epoch."""

from __future__ import annotations

import numpy as np

from nnviz.engine.early_stopping import EarlyStopping
from nnviz.engine.mlp import MLP
from nnviz.run_history import RunHistory
from nnviz.text import _

Array = np.ndarray
Split = tuple[Array, Array]

# The share of the training points held out to watch (never trained on while early stopping).
VALIDATION_SHARE = 0.2


def validation_split(train: Split, seed: int) -> tuple[Split, Split]:
    """Hold out 20 % of the training points, picked by a generator seeded with ``seed``.

    At least one point is held out and at least one kept (fewer than two points: none held
    out). Both parts keep the points' original order. Returns (fit, validation).
    """
    X, y = (np.asarray(a) for a in train)
    n = len(X)
    k = min(max(1, round(VALIDATION_SHARE * n)), n - 1) if n >= 2 else 0
    order = np.random.default_rng(seed).permutation(n)
    held, kept = np.sort(order[:k]), np.sort(order[k:])
    return (X[kept], y[kept]), (X[held], y[held])


class EarlyStopWatch:
    """Feeds the validation loss to :class:`EarlyStopping` and puts the best weights back.

    After a stop the watch keeps its best epoch and loss: training on from there stops again
    after ``patience`` more epochs unless the validation loss beats that best.
    """

    def __init__(self, patience: int, validation: Split, loss: str) -> None:
        self.monitor = EarlyStopping(patience=int(patience))
        self.validation, self.loss = validation, loss

    @property
    def best_epoch(self) -> int | None:
        """The epoch with the lowest validation loss so far (None before the first)."""
        return self.monitor.best_epoch

    def after_epoch(self, net: MLP, epoch: int, history: RunHistory) -> str | None:
        """Record this epoch's validation loss; on a stop restore the best weights and say so."""
        X, y = self.validation
        if len(X) == 0:
            return None  # nothing held out (fewer than two points): nothing to watch
        val_loss = net.loss(X, y, self.loss)  # the data loss alone: penalties are not error
        history.amend(epoch, val_loss=val_loss)
        m = self.monitor
        if not m.update(epoch, val_loss, net.params) or m.best_params is None:
            return None
        net.set_params(m.best_params)
        m.stopped_epoch, m.waited = None, 0  # ready to watch again if training goes on
        return _(
            "stopped early at epoch {epoch}: validation loss had not improved for "
            "{patience} epochs; the best weights, from epoch {best_epoch}, are restored",
            epoch=epoch,
            patience=m.patience,
            best_epoch=m.best_epoch,
        )
