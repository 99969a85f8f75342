"""Plays a lesson in the window: each step's requests to the lab, graph and landscape."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from app.context import Context
from app.i18n import tr
from app.views.lesson_panel import LessonPanel
from nnviz import commands as cmd
from nnviz.graph import requests as gq
from nnviz.landscape import requests as lq
from nnviz.lessons import setup as ls
from nnviz.lessons.lesson_file import Lesson
from nnviz.lessons.player import LessonPlayer
from nnviz.session import Session
from nnviz.snapshot import Snapshot

_tokens = itertools.count(1)


@dataclass
class LessonHost:
    """The parts of the app a lesson drives (each a plain callable or controller)."""

    load_preset: Callable[[str, int | None], None]
    load_dataset: Callable[[str, dict], None]
    set_points: Callable[[tuple[tuple[float, ...], ...]], None]
    graph_request: Callable[[Any], bool]
    trace_point: Callable[[int, tuple[float, ...] | None], None]
    landscape_request: Callable[[Any], None]
    show_stage: Callable[[str], None]
    leave_stage: Callable[[], None]
    save_session: Callable[[], Session | None]
    restore_session: Callable[[Session], None]
    app_request: Callable[[Any], bool]  # figures, tables, images: False if not available


class LessonController(QObject):
    """Owns the LessonPlayer (pure) and the LessonPanel; replays a step's setup on demand."""

    lesson_changed = Signal(object)  # the Lesson now playing, or None

    def __init__(self, ctx: Context, host: Callable[[], LessonHost]) -> None:
        super().__init__()
        self.ctx, self._host = ctx, host  # the host is made once the window is composed
        self.panel = LessonPanel()
        self.player: LessonPlayer | None = None
        self.language = "en"
        self._before: Session | None = None  # what the user had: given back on leaving
        self._waiting: tuple[int, list[Any]] | None = None  # token, requests after the lab
        self.panel.next_requested.connect(self.next)
        self.panel.back_requested.connect(self.back)
        self.panel.leave_requested.connect(self.leave)

    @property
    def host(self) -> LessonHost:
        """The parts of the app this lesson drives."""
        return self._host()

    # ----- the lesson ------------------------------------------------------------------------
    def start(self, lesson: Lesson, step: int = 0) -> None:
        """Open ``lesson`` at ``step`` (0-based), keeping the user's session to give back."""
        if self.player is None:
            self._before = self.host.save_session()
        self.player = LessonPlayer(lesson, self.language)
        self.lesson_changed.emit(lesson)
        self.go(step)

    def go(self, k: int) -> None:
        """Set step ``k`` up from a clean slate and show its narration."""
        p = self._need()
        try:
            requests = p.go(k)
            narration = p.narration()
        except ValueError as exc:
            self.ctx.say(str(exc), error=True)
            return
        lab = [r for r in requests if _for_lab(r)]
        later = [r for r in requests if not _for_lab(r)]
        for request in lab:
            self._do(request)
        token = next(_tokens)
        self._waiting = (token, later)
        self.ctx.send(cmd.RequestSnapshot(token))  # the views follow once the lab has it all
        title = p.lesson.title.get(p.language)
        self.panel.show_step(title, p.title(), k, p.count, narration)
        self.host.show_stage(p.step.stage)
        self.ctx.say(where_text(title, k, p.count))

    def next(self) -> None:
        """PgDn: the next step (after the last one, the lesson ends)."""
        p = self._need()
        if p.index + 1 < p.count:
            self.go(p.index + 1)
        else:
            self.leave()

    def back(self) -> None:
        """PgUp: the step before, exactly as it was."""
        p = self._need()
        if p.index > 0:
            self.go(p.index - 1)

    def leave(self) -> None:
        """End the lesson and give the user back what they had before it."""
        if self.player is None:
            return
        self.player, self._waiting = None, None
        self.host.leave_stage()
        if self._before is not None:
            self.host.restore_session(self._before)
        self._before = None
        self.lesson_changed.emit(None)
        self.ctx.say(tr("The lesson is over; your own session is back."))

    def set_language(self, language: str) -> None:
        """Speak ``language`` from now on; a playing lesson re-words its step at once."""
        self.language = language
        p = self.player
        if p is None:
            return
        p.language = language
        title = p.lesson.title.get(language)
        self.panel.show_step(title, p.title(), p.index, p.count, p.narration())

    @property
    def setting_up(self) -> bool:
        """True while a step's setup is still on its way through the lab."""
        return self._waiting is not None

    @property
    def active(self) -> bool:
        """True while a lesson is playing."""
        return self.player is not None

    def wants_keys(self) -> bool:
        """True when → and ← should step the lesson: the keyboard focus is in its panel."""
        focus = QApplication.focusWidget()
        return focus is not None and (focus is self.panel or self.panel.isAncestorOf(focus))

    # ----- snapshots -------------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        """Once the lab has applied a step's setup, set up the views that read the network."""
        if self._waiting is None or snap.token != self._waiting[0]:
            return
        _, later = self._waiting
        self._waiting = None
        for request in later:
            self._do(request)
        p = self._need()
        title = p.lesson.title.get(p.language)
        self.ctx.say(where_text(title, p.index, p.count))

    # ----- carrying out requests -------------------------------------------------------------
    def _do(self, request: Any) -> None:
        h = self.host
        if isinstance(request, ls.LoadPreset):
            h.load_preset(request.name, request.seed)
        elif isinstance(request, ls.LoadDataset):
            h.load_dataset(request.name, dict(request.options))
        elif isinstance(request, ls.SetPoints):
            h.set_points(request.rows)
        elif isinstance(request, ls.TraceTrainingPoint):
            h.trace_point(request.index, request.near)
        elif isinstance(request, _GRAPH):
            h.graph_request(request)
        elif isinstance(request, _LANDSCAPE):
            h.landscape_request(request)
        elif _for_lab(request):
            self.ctx.send(request)
        elif not h.app_request(request):
            self.panel.show_message(
                tr("This step's {request} is not available.").format(request=type(request).__name__)
            )

    def _need(self) -> LessonPlayer:
        if self.player is None:
            raise ValueError(tr("no lesson is playing"))
        return self.player


def where_text(title: str, index: int, count: int) -> str:
    """The status line of a lesson step: its title, which step (1-based) and the keys."""
    return tr("{title}: step {step} of {count}. PgDn next, PgUp back.").format(
        title=title, step=index + 1, count=count
    )


_GRAPH = tuple(v for v in vars(gq).values() if isinstance(v, type) and v.__module__ == gq.__name__)
_LANDSCAPE = tuple(
    v for v in vars(lq).values() if isinstance(v, type) and v.__module__ == lq.__name__
)
_LAB_SETUP = (ls.LoadPreset, ls.LoadDataset, ls.SetPoints)


def _for_lab(request: Any) -> bool:
    """Requests that change the data or the network (done first, in order)."""
    return isinstance(request, _LAB_SETUP) or type(request).__module__ == cmd.__name__
