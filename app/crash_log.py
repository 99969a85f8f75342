"""The last-resort handler: an unexpected exception is logged, shown in red, and work autosaved."""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.i18n import tr

LOG_NAME = "nnviz.log"
MAX_LOG_BYTES = 1_000_000  # then nnviz.log becomes nnviz.log.1 and a new one starts
AUTOSAVE_GAP_S = 5.0  # an exception on every frame must not autosave forty times a second
SUMMARY_CHARS = 120


def summary(etype: type[BaseException], value: BaseException) -> str:
    """The exception in one short line for the status bar."""
    try:
        text = " ".join(str(value).split())
    except Exception:  # noqa: BLE001 - a broken __str__ must not hide the report
        text = ""
    if len(text) > SUMMARY_CHARS:
        text = f"{text[: SUMMARY_CHARS - 1]}…"
    return f"{etype.__name__}: {text}" if text else etype.__name__


class CrashReporter(QObject):
    """Installs ``sys.excepthook`` and ``threading.excepthook`` for a real run of the app.

    An exception escaping a Qt slot or virtual override reaches ``sys.excepthook`` (PySide6
    prints it and carries on, in whatever state the half-run slot left). Here it is written to
    a rotating log in the user's data folder, the previous hook still runs (the terminal keeps
    its traceback), and on the GUI thread one red status line says what happened and where the
    details are, and the session is autosaved.
    """

    _reported = Signal(str)  # one-line summary; queued so any thread may emit it

    def __init__(
        self,
        log_dir: Path,
        say: Callable[..., None],
        autosave: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_path = Path(log_dir) / LOG_NAME
        self.say, self.autosave = say, autosave
        self._log: logging.Logger | None = None
        self._last_autosave = -float("inf")
        self._previous: tuple | None = None
        self._reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Become the process's exception hooks (keeping the previous ones to chain to)."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        """Put the previous hooks back."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        if self._log is not None:
            for handler in list(self._log.handlers):
                handler.close()
                self._log.removeHandler(handler)

    def record(
        self, etype: type[BaseException], value: BaseException, tb: TracebackType | None, where: str
    ) -> None:
        """Write the traceback to the log and queue the status-bar report (any thread)."""
        text = "".join(traceback.format_exception(etype, value, tb))
        with contextlib.suppress(OSError):  # a full disk must not turn one problem into two
            self._logger().error("unexpected exception in %s\n%s", where, text)
        self._reported.emit(summary(etype, value))

    def _excepthook(self, etype, value, tb) -> None:
        self.record(etype, value, tb, "the GUI thread")
        if self._previous is not None:
            self._previous[0](etype, value, tb)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            name = args.thread.name if args.thread is not None else "a thread"
            self.record(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")
        if self._previous is not None:
            self._previous[1](args)

    def _logger(self) -> logging.Logger:
        if self._log is None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            log = logging.getLogger(f"nnviz.crash.{id(self)}")
            log.propagate = False
            handler = RotatingFileHandler(
                self.log_path, maxBytes=MAX_LOG_BYTES, backupCount=1, encoding="utf-8", delay=True
            )
            handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
            log.addHandler(handler)
            self._log = log
        return self._log

    @Slot(str)
    def _on_reported(self, summary: str) -> None:
        self.say(
            tr("Something went wrong: {summary} — details in {log}; your work is autosaved").format(
                summary=summary, log=self.log_path
            ),
            error=True,
        )
        now = time.monotonic()
        if now - self._last_autosave < AUTOSAVE_GAP_S:
            return
        self._last_autosave = now
        try:
            self.autosave()
        except Exception:  # noqa: BLE001 - log it, but never loop back into this hook
            self._logger().error("autosave after an error failed\n%s", traceback.format_exc())
