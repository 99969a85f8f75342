"""The network race's jobs: a race starts where it is asked, and steps only a private copy."""

import numpy as np
import pytest

from nnviz.engine.problem import Problem
from nnviz.landscape.directions import random_plane
from nnviz.landscape.network_race import advance_job, start_job
from tests.landscape.conftest import make_problem


@pytest.fixture
def race():
    net, X, y = make_problem()
    plane = random_plane(net, np.random.default_rng(0))
    (race,) = start_job(Problem(net, X, y, "log"), plane, (0.3, -0.2), 0.1)(lambda: False)
    return race


def test_a_race_starts_at_the_clicked_point(race):
    for racer in race.racers.values():
        assert tuple(racer.path.points[0]) == pytest.approx((0.3, -0.2))


def test_advancing_steps_a_copy_and_leaves_the_shown_race_alone(race):
    (moved,) = advance_job(race, 3)(lambda: False)
    first = next(iter(race.racers))
    assert len(race.racers[first].path.points) == 1
    assert len(moved.racers[first].path.points) == 4
    assert moved.objective is race.objective  # the loss over the plane is shared, not copied
    (back,) = advance_job(moved, 0, restart=True)(lambda: False)
    assert len(back.racers[first].path.points) == 1


def test_a_cancelled_advance_stops_early(race):
    (moved,) = advance_job(race, 50)(lambda: True)
    first = next(iter(race.racers))
    assert len(moved.racers[first].path.points) == 1
