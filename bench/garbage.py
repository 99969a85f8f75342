"""Garbage benchmark: where Python's cyclic collector runs, how long it holds the GUI thread,
and how much a closed window leaves behind, each against the old behaviour in the same run.

1. Collection passes while the landscape's network slice trains at full speed (presentation,
   1920×1080: the bridge, job and GUI threads all busy) and a point is added every half second
   (so the autosave writer encodes the session again and again), first with automatic
   collection (the baseline: passes run on whichever thread allocates), then with the
   GUI-thread collector.
2. Objects still alive after opening and closing windows, with the re-wording registry's
   old rule (an entry lives while Python holds its widget) and with the new one.

Prints human-readable lines, then one JSON object on the last line.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the app sets it (app/__init__.py)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from ui import rounded  # noqa: E402 - bench/ui.py's JSON rounding

SECONDS = 8.0
CLICK_S = 0.5
WINDOWS = 4


def _run_loop(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def passes_while_training(window, gui_thread_only: bool) -> dict:
    """Train for SECONDS; every collection pass's thread and duration."""
    from app import garbage
    from nnviz import commands as cmd

    collector = garbage.collector()
    if gui_thread_only:
        gc.disable()
        collector.timer.start()
    else:  # the baseline: the interpreter collects wherever a threshold is crossed
        collector.timer.stop()
        gc.enable()
    passes: list[tuple[str, int, float]] = []
    started: dict[int, float] = {}

    def note(phase, info):
        me = threading.get_ident()
        if phase == "start":
            started[me] = time.perf_counter()
        else:
            took = time.perf_counter() - started.pop(me, time.perf_counter())
            passes.append((threading.current_thread().name, info["generation"], took))

    gc.callbacks.append(note)
    window.send(cmd.Play())
    rng = np.random.default_rng(0)
    for _ in range(int(SECONDS / CLICK_S)):  # a student clicking points onto the plane
        window.doc.add_points(rng.uniform(-5, 5, size=(1, 2)), np.array([rng.integers(2)]))
        _run_loop(CLICK_S)
    window.send(cmd.Pause())
    gc.callbacks.remove(note)
    gc.disable()
    collector.timer.start()
    on_gui = [took for name, _g, took in passes if name == "MainThread"]
    off_gui = [name for name, _g, _t in passes if name != "MainThread"]
    return {
        "passes": len(passes),
        "passes_off_the_gui_thread": len(off_gui),
        "threads_off_the_gui_thread": sorted(set(off_gui)),
        "full_passes": sum(1 for _n, g, _t in passes if g == 2),
        "gui_pass_p99_ms": float(np.percentile(on_gui, 99) * 1000) if on_gui else 0.0,
        "gui_pass_max_ms": max(on_gui, default=0.0) * 1000,
    }


def objects_left_by_windows(new_rule: bool) -> dict:
    """Open and close WINDOWS windows (deleted as the app deletes them); objects still alive."""
    from PySide6.QtCore import QCoreApplication, QEvent

    import app.i18n as i18n
    from app.main_window import MainWindow

    def old_rule() -> int:  # an entry lived while Python held its widget
        i18n._worded[:] = [(ref, apply) for ref, apply in i18n._worded if ref() is not None]
        return len(i18n._worded)

    forget = i18n.forget_deleted if new_rule else old_rule
    gc.collect()
    before = len(gc.get_objects())
    for _ in range(WINDOWS):
        w = MainWindow("circle", interactive=False)
        w.show()
        w.wait_for_snapshot(lambda s: True)
        w.close()
        w.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        del w
        forget()
        gc.collect()
    t0 = time.perf_counter()
    gc.collect()
    full_pass_ms = 1000 * (time.perf_counter() - t0)
    per_window = (len(gc.get_objects()) - before) / WINDOWS
    return {"objects_left_per_window": per_window, "full_pass_ms_after": full_pass_ms}


def main() -> None:
    from app.application import make_application
    from app.main_window import MainWindow
    from nnviz import commands as cmd
    from nnviz.landscape import requests as lq

    make_application()
    autosaves = Path(tempfile.mkdtemp(prefix="nnviz-bench-"))
    w = MainWindow("circle", interactive=False, autosave_dir=autosaves)
    w.resize(1920, 1080)
    w.show()
    w.wait_for_snapshot(lambda s: True)
    w.send(cmd.SetSpeed(None))
    w.toggle_presentation(True)
    w.toggle_stage("landscape")
    w.landscape.apply(lq.SetMode("network"))
    automatic = passes_while_training(w, gui_thread_only=False)
    gui_only = passes_while_training(w, gui_thread_only=True)
    w.close()
    for name, r in (("automatic (baseline)", automatic), ("GUI thread only", gui_only)):
        print(
            f"{name}: {r['passes']} passes in {SECONDS:.0f} s, "
            f"{r['passes_off_the_gui_thread']} off the GUI thread "
            f"{r['threads_off_the_gui_thread']}, {r['full_passes']} full; GUI-thread pass "
            f"p99 {r['gui_pass_p99_ms']:.2f} ms, max {r['gui_pass_max_ms']:.2f} ms"
        )
    new = objects_left_by_windows(new_rule=True)  # first: the old rule's windows never go
    old = objects_left_by_windows(new_rule=False)
    for name, r in (("old registry rule (baseline)", old), ("new registry rule", new)):
        print(
            f"{name}: {r['objects_left_per_window']:.0f} objects left per closed window; "
            f"a full pass then takes {r['full_pass_ms_after']:.0f} ms"
        )
    print(
        json.dumps(
            rounded(
                {
                    "seconds": SECONDS,
                    "automatic": automatic,
                    "gui_thread_only": gui_only,
                    "windows": WINDOWS,
                    "old_rule": old,
                    "new_rule": new,
                }
            )
        )
    )


if __name__ == "__main__":
    main()
