"""Create the QApplication and the main window with the app's look."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication


def make_application() -> QApplication:
    """The QApplication, with names used by QSettings and QStandardPaths."""
    import sys

    sys.setswitchinterval(0.001)  # keep the GUI responsive while the worker trains
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("nnviz")
    app.setOrganizationName("nnviz")
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground=(40, 44, 52))
    return app  # type: ignore[return-value]


def make_window(args: argparse.Namespace, interactive: bool = True):
    """The main window for the parsed command line."""
    from app.main_window import MainWindow

    settings = QSettings() if interactive else None
    window = MainWindow(args.preset, args.seed, interactive=interactive, settings=settings)
    if args.open:
        window.session_io.open_path(Path(args.open))
    elif interactive and not args.no_restore:
        window.session_io.offer_restore()
    if args.presentation:
        window.toggle_presentation(True)
    return window


def install_last_resort(window, log_dir: Path | None = None):
    """Real runs only: an unexpected exception is logged, shown in red, and work autosaved.

    Tests do not call this, so pytest-qt still fails a test on any exception in a slot.
    """
    from app.crash_log import CrashReporter

    folder = log_dir or Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    )
    reporter = CrashReporter(folder, window.status.say, window.session_io.autosave_soon, window)
    reporter.install()
    return reporter
