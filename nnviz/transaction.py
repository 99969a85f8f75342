"""All or nothing: run a change on an object and put every attribute back if it is refused."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


def all_or_nothing(owner: object, change: Callable[[], T], share: Iterable[object] = ()) -> T:
    """Run ``change()``; if it raises, restore ``owner``'s whole state first, then re-raise.

    The state is deep-copied before the change, so an in-place edit of a nested object (a list,
    a race, a stepper) is rolled back too, not only the top-level attributes. Objects in
    ``share`` are immutable by contract (frozen data, big arrays nobody writes to) and are
    kept as they are instead of being copied.
    """
    memo: dict[int, Any] = {id(obj): obj for obj in share if obj is not None}
    before = copy.deepcopy(owner.__dict__, memo)
    try:
        return change()
    except BaseException:
        owner.__dict__.clear()
        owner.__dict__.update(before)
        raise
