"""Tests for a run (one network over the lab's data) and its rate meter."""

import numpy as np

from nnviz import commands as cmd
from nnviz.run import RateMeter
from tests.factories import make_lab


def test_the_rate_is_a_measurement_not_capped_by_the_meter():
    """500 epochs in the last second read 500 epochs/s (the old meter stopped at 200)."""
    t = [0.0]
    meter = RateMeter(lambda: t[0])
    for _ in range(500):
        t[0] += 0.001
        meter.epoch_done()
    assert meter.rate() == 500.0
    t[0] += 2.0
    assert meter.rate() == 0.0  # nothing in the last second


def test_a_slow_speed_limit_still_waits_after_the_window_has_emptied():
    """At 0.5 epochs/s the next epoch waits 2 s even though the 1-s window is empty."""
    t = [0.0]
    meter = RateMeter(lambda: t[0])
    meter.epoch_done()
    t[0] = 1.5
    assert not meter.may_start_epoch(0.5)
    t[0] = 2.0
    assert meter.may_start_epoch(0.5)


def test_the_snapshot_reads_zero_epochs_per_second_when_paused():
    """Right after training pauses, the status bar's rate says 0, not the last speed."""
    lab = make_lab()
    lab.apply(cmd.RunEpochs(5))
    while lab.playing:
        lab.advance(0.05)
    assert lab.snapshot().epochs_per_second == 0.0


def test_the_snapshot_carries_every_run_with_the_live_one_first():
    """A run of one: snap.runs holds the live run, the same weights as the snapshot's own."""
    lab = make_lab()
    lab.apply(cmd.StepEpoch())
    snap = lab.snapshot()
    assert len(snap.runs) == 1 and snap.runs[0].label == "live"
    assert snap.runs[0].epoch == snap.epoch == 1
    assert all(np.array_equal(a, b) for a, b in zip(snap.runs[0].params, snap.params, strict=True))
    assert snap.runs[0].metrics == snap.metrics


def test_step_back_restores_the_run_exactly():
    """A manual epoch undone leaves the same weights, counters and next shuffle."""
    lab = make_lab()
    before = lab.net.get_flat()
    lab.apply(cmd.StepEpoch())
    first = lab.net.get_flat()
    lab.apply(cmd.StepBack())
    assert np.array_equal(lab.net.get_flat(), before) and lab.trainer.epoch == 0
    lab.apply(cmd.StepEpoch())
    assert np.array_equal(lab.net.get_flat(), first)


def test_train_epochs_trains_now_before_the_next_command():
    """TrainEpochs is done at once (a lesson's setup is deterministic), then the lab pauses."""
    lab = make_lab()
    lab.apply(cmd.TrainEpochs(7))
    assert lab.trainer.epoch == 7 and not lab.playing
    lab.apply(cmd.RequestSnapshot(token=42))
    assert lab.snapshot().token == 42
