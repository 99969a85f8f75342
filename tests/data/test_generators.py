"""Tests for the generators' shared scaffolding: class halves, jitter, the shared docstrings."""

import inspect

import numpy as np

from nnviz.data import generators, playground, shapes


def test_halves_puts_n_div_2_in_the_first_class():
    """The first n // 2 labels are ``first``, the rest the other class, as int64."""
    assert generators.halves(5).tolist() == [1, 1, 0, 0, 0]
    assert generators.halves(5, first=0).tolist() == [0, 0, 1, 1, 1]
    assert generators.halves(0).dtype == np.int64 and generators.halves(0).shape == (0,)


def test_two_classes_jitters_positions_but_not_labels():
    """Noise moves the points with the generator's rng; the labels are the clean halves."""
    X = np.zeros((4, 2))
    moved, y = generators.two_classes(X, 0.5, np.random.default_rng(0))
    expected = np.random.default_rng(0).normal(0.0, 0.5, (4, 2))
    assert np.array_equal(moved, expected) and y.tolist() == [1, 1, 0, 0]
    same, y0 = generators.two_classes(X, 0.0, np.random.default_rng(0), first=0)
    assert same is X and y0.tolist() == [0, 0, 1, 1]


def test_decorated_generators_keep_their_own_text_and_gain_the_shared_sections():
    """Each docstring starts with the generator's geometry and ends with numpy-style sections."""
    for make in (playground.circle, playground.spiral, shapes.moons, shapes.linear):
        doc = inspect.getdoc(make)
        assert "Parameters\n----------\nn : int" in doc and doc.count("Returns\n-------") == 1
    assert "n // 2 in class 0, the rest in class 1" in inspect.getdoc(shapes.moons)
    assert "n // 2 in class 1, the rest in class 0" in inspect.getdoc(playground.circle)
    assert "target's range (2.4)" in inspect.getdoc(playground.plane)
    assert "target's range (2)" in inspect.getdoc(playground.multi_gauss)
    assert inspect.getdoc(playground.gauss).startswith("Two round Gaussian blobs")
