"""Classification metrics: predicted classes, zero-one loss and accuracy."""

import numpy as np

from nnviz.engine.metrics import accuracy, predict_classes, zero_one_loss


def test_single_output_threshold_half():
    """One output: class 1 strictly above 0.5 (a probability or a 0/1 regression score)."""
    out = np.array([[0.2], [0.5], [0.51], [0.9]])
    assert predict_classes(out).tolist() == [0, 0, 1, 1]


def test_hinge_threshold_zero_and_plus_minus_labels():
    """Hinge scores split at 0, and labels ±1 (or 0/1) count as classes 1/0."""
    out = np.array([[-0.3], [0.2], [1.5]])
    assert predict_classes(out, "hinge").tolist() == [0, 1, 1]
    assert zero_one_loss(out, np.array([-1, 1, -1]), "hinge") == 1
    assert zero_one_loss(out, np.array([0, 1, 1]), "hinge") == 0


def test_multiclass_argmax():
    """Several outputs: the class is the argmax of the row."""
    out = np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]])
    assert predict_classes(out, "cross_entropy").tolist() == [1, 0]
    assert accuracy(out, np.array([1, 2]), "cross_entropy") == 0.5


def test_zero_one_loss_counts_mistakes_and_accuracy():
    """Zero-one loss counts wrong answers; accuracy is 1 − mistakes/N."""
    out = np.array([0.9, 0.1, 0.8, 0.3])
    y = np.array([1, 0, 0, 1])
    assert zero_one_loss(out, y) == 2
    assert accuracy(out, y) == 0.5


def test_accuracy_of_nothing_is_nan():
    """No examples: accuracy is NaN (undefined), not a crash."""
    assert np.isnan(accuracy(np.zeros((0, 1)), np.zeros(0)))
