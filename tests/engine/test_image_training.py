"""The image-training generator: the lesson's network, epoch by epoch, and cancellable."""

import numpy as np

from nnviz.engine.image_training import confusion_matrix, train_images
from nnviz.lessons.popsci_images import image_network


def test_ends_at_the_lessons_weights():
    """Iterated to the end, it trains exactly the network the deep-features lesson reports."""
    runs = list(train_images())
    assert [p.epoch for p in runs] == list(range(9))
    net, _, test = image_network()
    assert all(np.array_equal(a, b) for a, b in zip(runs[-1].net.params, net.params, strict=True))
    assert runs[-1].done and int(runs[-1].confusion.sum()) == len(test.y)


def test_stops_when_cancelled():
    """A cancelled() that turns true stops it between two mini-batches."""
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    assert [p.epoch for p in train_images(cancelled=cancelled)] == [0]


def test_confusion_counts_truth_by_answer():
    """Row = true class, column = answer."""
    m = confusion_matrix(np.array([0, 1, 1]), np.array([0, 0, 1]), n=2)
    assert m.tolist() == [[1, 0], [1, 1]]
