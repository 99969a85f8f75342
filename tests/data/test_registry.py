"""Tests for the dataset registry and make_dataset."""

import numpy as np
import pytest

from nnviz.data import DATASETS, Dataset, make_dataset

TWO_D_CLASSIFY = ["circle", "xor", "gauss", "spiral", "moons", "linear", "xor_corners", "blobs"]
REGRESS = ["plane", "multi_gauss", "sin", "poly", "abs", "step"]


def test_the_registry_has_every_promised_dataset():
    """All fourteen datasets are registered with consistent kind and dimension."""
    assert sorted(DATASETS) == sorted(TWO_D_CLASSIFY + REGRESS)
    for name in REGRESS:
        assert DATASETS[name].kind == "regression"
    assert [n for n, i in DATASETS.items() if i.dim == 1] == ["sin", "poly", "abs", "step"]


@pytest.mark.parametrize("name", list(DATASETS))
def test_defaults_shapes_and_kinds(name):
    """Default size, shape, dtypes, kind, name and domain come from the registry entry."""
    info, d = DATASETS[name], make_dataset(name)
    assert isinstance(d, Dataset) and d.X.shape == (info.n, info.dim) and d.y.shape == (info.n,)
    assert d.kind == info.kind and d.name == name and d.domain == info.domain
    assert d.y.dtype == (np.float64 if d.kind == "regression" else np.int64)
    assert d.n_classes == {"binary": 2, "multiclass": 3, "regression": 0}[d.kind]
    lo, hi = d.domain
    assert d.X.min() >= lo and d.X.max() <= hi


@pytest.mark.parametrize("name", list(DATASETS))
def test_same_seed_same_data_different_seed_different_data(name):
    """The same seed gives bit-identical arrays; another seed (with noise) changes them."""
    a, b = make_dataset(name, noise=0.1, seed=4), make_dataset(name, noise=0.1, seed=4)
    assert np.array_equal(a.X, b.X) and np.array_equal(a.y, b.y)
    c = make_dataset(name, noise=0.1, seed=5)
    assert not (np.array_equal(a.X, c.X) and np.array_equal(a.y, c.y))


@pytest.mark.parametrize("name", ["circle", "xor", "gauss", "spiral", "moons", "linear"])
def test_playground_style_sets_have_500_points_half_per_class(name):
    """Two-class plane sets are exactly balanced."""
    d = make_dataset(name, n=500)
    assert len(d.y) == 500 and d.y.sum() == 250


def test_noise_zero_geometry_through_the_registry():
    """Circle radii, spiral radius and the XOR corners hold at noise 0."""
    d = make_dataset("circle")
    r = np.hypot(*d.X.T)
    assert r[d.y == 1].max() <= 2.5 and r[d.y == 0].min() >= 3.5 and r.max() <= 5
    assert np.hypot(*make_dataset("spiral").X.T).max() <= 5
    corners = make_dataset("xor_corners", seed=123)
    assert corners.X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert corners.y.tolist() == [0, 1, 1, 0] and corners.domain == (-0.5, 1.5)


def test_blobs_k_option():
    """blobs takes k and makes k classes."""
    d = make_dataset("blobs", k=5, n=100)
    assert d.kind == "multiclass" and d.n_classes == 5 and set(d.y.tolist()) == set(range(5))


def test_classification_noise_is_positional_jitter_of_the_stated_size():
    """Noise σ moves each coordinate by about σ; labels stay those of the clean points."""
    clean = make_dataset("xor", n=20_000, seed=1)
    noisy = make_dataset("xor", n=20_000, noise=0.5, seed=1)
    assert np.array_equal(clean.y, noisy.y)
    assert abs(np.std(noisy.X - clean.X) - 0.5) < 0.01


def test_regression_noise_is_a_fraction_of_the_target_range():
    """Noise 0.1 adds target noise of std 0.1 × range; positions stay."""
    clean = make_dataset("multi_gauss", n=20_000, seed=2)
    noisy = make_dataset("multi_gauss", n=20_000, noise=0.1, seed=2)
    assert np.array_equal(clean.X, noisy.X)
    assert abs(np.std(noisy.y - clean.y) - 0.1 * 2.0) < 0.005


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"name": "nope"}, "unknown dataset 'nope'; choose one of: circle, xor"),
        ({"name": "circle", "noise": 2}, "noise must be a number from 0 to 1"),
        ({"name": "circle", "noise": -0.1}, "noise"),
        ({"name": "circle", "noise": float("nan")}, "noise"),
        ({"name": "circle", "noise": "0.1"}, "noise"),
        ({"name": "circle", "n": 0}, "from 1 to 100000"),
        ({"name": "circle", "n": 100_001}, "from 1 to 100000"),
        ({"name": "circle", "n": 2.5}, "whole number"),
        ({"name": "circle", "n": True}, "whole number"),
        ({"name": "circle", "seed": -1}, "seed"),
        ({"name": "blobs", "k": 9}, "2 to 6"),
        ({"name": "circle", "k": 3}, r"no option k \(its options: none\)"),
        ({"name": "blobs", "colour": 3}, r"its options: k"),
    ],
)
def test_bad_requests_are_refused(kwargs, match):
    """Unknown names and out-of-range settings give a clear ValueError listing valid choices."""
    with pytest.raises(ValueError, match=match):
        make_dataset(**kwargs)


def test_numpy_numbers_are_accepted():
    """NumPy integers and floats (from spin boxes or arrays) work like Python ones."""
    d = make_dataset("gauss", n=np.int64(10), noise=np.float64(0.1), seed=np.int32(3))
    assert len(d.X) == 10
