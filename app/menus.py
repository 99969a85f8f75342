"""Menus and keyboard shortcuts: keyboard first, for lecturing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from app.i18n import LANGUAGES, reworded, tr, worded
from app.stage import STAGES
from nnviz import commands as cmd
from nnviz.lessons.groups import group_title

if TYPE_CHECKING:
    from app.main_window import MainWindow

Words = Callable[[], str]  # makes a text in the current language (it calls tr)


def shortcuts_help() -> str:
    """F1's list of keyboard shortcuts, in the current language (rich text)."""
    lines = (
        tr(
            "<b>Space</b> play / pause &nbsp; <b>→</b> step one epoch &nbsp; <b>←</b> step back"
            " &nbsp; <b>Shift+→</b> step one mini-batch"
        ),
        tr(
            "<b>R</b> reset (re-randomise the parameters) &nbsp; <b>1–6</b> pick the class of"
            " new points"
        ),
        tr(
            "<b>Ctrl+Z</b> undo &nbsp; <b>Ctrl+Shift+Z</b> redo &nbsp; <b>Ctrl+S</b> save"
            " &nbsp; <b>Ctrl+O</b> open"
        ),
        tr(
            "<b>Computation graph</b> (Ctrl+G): <b>T</b> trace the picked point &nbsp;"
            " <b>→ / ←</b> next / previous op while the graph has focus (<b>.</b> and <b>,</b>"
            " anywhere) &nbsp; <b>U</b> apply one update on that example"
        ),
        tr("<b>F5</b> presentation mode (large type) &nbsp; <b>F11</b> full screen"),
        tr(
            "<b>PgDn / PgUp</b> next / previous lesson step (a presenter's clicker works)"
            " &nbsp; <b>→ / ←</b> the same while the lesson panel has focus"
        ),
        tr(
            "<b>F6 / F7 / F8</b> the playground / the computation graph / the loss landscape"
            " alone in the window (the same key or <b>Esc</b> brings every view back)"
        ),
        tr("Mouse on the data: click adds, drag moves, right-click (or Ctrl+click) deletes."),
    )
    return "<br>".join(lines)


def build_menus(w: MainWindow) -> dict[str, QAction]:
    """Create every menu action with its shortcut; returns them by name."""
    actions: dict[str, QAction] = {}

    def add(
        menu,
        name: str,
        words: Words,
        slot: Callable,
        keys: str | None = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(w)
        worded(action, "setText", words)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        w.addAction(action)  # shortcuts work even while the menu bar is hidden
        actions[name] = action
        return action

    io = w.session_io
    bar = w.menuBar()
    file = _menu(bar, lambda: tr("&File"))
    add(file, "open", lambda: tr("&Open session…"), io.open_dialog, "Ctrl+O")
    add(file, "save", lambda: tr("&Save session"), io.save, "Ctrl+S")
    add(file, "save_as", lambda: tr("Save session &as…"), io.save_as_dialog, "Ctrl+Shift+S")
    file.addSeparator()
    add(file, "import_csv", lambda: tr("&Import points from CSV…"), io.import_csv_dialog)
    add(file, "export_csv", lambda: tr("&Export points to CSV…"), io.export_csv_dialog)
    export = _menu(file, lambda: tr("Export &image"))
    add(export, "export_window", lambda: tr("Whole window…"), lambda: io.export_dialog("window"))
    for panel in w.panels.exportable():
        add(
            export,
            f"export_{panel.key}",
            lambda p=panel: f"{p.shown_title()}…",
            lambda _=False, k=panel.key: io.export_dialog(k),
        )
    file.addSeparator()
    add(file, "quit", lambda: tr("&Quit"), w.close, "Ctrl+Q")

    edit = _menu(bar, lambda: tr("&Edit"))
    undo = _undo_action(w, w.doc.undo_stack, redo=False)
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = _undo_action(w, w.doc.undo_stack, redo=True)
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
            lambda k=k: tr("New points: class {k}").format(k=k + 1),
            lambda _=False, k=k: w.select_class(k),
            str(k + 1),
        )

    train = _menu(bar, lambda: tr("&Train"))
    add(train, "play", lambda: tr("&Play / pause"), w.controls.toggle_play, "Space")
    add(train, "step_epoch", lambda: tr("Step one &epoch (→)"), w.step_forward_key, "Right")
    add(
        train,
        "step_back",
        lambda: tr("Step &back: undo the last step (←)"),
        w.step_back_key,
        "Left",
    )
    add(
        train,
        "step_batch",
        lambda: tr("Step one mini-&batch"),
        lambda: w.send(cmd.StepBatch()),
        "Shift+Right",
    )
    add(
        train,
        "reset",
        lambda: tr("&Reset (re-randomise the parameters)"),
        lambda: w.send(cmd.Reset()),
        "R",
    )

    graph = _menu(bar, lambda: tr("&Backprop"))
    g = w.graph
    add(
        graph,
        "graph_show",
        lambda: tr("Show the &computation graph"),
        lambda: w.show_dock("graph"),
        "Ctrl+G",
    )
    add(graph, "graph_trace", lambda: tr("&Trace the selected example"), g.trace_selected, "T")
    graph.addSeparator()
    add(
        graph,
        "graph_next",
        lambda: tr("&Next operation (→ in the graph)"),
        lambda: g.step("forward"),
        ".",
    )
    add(
        graph,
        "graph_back",
        lambda: tr("&Previous operation (← in the graph)"),
        lambda: g.step("back"),
        ",",
    )
    add(graph, "graph_run_fwd", lambda: tr("Run the &forward pass"), lambda: g.step("run_forward"))
    add(
        graph, "graph_run_bwd", lambda: tr("Run the &backward pass"), lambda: g.step("run_backward")
    )
    add(graph, "graph_reset", lambda: tr("&Start the walk again"), lambda: g.step("reset"))
    graph.addSeparator()
    add(graph, "graph_update", lambda: tr("&Apply one update on this example"), g.apply_update, "U")
    add(graph, "graph_check", lambda: tr("&Gradient check (finite differences)"), g.check_gradients)

    view = _menu(bar, lambda: tr("&View"))
    add(
        view,
        "presentation",
        lambda: tr("&Presentation mode (large type)"),
        w.toggle_presentation,
        "F5",
        checkable=True,
    )
    add(view, "fullscreen", lambda: tr("&Full screen"), w.toggle_fullscreen, "F11", checkable=True)
    add(
        view,
        "landscape_show",
        lambda: tr("&Loss landscape"),
        lambda: w.show_dock("landscape"),
        "Ctrl+L",
    )
    view.addSeparator()
    stage = _menu(view, lambda: tr("&Stage: one view fills the window"))
    for spec in (s for s in STAGES.values() if s.key):
        add(
            stage,
            f"stage_{spec.name}",
            lambda s=spec: tr("{title} alone ({key})").format(title=tr(s.title), key=s.key),
            lambda _=False, n=spec.name: w.toggle_stage(n),
            spec.key,
        )
    add(stage, "stage_leave", lambda: tr("Back to every view (Esc)"), w.stage.leave, "Esc")
    add(view, "reset_layout", lambda: tr("&Reset layout"), w.reset_layout)
    language = _menu(view, lambda: tr("&Language"))
    for code, name in LANGUAGES.items():  # each language in its own words, in every language
        action = add(
            language,
            f"language_{code}",
            lambda n=name: n,
            lambda _=False, c=code: w.set_language(c),
        )
        action.setCheckable(True)
    w.language.changed.connect(
        lambda code: [actions[f"language_{c}"].setChecked(c == code) for c in LANGUAGES]
    )
    view.addSeparator()
    for panel in w.panels:
        if panel.key in w.docks:
            view.addAction(w.docks[panel.key].toggleViewAction())

    lessons = _menu(bar, lambda: tr("&Lessons"))
    add(lessons, "start_page", lambda: tr("&All lessons… (start page)"), w.show_start_page)
    group_menus: dict[str, QMenu] = {}
    for lesson in w.catalogue.lessons:
        if lesson.group not in group_menus:
            group_menus[lesson.group] = _menu(
                lessons, lambda k=lesson.group: group_title(k, w.language.current)
            )
        action = QAction(group_menus[lesson.group])
        # Lesson files hold every language: the title and promise in the window's language.
        worded(action, "setText", lambda le=lesson: le.title.get(w.language.current))
        worded(action, "setToolTip", lambda le=lesson: le.promise.get(w.language.current))
        action.triggered.connect(lambda _=False, i=lesson.id: w.open_lesson(i))
        group_menus[lesson.group].addAction(action)
    lessons.addSeparator()
    add(lessons, "lesson_next", lambda: tr("&Next step (PgDn)"), w.lesson_next, "PgDown")
    add(lessons, "lesson_back", lambda: tr("&Previous step (PgUp)"), w.lesson_back, "PgUp")
    add(lessons, "lesson_leave", lambda: tr("&Leave the lesson"), w.lessons.leave)

    help_menu = _menu(bar, lambda: tr("&Help"))
    add(help_menu, "help_start_page", lambda: tr("&Start page: the lessons"), w.show_start_page)
    add(help_menu, "shortcuts", lambda: tr("&Keyboard shortcuts"), w.show_shortcuts, "F1")
    return actions


def _menu(parent: QMenuBar | QMenu, words: Words) -> QMenu:
    """A menu in ``parent`` whose title follows the language.

    A QMenu with its parent set: Qt owns it (a bare addMenu(title) can be collected).
    """
    menu = QMenu(parent)
    worded(menu, "setTitle", words)
    parent.addMenu(menu)
    return menu


def _undo_action(parent: QWidget, stack: QUndoStack, redo: bool) -> QAction:
    """Edit ▸ Undo (or Redo) naming the step, in the current language.

    QUndoStack's own actions keep the prefix they were made with, so a language switch could
    not re-word them; this one follows the stack and the language both.
    """
    action = QAction(parent)
    words = _UndoWords(action, redo)  # a child: its connections end with the action
    action.setEnabled(stack.canRedo() if redo else stack.canUndo())
    (stack.canRedoChanged if redo else stack.canUndoChanged).connect(action.setEnabled)
    (stack.redoTextChanged if redo else stack.undoTextChanged).connect(words.show)
    action.triggered.connect(lambda _=False: stack.redo() if redo else stack.undo())
    words.show(stack.redoText() if redo else stack.undoText())
    reworded(words, lambda w: w.show(w.step))
    return action


class _UndoWords(QObject):
    """The words of an undo or redo action: the verb and the step's name, translated."""

    def __init__(self, action: QAction, redo: bool) -> None:
        super().__init__(action)
        self.action, self.redo, self.step = action, redo, ""

    @Slot(str)
    def show(self, step: str) -> None:
        """Name ``step`` (English, marked with QT_TR_NOOP where it is made) after the verb."""
        self.step = step
        what = tr(step)
        if self.redo:
            text = tr("&Redo {what}").format(what=what) if what else tr("&Redo")
        else:
            text = tr("&Undo {what}").format(what=what) if what else tr("&Undo")
        self.action.setText(text)
