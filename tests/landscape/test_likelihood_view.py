"""The landscape's likelihood mode: the ll hill, ascent = descent, batch/SGD/mini-batch paths."""

import numpy as np

from nnviz.landscape import requests as lq
from nnviz.landscape.explorer import LandscapeExplorer
from nnviz.lessons.cs188_logistic import PATH_POINTS, ascent_descent, batch_sgd_minibatch

POINTS = tuple(tuple(p) for p in PATH_POINTS)


def _explorer(**kw) -> LandscapeExplorer:
    e = LandscapeExplorer()
    effects = e.apply(lq.ShowLikelihoodPaths(POINTS, **kw))
    assert not effects.error, effects.message
    return e


def test_paths_have_the_lessons_step_counts():
    """Batch, stochastic and mini-batch from one start: the legend's steps are the lesson's."""
    pic = _explorer(kinds=("batch", "sgd", "minibatch")).picture()
    steps = batch_sgd_minibatch()["steps_to_converge"]
    names = [name for name, _ in pic.legend]
    assert names == [
        f"batch: {steps['batch']} steps",
        f"stochastic (1 point): {steps['sgd']} steps",
        f"mini-batch (4 points): {steps['minibatch']} steps",
    ]
    assert len(pic.paths) == 3 and pic.plot_legend
    for p in pic.paths:  # every path starts at the same point
        assert (p.xs[0], p.ys[0]) == (-2.0, 2.0)


def test_ascent_equals_descent_and_the_surface_is_ll():
    """Ascent on ll and descent on −ll are the same points; the colour is ll (uphill)."""
    e = _explorer()
    pic = e.picture()
    by = {p.name.split(":")[0]: p for p in pic.paths}
    up, down = by["ascent on ll (w ← w + α∇ll)"], by["descent on −ll (dots)"]
    assert np.array_equal(up.xs, down.xs) and np.array_equal(up.ys, down.ys)
    assert e.likelihood.max_difference == 0.0 == ascent_descent()["max_path_difference"]
    assert "max difference 0" in pic.caption
    s = pic.surface
    assert s.value_label == "ll" and np.nanmax(s.values) <= 0  # ll ≤ 0, the top is best
    top = np.unravel_index(np.nanargmax(s.values), s.values.shape)
    assert abs(s.xs[top[1]] - e.likelihood.top[0]) < 2 * (s.xs[1] - s.xs[0])


def test_a_click_restarts_the_paths_and_bad_requests_change_nothing():
    """SetStart moves every start; refused requests (bad kinds, separable data) roll back."""
    e = _explorer()
    e.apply(lq.SetStart(1.0, -1.0))
    assert all((p.xs[0], p.ys[0]) == (1.0, -1.0) for p in e.picture().paths)
    before = e.likelihood
    bad = e.apply(lq.ShowLikelihoodPaths(POINTS, kinds=("uphill",)))
    assert bad.error and e.likelihood is before and e.mode == "likelihood"
    separable = ((1.0, 1.0, 1), (-1.0, -1.0, 0))
    assert e.apply(lq.ShowLikelihoodPaths(separable)).error and e.likelihood is before
    assert e.apply(lq.RaceCommand("play")).error
    assert not e.apply(lq.SetMode("race")).error and e.mode == "race"
    assert not e.apply(lq.SetMode("likelihood")).error and e.likelihood is before


def test_likelihood_mode_needs_paths_first():
    """Without points the likelihood mode is refused with a reason."""
    e = LandscapeExplorer()
    out = e.apply(lq.SetMode("likelihood"))
    assert out.error and e.mode == "race"
