"""The fog walk on the live network through the explorer's requests (pure, no window)."""

import numpy as np
import pytest

from nnviz.engine.problem import Problem
from nnviz.landscape import requests as lq
from nnviz.landscape.explorer import LandscapeExplorer
from nnviz.landscape.fog_walk import LossAlongWeight, fog_walk
from nnviz.landscape.params import flat_index
from tests.landscape.conftest import make_problem


def run(session, effects):
    """Run an Effects' jobs synchronously, as the job thread would, feeding results back."""
    for key, job in effects.jobs:
        session.submitted(key)
        for value in job(lambda: False):
            session.on_result(key, value)
    return effects


@pytest.fixture
def walking():
    """Network mode after one snapshot of a 2-4-3-1 net with an L2 penalty; lr 0.5."""
    net, X, y = make_problem()
    problem = Problem(net, X, y, "log", 0.0, 0.01)
    s = LandscapeExplorer()
    s.apply(lq.SetMode("network"))
    run(s, s.observe(problem, net.get_flat(), 0))
    s.apply(lq.SetLearningRate(0.5))
    return s, problem, net.get_flat()


def state(s):
    """What a refused request must leave exactly as it was."""
    w = s.walking
    report = None if w.walk is None else w.walk.report
    return (s.mode, s.net.knob, w.ref, w.at, report, s.net.curve is None, s.race.dx, s.net_lr)


def test_walk_steps_equal_the_pure_fog_walk_on_the_same_weights(walking):
    """Choose W2[1,0], walk 12 clicks: path, losses, secants and looks are fog_walk's own."""
    s, problem, theta = walking
    run(s, s.apply(lq.SetKnobWeight((1, 1, 0))))
    assert s.net.knob == "weight"
    for _ in range(12):
        run(s, s.apply(lq.RaceCommand("walk")))
    along = LossAlongWeight.on(problem, theta, (1, 1, 0))
    pure = fog_walk(along, along.start, lr=0.5, dx=s.race.dx, max_steps=12)
    assert s.walking.walk.report == pure
    assert pure.steps == 12 and pure.values[-1] < pure.values[0]
    k = flat_index(problem.net, (1, 1, 0))
    assert pure.start == theta[k]  # the walk starts at the weight's trained value


def test_the_loss_along_the_weight_counts_the_penalty(walking):
    """LossAlongWeight.on is the problem's loss (L2 included) with that one weight changed."""
    s, problem, theta = walking
    along = LossAlongWeight.on(problem, theta, 3)
    moved = theta.copy()
    moved[3] = 1.7
    assert along(1.7) == pytest.approx(problem.loss_at(moved[None])[0], rel=1e-12)
    assert along.derivative(1.7) == pytest.approx(problem.gradient(moved)[3], rel=1e-9)


def test_the_picture_draws_the_walk_and_its_numbers(walking):
    """The 1-D curve covers the walk; the caption has its secants, steps and looks."""
    s, problem, theta = walking
    run(s, s.apply(lq.StartWalk(offset=1.5)))
    run(s, s.apply(lq.Walk(30)))
    report = s.walking.walk.report
    pic = s.picture()
    c = pic.curve
    assert c.xs[0] <= min(report.path) and max(report.path) <= c.xs[-1]
    assert c.x == report.end and c.y == report.values[-1]
    assert c.derivative == pytest.approx(s.walking.walk.along.derivative(report.end))
    assert f"<b>{report.steps} steps</b>" in pic.caption
    assert f"<b>{report.evaluations} looks</b>" in pic.caption
    assert "Δx 0.0001" in pic.caption and "W1[0,0]" in pic.caption
    assert pic.narration[-2].startswith(f"step {report.steps}:")
    drawn = s.walking.picture()
    assert np.array_equal(drawn.xs, report.path) and np.array_equal(drawn.ys, report.values)
    assert report.start == pytest.approx(theta[0] + 1.5)


def test_fog_hides_the_curve_except_where_the_walker_looked(walking):
    """With fog, the curve shows only near the probed points; more steps reveal more."""
    s, *_ = walking
    s.apply(lq.SetFog(True))
    run(s, s.apply(lq.StartWalk(offset=1.0)))
    early = np.isfinite(s.picture().curve.values).sum()
    run(s, s.apply(lq.Walk(20)))
    late = s.picture().curve.values
    assert 0 < early < np.isfinite(late).sum() < len(late)


def test_a_new_learning_rate_restarts_the_walk_from_the_same_start(walking):
    """lr or Δx change the stride: the steps are dropped, the next walk starts where it did."""
    s, *_ = walking
    run(s, s.apply(lq.StartWalk(offset=-1.0)))
    run(s, s.apply(lq.Walk(5)))
    start = s.walking.walk.report.start
    s.apply(lq.SetLearningRate(0.1))
    assert s.walking.walk is None
    run(s, s.apply(lq.Walk(1)))
    assert s.walking.walk.report.start == start and s.walking.walk.lr == 0.1


def test_the_walk_stops_and_says_so(walking):
    """Once the knob stops changing, another Walk says so and changes nothing."""
    s, *_ = walking
    s.apply(lq.SetLearningRate(2.0))
    run(s, s.apply(lq.Walk(5000)))
    assert s.walking.walk.report.status == "stopped"
    before = state(s)
    e = s.apply(lq.Walk(1))
    assert "stopped" in e.message and not e.error and state(s) == before


def test_refused_requests_change_nothing(walking):
    """Out-of-range weights, zero steps, a direction knob, a NaN start: one message each."""
    s, *_ = walking
    run(s, s.apply(lq.Walk(3)))
    for request, words in (
        (lq.SetKnobWeight((5, 0, 0)), "layer 5 does not exist"),
        (lq.SetKnobWeight(999), "outside"),
        (lq.SetKnobWeight((0, 7, 0)), "outside"),
        (lq.Walk(0), "1 to"),
        (lq.Walk(2.5), "whole number"),
        (lq.StartWalk(at=float("nan")), "finite"),
        (lq.StartWalk(offset=1e9), "10⁶"),
    ):
        before = state(s)
        e = s.apply(request)
        assert e.error and words in e.message, (request, e.message)
        assert state(s) == before and not e.jobs


def test_walking_from_a_direction_turns_the_panel_to_the_weight(walking):
    """The walk turns one weight: Walk on the random-direction panel goes along the knob."""
    s, problem, theta = walking
    run(s, s.apply(lq.SetKnob("random")))
    run(s, s.apply(lq.RaceCommand("walk")))
    assert s.net.knob == "weight" and s.walking.walk.report.steps == 1
    assert s.picture().curve.label == "knob W1[0,0]"
    run(s, s.apply(lq.RaceCommand("reset")))  # the walker goes home; the live panel is back
    assert s.walking.walk is None and s.net.curve["kind"] == "weight"


def test_a_diverging_walk_is_refused_whole():
    """On a quadratic valley, too big a learning rate flings the walker off: refused, undone."""
    net, X, y = make_problem(sizes=(2, 3, 1), output="identity")
    s = LandscapeExplorer()
    s.apply(lq.SetMode("network"))
    run(s, s.observe(Problem(net, X, y, "mse"), net.get_flat(), 0))
    run(s, s.apply(lq.SetKnobWeight((1, 0, 0))))  # an output weight: the loss is a parabola
    s.apply(lq.SetLearningRate(10.0))
    run(s, s.apply(lq.Walk(2)))
    before = state(s)
    e = s.apply(lq.Walk(10_000))
    assert e.error and "diverged" in e.message and state(s) == before
    assert s.walking.walk.report.steps == 2


def test_no_network_yet_gives_one_message():
    """Before any snapshot the knob and the walk are refused, and nothing changes."""
    s = LandscapeExplorer()
    s.apply(lq.SetMode("network"))
    for request in (lq.SetKnobWeight((0, 0, 0)), lq.StartWalk(), lq.Walk(1)):
        before = state(s)
        e = s.apply(request)
        assert e.error and "train it a little first" in e.message and state(s) == before


def test_outside_network_mode_the_knob_is_refused():
    """The network's knob belongs to its mode; in race mode Walk(n) walks the surface."""
    s = LandscapeExplorer()
    e = s.apply(lq.SetKnobWeight((0, 0, 0)))
    assert e.error and "live network" in e.message
    assert not s.apply(lq.Walk(4)).error and len(s.race.walker.positions) == 5


def test_a_new_network_forgets_the_knob(walking):
    """Another architecture has other weights: the chosen knob and the walk are dropped."""
    s, *_ = walking
    run(s, s.apply(lq.SetKnobWeight((1, 2, 1))))
    run(s, s.apply(lq.Walk(2)))
    net, X, y = make_problem(sizes=(2, 3, 1))
    run(s, s.observe(Problem(net, X, y, "log"), net.get_flat(), 0))
    assert s.walking.ref is None and s.walking.walk is None


def test_the_live_panel_follows_the_chosen_weight(walking):
    """Without a walk, the 1-D panel is the loss along the chosen weight at the live weights."""
    s, problem, theta = walking
    run(s, s.apply(lq.SetKnobWeight((1, 0, 2))))
    c = s.picture().curve
    along = LossAlongWeight.on(problem, theta, (1, 0, 2))
    assert c.label == "knob W2[0,2]" and c.x == along.start
    assert c.values[::30] == pytest.approx([along(t) for t in c.xs[::30]], rel=1e-9)
    assert c.derivative == pytest.approx(along.derivative(along.start), rel=1e-9)
    names = s.walking.weight_items(s.net)
    assert len(names) == problem.net.n_params and names[0] == ("W1[0,0]", 0)
    assert s.walking.knob_index(s.net) == flat_index(problem.net, (1, 0, 2))


def test_the_walk_runs_along_the_slice_when_its_weight_is_an_axis(walking):
    """Knob W1[0,0] on the W1[0,0] × W1[1,0] slice: the walk is a row at W1[1,0]'s value."""
    s, problem, theta = walking
    s.apply(lq.PickParam((0, 0, 0)))
    run(s, s.apply(lq.PickParam((0, 1, 0))))
    run(s, s.apply(lq.Walk(8)))
    report = s.walking.walk.report
    walk = [p for p in s.picture().paths if p.name == "fog walk along W1[0,0]"]
    assert len(walk) == 1
    assert walk[0].xs == pytest.approx(report.path, abs=1e-12)
    k = flat_index(problem.net, (0, 1, 0))
    assert walk[0].ys == pytest.approx([theta[k]] * len(report.path), abs=1e-12)
    assert np.all(walk[0].off_plane < 1e-9)  # every other weight is the slice's own
    run(s, s.apply(lq.SetKnobWeight((1, 0, 0))))
    run(s, s.apply(lq.Walk(1)))
    assert all(not p.name.startswith("fog walk") for p in s.picture().paths)
