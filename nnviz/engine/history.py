"""Training curves with bounded memory: thin out old points instead of growing forever."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

SERIES = ("train_loss", "test_loss", "train_acc", "test_acc")


@dataclass
class History:
    """Per-epoch metrics, decimated so memory stays under ``capacity`` points.

    When full, every second point is dropped and from then on only every ``stride``-th
    epoch is kept, so a run of a million epochs still fits and still shows its whole shape.
    """

    capacity: int = 2000
    stride: int = 1
    epochs: list[int] = field(default_factory=list)
    values: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in SERIES})

    def record(self, epoch: int, **metrics: float) -> None:
        """Add one epoch's metrics (kept only if the epoch falls on the current stride)."""
        if epoch % self.stride:
            return
        self.epochs.append(int(epoch))
        for key in SERIES:
            self.values[key].append(float(metrics.get(key, float("nan"))))
        if len(self.epochs) >= self.capacity:
            self.epochs = self.epochs[::2]
            self.values = {k: v[::2] for k, v in self.values.items()}
            self.stride *= 2

    def arrays(self) -> dict[str, np.ndarray]:
        """Copies of every series as arrays (safe to hand to another thread)."""
        out = {k: np.array(v) for k, v in self.values.items()}
        out["epoch"] = np.array(self.epochs, dtype=float)
        return out

    def clear(self) -> None:
        """Forget everything (after a reset)."""
        self.stride = 1
        self.epochs = []
        self.values = {k: [] for k in SERIES}

    def __len__(self) -> int:
        return len(self.epochs)
