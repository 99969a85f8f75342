"""Shared test setup: headless Qt and warnings as errors."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from nnviz import text  # noqa: E402
from tests.hang_watch import pytest_runtest_protocol  # noqa: E402, F401 - a hung test names itself


@pytest.fixture(autouse=True)
def english_sentences():
    """Every test starts and ends in English, core and Qt alike (a test may switch)."""
    text.set_language("en")
    yield
    text.set_language("en")
    i18n = sys.modules.get("app.i18n")
    if i18n is not None:
        i18n.install_catalogues("en")


@pytest.fixture(autouse=True)
def pyqtgraph_options():
    """pyqtgraph's global options (the app turns antialiasing on) are put back after each test."""
    pg = sys.modules.get("pyqtgraph")
    saved = dict(pg.CONFIG_OPTIONS) if pg is not None else None
    yield
    pg = sys.modules.get("pyqtgraph")
    if pg is not None and saved is not None:
        pg.CONFIG_OPTIONS.clear()
        pg.CONFIG_OPTIONS.update(saved)
