"""Tests for sweeps through the real training process: results relayed as signals."""

import numpy as np

from app.training_bridge import TrainingBridge
from nnviz import commands as cmd
from nnviz.experiments.sweep import Sweep
from tests.factories import make_lab


def test_a_sweep_streams_through_the_process_and_cancels(qtbot):
    """Cells arrive as sweep_progress in order, then sweep_finished; Cancel ends the next one."""
    t = TrainingBridge(make_lab)
    snaps, progress, finished = [], [], []
    t.snapshot_ready.connect(snaps.append)
    t.sweep_progress.connect(progress.append)
    t.sweep_finished.connect(finished.append)
    t.start()
    try:
        qtbot.waitUntil(lambda: bool(snaps), timeout=10000)
        weights = snaps[-1].params
        t.send(cmd.StartSweep(Sweep("double-descent", (5, 10, 15), (0, 1))))
        qtbot.waitUntil(lambda: bool(finished), timeout=20000)
        assert [r.value for r in progress] == [5, 10, 15] and not finished[0]["cancelled"]
        grid = tuple(range(5, 200, 5))
        t.send(cmd.StartSweep(Sweep("double-descent", grid, tuple(range(20)))))
        qtbot.waitUntil(lambda: len(progress) >= 4, timeout=20000)
        t.send(cmd.CancelSweep())
        qtbot.waitUntil(lambda: len(finished) == 2, timeout=20000)
        assert finished[1]["cancelled"] and finished[1]["cells"] < len(grid)
        t.send(cmd.RequestSnapshot(token=7))
        qtbot.waitUntil(lambda: snaps[-1].token == 7, timeout=10000)
        assert all(np.array_equal(a, b) for a, b in zip(snaps[-1].params, weights, strict=True))
    finally:
        t.shutdown()
