"""No training process outlives its app, and Ctrl+C / SIGTERM close the app with an autosave."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60  # generous: only stops a hung run; the tests check what happens, not how fast


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return None if fields[0] == "Z" else int(fields[1])  # a zombie has ended


def _children(pid: int) -> list[int]:
    return [
        int(entry.name)
        for entry in Path("/proc").iterdir()
        if entry.name.isdigit() and _parent_of(int(entry.name)) == pid
    ]


def _training_children(pid: int) -> list[int]:
    """The app's live training processes: forked by its multiprocessing fork server."""
    out = []
    for server in _children(pid):
        with contextlib.suppress(OSError):
            if b"forkserver" in Path(f"/proc/{server}/cmdline").read_bytes():
                out += _children(server)
    return out


def _alive(pid: int) -> bool:
    return _parent_of(pid) is not None


def _poll(predicate, timeout_s: float = TIMEOUT_S) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def _start_app(home: Path) -> tuple[subprocess.Popen, int, list[str]]:
    """``nnviz --no-restore`` offscreen with its own HOME; returns it and its training pid."""
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "PYTHONPATH": str(ROOT),
        "NNVIZ_QT_VERBOSE": "1",  # the offscreen platform's first message says the window is up
    }
    code = "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"
    app = subprocess.Popen(
        [sys.executable, "-c", code, "--no-restore"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    children: list[int] = []
    if not _poll(lambda: bool(children.extend(_training_children(app.pid)) or children)):
        app.kill()
        pytest.fail(f"no training process appeared: {app.communicate()[1]}")
    # The offscreen platform prints a line when the window is shown; then give the first
    # snapshot a moment to arrive, so there is a session to autosave.
    shown = threading.Event()
    lines: list[str] = []
    reader = threading.Thread(target=_read_stderr, args=(app, lines, shown), daemon=True)
    reader.start()
    app.reader = reader  # type: ignore[attr-defined]
    if not shown.wait(TIMEOUT_S):
        app.kill()  # never leave an app (and its training process) behind
        pytest.fail("the window never appeared")
    time.sleep(2.0)
    return app, children[0], lines


def _read_stderr(app: subprocess.Popen, lines: list[str], shown: threading.Event) -> None:
    for line in app.stderr:
        lines.append(line)
        if "propagateSizeHints" in line:
            shown.set()


def _finish(app: subprocess.Popen) -> None:
    """Wait for the app to end (killing it if it hangs) and close its pipe."""
    try:
        app.wait(timeout=TIMEOUT_S)
    finally:
        app.kill()
        app.wait()
        app.reader.join(TIMEOUT_S)  # type: ignore[attr-defined]
        app.stderr.close()


def _autosaves(home: Path) -> list[Path]:
    return list(home.rglob("autosave.nnviz"))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_and_sigterm_close_cleanly_and_autosave(tmp_path, sig):
    """SIGINT/SIGTERM: the app exits 0, has autosaved, and its training process is gone."""
    app, child, lines = _start_app(tmp_path)
    os.kill(app.pid, sig)
    _finish(app)
    err = "".join(lines)
    assert app.returncode == 0, err
    assert _autosaves(tmp_path), "no autosave was written"
    assert _poll(lambda: not _alive(child)), "the training process outlived the app"
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_the_training_process_ends_when_the_app_is_killed(tmp_path):
    """SIGKILL of the GUI: its training process notices (closed pipe) and ends by itself."""
    app, child, _ = _start_app(tmp_path)
    app.kill()
    _finish(app)
    ended = _poll(lambda: not _alive(child))
    if not ended:
        os.kill(child, signal.SIGKILL)
    assert ended, "the training process outlived its killed app"
