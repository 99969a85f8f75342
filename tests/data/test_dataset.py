"""Tests for the Dataset value and the ±1 label helpers."""

import numpy as np
import pytest

from nnviz.data import Dataset, from_pm1, to_pm1


def test_labels_are_stored_as_int64_for_classification_and_float64_for_regression():
    """Classification labels become int64 class indices; regression targets float64."""
    X = [[0.0, 1.0], [2.0, 3.0]]
    assert Dataset(X, [1.0, 0.0], "binary", 2).y.dtype == np.int64
    assert Dataset(X, [1, 0], "regression", 0).y.dtype == np.float64
    assert Dataset(X, [0, 1], "binary", 2).X.dtype == np.float64


def test_dataset_is_read_only_and_owns_its_arrays():
    """Changing the source array afterwards does not change the dataset; its arrays are locked."""
    X = np.zeros((3, 2))
    d = Dataset(X, [0, 1, 0], "binary", 2, "t")
    X[0, 0] = 9.0
    assert d.X[0, 0] == 0.0
    with pytest.raises(ValueError):
        d.X[0, 0] = 1.0
    assert d.dim == 2 and Dataset(np.zeros((2, 1)), [0.5, 1.5], "regression", 0).dim == 1


@pytest.mark.parametrize(
    "X, y, kind, k, match",
    [
        (np.zeros((2, 3)), [0, 1], "binary", 2, "shape"),
        (np.zeros(2), [0, 1], "binary", 2, "shape"),
        (np.zeros((2, 2)), [0, 1, 1], "binary", 2, "rows"),
        (np.zeros((2, 2)), [0, 2], "binary", 2, "0..1"),
        (np.zeros((2, 2)), [0, 0.5], "binary", 2, "whole"),
        (np.zeros((2, 2)), [0, 1], "binary", 3, "n_classes"),
        (np.zeros((2, 2)), [0, 1], "multiclass", 7, "n_classes"),
        (np.zeros((2, 2)), [0.0, 1.0], "regression", 2, "n_classes"),
        (np.zeros((2, 2)), [0, 1], "ranking", 2, "kind"),
        (np.array([[np.nan, 0], [0, 0]]), [0, 1], "binary", 2, "finite"),
        (np.zeros((2, 2)), [0.0, np.inf], "regression", 0, "finite"),
        (np.zeros((2, 2)), ["a", "b"], "regression", 0, "numbers"),
    ],
)
def test_bad_datasets_are_refused(X, y, kind, k, match):
    """Wrong shapes, impossible labels and mismatched kinds raise a clear ValueError."""
    with pytest.raises(ValueError, match=match):
        Dataset(X, y, kind, k)


def test_bad_domain_is_refused():
    """A domain must run from low to high."""
    with pytest.raises(ValueError, match="domain"):
        Dataset(np.zeros((1, 2)), [0], "binary", 2, domain=(1.0, -1.0))


def test_pm1_round_trip():
    """0/1 → −1/+1 → 0/1 gives back the labels, as int64."""
    y = np.array([0, 1, 1, 0])
    assert to_pm1(y).tolist() == [-1, 1, 1, -1]
    assert from_pm1(to_pm1(y)).tolist() == y.tolist() and from_pm1([-1, 1]).dtype == np.int64


def test_pm1_refuses_other_labels():
    """Labels outside the expected pair raise ValueError."""
    with pytest.raises(ValueError):
        to_pm1([0, 2])
    with pytest.raises(ValueError):
        from_pm1([0, 1])
