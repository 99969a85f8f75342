"""Numbers and powers as a learner reads them."""

import pytest

from nnviz.graph.text import fmt, power_text


@pytest.mark.parametrize(
    ("x", "text"),
    [
        (16.0, "16"),
        (-3.0, "−3"),
        (-0.6931471805599453, "−0.6931"),
        (0.7071067811865476, "0.7071"),
        (float("inf"), "∞"),
        (float("-inf"), "−∞"),
        (float("nan"), "nan"),
        (1e20, "1e+20"),
    ],
)
def test_fmt(x, text):
    """Whole numbers drop the .0, others keep 4 significant digits, minus is a true minus."""
    assert fmt(x) == text


@pytest.mark.parametrize(
    ("base", "n", "text"),
    [("w1", 4, "w1⁴"), ("2", 3, "2³"), ("x", -1, "x⁻¹"), ("x", 0.5, "x^0.5"), ("x", 1, "x")],
)
def test_power_text(base, n, text):
    """Integer exponents become superscripts, fractional ones use ^, and x¹ is just x."""
    assert power_text(base, n) == text


def test_power_text_brackets_compound_bases():
    """A negative or compound base is bracketed before it is raised."""
    assert power_text("−3", 2) == "(−3)²"
    assert power_text("a + b", 2) == "(a + b)²"
