"""Every built-in dataset by name, and ``make_dataset`` to generate one reproducibly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np

from nnviz.data import functions_1d, playground, shapes
from nnviz.data.dataset import Dataset

MAX_POINTS = 100_000


@dataclass(frozen=True)
class DatasetInfo:
    """What a generator makes: its task, default size and plane."""

    make: Callable[..., tuple[np.ndarray, np.ndarray]]
    kind: str
    n: int
    domain: tuple[float, float]
    description: str


DATASETS: dict[str, DatasetInfo] = {
    "circle": DatasetInfo(playground.circle, "binary", 500, (-6, 6), "a disc inside a ring"),
    "xor": DatasetInfo(playground.xor, "binary", 500, (-6, 6), "four quadrants"),
    "gauss": DatasetInfo(playground.gauss, "binary", 500, (-6, 6), "two Gaussian blobs"),
    "spiral": DatasetInfo(playground.spiral, "binary", 500, (-6, 6), "two spirals"),
    "moons": DatasetInfo(shapes.moons, "binary", 500, (-6, 6), "two half-moons"),
    "linear": DatasetInfo(shapes.linear, "binary", 200, (-6, 6), "linearly separable"),
    "xor_corners": DatasetInfo(shapes.xor_corners, "binary", 4, (-0.5, 1.5), "the XOR truth table"),
    "blobs": DatasetInfo(shapes.blobs, "multiclass", 450, (-6, 6), "k clusters (k ≤ 6)"),
    "plane": DatasetInfo(playground.plane, "regression", 500, (-6, 6), "a tilted plane"),
    "multi_gauss": DatasetInfo(
        playground.multi_gauss, "regression", 500, (-6, 6), "six signed bumps"
    ),
    **{
        name: DatasetInfo(
            partial(functions_1d.curve, name), "regression", 60, (-1.2, 1.2), f"1-D curve: {name}"
        )
        for name in functions_1d.CURVES
    },
}


def make_dataset(
    name: str, n: int | None = None, noise: float = 0.0, seed: int = 0, **options: Any
) -> Dataset:
    """Generate a named dataset; the same seed always gives the same points.

    Noise is one thing per family: positional jitter (std, axis units) for 2-D classification,
    target noise (std as a fraction of the target's range) for regression. Range: [0, 1].
    """
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of {', '.join(DATASETS)}")
    info = DATASETS[name]
    n = info.n if n is None else int(n)
    if not 1 <= n <= MAX_POINTS:
        raise ValueError(f"the number of points must be between 1 and {MAX_POINTS}, not {n}")
    if not (np.isfinite(noise) and 0.0 <= noise <= 1.0):
        raise ValueError(f"noise must be between 0 and 1, not {noise}")
    unknown = set(options) - ({"k"} if name == "blobs" else set())
    if unknown:
        raise ValueError(f"{name} has no option {', '.join(sorted(unknown))}")
    rng = np.random.default_rng(seed)
    X, y = info.make(n, noise, rng, **options)
    k = int(options.get("k", 3)) if info.kind == "multiclass" else 2
    n_classes = 0 if info.kind == "regression" else k
    y = y.astype(np.float64) if info.kind == "regression" else y.astype(np.int64)
    return Dataset(np.asarray(X, dtype=np.float64), y, info.kind, n_classes, name, info.domain)
