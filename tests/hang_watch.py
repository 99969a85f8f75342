"""A hung test names itself: where every thread waits, native frames included, then it ends.

pytest's own faulthandler timeout (pyproject.toml) prints Python frames only, innermost first,
the main thread last; CI keeps the tail of its log, so all that survived of the one hang we
saw was the test runner's own frames. This watchdog goes first: it asks py-spy for every
thread's stack with Qt's and Python's native frames, prints it, then prints one summary line
per thread with the innermost frames last, and ends the test process (pytest-xdist reports
"worker crashed while running <test>" and carries on). If py-spy cannot attach, Python's
own frames are printed. If a thread holds the interpreter lock for good, this watchdog cannot
run at all; faulthandler, which needs no lock, is then the one that reports.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest

HANG_S = float(os.environ.get("NNVIZ_HANG_S", "150"))  # well above the slowest test (~40 s)
SUMMARY_FRAMES = 12  # innermost frames of a thread on its summary line
WATCH_THREAD = "nnviz-hang-watch"
_SKIP = ("pluggy", "_pytest", "execnet", "xdist", "threading.py")  # the runner's own frames


def _py_spy() -> str | None:
    """The py-spy next to this interpreter (the test extra installs it), else on PATH."""
    beside = Path(sys.executable).with_name("py-spy")
    return str(beside) if beside.is_file() else shutil.which("py-spy")


def _native_dump() -> str:
    """Every thread's stack, native frames too, as py-spy sees it; "" if it cannot attach."""
    spy = _py_spy()
    if spy is None:
        return ""
    try:
        done = subprocess.run(
            [spy, "dump", "--native", "--pid", str(os.getpid())],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


def _python_stacks() -> dict[str, list[str]]:
    """Each thread's Python frames as "function (file:line)", outermost first."""
    names = {t.ident: t.name for t in threading.enumerate()}
    stacks = {}
    for ident, frame in sys._current_frames().items():
        frames = [
            f"{f.name} ({Path(f.filename).name}:{f.lineno})"
            for f in traceback.extract_stack(frame)
            if not any(part in f.filename for part in _SKIP)
        ]
        stacks[names.get(ident, str(ident))] = frames
    return stacks


def _noise(frame: str) -> bool:
    """A frame that says nothing about the hang: the runner's own, or a bare address."""
    return frame.startswith("0x") or any(part in frame for part in _SKIP)


def _spy_summaries(dump: str) -> list[tuple[str, list[str]]]:
    """(thread, frames innermost first) from a py-spy dump, the runner's own frames left out."""
    threads: list[tuple[str, list[str]]] = []
    for line in dump.splitlines():
        if line.startswith("Thread "):
            threads.append((line.split(":", 1)[-1].strip().strip('"') or line, []))
        elif line.startswith("    ") and threads and not _noise(line.strip()):
            threads[-1][1].append(line.strip())
    return threads


def report(nodeid: str, waited: float) -> str:
    """What a hung test prints: the full dump, then a line per thread, the main thread last."""
    dump = _native_dump()
    lines = [f"HANG: {nodeid} still running after {waited:.0f} s; every thread's stack:"]
    if dump:
        lines.append(dump.rstrip())
        summaries = [(name, frames[:SUMMARY_FRAMES][::-1]) for name, frames in _spy_summaries(dump)]
    else:
        stacks = _python_stacks()
        for name, frames in stacks.items():
            lines.append(f"Thread {name}:\n    " + "\n    ".join(reversed(frames)))
        summaries = [(name, frames[-SUMMARY_FRAMES:]) for name, frames in stacks.items()]
    summaries = [(name, frames) for name, frames in summaries if name != WATCH_THREAD]
    summaries.sort(key=lambda item: item[0] == "MainThread")  # the main thread last
    for name, frames in summaries:
        lines.append(f"HANG {name}: " + " -> ".join(frames))
    return "\n".join(lines)


def _on_hang(nodeid: str, started: float, capture: object) -> None:
    """Timer thread: print the report where the test run's own output goes, then end."""
    text = report(nodeid, time.monotonic() - started)
    if capture is not None:  # pytest holds stderr while a test runs: give it back first
        with contextlib.suppress(Exception):
            capture.suspend_global_capture(in_=False)
    os.write(2, ("\n" + text + "\n").encode(errors="replace"))
    os._exit(3)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    """Watch one test from its set-up to its tear-down."""
    capture = item.config.pluginmanager.getplugin("capturemanager")
    timer = threading.Timer(HANG_S, _on_hang, args=(item.nodeid, time.monotonic(), capture))
    timer.name = WATCH_THREAD
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
