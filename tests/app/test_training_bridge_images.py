"""The digit network through the real training process: epochs relayed, cancel, crash, close."""

import pytest

from app.training_bridge import TrainingBridge
from nnviz import commands as cmd
from nnviz.image_run import ImageEpoch
from tests.factories import make_lab

LONG = cmd.TrainImages(run=1, epochs=200)  # about 5 s: time to cancel or kill it


@pytest.fixture
def bridge(qtbot):
    """A started bridge with its image signals recorded; always shut down afterwards."""
    t = TrainingBridge(make_lab)
    epochs, done, failed = [], [], []
    t.images_progress.connect(epochs.append)
    t.images_finished.connect(done.append)
    t.failed.connect(failed.append)
    t.start()
    yield t, epochs, done, failed
    t.shutdown()


def test_epochs_arrive_read_only_then_cancel_ends_the_run(bridge, qtbot):
    """Values per epoch (arrays read-only again); Cancel ends it long before epoch 200."""
    t, epochs, done, _ = bridge
    t.send(LONG)
    qtbot.waitUntil(lambda: len(epochs) >= 3, timeout=20000)
    assert all(isinstance(e, ImageEpoch) and e.run == 1 for e in epochs)
    assert [e.epoch for e in epochs[:3]] == [0, 1, 2]
    assert not epochs[-1].params[0].flags.writeable
    t.send(cmd.CancelImages())
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert done[0].cancelled and done[0].run == 1 and done[0].epochs < 200
    seen = len(epochs)
    qtbot.wait(300)
    assert len(epochs) == seen and epochs[-1].epoch <= done[0].epochs
    assert t.worker.image_run is None


def test_a_crash_mid_run_is_reported_as_the_runs_end(bridge, qtbot):
    """The process dies while the digits train: the run ends with a message; training restarts."""
    t, epochs, done, failed = bridge
    t.send(LONG)
    qtbot.waitUntil(lambda: len(epochs) >= 2, timeout=20000)
    t.worker.process.kill()
    qtbot.waitUntil(lambda: bool(done) and bool(failed), timeout=20000)
    assert done[0].run == 1 and "digit network" in done[0].error
    assert "restarted" in failed[0]
    qtbot.waitUntil(lambda: t.worker.process.is_alive(), timeout=10000)


def test_a_refused_request_says_why_and_trains_nothing(bridge, qtbot):
    """Sizes out of range: one end message with the reason, no epoch."""
    t, epochs, done, _ = bridge
    t.send(cmd.TrainImages(run=5, k=99))
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert done[0].run == 5 and "pixels" in done[0].error and epochs == []


def test_closing_while_the_digits_train_ends_the_process(qtbot):
    """shutdown() mid-run: the thread finishes and the process is gone."""
    t = TrainingBridge(make_lab)
    epochs = []
    t.images_progress.connect(epochs.append)
    t.start()
    t.send(LONG)
    qtbot.waitUntil(lambda: len(epochs) >= 1, timeout=20000)
    t.shutdown()
    assert t.thread.isFinished() and not t.worker.process.is_alive()
