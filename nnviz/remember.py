"""Remembering a costly, deterministic computation: once per arguments, each caller a copy.

The why-deep experiments train hundreds of networks (the over-parameterisation ensemble takes
~7 s); a lesson step, its figure and its Chinese re-wording all ask for the same numbers. The
numbers are still computed live by the engine, once per process and arguments.
"""

from __future__ import annotations

import copy
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np

F = TypeVar("F", bound=Callable[..., Any])


def remembered(maxsize: int = 8) -> Callable[[F], F]:
    """Decorate a pure function: the newest ``maxsize`` results are kept, callers get copies."""

    def wrap(fn: F) -> F:
        results: OrderedDict[Any, Any] = OrderedDict()
        lock = threading.Lock()

        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            key = (_frozen(args), _frozen(sorted(kwargs.items())))
            with lock:
                if key in results:
                    results.move_to_end(key)
                    return copy.deepcopy(results[key])
            result = fn(*args, **kwargs)  # outside the lock: two threads may both compute
            with lock:
                results[key] = result
                while len(results) > maxsize:
                    results.popitem(last=False)
            return copy.deepcopy(result)  # a caller may change its copy; ours stays as computed

        call.forget = results.clear  # type: ignore[attr-defined]
        return call  # type: ignore[return-value]

    return wrap


def _frozen(value: Any) -> Any:
    """A hashable stand-in for an argument: lists and arrays become tuples of their values."""
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, np.ndarray):
        return ("array", value.shape, value.dtype.str, value.tobytes())
    if isinstance(value, type):
        return ("type", value.__module__, value.__qualname__)
    return value
