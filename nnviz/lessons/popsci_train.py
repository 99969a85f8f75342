"""Shared training for the popular-science lessons: the lab's Trainer, run for whole epochs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, overload

import numpy as np
from numpy.typing import ArrayLike

from nnviz.engine.mlp import MLP
from nnviz.engine.trainer import TrainConfig, Trainer
from nnviz.text import _

Array = np.ndarray


def train_epochs(
    net: MLP,
    train: tuple[Array, Array],
    config: TrainConfig,
    epochs: int,
    test: tuple[Array, Array] | None = None,
    seed: int = 0,
    on_epoch: Callable[[Trainer], None] | None = None,
) -> Trainer:
    """Train ``net`` in place with the same loop the window uses, for ``epochs`` epochs.

    ``on_epoch(trainer)`` is called after every epoch (to record a history). A run that
    diverges raises ValueError with the trainer's message.
    """
    trainer = Trainer(net, train, test, config, seed=seed)
    if epochs <= 0:
        return trainer
    for event in trainer.run():
        if event.kind == "diverged":
            raise ValueError(event.message)
        if event.kind == "epoch":
            if on_epoch is not None:
                on_epoch(trainer)
            if event.epoch >= epochs:
                break
    return trainer


def bias_of(net: MLP, layer: int = 0) -> Array:
    """The bias vector of ``layer`` (0 = the first weights); ValueError if it has none."""
    bias = net.biases[layer]
    if bias is None:
        raise ValueError(_("layer {layer} of this network has no bias", layer=layer + 1))
    return bias


@overload
def rounded(a: float, digits: int = ...) -> float: ...
@overload
def rounded(a: Array | Sequence[Any], digits: int = ...) -> list: ...
def rounded(a: ArrayLike, digits: int = 4) -> list | float:
    """Plain JSON numbers (nested lists for arrays), rounded for display files."""
    return (np.round(np.asarray(a, dtype=float), digits) + 0.0).tolist()  # + 0.0: no −0.0
