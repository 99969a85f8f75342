"""What the 2-D generators share: half the points per class, jitter, and the same parameters."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TypeVar

import numpy as np

from nnviz.data.noise import jitter_positions

Array = np.ndarray
Generator = TypeVar("Generator", bound=Callable[..., tuple[Array, Array]])

# Every two-class generator takes (n, noise, rng) and returns (X, y) in the same way; only
# which class comes first differs. This text ends each of their docstrings.
_TWO_CLASS_DOCS = """
Parameters
----------
n : int
    Number of points: n // 2 in class {first}, the rest in class {second}.
noise : float
    0 to 1: the standard deviation of Gaussian jitter added to each coordinate, in axis
    units. Labels stay those of the clean point.
rng : np.random.Generator
    The only source of randomness.

Returns
-------
tuple of np.ndarray
    X (n, 2) float64 positions and y (n,) int64 class labels.
"""

# The same for the regression sets in the plane; only the target's range differs.
_PLANE_TARGET_DOCS = """
Parameters
----------
n : int
    Number of points, uniform over [−6, 6]².
noise : float
    0 to 1: the standard deviation of Gaussian noise added to each target, as a fraction
    of the target's range ({target_range:g}). Positions are never moved.
rng : np.random.Generator
    The only source of randomness.

Returns
-------
tuple of np.ndarray
    X (n, 2) positions and y (n,) targets, both float64.
"""


def halves(n: int, first: int = 1) -> Array:
    """Labels for n points: the first n // 2 are class ``first``, the rest the other class.

    Parameters
    ----------
    n : int
        Number of points.
    first : int
        The class of the first half, 1 or 0.

    Returns
    -------
    np.ndarray
        (n,) int64 labels, each 0 or 1.
    """
    # Repeat the first class n // 2 times, then the other one for the rest.
    return np.repeat(np.array([first, 1 - first], dtype=np.int64), [n // 2, n - n // 2])


def two_classes(
    X: Array, noise: float, rng: np.random.Generator, first: int = 1
) -> tuple[Array, Array]:
    """Jitter clean points whose first half is class ``first``, and label them.

    Parameters
    ----------
    X : np.ndarray
        Clean positions (n, 2): the first n // 2 rows are one class, the rest the other.
    noise : float
        Standard deviation of the jitter on each axis (see ``jitter_positions``).
    rng : np.random.Generator
        The only source of randomness.
    first : int
        The class of the first half, 1 or 0.

    Returns
    -------
    tuple of np.ndarray
        The jittered X and the clean points' labels y (n,) int64.
    """
    return jitter_positions(X, noise, rng), halves(len(X), first)


def two_class_docs(first: int = 1) -> Callable[[Generator], Generator]:
    """A decorator that ends a two-class generator's docstring with the shared parameters.

    Parameters
    ----------
    first : int
        The class of the first n // 2 points, 1 or 0.

    Returns
    -------
    callable
        Takes the generator and returns it unchanged but for its docstring.
    """
    return lambda make: _end_docstring(make, _TWO_CLASS_DOCS.format(first=first, second=1 - first))


def plane_target_docs(target_range: float) -> Callable[[Generator], Generator]:
    """A decorator that ends a plane regression generator's docstring with the shared parameters.

    Parameters
    ----------
    target_range : float
        max − min of the clean target over [−6, 6]² (the noise is a fraction of it).

    Returns
    -------
    callable
        Takes the generator and returns it unchanged but for its docstring.
    """
    return lambda make: _end_docstring(make, _PLANE_TARGET_DOCS.format(target_range=target_range))


def _end_docstring(make: Generator, sections: str) -> Generator:
    """Append numpy-style sections to a function's own (summary) docstring; nothing else."""
    # cleandoc removes the source indentation, so both parts line up whatever Python we run on.
    make.__doc__ = inspect.cleandoc(make.__doc__ or "") + "\n\n" + inspect.cleandoc(sections)
    return make
