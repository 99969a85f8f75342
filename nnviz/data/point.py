"""One point of the editable set, and the checks every point must pass."""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnviz.data.limits import MAX_COORD, MAX_ID, shown
from nnviz.text import _


@dataclass(frozen=True)
class Point:
    """One point as it is (or was): what ``PointSet.remove`` returns and ``restore`` takes back.

    Attributes
    ----------
    id : int
        Stable identity; never reused while the point set lives, so undo can find it.
    position : tuple of float
        (x,) on a curve or (x1, x2) in the plane.
    label : int or float
        Class index 0..k−1 for classification, a target value for regression.
    is_test : bool
        True if the point is held out from training.
    """

    id: int
    position: tuple[float, ...]
    label: int | float
    is_test: bool = False


def check_id(value: Any) -> int:
    """A point id: a whole number 0..MAX_ID (not a bool); ValueError otherwise."""
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Integral):
        raise ValueError(_("a point id must be a whole number, not {value}", value=shown(value)))
    number = int(value)
    if not 0 <= number <= MAX_ID:
        raise ValueError(
            _(
                "a point id must be from 0 to {max_id}, not {value}",
                max_id=MAX_ID,
                value=shown(value),
            )
        )
    return number


def check_flag(value: Any, what: str) -> bool:
    """A true/false flag; anything else (1, "yes", None) is a ValueError."""
    if not isinstance(value, bool | np.bool_):
        raise ValueError(
            _("{what} must be true or false, not {value}", what=what, value=shown(value))
        )
    return bool(value)


def check_position(position: Any, dim: int) -> tuple[float, ...]:
    """A position as ``dim`` finite floats; ValueError naming the problem otherwise.

    Accepts a list, tuple or array of numbers (any shape with ``dim`` entries) and, on a
    curve (dim 1), a bare number. Strings, bools, NaN, infinity and coordinates beyond
    ±MAX_COORD are refused.
    """
    try:
        if isinstance(position, numbers.Real) and not isinstance(position, bool | np.bool_):
            raw = np.array([float(position)])
        else:
            raw = np.asarray(position)
    except (TypeError, ValueError, OverflowError):  # ragged nesting, an int beyond float
        raw = np.asarray(None)
    if raw.dtype.kind not in "iuf":
        raise ValueError(_("a position must be numbers, not {position}", position=shown(position)))
    coords = raw.astype(float).reshape(-1)
    if coords.size != dim:
        raise ValueError(
            _(
                "a position needs {dim} coordinate(s), not {found}",
                dim=dim,
                found=coords.size,
            )
        )
    if not np.all(np.isfinite(coords)):
        raise ValueError(
            _("a position cannot be NaN or infinite ({position})", position=shown(position))
        )
    if np.any(np.abs(coords) > MAX_COORD):
        raise ValueError(
            _(
                "a coordinate must be within ±{max_coord:g}, not {position}",
                max_coord=MAX_COORD,
                position=shown(position),
            )
        )
    return tuple(float(v) for v in coords)


def check_label(label: Any, kind: str, n_classes: int) -> int | float:
    """A label the task can have: a class index 0..k−1, or a regression target within ±MAX_COORD."""
    if isinstance(label, np.ndarray) and label.ndim == 0:
        label = label.item()
    if isinstance(label, bool | np.bool_) or not isinstance(label, numbers.Real):
        raise ValueError(_("a label must be a number, not {label}", label=shown(label)))
    try:
        value = float(label)
    except OverflowError:  # an int with hundreds of digits
        value = float("inf")
    if not np.isfinite(value):
        raise ValueError(_("a label cannot be NaN or infinite ({label})", label=shown(label)))
    if kind == "regression":
        if abs(value) > MAX_COORD:
            raise ValueError(
                _(
                    "a target must be within ±{max_coord:g}, not {label}",
                    max_coord=MAX_COORD,
                    label=shown(label),
                )
            )
        return value
    if value != int(value) or not 0 <= value < n_classes:
        raise ValueError(
            _(
                "a class label must be a whole number from 0 to {last}, not {label}",
                last=n_classes - 1,
                label=shown(label),
            )
        )
    return int(value)
