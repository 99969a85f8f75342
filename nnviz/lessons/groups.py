"""The lesson groups, one per lecture, in the order the Lessons menu lists them."""

from __future__ import annotations

GROUPS: dict[str, str] = {
    "cs188-perceptrons": "CS188: perceptrons and logistic regression",
    "cs188-networks": "CS188: networks and backprop",
    "popsci": "Perceptron to backprop",
    "why-deep": "Why deep learning works",
}


def group_rank(key: str) -> int:
    """Where a group comes in the menu (unknown groups last)."""
    keys = list(GROUPS)
    return keys.index(key) if key in keys else len(keys)
