"""Every built-in dataset by name, and ``make_dataset`` to generate one reproducibly."""

from __future__ import annotations

import numbers
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np

from nnviz.data import functions_1d, playground, shapes
from nnviz.data.dataset import MAX_POINTS, Dataset
from nnviz.text import _

PLANE = (-6.0, 6.0)
CURVE_DOMAIN = (-1.2, 1.2)  # curves are sampled on [−1, 1]; the margin shows the fit's ends


@dataclass(frozen=True)
class DatasetInfo:
    """What a named generator makes.

    Attributes
    ----------
    make : callable
        ``make(n, noise, rng, **options) -> (X, y)``.
    kind : str
        "binary", "multiclass" or "regression".
    n : int
        Default number of points.
    domain : tuple of float
        (low, high) of each axis the data is drawn in.
    description : str
        A few words for a menu.
    dim : int
        1 (a curve) or 2 (the plane).
    options : dict
        Extra keyword options and their defaults (only ``blobs`` has one: ``k``).
    """

    make: Callable[..., tuple[np.ndarray, np.ndarray]]
    kind: str
    n: int
    domain: tuple[float, float]
    description: str
    dim: int = 2
    options: dict[str, Any] = field(default_factory=dict)


def _curve(name: str, description: str) -> DatasetInfo:
    return DatasetInfo(
        partial(functions_1d.curve, name), "regression", 60, CURVE_DOMAIN, description, 1
    )


DATASETS: dict[str, DatasetInfo] = {
    "circle": DatasetInfo(playground.circle, "binary", 500, PLANE, "a disc inside a ring"),
    "xor": DatasetInfo(playground.xor, "binary", 500, PLANE, "four quadrants"),
    "gauss": DatasetInfo(playground.gauss, "binary", 500, PLANE, "two Gaussian blobs"),
    "spiral": DatasetInfo(playground.spiral, "binary", 500, PLANE, "two spirals"),
    "moons": DatasetInfo(shapes.moons, "binary", 500, PLANE, "two half-moons"),
    "linear": DatasetInfo(shapes.linear, "binary", 200, PLANE, "linearly separable"),
    "xor_corners": DatasetInfo(shapes.xor_corners, "binary", 4, (-0.5, 1.5), "the XOR truth table"),
    "blobs": DatasetInfo(
        shapes.blobs, "multiclass", 450, PLANE, "k clusters (2 to 6)", 2, {"k": shapes.DEFAULT_K}
    ),
    "plane": DatasetInfo(playground.plane, "regression", 500, PLANE, "a tilted plane"),
    "multi_gauss": DatasetInfo(
        playground.multi_gauss, "regression", 500, PLANE, "six signed bumps"
    ),
    "sin": _curve("sin", "1-D curve: one sine wave"),
    "poly": _curve("poly", "1-D curve: a cubic with two bends"),
    "abs": _curve("abs", "1-D curve: a V with a sharp corner"),
    "step": _curve("step", "1-D curve: a jump at zero"),
}


def make_dataset(
    name: str, n: int | None = None, noise: float = 0.0, seed: int = 0, **options: Any
) -> Dataset:
    """Generate a named dataset; the same arguments always give bit-identical points.

    Parameters
    ----------
    name : str
        A key of ``DATASETS``.
    n : int, optional
        Number of points, 1 to 100,000 (default: the dataset's own, e.g. 500 in the plane,
        60 for 1-D curves, 4 for ``xor_corners``).
    noise : float
        0 to 1, one meaning per family. 2-D classification: the standard deviation of
        Gaussian jitter added to each point's position, in axis units; labels stay those of
        the clean point. Regression: the standard deviation of Gaussian noise added to each
        target, as a fraction of the target's range.
    seed : int
        Seeds the one ``numpy.random.Generator`` every random number comes from.
    **options
        Dataset-specific options listed in ``DATASETS[name].options`` (``blobs``: ``k``).

    Returns
    -------
    Dataset
        The points, read-only.

    Raises
    ------
    ValueError
        For an unknown name or option, or n, noise or seed out of range.
    """
    if not isinstance(name, str) or name not in DATASETS:
        raise ValueError(
            _(
                "unknown dataset {name!r}; choose one of: {choices}",
                name=name,
                choices=", ".join(DATASETS),
            )
        )
    info = DATASETS[name]
    n = info.n if n is None else _whole(n, _("the number of points"), 1, MAX_POINTS)
    _check_noise(noise)
    seed = _whole(seed, _("the seed"), 0, None)
    unknown = sorted(set(options) - set(info.options))
    if unknown:
        valid = ", ".join(info.options) or "none"
        raise ValueError(
            _(
                "{name} has no option {choices} (its options: {valid})",
                name=name,
                choices=", ".join(unknown),
                valid=valid,
            )
        )
    chosen = {**info.options, **options}
    X, y = info.make(n, float(noise), np.random.default_rng(seed), **chosen)
    n_classes = {"binary": 2, "regression": 0}.get(info.kind, chosen.get("k", 2))
    return Dataset(X, y, info.kind, n_classes, name, info.domain)


def _whole(value: Any, what: str, low: int, high: int | None) -> int:
    """``value`` as an int in [low, high], or a ValueError saying what was expected."""
    span = (
        _("from {low} to {high}", low=low, high=high)
        if high is not None
        else _("{low} or more", low=low)
    )
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(
            _(
                "{what} must be a whole number {span}, not {value!r}",
                what=what,
                span=span,
                value=value,
            )
        )
    whole = int(value)
    if whole < low or (high is not None and whole > high):
        raise ValueError(
            _(
                "{what} must be a whole number {span}, not {whole}",
                what=what,
                span=span,
                whole=whole,
            )
        )
    return whole


def _check_noise(noise: Any) -> None:
    """Raise ValueError unless noise is a real number in [0, 1]."""
    ok = isinstance(noise, numbers.Real) and not isinstance(noise, bool)
    if not (ok and np.isfinite(noise) and 0.0 <= noise <= 1.0):
        raise ValueError(_("noise must be a number from 0 to 1, not {noise!r}", noise=noise))
