"""Active learning on two moons: asking where the model is unsure beats labelling at random."""

import numpy as np
import pytest

from nnviz.experiments.active_learning import active_learning, fit_logistic, run_one


@pytest.fixture(scope="module")
def result():
    return active_learning()  # moons, 4 labels to start, 4 per round up to 40, 10 seeds


def test_both_start_from_the_same_labels(result):
    """Both curves share the label counts, and the first fit (same start points) is identical."""
    assert result.labels == tuple(range(4, 41, 4))
    np.testing.assert_array_equal(result.per_seed["active"][:, 0], result.per_seed["random"][:, 0])


def test_active_beats_random_at_mid_and_full_budget(result):
    """Averaged over 10 seeds, active ≥ random at the mid budget and at the end."""
    mid = len(result.labels) // 2
    assert result.accuracy["active"][mid] >= result.accuracy["random"][mid]
    assert result.accuracy["active"][-1] >= result.accuracy["random"][-1]


def test_accuracy_grows_with_labels(result):
    """More labels help either way: the last accuracy beats the first."""
    for curve in result.accuracy.values():
        assert curve[-1] > curve[0] + 0.05


def test_logistic_fit_separates_a_simple_set():
    """Newton's logistic regression puts a clean 1-D threshold in the right place."""
    x = np.linspace(-2, 2, 40)
    Phi = np.column_stack([np.ones(40), x])
    w = fit_logistic(Phi, (x > 0.5).astype(float), l2=1e-3)
    assert np.all((Phi @ w > 0) == (x > 0.5))


def test_sessions_are_deterministic_and_strategies_checked():
    """The same seed gives the same session; an unknown strategy is refused."""
    assert run_one("active", 3, budget=12) == run_one("active", 3, budget=12)
    with pytest.raises(ValueError, match="strategy"):
        run_one("greedy", 0)
