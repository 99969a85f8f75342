"""The lab keeps a same-architecture network and takes a restored session's epoch."""

import numpy as np
import pytest

from nnviz import commands as cmd
from tests.factories import make_lab


def test_the_same_spec_keeps_the_weights_and_says_nothing():
    """SetSpec with the network's own spec (a preset of that shape) rebuilds nothing."""
    lab = make_lab()
    lab.apply(cmd.StepEpoch())
    lab.snapshot()
    before = lab.net.get_flat()
    lab.apply(cmd.SetSpec(lab.spec))
    snap = lab.snapshot()
    assert np.array_equal(before, lab.net.get_flat()) and snap.epoch == 1
    assert snap.event == "" and "architecture" not in snap.message


def test_set_params_with_an_epoch_restores_that_epoch():
    """A restored session's weights come with its epoch; training carries on from there."""
    lab = make_lab()
    params = tuple(p * 0.5 for p in lab.net.params)
    lab.apply(cmd.SetParams(params, reason="Session restored.", epoch=120))
    snap = lab.snapshot()
    assert snap.epoch == 120 and "restored" in snap.message
    assert all(np.array_equal(a, b) for a, b in zip(snap.params, params, strict=True))
    lab.apply(cmd.StepEpoch())
    assert lab.snapshot().epoch == 121


def test_set_params_without_an_epoch_keeps_the_epoch():
    """An update applied elsewhere leaves the epoch where it was."""
    lab = make_lab()
    lab.apply(cmd.StepEpoch())
    lab.apply(cmd.SetParams(tuple(p.copy() for p in lab.net.params)))
    assert lab.snapshot().epoch == 1


@pytest.mark.parametrize("epoch", [-1, 2.5, True, "3"])
def test_a_bad_epoch_changes_nothing(epoch):
    """A negative, fractional or non-number epoch is refused before anything changes."""
    lab = make_lab()
    before = lab.net.get_flat()
    with pytest.raises(ValueError, match="epoch"):
        lab.apply(cmd.SetParams(tuple(p * 2 for p in lab.net.params), epoch=epoch))
    assert np.array_equal(before, lab.net.get_flat()) and lab.trainer.epoch == 0
