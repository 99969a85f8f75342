"""The digit-image MLP trained epoch by epoch, as a generator a job thread can run and cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from nnviz.data.images import ImageSet, make_digits, split
from nnviz.engine.metrics import predict_classes
from nnviz.engine.mlp import MLP
from nnviz.engine.trainer import TrainConfig, Trainer

Array = np.ndarray


@dataclass(frozen=True)
class ImageProgress:
    """The network after ``epoch`` of ``epochs`` epochs (0: untrained), with what the views show.

    ``net`` is a private copy; ``pictures`` are the first layer's weights, one k×k picture
    per hidden neuron; ``confusion[t, p]`` counts test images of digit t answered p.
    """

    epoch: int
    epochs: int
    net: MLP
    train: ImageSet
    test: ImageSet
    train_accuracy: float
    test_accuracy: float
    pictures: Array
    confusion: Array

    @property
    def done(self) -> bool:
        """True for the last epoch."""
        return self.epoch >= self.epochs


def confusion_matrix(truth: Array, guess: Array, n: int = 10) -> Array:
    """Row = true class, column = the network's answer; each entry a count."""
    m = np.zeros((n, n), dtype=int)
    np.add.at(m, (np.asarray(truth), np.asarray(guess)), 1)
    return m


def train_images(
    k: int = 12,
    n: int = 2000,
    hidden: int = 16,
    epochs: int = 8,
    seed: int = 0,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[ImageProgress]:
    """Train the lesson's MLP k·k → hidden (tanh) → 10 (softmax), yielding after every epoch.

    The same data, network and settings as ``nnviz.lessons.popsci_images.image_network``
    (Adam, lr 0.01, batches of 32, cross-entropy), so it ends at the same weights. Stops
    quietly, between two mini-batches, as soon as ``cancelled()`` is true.
    """
    train, test = split(make_digits(n, k, seed=seed))
    net = MLP([k * k, hidden, 10], activation="tanh", output="softmax", init="xavier", seed=seed)
    config = TrainConfig(loss="cross_entropy", optimizer="adam", lr=0.01, batch_size=32)
    trainer = Trainer(net, (train.X, train.y), None, config, seed=seed)
    yield _progress(0, epochs, net, train, test)
    if epochs <= 0:
        return
    for event in trainer.run():
        if cancelled():
            return
        if event.kind == "diverged":
            raise ValueError(event.message)
        if event.kind == "epoch":
            yield _progress(event.epoch, epochs, net, train, test)
            if event.epoch >= epochs:
                return


def _progress(epoch: int, epochs: int, net: MLP, train: ImageSet, test: ImageSet):
    guess = predict_classes(net.forward(test.X))
    train_guess = predict_classes(net.forward(train.X))
    pictures = net.weights[0].T.reshape(-1, test.k, test.k).copy()
    return ImageProgress(
        epoch=epoch,
        epochs=epochs,
        net=net.copy(),
        train=train,
        test=test,
        train_accuracy=float(np.mean(train_guess == train.y)),
        test_accuracy=float(np.mean(guess == test.y)),
        pictures=pictures,
        confusion=confusion_matrix(test.y, guess),
    )
