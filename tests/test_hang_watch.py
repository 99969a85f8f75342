"""The hang watchdog: a test that never ends is stopped and says where every thread waits."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests import hang_watch

ROOT = Path(__file__).resolve().parents[1]


def test_a_hung_test_is_stopped_and_names_where_it_waits(tmp_path):
    """A test blocked on an event that never comes: the run ends within seconds, the report
    names the test and, on the main thread's line, the function it is stuck in."""
    (tmp_path / "conftest.py").write_text(
        "from tests.hang_watch import pytest_runtest_protocol  # noqa: F401\n"
    )
    (tmp_path / "test_stuck.py").write_text(
        textwrap.dedent(
            """
            import threading

            def wait_for_ever():
                threading.Event().wait()

            def test_stuck():
                wait_for_ever()
            """
        )
    )
    env = {**os.environ, "NNVIZ_HANG_S": "2", "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 3, run.stdout + run.stderr
    assert "HANG: test_stuck.py::test_stuck still running after 2 s" in run.stderr
    main = [line for line in run.stderr.splitlines() if line.startswith("HANG MainThread:")]
    assert main and "wait_for_ever" in main[-1], run.stderr
    assert run.stderr.rstrip().splitlines()[-1] == main[-1]  # the last line CI keeps


def test_summaries_put_the_innermost_frame_last():
    """A py-spy dump (innermost first) becomes one line per thread, innermost last."""
    dump = textwrap.dedent(
        """\
        Process 1: python
        Thread 10 (idle): "MainThread"
            poll (libc.so.6)
            wait_for_snapshot (main_window.py:375)
            test_x (test_main_window.py:63)
            _multicall (pluggy/_callers.py:121)
        Thread 11 (active): "nnviz-commands"
            send (connection.py:206)
        """
    )
    assert hang_watch._spy_summaries(dump) == [
        ("MainThread", ["poll (libc.so.6)", "wait_for_snapshot (main_window.py:375)",
                        "test_x (test_main_window.py:63)"]),
        ("nnviz-commands", ["send (connection.py:206)"]),
    ]  # fmt: skip
