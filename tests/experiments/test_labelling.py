"""Active learning by hand: labels revealed one at a time, refused requests, undo, the baseline."""

import numpy as np
import pytest

from nnviz.data import make_dataset
from nnviz.experiments.active_learning import run_one
from nnviz.experiments.labelling import LabellingSession


def _state(s: LabellingSession) -> tuple:
    """Everything a request could change."""
    return (list(s.labelled), s.candidates, s.curve(), s.w.copy().tolist(), s.k)


def test_always_labelling_the_least_sure_is_the_engines_active_strategy():
    """Pressing L eight times gives exactly run_one("active", k=1) from the same seed."""
    s = LabellingSession(seed=2, budget=12)
    for _ in range(8):
        s.label_next()
    assert s.curve() == run_one("active", 2, k=1, budget=12)


def test_the_random_curve_is_the_engines_random_labelling_from_the_same_seed():
    """Computed a step at a time, it equals run_one("random", k=1) and stops at the budget."""
    s = LabellingSession(seed=5, budget=15)
    steps = 0
    while s.extend_random(1):
        steps += 1
    assert (s.random_labels, s.random_accuracy) == run_one("random", 5, k=1, budget=15)
    assert steps == 15 - 4 and s.random_done and not s.extend_random(3)


def test_a_label_is_revealed_from_the_data_generator():
    """The class told is the generated one; the point joins the labelled set; the model refits."""
    s = LabellingSession(seed=1)
    truth = make_dataset("moons", n=500, noise=0.3, seed=1).y
    index = s.candidates[2]
    before = s.w.copy()
    assert s.label(index) == truth[index] == s.label_of(index)
    assert s.labelled[-1] == index and index not in s.candidates
    assert not np.array_equal(before, s.w) and len(s.curve()[0]) == 2


def test_the_candidates_are_the_least_sure_unlabelled_points():
    """|Φw| (distance of σ(Φw) from ½) of every ringed point is at most that of any other."""
    s = LabellingSession(seed=0, k=6)
    s.label_next()
    margin = np.abs(s.pool.phi @ s.w)
    others = np.setdiff1d(np.arange(len(margin)), [*s.labelled, *s.candidates])
    assert len(s.candidates) == 6
    assert margin[list(s.candidates)].max() <= margin[others].min()
    assert list(margin[list(s.candidates)]) == sorted(margin[list(s.candidates)])


def test_a_point_that_is_not_ringed_is_refused_and_nothing_changes():
    """Not ringed, labelled already, or no point at all: one sentence each, the same state."""
    s = LabellingSession(seed=0)
    s.label_next()
    before = _state(s)
    unringed = next(i for i in range(500) if i not in s.candidates and i not in s.labelled)
    with pytest.raises(ValueError, match=f"point {unringed + 1} is not ringed: click one of"):
        s.label(unringed)
    with pytest.raises(ValueError, match="is labelled already"):
        s.label(s.labelled[0])
    with pytest.raises(ValueError, match="No point there"):
        s.label(None)
    assert _state(s) == before


def test_undo_gives_back_exactly_the_state_before_the_label():
    """Label, undo: the labels, the model, the rings and the curve are as they were."""
    s = LabellingSession(seed=4)
    s.label_next()
    before = _state(s)
    s.label(s.candidates[1])
    assert s.undo() not in s.labelled
    assert _state(s) == before
    s.undo()
    with pytest.raises(ValueError, match="Nothing to undo"):
        s.undo()


def test_the_budget_ends_the_labelling():
    """Once every label of the budget is given, the next one is refused; undo frees one."""
    s = LabellingSession(seed=0, budget=6)
    s.label_next()
    s.label_next()
    assert s.full and s.given == 2
    with pytest.raises(ValueError, match="All 6 labels are given"):
        s.label_next()
    s.undo()
    s.label_next()
    assert s.full


def test_k_rings_more_or_fewer_points_and_keeps_the_labels():
    """A new k changes only the rings; a bad k is refused."""
    s = LabellingSession(seed=0, k=4)
    s.label_next()
    labelled, curve = list(s.labelled), s.curve()
    s.set_k(9)
    assert len(s.candidates) == 9 and s.labelled == labelled and s.curve() == curve
    for bad in (0, 21, 2.5, True):
        with pytest.raises(ValueError, match="candidates ringed must be a whole number"):
            s.set_k(bad)
    assert s.k == 9


def test_bad_settings_are_refused():
    """A budget no bigger than the first labels, or beyond the pool, is one clear sentence."""
    for budget in (4, 501):
        with pytest.raises(ValueError, match="labels in all must be from 5 to 500"):
            LabellingSession(budget=budget)


def test_the_regions_are_the_models_probability_over_the_plane():
    """The grid is P(class 1) = σ(Φw) at each grid point, rows along x2."""
    s = LabellingSession(seed=3)
    axis = np.linspace(-6, 6, 7)
    grid = s.probabilities(axis)
    phi = s.pool.features_of(np.array([[axis[2], axis[5]]]))  # x1 = axis[2], x2 = axis[5]
    assert grid.shape == (7, 7)
    assert grid[5, 2] == pytest.approx(1 / (1 + np.exp(-(phi @ s.w)[0])))
    s.label_next()
    assert not np.array_equal(s.probabilities(axis), grid)  # a new label, new regions


def test_the_report_and_the_news_name_both_curves():
    """accuracy_by_labels for active and random; the news names the point 1-based."""
    s = LabellingSession(seed=0, budget=8)
    s.extend_random(3)
    index = s.label_next()
    report = s.report()
    assert report["labels"] == [4, 5, 6, 7, 8]
    assert report["accuracy_by_labels"]["active"] == s.curve()[1]
    assert report["accuracy_by_labels"]["random"] == s.random_accuracy[:3]
    news = s.said(index)
    assert news.startswith(f"Point {index + 1} is class {s.label_of(index) + 1}. 5 labels")
    assert "labelling at random" in news


def test_the_regions_follow_an_undo_and_a_different_label():
    """Label one point, undo, label another: the regions are the new model's, not the first's."""
    s = LabellingSession(seed=0)
    axis = np.linspace(-6, 6, 9)
    first = s.candidates[0]
    s.label(first)
    after_first = s.probabilities(axis)
    s.undo()
    s.label(s.candidates[1])
    phi = s.pool.features_of(np.array([[axis[4], axis[6]]]))
    assert s.probabilities(axis)[6, 4] == pytest.approx(1 / (1 + np.exp(-(phi @ s.w)[0])))
    assert not np.array_equal(s.probabilities(axis), after_first)
