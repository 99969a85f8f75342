"""Numbers and powers as a learner reads them."""

import pytest

from nnviz.graph.text import class_text, fmt, fmt_delta, power_text


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


@pytest.mark.parametrize(
    ("x", "text"),
    [(0.00037123, "0.0003712"), (-8.7512e-5, "−8.751e−5"), (12345.67, "12346"), (2e-9, "2e−9")],
)
def test_fmt_is_short_and_plain_until_very_small_or_large(x, text):
    """Plain decimals from 0.0001 to a million, compact scientific notation only beyond."""
    assert fmt(x) == text


def test_fmt_delta_keeps_digits_until_the_change_shows():
    """1.655 → 1.655 becomes 1.65512 → 1.65498 (Δ −0.00014): the change is never hidden."""
    assert fmt_delta(1.655123, 1.654983) == "1.65512 → 1.65498 (Δ −0.00014)"
    assert fmt_delta(2.0, 1.5) == "2 → 1.5 (Δ −0.5)"
    assert fmt_delta(1.0, 1.0) == "1 → 1 (no change)"


def test_class_text_counts_classes_from_one():
    """Label 1 is class 2 on screen; log loss says once that it computes with y = 1."""
    assert class_text(1.0, "log") == "class 2 (y = 1 in the loss)"
    assert class_text(0.0, "cross_entropy") == "class 1"
    assert class_text(0.25, "mse") == "target y = 0.25"
