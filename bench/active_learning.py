"""Active learning by hand: how long the GUI is busy per label, and event-loop lateness while a
lecturer labels, against the same window idle in the same run.

The whole window (training process attached and paused) on the experiments stage at
1280×720 in presentation mode, active learning with a 200-label budget (so the random curve
has 196 fits to do in idle turns while labelling goes on). Labels are real L key presses.

Per label: ``handler`` is the key press (reveal, refit, re-rank, redraw the items) and
``paint`` a forced synchronous repaint of the view; their sum is the longest the GUI could be
blocked by one label, in wall time and in the GUI thread's CPU time (wall time on a shared,
loaded machine includes waiting for a core; the CPU time is what a label costs on a free
one). Lateness is how late a 5 ms timer fires.

Prints human-readable lines, then one JSON object on the last line.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

LABELS = 40
SPACING_MS = 100  # a quick lecturer: ten labels a second
TIMER_MS = 5
STALL_BUDGET_MS = 50.0


def _lateness(seconds: float, during=None) -> np.ndarray:
    """Run the real event loop for ``seconds`` with a 5 ms timer (and ``during`` every 100 ms)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    clock = QElapsedTimer()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TIMER_MS)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))
    actor = QTimer()
    actor.setInterval(SPACING_MS)
    if during is not None:
        actor.timeout.connect(during)
    clock.start()
    timer.start()
    actor.start()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    actor.stop()
    return np.maximum(np.diff(ticks) - TIMER_MS, 0.0)[5:]


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.application import make_application
    from app.main_window import MainWindow

    make_application()
    w = MainWindow("circle", interactive=False)
    w.resize(1280, 720)
    w.show()
    w.wait_for_snapshot(lambda s: True)
    w.toggle_presentation(True)
    w.toggle_stage("experiments")
    panel = w.experiments
    panel.choose("active-learning")
    assert panel.run({"budget": "200", "k": "6"})
    labelling = panel.labelling
    view = labelling.view
    view.setFocus()
    w.wait_for_snapshot(lambda s: not labelling.timer.isActive(), timeout_ms=60_000)
    idle = _lateness(LABELS * SPACING_MS / 1000)  # the baseline: the same window, all quiet

    handler: list[float] = []
    paint: list[float] = []
    cpu: list[float] = []  # this thread's CPU time for both: what a label costs on a free core

    def label() -> None:
        if len(handler) >= LABELS:
            return
        start, start_cpu = time.perf_counter(), time.thread_time()
        QTest.keyClick(view, Qt.Key.Key_L)
        middle = time.perf_counter()
        view.repaint()
        handler.append(1000 * (middle - start))
        paint.append(1000 * (time.perf_counter() - middle))
        cpu.append(1000 * (time.thread_time() - start_cpu))

    labelling.session = None  # a fresh session, so its random curve is computed meanwhile
    labelling.start(labelling.values)
    busy = _lateness(LABELS * SPACING_MS / 1000 + 0.5, label)
    session = labelling.session
    assert session is not None and session.given == len(handler)
    w.close()

    both = np.array(handler) + np.array(paint)
    result = {
        "labels": len(handler),
        "handler_ms_p50": float(np.percentile(handler, 50)),
        "handler_ms_max": float(np.max(handler)),
        "paint_ms_p50": float(np.percentile(paint, 50)),
        "label_to_pixels_ms_max": float(np.max(both)),
        "label_to_pixels_cpu_ms_p50": float(np.percentile(cpu, 50)),
        "label_to_pixels_cpu_ms_max": float(np.max(cpu)),
        "lateness_p99_ms_idle": float(np.percentile(idle, 99)),
        "lateness_p99_ms_labelling": float(np.percentile(busy, 99)),
        "lateness_max_ms_labelling": float(np.max(busy)),
        "random_curve_points": len(session.random_labels),
        "stall_budget_ms": STALL_BUDGET_MS,
    }
    result["met"] = {
        "label_to_pixels_under_budget": result["label_to_pixels_ms_max"] <= STALL_BUDGET_MS,
        "label_to_pixels_cpu_under_budget": result["label_to_pixels_cpu_ms_max"] <= STALL_BUDGET_MS,
        "lateness_max_under_budget": result["lateness_max_ms_labelling"] <= STALL_BUDGET_MS,
    }
    print(
        f"{len(handler)} labels: handler p50 {result['handler_ms_p50']:.1f} ms, "
        f"max {result['handler_ms_max']:.1f} ms; paint p50 {result['paint_ms_p50']:.1f} ms; "
        f"label to pixels max {result['label_to_pixels_ms_max']:.1f} ms "
        f"(CPU p50 {result['label_to_pixels_cpu_ms_p50']:.1f}, "
        f"max {result['label_to_pixels_cpu_ms_max']:.1f} ms)"
    )
    print(
        f"timer lateness p99: idle {result['lateness_p99_ms_idle']:.1f} ms, labelling "
        f"{result['lateness_p99_ms_labelling']:.1f} ms "
        f"(max {result['lateness_max_ms_labelling']:.1f} ms)"
    )
    print("cpu per label:", [round(c, 1) for c in cpu])
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}))


if __name__ == "__main__":
    main()
