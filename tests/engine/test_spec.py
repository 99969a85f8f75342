"""Tests for NetworkSpec: validation, building and round trips."""

import pytest

from nnviz.engine.spec import MAX_HIDDEN_LAYERS, NetworkSpec


def test_default_spec_is_the_playground_network():
    """The default spec is 2-4-2-1 tanh with a sigmoid output."""
    spec = NetworkSpec()
    assert spec.sizes == [2, 4, 2, 1]
    net = spec.build()
    assert net.activations == ["tanh", "tanh", "sigmoid"]


@pytest.mark.parametrize(
    "changes, match",
    [
        ({"hidden": (4,) * (MAX_HIDDEN_LAYERS + 1)}, "hidden layers"),
        ({"hidden": (9,)}, "neurons"),
        ({"hidden": (0,)}, "neurons"),
        ({"features": ()}, "at least one"),
        ({"features": ("x1", "nope")}, "unknown feature"),
        ({"activation": "softmax"}, "output layer"),
        ({"init": "magic"}, "init"),
    ],
)
def test_bad_specs_are_refused(changes, match):
    """Every invalid architecture gives a clear ValueError."""
    with pytest.raises(ValueError, match=match):
        NetworkSpec().with_(**changes)


def test_dict_round_trip():
    """to_dict → from_dict gives the same spec."""
    spec = NetworkSpec(features=("x1", "x1*x2"), hidden=(3, 3), seed=7)
    assert NetworkSpec.from_dict(spec.to_dict()) == spec


def test_one_d_features():
    """1-D specs take x, x², … features."""
    spec = NetworkSpec(features=("x", "x^2"), input_dim=1, hidden=())
    assert spec.build().sizes == [2, 1]
