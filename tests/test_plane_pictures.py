"""The neurons' pictures of the plane: drawn for each snapshot while shown, else repeated."""

from dataclasses import replace

import pytest

from nnviz import commands as cmd
from tests.factories import make_lab, same_arrays


def test_hidden_plane_pictures_are_repeated_not_recomputed():
    """ShowPlane(False): snapshots repeat the last pictures (the network still trains and its
    numbers move on); a new network shape or True again draws them fresh."""
    lab = make_lab(resolution=12)
    first = lab.snapshot()
    lab.apply(cmd.ShowPlane(False))
    lab.apply(cmd.StepEpoch())
    hidden = lab.snapshot()
    assert hidden.epoch == first.epoch + 1 and hidden.neuron_grids is first.neuron_grids
    lab.apply(cmd.ShowPlane(True))
    shown = lab.snapshot()
    fresh = make_lab(resolution=12)
    fresh.net.set_params(lab.net.params)
    expected = fresh.snapshot().neuron_grids
    assert shown.neuron_grids is not first.neuron_grids
    assert same_arrays(shown.neuron_grids, expected)
    assert not same_arrays(shown.neuron_grids, first.neuron_grids)


def test_hidden_plane_pictures_follow_a_new_network_shape():
    """Even unseen, the pictures always fit the network: a new layer size draws them anew."""
    lab = make_lab(resolution=12)
    lab.apply(cmd.ShowPlane(False))
    before = lab.snapshot()
    sizes = list(before.spec.hidden)
    sizes[0] += 1
    lab.apply(cmd.SetSpec(replace(before.spec, hidden=tuple(sizes))))
    after = lab.snapshot()
    assert [g.shape[0] for g in after.neuron_grids] == after.spec.sizes


def test_show_plane_refuses_what_is_not_a_yes_or_no():
    lab = make_lab()
    with pytest.raises(ValueError, match="shown or not"):
        lab.apply(cmd.ShowPlane("no"))  # type: ignore[arg-type]
    assert lab.plane.wanted
