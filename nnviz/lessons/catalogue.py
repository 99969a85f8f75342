"""The lessons the app offers: every valid lesson file, in menu order, and why others failed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nnviz.lessons.groups import group_rank
from nnviz.lessons.lesson_file import Lesson, LessonError, lessons_dir, load_lesson
from nnviz.text import _


@dataclass(frozen=True)
class Catalogue:
    """Usable lessons by id (menu order) and one message per file that could not be used."""

    lessons: tuple[Lesson, ...]
    problems: tuple[str, ...]

    def get(self, lesson_id: str) -> Lesson:
        """The lesson called ``lesson_id``; ValueError naming the choices otherwise."""
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        ids = ", ".join(x.id for x in self.lessons)
        raise ValueError(
            _("no lesson called {lesson_id!r}; choose one of: {ids}", lesson_id=lesson_id, ids=ids)
        )


def load_catalogue(folder: str | Path | None = None) -> Catalogue:
    """Load every lesson file; a broken one is left out with its message, never fatal."""
    lessons, problems = [], []
    for path in sorted(Path(folder or lessons_dir()).glob("*.json")):
        try:
            lessons.append(load_lesson(path))
        except LessonError as exc:
            problems.append(f"{path.name}: {exc}")
    lessons.sort(key=lambda x: (group_rank(x.group), x.order))
    return Catalogue(tuple(lessons), tuple(problems))
