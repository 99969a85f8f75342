"""The optimizer race on the network's loss plane: the jobs that start and step it."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

from nnviz.engine.problem import Problem
from nnviz.landscape.directions import Plane
from nnviz.landscape.knobs import PlaneObjective
from nnviz.landscape.race import Race

Job = Callable[[Callable[[], bool]], Iterator[Any]]


def start_job(problem: Problem, plane: Plane, start: tuple[float, float], lr: float) -> Job:
    """A new race from ``start`` (plane coordinates) on the network's loss over ``plane``."""
    x, y = start

    def job(cancelled: Callable[[], bool]) -> Iterator[Any]:
        obj = PlaneObjective(problem, plane.center, plane.d1, plane.d2)
        yield Race(obj, (x, y), lr=lr, escape=1e6, tol=1e-7)

    return job


def advance_job(race: Race, steps: int, restart: bool = False) -> Job:
    """Step a private copy of the network race (the objective is shared, used only here)."""

    def job(cancelled: Callable[[], bool]) -> Iterator[Any]:
        mine = copy.deepcopy(race, memo={id(race.objective): race.objective})
        if restart:
            mine.restart()
        for _unused in range(steps):
            if cancelled() or not mine.step():
                break
        yield mine

    return job
