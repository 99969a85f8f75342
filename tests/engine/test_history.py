"""Training history: bounded memory by decimation, copies for other threads, clearing."""

import numpy as np

from nnviz.engine.history import SERIES, History


def test_records_every_series():
    """Each record adds the epoch and one value per series (NaN when missing)."""
    h = History()
    h.record(1, train_loss=0.5, train_acc=0.9)
    assert len(h) == 1 and h.epochs == [1]
    assert h.values["train_loss"] == [0.5] and np.isnan(h.values["test_loss"][0])
    assert set(h.values) == set(SERIES)


def test_bounded_and_spans_whole_run():
    """Capacity 50 over 1000 epochs: fewer than 50 points, first to nearly last epoch."""
    h = History(capacity=50)
    for epoch in range(1, 1001):
        h.record(epoch, train_loss=1.0 / epoch)
        assert len(h) < 50
    assert h.epochs[0] == 1
    assert h.epochs[-1] >= 1000 - 2 * h.stride
    assert np.all(np.diff(h.epochs) > 0)
    assert len(h) > 50 // 4  # thinned, not emptied
    values = h.values["train_loss"]
    assert all(np.isclose(v, 1.0 / e) for e, v in zip(h.epochs, values, strict=True))


def test_arrays_are_copies():
    """arrays() hands out copies; changing them leaves the history alone."""
    h = History()
    h.record(1, train_loss=2.0)
    out = h.arrays()
    out["train_loss"][0] = 99.0
    assert h.values["train_loss"] == [2.0]
    assert out["epoch"].tolist() == [1.0] and set(out) == {*SERIES, "epoch"}


def test_clear_resets_stride():
    """clear() forgets every point and starts recording every epoch again."""
    h = History(capacity=4)
    for epoch in range(1, 20):
        h.record(epoch, train_loss=0.0)
    assert h.stride > 1
    h.clear()
    assert len(h) == 0 and h.stride == 1
    h.record(3, train_loss=1.0)
    assert h.epochs == [3]
