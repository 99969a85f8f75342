"""The lesson groups, one per lecture, in the order the Lessons menu lists them."""

from __future__ import annotations

GROUPS: dict[str, str] = {
    "cs188-perceptrons": "CS188: perceptrons and logistic regression",
    "cs188-networks": "CS188: networks and backprop",
    "popsci": "Perceptron to backprop",
    "why-deep": "Why deep learning works",
}

# The same titles in Simplified Chinese (same keys as GROUPS).
GROUP_TITLES_ZH: dict[str, str] = {
    "cs188-perceptrons": "CS188：感知机与逻辑回归",
    "cs188-networks": "CS188：神经网络与反向传播",
    "popsci": "从感知机到反向传播",
    "why-deep": "深度学习为什么有效",
}

GROUP_TITLES: dict[str, dict[str, str]] = {"en": GROUPS, "zh_CN": GROUP_TITLES_ZH}


def group_title(key: str, language: str = "en") -> str:
    """A group's title in ``language``, falling back to English, then to the key itself."""
    table = GROUP_TITLES.get(language, GROUPS)
    return table.get(key) or GROUPS.get(key, key)


def group_rank(key: str) -> int:
    """Where a group comes in the menu (unknown groups last)."""
    keys = list(GROUPS)
    return keys.index(key) if key in keys else len(keys)
