"""Tests for the shipped demo presets."""

import pytest

from nnviz.presets import DEFAULT_PRESET, load_preset, preset_names


def test_default_preset_is_the_playground_demo():
    """circle comes first: 2-4-2-1 tanh, lr 0.03, batch 10, half held out."""
    assert preset_names()[0] == DEFAULT_PRESET == "circle"
    p = load_preset("circle")
    assert p.spec.sizes == [2, 4, 2, 1] and p.spec.activation == "tanh"
    assert p.config.lr == 0.03 and p.config.batch_size == 10
    assert p.dataset["test_ratio"] == 0.5


@pytest.mark.parametrize("name", preset_names())
def test_every_preset_loads_and_builds(name):
    """Each shipped preset parses and its network builds."""
    p = load_preset(name, seed=3)
    assert p.spec.seed == 3 and p.spec.build().n_params > 0 and p.description


def test_unknown_preset_lists_the_choices():
    """A typo gives a clear error naming the presets."""
    with pytest.raises(ValueError, match="circle"):
        load_preset("circel")
