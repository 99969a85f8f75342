"""A run's training curves: the engine's history plus validation loss and mistakes per epoch."""

from __future__ import annotations

from dataclasses import dataclass

from nnviz.engine.history import History

# Series a run adds to the engine's four: NaN in every epoch that did not measure them.
EXTRA_SERIES = ("val_loss", "mistakes")


@dataclass
class RunHistory(History):
    """:class:`History` with ``val_loss`` (early stopping) and ``mistakes`` (perceptron rule).

    The extra series are decimated together with the others, so every series keeps one value
    per kept epoch.
    """

    def __post_init__(self) -> None:
        for key in EXTRA_SERIES:
            self.values.setdefault(key, [])

    def record(self, epoch: int, **metrics: float) -> None:
        """Add one epoch's metrics; the extra series first, so thinning treats all alike."""
        if epoch % self.stride == 0:
            for key in EXTRA_SERIES:
                self.values[key].append(float(metrics.get(key, float("nan"))))
        super().record(epoch, **metrics)

    def amend(self, epoch: int, **metrics: float) -> None:
        """Fill in values measured after ``epoch`` was recorded (if that epoch was kept)."""
        if self.epochs and self.epochs[-1] == int(epoch):
            for key, value in metrics.items():
                self.values[key][-1] = float(value)

    def clear(self) -> None:
        """Forget everything (after a reset)."""
        super().clear()
        self.__post_init__()
