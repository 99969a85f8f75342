"""Early stopping: best epoch, best weights, and patience."""

import numpy as np
import pytest

from nnviz.engine.early_stopping import EarlyStopping


def test_keeps_best_epoch_and_a_copy_of_its_weights():
    """The lowest loss wins; its weights are a copy, untouched by later changes."""
    monitor = EarlyStopping(patience=3)
    w = np.array([1.0])
    for epoch, loss in enumerate([3.0, 2.0, 1.0, 1.5], start=1):
        w[0] = epoch
        monitor.update(epoch, loss, [w])
    assert monitor.best_epoch == 3 and monitor.best_loss == 1.0
    assert monitor.best_params is not None and monitor.best_params[0].tolist() == [3.0]


def test_stops_after_patience_epochs_without_improvement():
    """Three epochs without a new best (patience 3) stop it, at the third of them."""
    monitor = EarlyStopping(patience=3)
    stops = [monitor.update(e, loss, []) for e, loss in enumerate([1.0, 2.0, 2.0, 2.0, 0.5], 1)]
    assert stops == [False, False, False, True, True]
    assert monitor.stopped_epoch == 4 and monitor.best_epoch == 5


def test_min_delta_and_nan():
    """A gain smaller than min_delta is no improvement; NaN never is."""
    monitor = EarlyStopping(patience=5, min_delta=0.1)
    monitor.update(1, 1.0, [])
    monitor.update(2, 0.95, [])
    monitor.update(3, float("nan"), [])
    assert monitor.best_epoch == 1 and monitor.waited == 2


def test_bad_settings_are_refused():
    """Patience below 1 or a negative min_delta is a ValueError."""
    with pytest.raises(ValueError):
        EarlyStopping(patience=0)
    with pytest.raises(ValueError):
        EarlyStopping(min_delta=-1.0)
