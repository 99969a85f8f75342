"""The registry of lesson number functions: a lesson file names one, the player calls it.

A number function is pure: keyword arguments in (plain JSON values), a dict of plain JSON
values out (floats, ints, bools, strings, lists and dicts of those). It computes every number
with the engine, live; nothing is typed in.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from nnviz.text import _

NumberFunction = Callable[..., dict[str, Any]]

NUMBERS: dict[str, NumberFunction] = {}


def lesson_numbers(name: str) -> Callable[[NumberFunction], NumberFunction]:
    """Register ``fn`` under ``name`` (a lesson file refers to it by this name)."""

    def register(fn: NumberFunction) -> NumberFunction:
        if name in NUMBERS and NUMBERS[name] is not fn:
            raise ValueError(_("two number functions are called {name!r}", name=name))
        NUMBERS[name] = fn
        return fn

    return register


def compute(name: str, **args: Any) -> dict[str, Any]:
    """Run the number function ``name``; an unknown name raises ValueError."""
    _load_all()
    if name not in NUMBERS:
        raise ValueError(_("no lesson number function called {name!r}", name=name))
    return NUMBERS[name](**args)


@functools.cache  # once: walking the package folder costs ~1 ms, and lesson steps call often
def _load_all() -> None:
    """Import every module of this package once, so each registers its functions."""
    import importlib
    import pkgutil

    import nnviz.lessons as package

    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"nnviz.lessons.{info.name}")
