"""The perceptron rule as a generator trainer: events, mistakes, raw and averaged weights."""

import numpy as np
import pytest

from nnviz.data import make_dataset
from nnviz.engine.perceptron import Perceptron
from nnviz.engine.perceptron_trainer import PerceptronTrainer


def test_events_per_example_and_per_epoch():
    """One batch event per example, then an epoch event whose loss is that pass's mistakes."""
    data = make_dataset("linear", n=10, seed=0)
    trainer = PerceptronTrainer(data.X, data.y, bias=False)
    events = []
    for event in trainer.run():
        events.append(event)
        if event.kind == "epoch":
            break
    assert [e.kind for e in events] == ["batch"] * 10 + ["epoch"]
    assert events[-1].loss == sum(e.loss for e in events[:-1]) == trainer.mistakes[0]


def test_matches_the_shared_rule():
    """Without shuffling, the trainer makes exactly the updates of Perceptron.epoch."""
    data = make_dataset("linear", n=30, noise=0.8, seed=3)
    trainer = PerceptronTrainer(data.X, data.y, bias=True, shuffle=False)
    trainer.run_epochs(3)
    reference = Perceptron(2, bias=True)
    counts = [reference.epoch(data.X, data.y) for _ in range(3)]
    assert trainer.mistakes == counts
    assert np.array_equal(trainer.raw_weights[0], reference.w)
    assert np.allclose(trainer.averaged_weights[0], reference.averaged()[0])


def test_update_is_w_plus_y_x_on_a_mistake():
    """A single wrong example moves w by y·x (y = ±1); a right one leaves it alone."""
    trainer = PerceptronTrainer(np.array([[2.0, 1.0]]), np.array([1]), bias=False, shuffle=False)
    trainer.run_epochs(1)
    assert trainer.raw_weights[0].tolist() == [2.0, 1.0]
    trainer.run_epochs(1)
    assert trainer.raw_weights[0].tolist() == [2.0, 1.0] and trainer.mistakes == [1, 0]


def test_separable_data_reaches_zero_mistakes():
    """On separable points the mistakes per epoch fall to 0 and stay there."""
    data = make_dataset("linear", n=40, seed=0)
    trainer = PerceptronTrainer(data.X, data.y, bias=False, seed=1)
    trainer.run_epochs(10)
    assert trainer.mistakes[-1] == 0 and trainer.errors() == 0


def test_averaged_rule_predicts_with_the_average():
    """The averaged rule's weights are the averaged ones; the raw ones stay available."""
    data = make_dataset("linear", n=40, noise=1.0, seed=0)
    trainer = PerceptronTrainer(data.X, data.y, rule="averaged_perceptron", bias=False)
    trainer.run_epochs(5)
    assert np.array_equal(trainer.weights[0], trainer.averaged_weights[0])
    assert not np.array_equal(trainer.averaged_weights[0], trainer.raw_weights[0])
    assert len(trainer.raw_errors) == len(trainer.averaged_errors) == 5


def test_bad_rule_is_refused():
    """An unknown rule name is a ValueError listing the choices."""
    with pytest.raises(ValueError, match="averaged_perceptron"):
        PerceptronTrainer(np.zeros((2, 2)), np.zeros(2), rule="perceptorn")
