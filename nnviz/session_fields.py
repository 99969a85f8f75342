"""Typed readers for one field of a decoded session file, each naming its path when it refuses."""

from __future__ import annotations

import json
import numbers
from collections.abc import Sequence
from typing import Any

from nnviz.data.limits import MAX_SHOWN, shown
from nnviz.text import _

MAX_MESSAGE = 300  # a refusal is one readable line, never a wall of text


class SessionError(ValueError):
    """A file that cannot be opened as a session, with a message for the user."""

    def __init__(self, message: str) -> None:
        if len(message) > MAX_MESSAGE:
            message = message[: MAX_MESSAGE - 1] + "…"
        super().__init__(message)


def got(value: Any) -> str:
    """The bad value as the file spells it (JSON), cut short: ``"abc"``, ``[1]``, ``NaN``."""
    try:
        text = json.dumps(value, allow_nan=True, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        return shown(value)
    return text if len(text) <= MAX_SHOWN else f"{text[: MAX_SHOWN - 1]}…"


def fail(path: str, expected: str, value: Any) -> SessionError:
    """``path: expected …, got …``: the one message a refused file gives."""
    return SessionError(
        _(
            "{path}: expected {expected}, got {value}",
            path=path,
            expected=expected,
            value=got(value),
        )
    )


def table(value: Any, path: str) -> dict[str, Any]:
    """A JSON object (a table of settings)."""
    if not isinstance(value, dict):
        raise fail(path, _("a table of settings"), value)
    return value


def need(d: dict[str, Any], key: str) -> Any:
    """A section that must be present."""
    if key not in d:
        raise SessionError(_("{key}: the section is missing", key=key))
    return d[key]


def text(value: Any, path: str, choices: Sequence[str] | None = None) -> str:
    """A string, optionally one of ``choices``."""
    if not isinstance(value, str) or (choices is not None and value not in choices):
        wanted = _("text") if choices is None else _("one of {choices}", choices=", ".join(choices))
        raise fail(path, wanted, value)
    return value


def flag(value: Any, path: str) -> bool:
    """true or false (1, 0, "yes" are refused)."""
    if not isinstance(value, bool):
        raise fail(path, _("true or false"), value)
    return value


def whole(value: Any, path: str, low: int, high: int, noun: str = "") -> int:
    """A whole number low..high; true/false and 4.0 are refused."""
    is_int = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if not (is_int and low <= value <= high):
        raise fail(
            path,
            _("{noun} from {low} to {high}", noun=noun or _("a whole number"), low=low, high=high),
            value,
        )
    return int(value)


def real(value: Any, path: str, low: float, high: float, noun: str = "") -> float:
    """A finite number in [low, high] as a Python float."""
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool)
    # Comparisons refuse NaN and ±inf, and work for ints too large for a float (10**400).
    if not (ok and low <= value <= high):
        raise fail(
            path,
            _(
                "{noun} from {low:g} to {high:g}",
                noun=noun or _("a finite number"),
                low=low,
                high=high,
            ),
            value,
        )
    return float(value)


def items(value: Any, path: str, max_len: int) -> list[Any]:
    """A JSON list of at most ``max_len`` entries."""
    if not isinstance(value, list) or len(value) > max_len:
        raise fail(path, _("a list of at most {max_len} entries", max_len=max_len), value)
    return value


def scalar(value: Any, path: str) -> Any:
    """A short text, a finite number, true/false or null (an extra dataset setting)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str) and len(value) <= 200:
        return value
    if isinstance(value, numbers.Integral):
        return whole(value, path, -(10**15), 10**15)
    if isinstance(value, numbers.Real):
        return real(value, path, -1e15, 1e15)
    raise fail(path, _("a short text, a number or true/false"), value)
