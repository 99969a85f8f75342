"""Gears for f(g(x)): the ratios are the local slopes and their product is the graph's gradient."""

import math

import pytest

from nnviz.graph import parse
from nnviz.graph.gears import MAX_RADIUS, MIN_RADIUS, gear_train


def test_the_videos_example_sin_log_2():
    """sin(log 2): g′ = 1/2, f′ = cos(log 2) = 0.7692, product 0.3846."""
    gears = gear_train("sin", "log", 2.0)
    assert gears.ratios[0] == pytest.approx(0.5)
    assert gears.ratios[1] == pytest.approx(math.cos(math.log(2.0)))
    assert round(gears.ratios[1], 4) == 0.7692 and round(gears.product, 4) == 0.3846


@pytest.mark.parametrize(("outer", "inner"), [("sin", "log"), ("log", "sin")])
@pytest.mark.parametrize("x", [0.5, 1.0, 2.0, 2.5])
def test_product_equals_backprop_through_the_parsed_formula(outer, inner, x):
    """The gear product equals ∂/∂x of the formula computed by the graph engine's backward."""
    graph = parse(f"{outer}({inner}(x))", {"x": x})
    graph.forward()
    gears = gear_train(outer, inner, x)
    assert gears.values[2] == pytest.approx(graph.output.value)
    assert gears.product == pytest.approx(graph.backward()["x"], rel=1e-12)


def test_radii_and_angles_turn_at_the_ratios():
    """A driven gear is 1/|ratio| the size of its driver; angles scale by the ratios."""
    gears = gear_train("sin", "log", 2.0)
    r0, r1, r2 = gears.radii()
    assert (r0, r1) == (1.0, pytest.approx(2.0)) and r2 == pytest.approx(2.0 / 0.7692, rel=1e-3)
    assert gears.angles(1.0) == pytest.approx((1.0, 0.5, gears.product))
    (x0, _), (x1, _), (x2, _) = gears.centres()
    assert x1 - x0 == pytest.approx(r0 + r1) and x2 - x1 == pytest.approx(r1 + r2)


def test_radii_are_clamped_and_bad_points_refused():
    """Near-flat slopes give drawable gears; log of a negative number is refused."""
    gears = gear_train("log", "sin", math.pi / 2 - 1e-9)  # cos ≈ 0: the middle gear barely turns
    assert all(MIN_RADIUS <= r <= MAX_RADIUS for r in gears.radii())
    with pytest.raises(ValueError):
        gear_train("sin", "log", -1.0)
    with pytest.raises(ValueError):
        gear_train("tan", "log", 1.0)
