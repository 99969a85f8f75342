"""The lesson player's state (pure): which step, its numbers, its narration, its requests.

Going to step k replays the lesson from a clean slate through steps 0…k, so every step's
state is exactly the same however the student got there (Back is always safe).
"""

from __future__ import annotations

from typing import Any

from nnviz import commands as cmd
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from nnviz.lessons.lesson_file import Lesson, LessonStep
from nnviz.lessons.setup import to_requests
from nnviz.text import _

# Every replay starts here, so no step depends on what the user had set up before.
CLEAN_SLATE: tuple[Any, ...] = (
    cmd.Pause(),
    cmd.SetSpec(NetworkSpec()),
    cmd.SetConfig(TrainConfig()),
    cmd.Reset(0),
)


class LessonPlayer:
    """Where a student is in one lesson; numbers are computed once per step, live."""

    def __init__(self, lesson: Lesson, language: str = "en") -> None:
        self.lesson, self.language = lesson, language
        self.index = 0
        self._numbers: dict[int, dict[str, Any]] = {}

    @property
    def count(self) -> int:
        """How many steps the lesson has."""
        return len(self.lesson.steps)

    @property
    def step(self) -> LessonStep:
        """The current step."""
        return self.lesson.steps[self.index]

    def go(self, k: int) -> list[Any]:
        """Move to step ``k`` (0-based); returns the requests that set its state up."""
        if not 0 <= k < self.count:
            raise ValueError(
                _("this lesson has steps 1 to {count}; {k} is not one", count=self.count, k=k + 1)
            )
        self.index = k
        requests: list[Any] = list(CLEAN_SLATE)
        for step in self.lesson.steps[: k + 1]:
            for entry in step.setup:
                requests += to_requests(entry)
        return requests

    def numbers(self, k: int | None = None) -> dict[str, Any]:
        """Step ``k``'s numbers (default: the current step), computed by the engine."""
        k = self.index if k is None else k
        if k not in self._numbers:
            self._numbers[k] = self.lesson.steps[k].numbers.compute()
        return self._numbers[k]

    def narration(self, k: int | None = None) -> str:
        """Step ``k``'s narration with its numbers filled in (``**bold**`` marks kept)."""
        k = self.index if k is None else k
        return self.lesson.steps[k].narrate(self.numbers(k), self.language)

    def title(self, k: int | None = None) -> str:
        """Step ``k``'s title in the current language."""
        k = self.index if k is None else k
        return self.lesson.steps[k].title.get(self.language)

    def report(self, k: int | None = None) -> dict[str, Any]:
        """The headless report: ``{"lesson": id, "step": k (1-based), "numbers": {…}}``."""
        k = self.index if k is None else k
        return {"lesson": self.lesson.id, "step": k + 1, "numbers": self.numbers(k)}
