"""Early stopping: watch the validation loss, keep the best weights, stop when it stalls."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from nnviz.text import _

Array = np.ndarray


@dataclass
class EarlyStopping:
    """A small monitor fed ``(epoch, val_loss, params)`` once per epoch.

    It remembers the epoch with the lowest validation loss and a copy of the weights then.
    When the loss has not improved (by more than ``min_delta``) for ``patience`` epochs in a
    row, ``should_stop`` becomes True: from there on the network is only memorising its
    training points, and the best weights should be put back.
    """

    patience: int = 10
    min_delta: float = 0.0
    best_epoch: int | None = None
    best_loss: float = float("inf")
    best_params: list[Array] | None = None
    stopped_epoch: int | None = None
    waited: int = 0
    losses: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        if int(self.patience) < 1:
            raise ValueError(
                _("patience must be at least 1 epoch, not {patience}", patience=self.patience)
            )
        if not np.isfinite(self.min_delta) or self.min_delta < 0:
            raise ValueError(
                _(
                    "min_delta must be a finite number ≥ 0, not {min_delta}",
                    min_delta=self.min_delta,
                )
            )

    @property
    def should_stop(self) -> bool:
        """True once the validation loss has stalled for ``patience`` epochs."""
        return self.stopped_epoch is not None

    def update(self, epoch: int, val_loss: float, params: Sequence[Array]) -> bool:
        """Record one epoch; return True when training should stop.

        An epoch improves when val_loss < best_loss − min_delta; a NaN loss never does.
        """
        self.losses.append(float(val_loss))
        if np.isfinite(val_loss) and val_loss < self.best_loss - self.min_delta:
            self.best_epoch, self.best_loss = int(epoch), float(val_loss)
            self.best_params = [np.array(p, dtype=float, copy=True) for p in params]
            self.waited = 0
        else:
            self.waited += 1
            if self.waited >= self.patience and self.stopped_epoch is None:
                self.stopped_epoch = int(epoch)
        return self.should_stop
