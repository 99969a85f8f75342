"""Lesson numbers on the digit images: what the hidden layer looks for, and adversarial noise."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from nnviz.data.images import ImageSet, make_digits, split
from nnviz.engine.adversarial import EPS_LADDER, smallest_flip
from nnviz.engine.metrics import predict_classes
from nnviz.engine.mlp import MLP
from nnviz.engine.trainer import TrainConfig
from nnviz.lessons.popsci_train import rounded, train_epochs
from nnviz.lessons.registry import lesson_numbers
from nnviz.text import _

CONFIDENT = 0.9  # "confidently classified": the network gives its answer at least this chance


@lru_cache(maxsize=4)
def image_network(
    k: int = 12, n: int = 2000, hidden: int = 16, epochs: int = 8, seed: int = 0
) -> tuple[MLP, ImageSet, ImageSet]:
    """An MLP k·k → hidden (tanh) → 10 (softmax) trained on generated digits (cached; read only)."""
    train, test = split(make_digits(n, k, seed=seed))
    net = MLP([k * k, hidden, 10], activation="tanh", output="softmax", init="xavier", seed=seed)
    config = TrainConfig(loss="cross_entropy", optimizer="adam", lr=0.01, batch_size=32)
    train_epochs(net, (train.X, train.y), config, epochs, seed=seed)
    return net, train, test


def _confusion(truth: np.ndarray, guess: np.ndarray, n: int = 10) -> list[list[int]]:
    """Row = true digit, column = the network's answer."""
    m = np.zeros((n, n), dtype=int)
    np.add.at(m, (truth, guess), 1)
    return m.tolist()


@lesson_numbers("deep-features")
def deep_features(
    k: int = 12, n: int = 2000, hidden: int = 16, epochs: int = 8, seed: int = 0
) -> dict:
    """Test accuracy, each hidden neuron's weights as a k×k picture, and who lights for a 9."""
    net, train, test = image_network(k, n, hidden, epochs, seed)
    guess = predict_classes(net.forward(test.X))
    # Average hidden activity per digit: which neurons a 9 shares with other digits.
    h = net.forward_record(test.X).activations[1]
    per_digit = np.stack([h[test.y == d].mean(axis=0) for d in range(10)])  # (10, hidden)
    lift = per_digit - per_digit.mean(axis=0)
    nine = [int(j) for j in np.argsort(-lift[9])[:2]]
    partners = [int(np.argsort(-lift[:9, j])[0]) for j in nine]  # the non-9 that lights it most
    return {
        "test_accuracy": float(np.mean(guess == test.y)),
        "train_accuracy": float(np.mean(predict_classes(net.forward(train.X)) == train.y)),
        "weight_images": int(net.weights[0].shape[1]),
        "pictures": [rounded(net.weights[0][:, j].reshape(k, k), 3) for j in range(hidden)],
        "k": int(k),
        "n_train": len(train.y),
        "n_test": len(test.y),
        "confusion": _confusion(test.y, guess),
        "per_class_accuracy": [float(np.mean(guess[test.y == d] == d)) for d in range(10)],
        "nine_neurons": nine,
        "nine_partners": partners,
    }


def _confident_correct(net: MLP, test: ImageSet) -> list[int]:
    """Test images the network gets right with probability ≥ CONFIDENT, in order."""
    p = net.forward(test.X)
    ok = (np.argmax(p, axis=1) == test.y) & (np.max(p, axis=1) >= CONFIDENT)
    return [int(i) for i in np.flatnonzero(ok)]


@lesson_numbers("adversarial")
def adversarial(
    k: int = 12, n: int = 2000, hidden: int = 16, epochs: int = 8, seed: int = 0, tried: int = 100
) -> dict:
    """The first confidently right test image that a sign-of-gradient step (ε ≤ 0.1) flips."""
    net, _train, test = image_network(k, n, hidden, epochs, seed)
    candidates = _confident_correct(net, test)[: int(tried)]
    attacks = [(i, smallest_flip(net, test.X[i], EPS_LADDER)) for i in candidates]
    flipped = [(i, a) for i, a in attacks if a.flipped]
    if not flipped:
        raise ValueError(_("no confident image flipped with ε ≤ 0.1; train longer or widen ε"))
    index, attack = flipped[0]
    x = test.X[index]
    return {
        "index": index,
        "label": int(test.y[index]),
        "prediction_before": attack.prediction_before,
        "confidence_before": attack.confidence_before,
        "prediction_after": attack.prediction_after,
        "confidence_after": attack.confidence_after,
        "confidence_after_true": float(net.forward(attack.x_after[None])[0, int(test.y[index])]),
        "eps": attack.eps,
        "max_pixel_change": attack.max_pixel_change,
        "pixel_range": 1.0,
        "before": rounded(x.reshape(k, k), 3),
        "after": rounded(attack.x_after.reshape(k, k), 3),
        "fooled": len(flipped),
        "tried": len(attacks),
        "fooled_fraction": len(flipped) / len(attacks),
    }
