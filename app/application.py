"""Create the QApplication and the main window with the app's look."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, qFormatLogMessage, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

# The offscreen platform (headless screenshots, reports, tests) says this once per window
# resize: about a hundred lines a run that mean nothing to a user.
QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
_previous_handler: list = []  # [the handler ours passes messages on to], once installed


def _on_qt_message(mode, context, message: str) -> None:
    """Drop the known noise (unless NNVIZ_QT_VERBOSE=1); hand everything else on as Qt would."""
    import os

    if message in QUIET_QT_MESSAGES and os.environ.get("NNVIZ_QT_VERBOSE") != "1":
        return
    previous = _previous_handler[0]
    if previous is not None:
        previous(mode, context, message)
    else:
        import sys

        print(qFormatLogMessage(mode, context, message), file=sys.stderr, flush=True)


def install_qt_message_filter() -> None:
    """Install the filter once; an earlier handler (e.g. pytest-qt's) still sees the rest."""
    if not _previous_handler:
        _previous_handler.append(qInstallMessageHandler(_on_qt_message))


def make_application() -> QApplication:
    """The QApplication, with names used by QSettings and QStandardPaths."""
    import sys

    sys.setswitchinterval(0.001)  # keep the GUI responsive while the worker trains
    install_qt_message_filter()
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("nnviz")
    app.setOrganizationName("nnviz")
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground=(40, 44, 52))
    return app  # type: ignore[return-value]


def first_language(asked: str | None, settings: QSettings | None) -> str:
    """The language the window starts in: asked, else remembered, else the system's.

    Without settings (screenshots, reports) English unless asked, as ``make_window`` sets it.
    """
    from app.i18n import LANGUAGES, system_language

    if asked or settings is None:
        return asked or "en"
    remembered = settings.value("language")
    known = isinstance(remembered, str) and remembered in LANGUAGES
    return remembered if known else system_language()


def make_window(args: argparse.Namespace, interactive: bool = True):
    """The main window for the parsed command line."""
    from app.main_window import MainWindow
    from nnviz import text

    settings = QSettings() if interactive else None
    # The core's words made while the window is built (a surface's title and note, say) are
    # made in the language the window starts in, not in English first.
    text.set_language(first_language(args.lang, settings))
    window = MainWindow(
        args.preset,
        args.seed,
        interactive=interactive,
        settings=settings,
        restore_layout=not args.no_restore,
    )
    if args.open:
        window.session_io.open_path(Path(args.open))
    elif interactive and not args.no_restore:
        window.session_io.offer_restore()
    if interactive:
        window.language.start(args.lang)
    else:
        window.language.set(args.lang or "en", remember=False)
    if args.presentation:
        window.toggle_presentation(True)
    if getattr(args, "lesson", None):
        window.open_lesson(args.lesson, max(args.step - 1, 0))
    elif args.stage and interactive:
        window.toggle_stage(args.stage)
    first_start = settings is not None and settings.value("start/show", True, type=bool)
    if interactive and first_start and not args.open and not getattr(args, "lesson", None):
        window.show_start_page()
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
