"""Input features: the Playground's seven for 2-D points and polynomials for 1-D curves."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from nnviz.text import _

Array = np.ndarray

# Name → (label shown in the UI, function of the (N, 2) point array).
FEATURES: dict[str, tuple[str, Callable[[Array], Array]]] = {
    "x1": ("X₁", lambda P: P[:, 0]),
    "x2": ("X₂", lambda P: P[:, 1]),
    "x1^2": ("X₁²", lambda P: P[:, 0] ** 2),
    "x2^2": ("X₂²", lambda P: P[:, 1] ** 2),
    "x1*x2": ("X₁X₂", lambda P: P[:, 0] * P[:, 1]),
    "sin(x1)": ("sin(X₁)", lambda P: np.sin(P[:, 0])),
    "sin(x2)": ("sin(X₂)", lambda P: np.sin(P[:, 1])),
}
DEFAULT_FEATURES = ("x1", "x2")


def _power(k: int) -> Callable[[Array], Array]:
    return lambda P: P[:, 0] ** k


# Features of 1-D inputs (curve fitting): powers of x and sin x.
FEATURES_1D: dict[str, tuple[str, Callable[[Array], Array]]] = {
    "x": ("x", lambda P: P[:, 0]),
    **{f"x^{k}": (f"x{'²³⁴⁵'[k - 2]}", _power(k)) for k in range(2, 6)},
    "sin(x)": ("sin(x)", lambda P: np.sin(P[:, 0])),
}
DEFAULT_FEATURES_1D = ("x",)


def feature_table(dim: int) -> dict[str, tuple[str, Callable[[Array], Array]]]:
    """The features offered for inputs of dimension 1 or 2."""
    if dim not in (1, 2):
        raise ValueError(_("inputs must be 1-D or 2-D, not {dim}-D", dim=dim))
    return FEATURES_1D if dim == 1 else FEATURES


def check_features(names: Sequence[str], dim: int = 2) -> list[str]:
    """Validate a feature list: at least one, all known, no repeats."""
    names = list(names)
    table = feature_table(dim)
    if not names:
        raise ValueError(_("pick at least one input feature"))
    unknown = [n for n in names if n not in table]
    if unknown:
        raise ValueError(
            _(
                "unknown feature {unknown!r}; choose from {choices}",
                unknown=unknown[0],
                choices=", ".join(table),
            )
        )
    if len(set(names)) != len(names):
        raise ValueError(_("each input feature can be used only once"))
    return names


def feature_matrix(points: Array, names: Sequence[str], dim: int = 2) -> Array:
    """Turn (N, dim) points into the (N, len(names)) network inputs."""
    points = np.asarray(points, dtype=float).reshape(-1, dim)
    table = feature_table(dim)
    cols = [table[n][1](points) for n in check_features(names, dim)]
    return np.column_stack(cols) if cols else np.zeros((len(points), 0))


def polynomial_features(x: Array, degree: int = 5, include_bias: bool = True) -> Array:
    """Columns 1, x, x², …, x^degree — the video's six knobs k0…k5 for degree 5."""
    if degree < 1:
        raise ValueError(_("degree must be at least 1"))
    x = np.asarray(x, dtype=float).reshape(-1)
    start = 0 if include_bias else 1
    return np.column_stack([x**k for k in range(start, degree + 1)])
