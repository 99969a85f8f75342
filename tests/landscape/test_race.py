"""The optimizer race: the engine's own steps, honest stopping, glyph state, network slice."""

import numpy as np
import pytest

from nnviz.engine.optimizers import make_optimizer
from nnviz.engine.problem import Problem
from nnviz.landscape.knobs import KnobObjective
from nnviz.landscape.race import RACERS, Race, Racer
from nnviz.landscape.surfaces import bowl, get_surface


@pytest.mark.parametrize("kind", RACERS)
def test_race_steps_equal_the_engine_optimizers_called_directly(kind):
    """Each racer's points equal make_optimizer(kind) stepped by hand on the same surface."""
    s = get_surface("himmelblau")
    race = Race(s.loss_and_grad, s.start, lr=0.01, tol=0.0)
    race.run(40)
    p = np.array(s.start, dtype=float)
    opt = make_optimizer(kind, [p], lr=0.01)
    expected = [p.copy()]
    for _ in range(40):
        opt.step([s.loss_and_grad(p)[1]])
        expected.append(p.copy())
    racer = race.racers[kind]
    assert racer.steps == 40
    assert np.array_equal(racer.path.points, np.array(expected))
    assert np.array_equal(racer.point, p)
    assert racer.loss == s.loss_and_grad(p)[0]


@pytest.mark.parametrize(("factor", "status"), [(1.98, "converged"), (2.02, "diverged")])
def test_gradient_descent_on_the_bowl_diverges_exactly_past_2_over_lambda_max(factor, status):
    """lr just below 2/λmax settles (slowly, see-sawing); just above, it blows up."""
    s = bowl(condition=10.0, lambda_max=3.0)
    racer = Racer("sgd", s.loss_and_grad, s.start, lr=factor / 3.0)
    for _ in range(5000):
        if not racer.step():
            break
    assert racer.status == status
    assert racer.step() is False  # a stopped racer stays put, without raising
    assert np.all(np.isfinite(racer.path.points))


def test_divergence_to_infinity_is_a_status_not_an_error():
    """A learning rate of 1e300 overflows at once: status "diverged", nothing raised."""
    s = bowl()
    racer = Racer("sgd", s.loss_and_grad, (1.0, 1.0), lr=1e300)
    racer.step()
    racer.step()
    assert racer.status == "diverged" and len(racer.path.points) >= 1


def test_glyph_state_is_readable_per_optimizer():
    """Momentum vectors and squared-gradient sums are exposed where the optimizer has them."""
    s = get_surface("bowl")
    race = Race(s.loss_and_grad, s.start, lr=0.1)
    assert all(r.momentum is None and r.squared is None for r in race.racers.values())
    race.step()
    r = race.racers
    g0 = np.array(s.loss_and_grad(np.array(s.start))[1])
    assert r["sgd"].momentum is None and r["sgd"].squared is None
    assert np.array_equal(r["momentum"].momentum, g0) and r["momentum"].squared is None
    assert np.array_equal(r["adagrad"].squared, g0 * g0) and r["adagrad"].momentum is None
    assert np.allclose(r["rmsprop"].squared, 0.01 * g0 * g0)
    assert np.allclose(r["adam"].momentum, 0.1 * g0) and r["adam"].squared is not None


def test_settings_override_one_racer_and_set_lr_keeps_state():
    """A per-racer lr wins over the shared one; set_lr changes lr but not the momentum."""
    s = get_surface("bowl")
    race = Race(s.loss_and_grad, s.start, lr=0.1, settings={"adam": {"lr": 0.5}})
    assert race.racers["adam"].optimizer.lr == 0.5 and race.racers["sgd"].optimizer.lr == 0.1
    race.step()
    v = race.racers["momentum"].momentum
    race.set_lr(0.05)
    assert race.racers["momentum"].optimizer.lr == 0.05
    assert np.array_equal(race.racers["momentum"].momentum, v)


def test_restart_puts_every_racer_back_with_a_fresh_optimizer():
    """restart(start) empties the state, the path and the status."""
    s = get_surface("himmelblau")
    race = Race(s.loss_and_grad, s.start, lr=0.01, racers=("momentum", "adam"))
    race.run(5)
    race.restart((1.0, -1.0))
    for racer in race.racers.values():
        assert racer.steps == 0 and racer.momentum is None and racer.last is None
        assert np.array_equal(racer.path.points, [[1.0, -1.0]])
    assert race.start == (1.0, -1.0)


def test_converged_racers_stop_and_the_race_finishes():
    """On the bowl every racer eventually either converges or is still going; run() stops early."""
    s = bowl(condition=2.0)
    race = Race(s.loss_and_grad, s.start, lr=0.5, racers=("sgd", "momentum"), tol=1e-6)
    rounds = race.run(10_000)
    assert rounds < 10_000 and race.finished
    assert all(r.status == "converged" for r in race.racers.values())
    assert all(np.linalg.norm(r.gradient) < 1e-6 for r in race.racers.values())


def test_paths_stay_bounded():
    """max_path caps the stored path however long the race runs."""
    s = get_surface("rosenbrock")
    racer = Racer("sgd", s.loss_and_grad, s.start, lr=1e-4, max_path=64, tol=0.0)
    for _ in range(3000):
        racer.step()
    assert len(racer.path.points) <= 65 and racer.path.steps[-1] == 3000


def test_race_on_the_networks_two_weight_slice_goes_downhill(problem):
    """On a KnobObjective of two real weights, every racer lowers the network's loss."""
    net, X, y = problem
    knobs = KnobObjective(Problem(net, X, y, "log"), [(0, 0, 1), (2, 1, 0)])
    race = Race(knobs, knobs.start, lr=0.05)
    start_loss = next(iter(race.racers.values())).loss
    assert start_loss == pytest.approx(net.loss(X, y, "log"))
    race.run(50)
    for racer in race.racers.values():
        assert racer.loss < start_loss, racer.kind
