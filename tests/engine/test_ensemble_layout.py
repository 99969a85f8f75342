"""The padded layout: members go in and come out unchanged; the mask marks real parameters."""

import numpy as np
import pytest

from nnviz.engine.ensemble_layout import Layout
from nnviz.engine.mlp import MLP


@pytest.mark.parametrize("bias", [True, False])
def test_pack_unpack_round_trip(bias):
    """Two widths padded to the widest come back exactly, and the mask counts their params."""
    nets = [MLP([2, 3, 1], bias=bias, seed=0), MLP([2, 6, 1], bias=bias, seed=1)]
    layout = Layout([n.sizes for n in nets], bias)
    theta = layout.pack([n.params for n in nets])
    assert theta.shape == (2, layout.n_params)
    for k, net in enumerate(nets):
        back = layout.unpack(theta[k], k)
        assert all(np.array_equal(a, b) for a, b in zip(back, net.params, strict=True))
        assert layout.mask[k].sum() == net.n_params
    assert np.all(theta[layout.mask == 0] == 0)


def test_views_are_stacked_and_shared():
    """Weight views are (K, n_in, n_out) windows onto the one (K, P) array."""
    layout = Layout([[2, 3, 1], [2, 5, 1]], True)
    theta = np.zeros((2, layout.n_params))
    weights, biases = layout.views(theta)
    weights[0][1, 0, 4] = 2.0
    assert theta[1].sum() == 2.0 and biases[0].shape == (2, 1, 5)
