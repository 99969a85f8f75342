"""Menus and keyboard shortcuts: keyboard first, for lecturing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from app.i18n import LANGUAGES
from app.stage import STAGES
from nnviz import commands as cmd
from nnviz.lessons.groups import GROUPS

if TYPE_CHECKING:
    from app.main_window import MainWindow

SHORTCUTS_HELP = """
<b>Space</b> play / pause &nbsp; <b>→</b> step one epoch &nbsp; <b>←</b> step back
&nbsp; <b>Shift+→</b> step one mini-batch
<br><b>R</b> reset (re-randomise the parameters) &nbsp; <b>1–6</b> pick the class of new points
<br><b>Ctrl+Z</b> undo &nbsp; <b>Ctrl+Shift+Z</b> redo &nbsp; <b>Ctrl+S</b> save &nbsp;
<b>Ctrl+O</b> open
<br><b>Computation graph</b> (Ctrl+G): <b>T</b> trace the picked point &nbsp;
<b>→ / ←</b> next / previous op while the graph has focus (<b>.</b> and <b>,</b> anywhere)
&nbsp; <b>U</b> apply one update on that example
<br><b>F5</b> presentation mode (large type) &nbsp; <b>F11</b> full screen
<br><b>PgDn / PgUp</b> next / previous lesson step (a presenter's clicker works) &nbsp;
<b>→ / ←</b> the same while the lesson panel has focus
<br><b>F6 / F7 / F8</b> the playground / the computation graph / the loss landscape alone in
the window (the same key or <b>Esc</b> brings every view back)
<br>Mouse on the data: click adds, drag moves, right-click (or Ctrl+click) deletes.
"""


def build_menus(w: MainWindow) -> dict[str, QAction]:
    """Create every menu action with its shortcut; returns them by name."""
    actions: dict[str, QAction] = {}

    def add(
        menu, name: str, text: str, slot: Callable, keys: str | None = None, checkable: bool = False
    ) -> QAction:
        action = QAction(text, w)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        w.addAction(action)  # shortcuts work even while the menu bar is hidden
        actions[name] = action
        return action

    io = w.session_io
    file = w.menuBar().addMenu("&File")
    add(file, "open", "&Open session…", io.open_dialog, "Ctrl+O")
    add(file, "save", "&Save session", io.save, "Ctrl+S")
    add(file, "save_as", "Save session &as…", io.save_as_dialog, "Ctrl+Shift+S")
    file.addSeparator()
    add(file, "import_csv", "&Import points from CSV…", io.import_csv_dialog)
    add(file, "export_csv", "&Export points to CSV…", io.export_csv_dialog)
    export = file.addMenu("Export &image")
    add(export, "export_window", "Whole window…", lambda: io.export_dialog("window"))
    for panel in w.panels.exportable():
        key = panel.key
        add(export, f"export_{key}", f"{panel.title}…", lambda _=False, k=key: io.export_dialog(k))
    file.addSeparator()
    add(file, "quit", "&Quit", w.close, "Ctrl+Q")

    edit = w.menuBar().addMenu("&Edit")
    undo = w.doc.undo_stack.createUndoAction(w, "&Undo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = w.doc.undo_stack.createRedoAction(w, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for a in (undo, redo):
        edit.addAction(a)
        w.addAction(a)
    actions["undo"], actions["redo"] = undo, redo
    edit.addSeparator()
    for k in range(6):
        add(
            edit,
            f"class_{k + 1}",
            f"New points: class {k + 1}",
            lambda _=False, k=k: w.select_class(k),
            str(k + 1),
        )

    train = w.menuBar().addMenu("&Train")
    add(train, "play", "&Play / pause", w.controls.toggle_play, "Space")
    add(train, "step_epoch", "Step one &epoch (→)", w.step_forward_key, "Right")
    add(train, "step_back", "Step &back: undo the last step (←)", w.step_back_key, "Left")
    add(train, "step_batch", "Step one mini-&batch", lambda: w.send(cmd.StepBatch()), "Shift+Right")
    add(train, "reset", "&Reset (re-randomise the parameters)", lambda: w.send(cmd.Reset()), "R")

    graph = w.menuBar().addMenu("&Backprop")
    g = w.graph
    add(graph, "graph_show", "Show the &computation graph", lambda: w.show_dock("graph"), "Ctrl+G")
    add(graph, "graph_trace", "&Trace the selected example", g.trace_selected, "T")
    graph.addSeparator()
    add(graph, "graph_next", "&Next operation (→ in the graph)", lambda: g.step("forward"), ".")
    add(graph, "graph_back", "&Previous operation (← in the graph)", lambda: g.step("back"), ",")
    add(graph, "graph_run_fwd", "Run the &forward pass", lambda: g.step("run_forward"))
    add(graph, "graph_run_bwd", "Run the &backward pass", lambda: g.step("run_backward"))
    add(graph, "graph_reset", "&Start the walk again", lambda: g.step("reset"))
    graph.addSeparator()
    add(graph, "graph_update", "&Apply one update on this example", g.apply_update, "U")
    add(graph, "graph_check", "&Gradient check (finite differences)", g.check_gradients)

    view = w.menuBar().addMenu("&View")
    add(
        view,
        "presentation",
        "&Presentation mode (large type)",
        w.toggle_presentation,
        "F5",
        checkable=True,
    )
    add(view, "fullscreen", "&Full screen", w.toggle_fullscreen, "F11", checkable=True)
    add(view, "landscape_show", "&Loss landscape", lambda: w.show_dock("landscape"), "Ctrl+L")
    view.addSeparator()
    stage = view.addMenu("&Stage: one view fills the window")
    for spec in (s for s in STAGES.values() if s.key):
        add(
            stage,
            f"stage_{spec.name}",
            f"{spec.title} alone ({spec.key})",
            lambda _=False, n=spec.name: w.toggle_stage(n),
            spec.key,
        )
    add(stage, "stage_leave", "Back to every view (Esc)", w.stage.leave, "Esc")
    add(view, "reset_layout", "&Reset layout", w.reset_layout)
    language = QMenu("&Language", view)
    view.addMenu(language)
    for code, name in LANGUAGES.items():
        action = add(language, f"language_{code}", name, lambda _=False, c=code: w.set_language(c))
        action.setCheckable(True)
    w.language.changed.connect(
        lambda code: [actions[f"language_{c}"].setChecked(c == code) for c in LANGUAGES]
    )
    view.addSeparator()
    for panel in w.panels:
        if panel.key in w.docks:
            view.addAction(w.docks[panel.key].toggleViewAction())

    lessons = w.menuBar().addMenu("&Lessons")
    add(lessons, "start_page", "&All lessons… (start page)", w.show_start_page)
    group_menus: dict[str, QMenu] = {}
    for lesson in w.catalogue.lessons:
        if lesson.group not in group_menus:
            # A QMenu with its parent set: Qt owns it (a bare addMenu(title) can be collected).
            group_menus[lesson.group] = QMenu(GROUPS.get(lesson.group, lesson.group), lessons)
            lessons.addMenu(group_menus[lesson.group])
        action = group_menus[lesson.group].addAction(lesson.title.get())
        action.setToolTip(lesson.promise.get())
        action.triggered.connect(lambda _=False, i=lesson.id: w.open_lesson(i))
    lessons.addSeparator()
    add(lessons, "lesson_next", "&Next step (PgDn)", w.lesson_next, "PgDown")
    add(lessons, "lesson_back", "&Previous step (PgUp)", w.lesson_back, "PgUp")
    add(lessons, "lesson_leave", "&Leave the lesson", w.lessons.leave)

    help_menu = w.menuBar().addMenu("&Help")
    add(help_menu, "help_start_page", "&Start page: the lessons", w.show_start_page)
    add(help_menu, "shortcuts", "&Keyboard shortcuts", w.show_shortcuts, "F1")
    return actions
