"""Shared test setup: headless Qt and warnings as errors."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from nnviz import text  # noqa: E402


@pytest.fixture(autouse=True)
def english_sentences():
    """Every test starts and ends with the core speaking English (a test may switch)."""
    text.set_language("en")
    yield
    text.set_language("en")
