"""The ``nnviz`` command: open the app, or train offscreen and render a screenshot/report."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(prog="nnviz", description="See a neural network learn.")
    p.add_argument(
        "--preset",
        default="circle",
        type=_preset,
        help="demo to open, by the name --presets lists or the title the app shows "
        "(default: circle)",
    )
    p.add_argument("--presets", action="store_true", help="list the demos' names and exit")
    p.add_argument("--seed", type=int, default=None, help="random seed for data and weights")
    p.add_argument("--epochs", type=int, default=0, help="train this many epochs first")
    p.add_argument("--screenshot", metavar="PNG", help="render the window to PNG and exit")
    p.add_argument(
        "--report",
        action="store_true",
        help="print one JSON line with epochs, loss and accuracy, then exit",
    )
    p.add_argument("--size", default="1480x900", help="window size for --screenshot, WxH")
    p.add_argument("--presentation", action="store_true", help="start in presentation mode")
    p.add_argument(
        "--stage",
        choices=("playground", "graph", "landscape"),
        help="start with one view alone in the window (F6 / F7 / F8 in the app)",
    )
    p.add_argument(
        "--show",
        metavar="VIEW",
        help="bring a view to the front before the screenshot (curves, graph, landscape)",
    )
    p.add_argument(
        "--trace",
        metavar="N",
        type=int,
        help="after training, trace training point N in the computation graph",
    )
    p.add_argument(
        "--walk", metavar="K", type=int, default=0, help="then walk K steps of its graph"
    )
    p.add_argument(
        "--graph-layers", action="store_true", help="show the traced graph one box per layer"
    )
    p.add_argument("--open", metavar="FILE", help="open a saved .nnviz session")
    p.add_argument("--lesson", metavar="ID", help="open a lesson (nnviz --lessons lists them)")
    p.add_argument("--step", type=int, default=1, help="the lesson's step, from 1 (default 1)")
    p.add_argument("--lessons", action="store_true", help="list the lessons and exit")
    p.add_argument(
        "--experiment",
        metavar="ID",
        type=_experiment,
        help="open the experiments stage (F9) and run experiment ID with its default settings "
        "(active-learning: label the --walk K least sure points)",
    )
    p.add_argument(
        "--lang",
        choices=("en", "zh_CN"),
        help="the language (default: the one chosen last, else the system's)",
    )
    p.add_argument(
        "--no-restore",
        action="store_true",
        help="don't offer the autosave and ignore the saved window layout",
    )
    args = p.parse_args(argv)
    from nnviz.engine.spec import MAX_SEED

    if args.epochs < 0:
        p.error("--epochs cannot be negative")
    if args.seed is not None and not 0 <= args.seed <= MAX_SEED:
        p.error(f"--seed must be from 0 to {MAX_SEED}")
    try:
        args.width, args.height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        p.error(f"--size must look like 1480x900, not {args.size!r}")
    return args


def _preset(name: str) -> str:
    """--preset NAME: the preset's file name, from its CLI name, title or old name."""
    from nnviz.presets import resolve_preset

    try:
        return resolve_preset(name)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _experiment(name: str) -> str:
    """--experiment ID: one of the experiments panel's ids."""
    from nnviz.experiments.catalogue import IDS

    if name not in IDS:
        choices = ", ".join(IDS)
        raise argparse.ArgumentTypeError(f"unknown experiment {name!r}; choose one of {choices}")
    return name


def preset_listing() -> str:
    """--presets: one line per demo, 'name — title as the app shows it'."""
    from nnviz.presets import preset_catalogue

    rows = preset_catalogue()
    width = max(len(cli) for cli, _, _ in rows)
    return "\n".join(f"{cli:<{width}}  — {title}" for cli, title, _ in rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``nnviz`` console script."""
    args = parse_args(argv)
    if args.presets:
        print(preset_listing())
        return 0
    if args.lessons:
        return _list_lessons()
    if args.lesson:
        problem = _check_lesson(args)
        if problem:
            print(f"nnviz: {problem}", file=sys.stderr)
            return 2
        if args.report and not args.screenshot:
            return _report_lesson(args)
    headless = bool(args.screenshot or args.report)
    if headless and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.platform_check import display_problem

    problem = None if headless else display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if args.open and not _readable_session(args.open):
        return 2  # refused before any window (or training thread) exists
    from app.application import install_last_resort, make_application, make_window
    from app.quit_signals import QuitSignals

    qt_app = make_application()
    # Ctrl+C / SIGTERM close the window on the event loop: it autosaves and stops training.
    quit_signals = QuitSignals(lambda _signum: _close_everything(qt_app))
    window = make_window(args, interactive=not headless)
    if not headless:
        install_last_resort(window)
        if quit_signals.requested is not None:  # interrupted while starting up
            window.close()
            return 0
        window.show()
        code = qt_app.exec()
        _dispose(window)  # the closed window goes now, not in pieces at the interpreter's exit
        return code
    try:
        code = _run_headless(window, args, lambda: quit_signals.requested is not None)
    finally:
        window.close()  # on every path: autosave, stop the training thread and process
        _dispose(window)
    return 128 + quit_signals.requested if quit_signals.requested is not None else code


def _dispose(window) -> None:
    """Delete the closed window now, children first, while Qt and Python are both whole.

    Left to the interpreter's exit, pyqtgraph items can outlive the view boxes they follow
    and crash natively in their last callback.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    _release_legends(window)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _release_legends(window) -> None:
    """Stop every anchored legend following its view box before the view boxes are deleted.

    pyqtgraph's anchor moves a legend whenever the legend's own size changes. A legend whose
    words changed since its last layout (a Chinese run re-words them) changes size while it
    is deleted, after the view box it is anchored to; the anchor then asks that dead view box
    for its corner and prints "ViewBox already deleted".
    """
    import pyqtgraph as pg

    for view in window.findChildren(pg.GraphicsView):
        for item in view.items():
            if isinstance(item, pg.LegendItem):
                item.geometryChanged.disconnect()


def _close_everything(qt_app) -> None:
    """Close any dialog and the window (closeEvent autosaves), then leave the event loop."""
    qt_app.closeAllWindows()
    qt_app.quit()


def _list_lessons() -> int:
    """--lessons: one line per lesson, id first, in menu order."""
    from nnviz.lessons.catalogue import load_catalogue
    from nnviz.lessons.groups import GROUPS

    catalogue = load_catalogue()
    for lesson in catalogue.lessons:
        print(f"{lesson.id:26} {lesson.title.get()}  ({GROUPS.get(lesson.group, lesson.group)})")
    for problem in catalogue.problems:
        print(f"nnviz: skipped {problem}", file=sys.stderr)
    return 0


def _check_lesson(args: argparse.Namespace) -> str:
    """The one reason --lesson ID --step K cannot be played, or ''."""
    from nnviz.lessons.catalogue import load_catalogue

    try:
        lesson = load_catalogue().get(args.lesson)
    except ValueError as exc:
        return str(exc)
    if not 1 <= args.step <= len(lesson.steps):
        return f"lesson {lesson.id} has steps 1 to {len(lesson.steps)}, not {args.step}"
    return ""


def _report_lesson(args: argparse.Namespace) -> int:
    """--lesson ID --step K --report: the step's numbers as one JSON line (no window needed)."""
    from nnviz.lessons.catalogue import load_catalogue
    from nnviz.lessons.player import LessonPlayer

    player = LessonPlayer(load_catalogue().get(args.lesson), args.lang or "en")
    print(json.dumps(player.report(args.step - 1)))
    return 0


def _readable_session(path: str) -> bool:
    """--open FILE: True if it is a valid session; else print the one clear reason."""
    from nnviz.session import SessionError, load_session

    try:
        load_session(Path(path))
    except SessionError as exc:
        print(f"nnviz: {exc}", file=sys.stderr)
        return False
    return True


def _run_headless(window, args: argparse.Namespace, interrupted=lambda: False) -> int:
    """Train, then screenshot/report; always ends (divergence, an error or Ctrl+C ends it)."""
    from PySide6.QtWidgets import QApplication

    from nnviz import commands as cmd

    window.resize(args.width, args.height)
    window.show()
    if args.show:
        try:
            window.show_dock(args.show)
        except ValueError as exc:
            print(f"nnviz: {exc}", file=sys.stderr)
            return 2
    stopped: list[str] = []  # the message of a divergence or training error, if any
    window.training.snapshot_ready.connect(
        lambda s: stopped.append(s.message) if s.event in ("diverged", "error") else None
    )
    target = args.epochs
    if args.lesson:  # the step's setup first, then any extra epochs on top of it
        window.wait_for_snapshot(
            lambda s: not window.lessons.setting_up and not window.images.training,
            timeout_ms=600_000,
        )
        target += window.latest.epoch if window.latest is not None else 0
    if args.epochs:
        window.send(cmd.RunEpochs(args.epochs))
    snap = window.wait_for_snapshot(
        lambda s: bool(stopped) or interrupted() or (s.epoch >= target and not s.playing),
        timeout_ms=600_000,
    )
    code = 0
    if snap is not None and args.trace is not None and not stopped:
        code = _walk_graph(window, args)
    if snap is not None and args.experiment and not stopped:
        code = _run_experiment(window, args, interrupted) or code
    if args.stage and not args.lesson:
        window.toggle_stage(args.stage)
    for _ in range(5):  # let every view paint the final snapshot
        QApplication.processEvents()
    if snap is None:
        print("nnviz: training did not finish in time", file=sys.stderr)
        code = 1
    elif stopped:
        print(f"nnviz: {stopped[0]}", file=sys.stderr)
        code = 1
    if snap is not None and args.screenshot and not window.grab().save(args.screenshot):
        print(f"nnviz: could not write {args.screenshot}", file=sys.stderr)
        code = 1
    if snap is not None and args.report:
        report = window.lessons.player.report() if args.lesson else _report(window, snap)
        print(json.dumps(report))
    return code


def _report(window, snap) -> dict:
    """One JSON line: the session's own preset and dataset, epochs, and the metrics that apply."""
    settings = window.doc.settings
    out: dict = {}
    if isinstance(settings.get("preset"), str):
        out["preset"] = settings["preset"]
    out["dataset"] = settings.get("name")
    out["epochs"] = snap.epoch
    # Accuracy for regression (or a loss with no test points) is NaN: it does not apply.
    out.update({k: round(v, 6) for k, v in snap.metrics.items() if math.isfinite(v)})
    return out


def _run_experiment(window, args: argparse.Namespace, interrupted) -> int:
    """--experiment ID: the experiments stage, ID run to its end (by hand: --walk K labels)."""
    window.toggle_stage("experiments")
    panel = window.experiments
    panel.choose(args.experiment)
    if panel.experiment.interactive:
        for _ in range(max(args.walk, 0)):
            panel.labelling.label_next()
        window.wait_for_snapshot(lambda s: not panel.labelling.timer.isActive() or interrupted())
        return 0
    done: list[dict] = []
    panel.finished.connect(done.append)
    if not panel.run():
        print(f"nnviz: {panel.view.status.text()}", file=sys.stderr)
        return 2
    window.wait_for_snapshot(lambda s: bool(done) or interrupted(), timeout_ms=600_000)
    if not done or done[0].get("error"):
        print(f"nnviz: {panel.view.status.text()}", file=sys.stderr)
        return 1
    return 0


def _walk_graph(window, args: argparse.Namespace) -> int:
    """--trace N --walk K: trace a training point and take K steps (for slides and docs)."""
    try:
        window.graph.trace_training_point(args.trace)
    except ValueError as exc:
        print(f"nnviz: {exc}", file=sys.stderr)
        return 2
    window.graph.set_mode("layers" if args.graph_layers else "ops")
    for _ in range(max(args.walk, 0)):
        window.graph.step("forward")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
