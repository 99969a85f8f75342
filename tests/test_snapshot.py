"""Snapshots: read-only copies, and the neurons' pictures in single precision."""

import numpy as np
import pytest

from nnviz.snapshot import frozen, frozen_pictures
from tests.factories import make_lab


def test_frozen_copies_are_read_only_and_independent():
    source = np.arange(4.0)
    copy = frozen(source)
    source[0] = 9.0
    assert copy[0] == 0.0 and copy.dtype == np.float64
    with pytest.raises(ValueError):
        copy[1] = 5.0


def test_pictures_travel_in_single_precision_read_only():
    """Half the bytes; within float32's rounding of the engine's own values."""
    grid = np.linspace(-1, 1, 12).reshape(3, 4) / 3
    (picture,) = frozen_pictures([grid])
    assert picture.dtype == np.float32 and not picture.flags.writeable
    assert np.allclose(picture, grid, rtol=1e-6, atol=1e-7)


def test_a_snapshots_neuron_pictures_are_single_precision():
    snap = make_lab(resolution=10).snapshot()
    assert all(g.dtype == np.float32 and not g.flags.writeable for g in snap.neuron_grids)
    assert snap.params[0].dtype == np.float64  # numbers computed with stay exact
