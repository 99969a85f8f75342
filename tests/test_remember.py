"""Remembered computations: once per arguments, copies handed out, bounded, lists as keys."""

import numpy as np
import pytest

from nnviz.remember import remembered


def counting():
    """A remembered function that records each real call."""
    calls = []

    @remembered(maxsize=2)
    def total(values, scale=1.0):
        calls.append(tuple(values))
        return {"sum": np.asarray(values, dtype=float) * scale}

    return total, calls


def test_the_same_arguments_compute_once_and_lists_equal_tuples():
    total, calls = counting()
    first = total([1, 2, 3], scale=2.0)
    second = total((1, 2, 3), scale=2.0)
    assert calls == [(1, 2, 3)]
    np.testing.assert_array_equal(first["sum"], second["sum"])
    total([1, 2, 3], scale=3.0)
    assert len(calls) == 2


def test_a_caller_changing_its_copy_changes_nobody_elses():
    total, _ = counting()
    mine = total([1, 2])
    mine["sum"][0] = 99.0
    mine["extra"] = True
    again = total([1, 2])
    np.testing.assert_array_equal(again["sum"], [1.0, 2.0])
    assert "extra" not in again


def test_only_the_newest_results_are_kept():
    total, calls = counting()
    for values in ([1], [2], [3], [1]):
        total(values)
    assert calls == [(1,), (2,), (3,), (1,)]  # [1] was dropped when [3] came (maxsize 2)
    total([3])
    assert len(calls) == 4


def test_an_error_is_not_remembered():
    attempts = []

    @remembered()
    def flaky(x):
        attempts.append(x)
        if len(attempts) == 1:
            raise ValueError("first call fails")
        return x

    with pytest.raises(ValueError):
        flaky(1)
    assert flaky(1) == 1 and attempts == [1, 1]
