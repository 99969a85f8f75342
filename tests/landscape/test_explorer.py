"""The landscape session (pure): requests in, pictures and jobs out, bad input refused whole."""

import numpy as np
import pytest

from nnviz.engine.problem import Problem
from nnviz.landscape import requests as lq
from nnviz.landscape.explorer import LandscapeExplorer
from nnviz.landscape.params import flat_index
from nnviz.landscape.trajectory import covering_ranges
from tests.landscape.conftest import make_problem


def run(session, effects):
    """Run an Effects' jobs synchronously, as the job thread would, feeding results back."""
    for key, job in effects.jobs:
        session.submitted(key)
        for value in job(lambda: False):
            session.on_result(key, value)


@pytest.fixture
def net_session():
    """A session in network mode that has seen one snapshot of a small net."""
    net, X, y = make_problem()
    s = LandscapeExplorer()
    s.apply(lq.SetMode("network"))
    run(s, s.observe(Problem(net, X, y, "log", 0.0, 0.0), net.get_flat(), 0))
    return s, net, X, y


def test_race_ticks_move_every_drawn_ball():
    """Play then ticks: each racer's trail grows from the surface's start point."""
    s = LandscapeExplorer()
    s.apply(lq.RaceCommand("play"))
    for _ in range(10):
        s.tick()
    pic = s.picture()
    assert len(pic.paths) == 6 and all(len(p.xs) > 5 for p in pic.paths)
    assert len(pic.paths[0].xs) == 11  # plain descent never stops in 10 steps on the bowl
    assert (pic.paths[0].xs[0], pic.paths[0].ys[0]) == s.race.surface.start


def test_bad_requests_give_one_message_and_change_nothing():
    """NaN start, a start off the map, an absurd lr, an unknown surface: refused, state kept."""
    s = LandscapeExplorer()
    before = (s.race.start, s.race.lr, s.race.surface.key)
    for request, words in (
        (lq.SetStart(float("nan"), 0.0), "finite"),
        (lq.SetStart(9.0, 9.0), "outside the surface"),
        (lq.SetLearningRate(1e9), "learning rate"),
        (lq.SetLearningRate(float("nan")), "learning rate"),
        (lq.SelectSurface("volcano"), "unknown surface"),
        (lq.SetCondition(0.5), "condition number"),
    ):
        e = s.apply(request)
        assert e.error and words in e.message
        assert (s.race.start, s.race.lr, s.race.surface.key) == before


def test_learning_rate_lessons_on_the_bowl_name_the_regime():
    """The four bowl lessons name their regime; past 2/λmax gradient descent diverges."""
    s = LandscapeExplorer()
    for name in ("slow", "good", "oscillating", "diverging"):
        e = s.apply(lq.SetLrRegime(name))
        assert e.lr is not None and name in s.race.caption()
    s.apply(lq.RaceCommand("play"))
    for _ in range(400):
        s.tick()
    paths = {p.name: p for p in s.picture().paths}
    assert paths["Gradient descent"].status == "diverged"
    assert "diverged" in " ".join(n for n, _ in s.picture().legend)


def test_step_narrates_and_cross_sections_match_the_gradient():
    """Step explains one update; the 1-D panel's exact slope is ∂f/∂x at the ball."""
    s = LandscapeExplorer()
    s.apply(lq.SetNarrated("rmsprop"))
    s.apply(lq.RaceCommand("step"))
    pic = s.picture()
    assert "RMSprop" in pic.narration[0] and len(pic.narration) >= 3
    x, y, gx, gy = pic.cross
    assert pic.curve.x == x and pic.curve.derivative == pytest.approx(gx)
    s.apply(lq.SetKnob("y"))
    assert s.picture().curve.derivative == pytest.approx(gy)


def test_secant_closes_in_on_the_tangent_as_dx_shrinks():
    """Shrinking Δx brings the secant slope to the analytic derivative."""
    s = LandscapeExplorer()
    gaps = []
    for dx in (1.0, 0.1, 0.001):
        s.apply(lq.SetProbe(dx))
        c = s.picture().curve
        gaps.append(abs(c.secant_slope - c.derivative))
    assert gaps[0] > gaps[1] > gaps[2] and gaps[2] < 1e-3


def test_fog_shows_only_what_the_walk_has_evaluated():
    """With fog the 1-D curve is hidden except near probed points; walking reveals more."""
    s = LandscapeExplorer()
    s.apply(lq.SetFog(True))
    hidden = np.isnan(s.picture().curve.values).sum()
    for _ in range(5):
        s.apply(lq.RaceCommand("walk"))
    c = s.picture().curve
    assert 0 < np.isfinite(c.values).sum() < len(c.values)
    assert np.isnan(c.values).sum() < hidden and len(c.walked) == 6


def test_network_mode_makes_a_slice_a_projection_and_a_curve(net_session):
    """One snapshot in network mode: the slice (coarse, then refined), the path, the 1-D curve."""
    s, net, X, y = net_session
    pic = s.picture()
    assert pic.surface is not None and pic.surface.values.shape == (51, 51)
    assert pic.surface.refined and pic.paths[0].name == "training"
    assert pic.curve is not None and "initial" in pic.curve.label
    assert s.net.projection is not None


def test_leaving_the_computed_region_asks_for_a_new_slice(net_session):
    """A snapshot far from the slice's centre triggers a recompute; a near one does not."""
    s, net, X, y = net_session
    problem = s.net.problem
    near = s.observe(problem, net.get_flat() + 1e-4, 1)
    assert "slice" not in [k for k, _ in near.jobs]
    far = net.get_flat()
    far[0] += 50.0
    assert "slice" in [k for k, _ in s.observe(problem, far, 2).jobs]


def test_moving_off_a_two_weight_plane_recentres_it(net_session):
    """Training moves the *other* weights: once far off the plane, the slice is re-centred."""
    s, net, X, y = net_session
    s.apply(lq.PickParam((0, 0, 0)))
    run(s, s.apply(lq.PickParam((0, 1, 0))))
    problem, theta = s.net.problem, net.get_flat()
    sideways = theta.copy()
    sideways[-1] += 1e-3  # a weight that is not an axis, barely moved: keep the slice
    assert "slice" not in [k for k, _ in s.observe(problem, sideways, 1).jobs]
    sideways[-1] += 5.0  # far off the plane, though the two axis weights have not moved at all
    assert "slice" in [k for k, _ in s.observe(problem, sideways, 2).jobs]


def test_picked_weights_become_the_axes(net_session):
    """Two picks (layer, i, j) make the weights plane with those labels."""
    s, *_ = net_session
    s.apply(lq.PickParam((0, 1, 2)))
    e = s.apply(lq.PickParam((1, 0, 0)))
    run(s, e)
    assert (s.net.plane.x_label, s.net.plane.y_label) == ("W1[1,2]", "W2[0,0]")
    assert "W2[0,0]" in e.message


def test_pca_without_a_path_is_refused_with_a_message(net_session):
    """PCA needs a recorded path; asking before training says so and keeps the old plane."""
    s, *_ = net_session
    plane = s.net.plane
    e = s.apply(lq.SelectSurface("pca"))
    assert e.error and "PCA" in e.message and s.net.plane is plane


def test_network_race_steps_on_the_real_loss(net_session):
    """A click on the slice starts the race there; ticks step a private copy in jobs."""
    s, *_ = net_session
    a0, a1, b0, b1 = s.net.surface.extent
    run(s, s.apply(lq.SetStart((a0 + a1) / 2, (b0 + b1) / 2)))
    assert s.netrace is not None
    s.apply(lq.RaceCommand("play"))
    for _ in range(4):
        run(s, s.tick())
    steps = {r.kind: r.steps for r in s.netrace.racers.values()}
    assert all(n >= 3 for n in steps.values())
    assert len(s.picture().paths) == 7


def test_network_click_outside_the_slice_is_refused(net_session):
    """A click beyond the computed grid changes nothing."""
    s, *_ = net_session
    e = s.apply(lq.SetStart(1e6, 0.0))
    assert e.error and not e.jobs and s.netrace is None


def test_a_recentred_plane_keeps_the_old_surface_until_its_grid_is_ready(net_session):
    """Training moves off the plane: the old surface stays on screen while the new one is
    computed (fine grid only, no coarse preview), then plane and surface change together."""
    s, net, X, y = net_session
    old_plane, old_surface = s.net.plane, s.net.surface
    far = net.get_flat()
    far[0] += 50.0
    effects = s.observe(s.net.problem, far, 1)
    jobs = dict(effects.jobs)
    assert s.net.plane is old_plane and s.picture().surface is not None  # nothing blanks
    results = list(jobs["slice"](lambda: False))
    assert [r[1].values.shape for r in results] == [(51, 51)] and results[0][1].refined
    s.submitted("slice")
    s.on_result("slice", results[0])
    assert s.net.plane is not old_plane and s.net.surface is not old_surface
    assert s.net.projection is None and "slice" not in s.net.busy  # the path's loss: anew
    assert s.net.coords()[1][-1] == pytest.approx(0.0, abs=1e-9)  # the new plane holds θ


def test_a_paced_snapshot_does_not_recentre_but_a_first_surface_is_always_made(net_session):
    """recentre=False (the controller's pacing) keeps an outgrown plane; with nothing shown
    a slice is asked for all the same."""
    s, net, X, y = net_session
    far = net.get_flat()
    far[0] += 50.0
    assert "slice" not in dict(s.observe(s.net.problem, far, 1, recentre=False).jobs)
    fresh = LandscapeExplorer()
    fresh.apply(lq.SetMode("network"))
    jobs = dict(fresh.observe(s.net.problem, net.get_flat(), 0, recentre=False).jobs)
    sizes = [r[1].values.shape for r in jobs["slice"](lambda: False)]
    assert sizes == [(17, 17), (51, 51)]  # coarse preview first when nothing is shown


def test_the_network_surface_comes_with_its_colours_and_contours(net_session):
    """The slice job shades its grid (linear and log) so the view need not."""
    from nnviz.landscape.contours import shading

    s, net, X, y = net_session
    pic = s.picture().surface
    assert pic.shades is not None
    for log, made in zip((False, True), pic.shades, strict=True):
        ref = shading(pic.values, pic.xs, pic.ys, log)
        assert np.array_equal(made.image, ref.image) and np.array_equal(made.levels, ref.levels)
        assert np.array_equal(made.segments, ref.segments)


def test_a_recentred_two_weight_plane_keeps_its_extent_while_the_path_fills_it(net_session):
    """The other weights move (a re-centre a second while training): the new grid spans the
    same two-weight extent, so the plot keeps its axes; a path that outgrows it gets more."""
    s, net, X, y = net_session
    s.apply(lq.PickParam((0, 0, 0)))
    run(s, s.apply(lq.PickParam((0, 1, 0))))
    problem, theta = s.net.problem, net.get_flat()
    shown = s.net.surface
    k = flat_index(net, (0, 0, 0))  # W1[0,0], the first axis
    sideways = theta.copy()
    sideways[-1] += 5.0  # off the plane, and the path a little longer along the first axis,
    sideways[k] += 0.05  # so an extent made to cover it afresh would move a little
    run(s, s.observe(problem, sideways, 1))
    assert s.net.surface is not shown  # a new grid, for the new centre...
    assert np.array_equal(s.net.surface.alphas, shown.alphas)  # ...over the same extent
    assert np.array_equal(s.net.surface.betas, shown.betas)
    afresh = covering_ranges(s.net.coords()[0], margin=0.2, minimum=2.0)
    assert afresh[0] != (shown.alphas[0], shown.alphas[-1])  # which it would have moved
    away = sideways.copy()
    away[0] += 40.0  # the first axis weight itself runs far: the extent follows it
    run(s, s.observe(problem, away, 2))
    assert s.net.surface.alphas[-1] > shown.alphas[-1] + 30
