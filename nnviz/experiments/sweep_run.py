"""A sweep in progress inside the training process: one cell per call, messages for the GUI.

Messages (kind, value) it hands to the loop for the pipe:
``("sweep", SweepResult)`` after every cell, in grid order, and once at the end
``("sweep_done", {"experiment", "cancelled", "seconds", "cells", "error"})``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import nnviz.experiments.cells  # noqa: F401 - registers the window's experiments
from nnviz.experiments.sweep import Sweep, run_sweep
from nnviz.text import _

SWEEP, SWEEP_DONE = "sweep", "sweep_done"
Message = tuple[str, Any]


class RunningSweep:
    """The cells of one sweep, computed one at a time between the loop's other work.

    Nothing here touches the live run: a cell builds its own data and networks from its
    seeds, so a cancelled sweep leaves the session exactly as it was.
    """

    def __init__(self, sweep: Sweep, clock: Callable[[], float] = time.perf_counter) -> None:
        self.sweep = sweep
        self.clock = clock
        self.start = clock()
        self.cells = 0
        self.finished = False
        self._results = run_sweep(sweep)

    def step(self) -> list[Message]:
        """Compute the next cell: its result, and the end message after the last one."""
        try:
            result = next(self._results)
        except StopIteration:
            return [self._done(cancelled=False)]
        except Exception as exc:  # noqa: BLE001 - a failing cell ends the sweep, not training
            error = _(
                "The {experiment} sweep stopped: {kind}: {error}",
                experiment=self.sweep.experiment,
                kind=type(exc).__name__,
                error=exc,
            )
            return [self._done(cancelled=False, error=error)]
        self.cells += 1
        out: list[Message] = [(SWEEP, result)]
        if self.cells == len(self.sweep.grid):
            out.append(self._done(cancelled=False))
        return out

    def cancel(self) -> Message:
        """Stop now (no further cell is computed) and say so."""
        self._results.close()
        return self._done(cancelled=True)

    def _done(self, cancelled: bool, error: str | None = None) -> Message:
        self.finished = True
        return (
            SWEEP_DONE,
            {
                "experiment": self.sweep.experiment,
                "cancelled": cancelled,
                "seconds": self.clock() - self.start,
                "cells": self.cells,
                "error": error,
            },
        )
