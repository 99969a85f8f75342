"""Ctrl+C and SIGTERM in the terminal close the app on its event loop (so it autosaves)."""

from __future__ import annotations

import signal
import socket
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

QUIT_SIGNALS = tuple(s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if s)


class QuitSignals(QObject):
    """Turns SIGINT/SIGTERM into one call of ``on_quit`` on the Qt event loop.

    Python runs a signal handler only between bytecodes, and the Qt event loop runs in C++: a
    Ctrl+C would wait until some Python slot runs and then raise KeyboardInterrupt inside it
    (inside a paint that aborts the process). Instead the handler does nothing itself; Python
    writes the signal number into a socket (``signal.set_wakeup_fd``) that Qt watches, and the
    watcher asks the window to close like any other event. A second Ctrl+C forces the exit.
    """

    def __init__(self, on_quit: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_quit = on_quit
        self.requested: int | None = None  # the first signal received, if any
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)
        self._old_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._old = {s: signal.signal(s, _ignore) for s in QUIT_SIGNALS}

    def uninstall(self) -> None:
        """Put the previous handlers back (tests; the app keeps them to the end)."""
        for s, handler in self._old.items():
            signal.signal(s, handler)
        signal.set_wakeup_fd(self._old_fd)
        self._notifier.setEnabled(False)
        self._read.close()
        self._write.close()

    def _on_wakeup(self) -> None:
        try:
            data = self._read.recv(64)
        except OSError:
            return
        for signum in data:
            if signum not in QUIT_SIGNALS or self.requested is not None:
                continue
            self.requested = signum
            # The next Ctrl+C (if closing ever hangs) ends the process the default way.
            signal.signal(signum, signal.SIG_DFL)
            name = signal.Signals(signum).name
            print(f"nnviz: {name} received, saving and closing", file=sys.stderr)
            self.on_quit(signum)


def _ignore(signum: int, frame: object) -> None:
    """The Python-level handler: the work happens in QuitSignals._on_wakeup."""
