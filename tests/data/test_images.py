"""The procedural digit images: deterministic, balanced, in range, and learnable."""

import numpy as np
import pytest

from nnviz.data.images import N_CLASSES, STROKES, draw_digit, make_digits, split
from nnviz.engine import MLP, TrainConfig, Trainer


def test_same_seed_same_images_other_seed_other_images():
    """A seed fixes every jitter and noise value; another seed draws another set."""
    a, b, c = make_digits(200, 10, seed=3), make_digits(200, 10, seed=3), make_digits(200, 10, 4)
    assert np.array_equal(a.X, b.X) and np.array_equal(a.y, b.y)
    assert not np.array_equal(a.X, c.X)


def test_shapes_range_and_balance():
    """X is (n, k·k) in [0, 1]; every digit appears n/10 times."""
    images = make_digits(300, 9, seed=0)
    assert images.X.shape == (300, 81) and images.k == 9 and images.image(0).shape == (9, 9)
    assert images.X.min() >= 0.0 and images.X.max() <= 1.0
    assert np.array_equal(np.bincount(images.y, minlength=10), np.full(10, 30))


def test_every_digit_has_strokes_and_ink():
    """All ten digits are defined and a clean drawing has dark pen pixels on a blank page."""
    assert sorted(STROKES) == list(range(N_CLASSES))
    rng = np.random.default_rng(0)
    for d in range(N_CLASSES):
        im = draw_digit(d, 12, rng, noise=0.0)
        assert 8 <= np.sum(im > 0.5) <= 80 and im[0, 0] == 0.0


def test_bad_requests_are_refused():
    """Sizes outside 8..16, unbalanced counts and silly noise raise ValueError."""
    for kwargs in ({"k": 7}, {"k": 17}, {"n": 105}, {"noise": 0.9}):
        with pytest.raises(ValueError):
            make_digits(**{"n": 100, **kwargs})


def test_an_mlp_learns_the_digits():
    """From a fixed seed, a one-hidden-layer MLP trained by the engine scores ≥ 90 % on test."""
    train, test = split(make_digits(2000, 12, seed=0))
    net = MLP([144, 16, 10], activation="tanh", output="softmax", init="xavier", seed=0)
    config = TrainConfig(loss="cross_entropy", optimizer="adam", lr=0.01, batch_size=32)
    trainer = Trainer(net, (train.X, train.y), (test.X, test.y), config, seed=0)
    for event in trainer.run():
        if event.kind == "epoch" and event.epoch == 8:
            break
    assert trainer.evaluate()["test_acc"] >= 0.9
