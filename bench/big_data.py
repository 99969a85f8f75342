"""Big data: importing / opening 100,000 points — import time, worst GUI stall, and memory.

The stall is the worst lateness of a 5 ms QTimer while the work runs, against the same timer
on the idle window (the baseline, measured in the same run). Memory is the process's RSS
after 20 imports and after undoing and redoing them all. Last line: one JSON object.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

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


def worst_stall_ms(app, work, settle_s: float = 1.0) -> tuple[float, float]:
    """Run ``work`` from the event loop; (its duration, the worst timer lateness) in ms."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    clock, last, worst, took = QElapsedTimer(), [0], [0.0], [0.0]
    clock.start()

    def tick() -> None:
        now = clock.elapsed()
        worst[0] = max(worst[0], now - last[0] - TICK_MS)
        last[0] = now

    def run() -> None:
        start = time.perf_counter()
        work()
        took[0] = (time.perf_counter() - start) * 1000

    timer = QTimer(interval=TICK_MS, timeout=tick)
    timer.start()
    QTimer.singleShot(50, run)
    while not took[0]:  # the work runs from the event loop, as a menu action would
        app.processEvents()
        time.sleep(0.001)
    end = time.monotonic() + settle_s  # then the late tick (and any follow-up) arrives
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return took[0], worst[0]


def import_in_background(app, w, csv: Path) -> None:
    """The menu's import: read on the job thread, wait (serving events) until installed."""
    done: list[bool] = []
    w.session_io.csv.finished.connect(done.append)
    w.session_io.csv.import_in_background(csv)
    while not done:
        app.processEvents()
        time.sleep(0.001)
    w.session_io.csv.finished.disconnect(done.append)


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
    csv = folder / "big.csv"
    write_csv(csv, X, (X[:, 0] * X[:, 1] > 0).astype(int))
    _, baseline = worst_stall_ms(app, lambda: None)
    print(f"baseline: worst timer lateness on the idle window {baseline:.0f} ms")
    rss0 = rss_mb()
    old_took, old_stall = worst_stall_ms(app, lambda: w.session_io.import_csv(csv))
    print(f"import {N_POINTS} points on the GUI thread: {old_took:.0f} ms, "
          f"worst stall {old_stall:.0f} ms")  # fmt: skip
    took, stall = worst_stall_ms(app, lambda: import_in_background(app, w, csv))
    print(f"import {N_POINTS} points in the background: {took:.0f} ms, "
          f"worst stall {stall:.0f} ms")  # fmt: skip
    w.wait_for_snapshot(lambda s: True, 60_000)
    w.session_io.save_to(folder / "big.nnviz")
    session = folder / "big.nnviz"
    open_took, open_stall = worst_stall_ms(app, lambda: w.session_io.open_path(session))
    print(f"open a {N_POINTS}-point session: {open_took:.0f} ms, worst stall {open_stall:.0f} ms")
    for _ in range(IMPORTS - 3):
        w.session_io.import_csv(csv)
        app.processEvents()
    rss_imports = rss_mb()
    stack = w.doc.undo_stack
    while stack.canUndo():
        stack.undo()
    while stack.canRedo():
        stack.redo()
    app.processEvents()
    rss_cycled = rss_mb()
    print(f"RSS: {rss0:.0f} MB → {rss_imports:.0f} MB after {IMPORTS} imports, "
          f"{rss_cycled:.0f} MB after undoing and redoing them all")  # fmt: skip
    w.close()
    print(json.dumps({
        "points": N_POINTS, "baseline_stall_ms": round(baseline, 1),
        "gui_thread_import_ms": round(old_took, 1),
        "gui_thread_import_stall_ms": round(old_stall, 1),
        "import_ms": round(took, 1), "import_stall_ms": round(stall, 1),
        "open_ms": round(open_took, 1), "open_stall_ms": round(open_stall, 1),
        "rss_start_mb": round(rss0), "rss_after_imports_mb": round(rss_imports),
        "rss_after_undo_redo_mb": round(rss_cycled), "imports": IMPORTS,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
