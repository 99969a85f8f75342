"""The sweep runner: a sweep is a value; its cells are computed one by one and streamed back."""

from __future__ import annotations

import numbers
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnviz.experiments import double_descent as dd
from nnviz.text import _

Cell = Callable[..., dict[str, Any]]


@dataclass(frozen=True)
class Sweep:
    """Which experiment, the values of its swept parameter, the seeds every cell averages over.

    ``options`` are fixed keyword arguments of every cell, as (name, value) pairs so the
    value stays hashable and frozen. A bad sweep is refused here, before anything runs.
    """

    experiment: str
    grid: tuple[Any, ...]
    seeds: tuple[int, ...]
    options: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        if self.experiment not in SWEEPS:
            known = ", ".join(SWEEPS)
            raise ValueError(
                _(
                    "unknown experiment {experiment!r}; sweepable: {known}",
                    experiment=self.experiment,
                    known=known,
                )
            )
        grid, seeds = tuple(self.grid), tuple(self.seeds)
        if not grid:
            raise ValueError(_("a sweep needs at least one grid value"))
        if not seeds or not all(_is_whole(s) and s >= 0 for s in seeds):
            raise ValueError(
                _("seeds must be whole numbers ≥ 0, at least one, not {seeds!r}", seeds=seeds)
            )
        for value in grid:
            SWEEPS[self.experiment].check(value)
        object.__setattr__(self, "grid", grid)
        object.__setattr__(self, "seeds", tuple(int(s) for s in seeds))
        object.__setattr__(self, "options", tuple((str(k), v) for k, v in self.options))


@dataclass(frozen=True)
class SweepResult:
    """One finished cell: its position in the grid, its value, its plain results, progress.

    ``progress`` is the fraction of cells done (1.0 after the last); ``seconds`` is the time
    since the sweep started (for "time left"), left out of comparisons since clocks differ.
    """

    index: int
    value: Any
    result: dict[str, Any]
    progress: float
    seconds: float = field(default=0.0, compare=False)


@dataclass(frozen=True)
class SweepKind:
    """A sweepable experiment: the name of its swept parameter and how to run one cell."""

    parameter: str
    cell: Callable[[], Cell | None]  # finds the cell function lazily; None if not installed
    also: tuple[str, ...] = ()  # named grid values besides the numbers (e.g. "live")

    def check(self, value: Any) -> None:
        """Refuse a grid value that is neither a whole number ≥ 1 nor one of ``also``."""
        if isinstance(value, str) and value in self.also:
            return
        if not _is_whole(value) or value < 1:
            raise ValueError(
                _(
                    "{parameter} must be a whole number ≥ 1, not {value!r}",
                    parameter=self.parameter,
                    value=value,
                )
            )


def _double_descent_cell(p: int, seeds: tuple[int, ...], **options: Any) -> dict[str, Any]:
    """Width p: median (and mean) errors over the seeds, and every seed's test error."""
    errors = dd.cell_errors(int(p), seeds, **options)
    summary: dict[str, Any] = {key: float(np.median(v)) for key, v in errors.items()}
    summary["test_error_mean"] = float(np.mean(errors["test"]))
    summary["test_error_by_seed"] = errors["test"].tolist()
    return summary


def _epoch_cell(p: int, seeds: tuple[int, ...], **options: Any) -> dict[str, Any]:
    """Width p: the row of the (p, T) grid."""
    steps = options.pop("steps", dd.DEFAULT_STEPS)
    row = dd.epoch_row(int(p), seeds, steps, **options)
    return {"steps": [int(t) for t in steps], "test_error": row.tolist()}


SWEEPS: dict[str, SweepKind] = {
    "double-descent": SweepKind("p", lambda: _double_descent_cell),
    "double-descent-epochs": SweepKind("p", lambda: _epoch_cell),
}


def sweepable() -> tuple[str, ...]:
    """The experiments that can be swept (``nnviz.experiments.cells`` registers the rest)."""
    return tuple(name for name, kind in SWEEPS.items() if kind.cell() is not None)


def run_sweep(
    sweep: Sweep, cancelled: Callable[[], bool] = lambda: False
) -> Generator[SweepResult, None, None]:
    """Compute the cells in grid order, yielding each result as soon as it is done.

    ``cancelled()`` is asked before and after every cell; once it says True nothing more is
    computed or yielded (a cell already running finishes, and its result is dropped). Each
    cell depends only on its value, the seeds and the options, so a sweep is deterministic.
    """
    cell = SWEEPS[sweep.experiment].cell()
    if cell is None:
        raise ValueError(
            _(
                "the {experiment!r} experiment is not available in this build",
                experiment=sweep.experiment,
            )
        )
    start, total = time.perf_counter(), len(sweep.grid)
    for index, value in enumerate(sweep.grid):
        if cancelled():
            return
        result = cell(value, sweep.seeds, **dict(sweep.options))
        if cancelled():
            return
        seconds = time.perf_counter() - start
        yield SweepResult(index, value, result, (index + 1) / total, seconds)


def _is_whole(value: Any) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)
