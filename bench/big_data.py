"""Big data: importing / opening / saving 100,000 points — time, the worst GUI stall, memory.

A stall is the worst lateness of a 5 ms QTimer while the work runs (and 1.5 s after, for the
follow-up: the snapshot, the autosave), against the same timer on the idle window (the
baseline, measured in the same run). Beside it, the longest stretch of GUI-thread CPU time
between two ticks: on a busy machine the lateness also counts waiting for a core. Import and
open are measured as the menu does them (in the background) and, for reference, on the GUI
thread; so is saving (Ctrl+S). Memory is the process's RSS after N imports and after undoing
and redoing them all. Last line: one JSON object.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

N_POINTS = 100_000
IMPORTS = int(os.environ.get("NNVIZ_BIG_IMPORTS", "20"))
TICK_MS = 5


def rss_mb() -> float:
    """Resident memory of this process (Linux /proc), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Stall(NamedTuple):
    """What one piece of work cost the GUI thread, in ms."""

    took: float  # from start to done (a background job: until its result is installed)
    late: float  # the worst lateness of the 5 ms timer (what the user feels)
    cpu: float  # the most GUI-thread CPU time between two ticks (the load cannot inflate it)


def measure(app, work, settle_s: float = 1.5) -> Stall:
    """Run ``work`` from the event loop, as a menu action would, and watch the 5 ms timer.

    On a busy machine the lateness also counts time the GUI thread waited for a core or for
    Python's lock; the CPU time between ticks counts only the GUI thread's own work.
    """
    from PySide6.QtCore import QElapsedTimer, QTimer

    clock, took = QElapsedTimer(), [0.0]
    clock.start()
    last = [0, time.thread_time()]
    late, cpu = [0.0], [0.0]

    def tick() -> None:
        now, now_cpu = clock.elapsed(), time.thread_time()
        late[0] = max(late[0], now - last[0] - TICK_MS)
        cpu[0] = max(cpu[0], (now_cpu - last[1]) * 1000)
        last[:] = [now, now_cpu]

    def run() -> None:
        start = time.perf_counter()
        work()
        took[0] = (time.perf_counter() - start) * 1000

    timer = QTimer(interval=TICK_MS, timeout=tick)
    timer.start()
    QTimer.singleShot(50, run)
    while not took[0]:
        app.processEvents()
        time.sleep(0.001)
    end = time.monotonic() + settle_s  # then the late tick (and any follow-up) arrives
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return Stall(took[0], late[0], cpu[0])


def wait_for(app, signal, start) -> None:
    """Call ``start`` and serve events until ``signal`` fires (a background job installed)."""
    done: list[bool] = []
    signal.connect(done.append)
    start()
    while not done:
        app.processEvents()
        time.sleep(0.001)
    signal.disconnect(done.append)


def import_in_background(app, w, csv: Path) -> None:
    """The menu's import: read on the job thread, wait (serving events) until installed."""
    io = w.session_io
    wait_for(app, io.csv.finished, lambda: io.csv.import_in_background(csv))


def open_in_background(app, w, session: Path) -> None:
    """The menu's open: read and checked on the job thread, then installed."""
    io = w.session_io
    wait_for(app, io.opener.finished, lambda: io.open_in_background(session))


def save_in_background(app, w, path: Path) -> None:
    """Ctrl+S: the session copied now, written on the file thread; wait until it is on disk."""
    io = w.session_io
    wait_for(app, io.saver.saved, lambda: io.save_in_background(path))


def cycle_undo(stack) -> None:
    """Undo every step, then redo them all (each from the event loop, as Ctrl+Z would)."""
    from PySide6.QtWidgets import QApplication

    while stack.canUndo():
        stack.undo()
        QApplication.processEvents()
    while stack.canRedo():
        stack.redo()
        QApplication.processEvents()


def main() -> None:
    from app.application import make_application
    from app.main_window import MainWindow
    from nnviz.data.csv_io import write_csv

    app = make_application()
    folder = Path(tempfile.mkdtemp())
    w = MainWindow("circle", seed=0, interactive=False, autosave_dir=folder / "autosave")
    w.show()
    w.wait_for_snapshot(lambda s: True, 60_000)
    rng = np.random.default_rng(0)
    X = rng.uniform(-5, 5, (N_POINTS, 2))
    csv, session = folder / "big.csv", folder / "big.nnviz"
    write_csv(csv, X, (X[:, 0] * X[:, 1] > 0).astype(int))
    io, stack = w.session_io, w.doc.undo_stack
    out: dict[str, float] = {}

    def report(name: str, what: str, stall: Stall) -> None:
        print(f"{what}: {stall.took:.0f} ms; worst timer lateness {stall.late:.0f} ms, "
              f"longest GUI-thread CPU between ticks {stall.cpu:.0f} ms")  # fmt: skip
        out.update({f"{name}_ms": round(stall.took, 1), f"{name}_late_ms": round(stall.late, 1),
                    f"{name}_cpu_ms": round(stall.cpu, 1)})  # fmt: skip

    report("baseline", "the idle window (baseline)", measure(app, lambda: None))
    rss0 = rss_mb()
    report("gui_thread_import", f"import {N_POINTS} points on the GUI thread (reference)",
           measure(app, lambda: io.import_csv(csv)))  # fmt: skip
    report("import", f"import {N_POINTS} points as the menu does (in the background)",
           measure(app, lambda: import_in_background(app, w, csv)))  # fmt: skip
    w.wait_for_snapshot(lambda s: True, 60_000)
    io.save_to(session)
    report("gui_thread_open", f"open a {N_POINTS}-point session on the GUI thread (reference)",
           measure(app, lambda: io.open_path(session)))  # fmt: skip
    report("open", f"open a {N_POINTS}-point session as the menu does (in the background)",
           measure(app, lambda: open_in_background(app, w, session)))  # fmt: skip
    saved = folder / "saved.nnviz"
    report("gui_thread_save", f"save a {N_POINTS}-point session on the GUI thread (reference)",
           measure(app, lambda: io.save_to(saved)))  # fmt: skip
    report("save", f"save a {N_POINTS}-point session as Ctrl+S does (in the background)",
           measure(app, lambda: save_in_background(app, w, saved)))  # fmt: skip
    report("undo", "undo the newest import", measure(app, stack.undo))
    report("redo", "redo it", measure(app, stack.redo))
    for _ in range(IMPORTS - 3):
        io.import_csv(csv)
        app.processEvents()
    rss_imports = rss_mb()
    steps = stack.count()
    report("undo_redo_all", f"undo all {steps} steps, then redo them",
           measure(app, lambda: cycle_undo(stack)))  # fmt: skip
    rss_cycled = rss_mb()
    print(f"RSS: {rss0:.0f} MB → {rss_imports:.0f} MB after {IMPORTS} imports, "
          f"{rss_cycled:.0f} MB after undoing and redoing them all ({steps} undo steps kept, "
          f"{w.doc.history_points:,} points held for undo)")  # fmt: skip
    w.close()
    out.update({
        "points": N_POINTS, "imports": IMPORTS, "undo_steps_kept": steps,
        "history_points": w.doc.history_points, "rss_start_mb": round(rss0),
        "rss_after_imports_mb": round(rss_imports), "rss_after_undo_redo_mb": round(rss_cycled),
    })  # fmt: skip
    print(json.dumps(out))


if __name__ == "__main__":
    main()
