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


@pytest.fixture(autouse=True)
def windows_deleted_on_the_gui_thread():
    """After each test, the widgets it closed are deleted now, on the main thread, as at exit.

    pytest-qt closes the widgets a test registered and asks Qt to delete them later; without
    this, "later" is whenever the next test runs an event loop, and a window's whole widget
    tree went down in the middle of another test's set-up (seconds, with its cycles).
    """
    yield
    qt = sys.modules.get("PySide6.QtCore")
    if qt is None or qt.QCoreApplication.instance() is None:
        return
    qt.QCoreApplication.sendPostedEvents(None, qt.QEvent.Type.DeferredDelete)
    i18n = sys.modules.get("app.i18n")
    if i18n is not None:
        i18n.forget_deleted()  # their re-wording entries, which hold their windows
    garbage = sys.modules.get("app.garbage")
    collector = garbage.collector() if garbage is not None else None
    if collector is not None:
        collector.collect_due()  # what a test left for the GUI thread's timer
