"""Lesson files (resources/lessons/<id>.json): the format, its validator and the loader."""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nnviz.lessons.groups import GROUPS, group_rank
from nnviz.lessons.registry import NUMBERS, _load_all, compute
from nnviz.lessons.vocabulary import check_request
from nnviz.text import _

FORMAT, VERSION = "nnviz-lesson", 1
STAGES = ("playground", "graph", "landscape", "plot", "table", "images", "knobs", "gears")
LESSON_KEYS = {"format", "version", "id", "group", "order", "title", "promise", "numbers", "steps"}
STEP_KEYS = {"title", "narration", "numbers", "stage", "setup"}


class LessonError(ValueError):
    """A lesson file that cannot be used; the message starts with the path to the bad field."""


@dataclass(frozen=True)
class Text:
    """A sentence in one or more languages (``en`` always present)."""

    by_language: tuple[tuple[str, str], ...]

    def get(self, language: str = "en") -> str:
        """The text in ``language``, falling back to English."""
        table = dict(self.by_language)
        return table.get(language, table["en"])


@dataclass(frozen=True)
class NumberCall:
    """Which number function a step shows, with its arguments (plain JSON, do not mutate)."""

    function: str
    args: Mapping[str, Any]

    def compute(self) -> dict[str, Any]:
        """Run the function now: every number comes from the engine, live."""
        return compute(self.function, **dict(self.args))


@dataclass(frozen=True)
class LessonStep:
    """One step: what to set up (plain requests), what to stage, and what to say."""

    title: Text
    narration: Text
    stage: str
    setup: tuple[Mapping[str, Any], ...]
    numbers: NumberCall

    def narrate(self, numbers: Mapping[str, Any], language: str = "en") -> str:
        """The narration with this step's numbers filled in (``**bold**`` marks stay)."""
        return self.narration.get(language).format(**numbers)


@dataclass(frozen=True)
class Lesson:
    """A whole lesson, validated: its place in the menu, its promise and its steps."""

    id: str
    group: str
    order: int
    title: Text
    promise: Text
    numbers: NumberCall
    steps: tuple[LessonStep, ...]
    version: int = VERSION


def lessons_dir() -> Path:
    """Where the shipped lesson files live."""
    from resources import resource_path

    return resource_path("lessons")


def load_lesson(path: str | Path) -> Lesson:
    """Read and validate one lesson file; its id must match the file name."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise LessonError(_("{file}: cannot read it ({exc})", file=path.name, exc=exc)) from None
    lesson = validate_lesson(raw)
    if lesson.id != path.stem:
        raise LessonError(
            _(
                "id: {lesson_id!r} does not match the file name {file!r}",
                lesson_id=lesson.id,
                file=path.name,
            )
        )
    return lesson


def load_all_lessons(folder: str | Path | None = None) -> list[Lesson]:
    """Every lesson file in ``folder`` (default: the shipped ones), in menu order."""
    lessons = [load_lesson(p) for p in sorted(Path(folder or lessons_dir()).glob("*.json"))]
    places: dict[tuple[str, int], str] = {}
    for lesson in lessons:
        place = (lesson.group, lesson.order)
        if place in places:
            raise LessonError(
                _(
                    "order: {lesson} and {other} share {place}",
                    lesson=lesson.id,
                    other=places[place],
                    place=place,
                )
            )
        places[place] = lesson.id
    return sorted(lessons, key=lambda x: (group_rank(x.group), x.order))


def validate_lesson(raw: Any) -> Lesson:
    """Check a parsed lesson file field by field and build a :class:`Lesson`.

    Raises
    ------
    LessonError
        At the first bad field, e.g. ``steps[2].numbers.function: unknown number function
        'sigmaa'``.
    """
    if not isinstance(raw, dict):
        raise LessonError(
            _(
                ": a lesson file holds one JSON object, not {type_name}",
                type_name=type(raw).__name__,
            )
        )
    _unknown_keys(raw, LESSON_KEYS, "")
    if raw.get("format") != FORMAT:
        raise LessonError(
            _("format: must be {format!r}, not {value!r}", format=FORMAT, value=raw.get("format"))
        )
    if raw.get("version") != VERSION:
        raise LessonError(
            _(
                "version: this nnviz reads version {version}, not {value!r}",
                version=VERSION,
                value=raw.get("version"),
            )
        )
    lesson_id = _text_field(raw, "id", "id")
    group = _text_field(raw, "group", "group")
    if group not in GROUPS:
        raise LessonError(
            _(
                "group: unknown group {group!r}; choose one of {choices}",
                group=group,
                choices=", ".join(GROUPS),
            )
        )
    order = raw.get("order")
    if isinstance(order, bool) or not isinstance(order, int) or order < 1:
        raise LessonError(_("order: must be a whole number ≥ 1, not {order!r}", order=order))
    numbers = _numbers(raw.get("numbers"), "numbers")
    steps = raw.get("steps")
    if not isinstance(steps, list) or not 1 <= len(steps) <= 12:
        raise LessonError(_("steps: must be a list of 1 to 12 steps"))
    return Lesson(
        lesson_id,
        group,
        order,
        _text(raw.get("title"), "title"),
        _text(raw.get("promise"), "promise"),
        numbers,
        tuple(_step(s, f"steps[{i}]", numbers) for i, s in enumerate(steps)),
    )


def check_numbers(lesson: Lesson) -> list[dict[str, Any]]:
    """Run every step's number function and fill its narration in every language.

    Returns each step's numbers; raises LessonError naming the step whose narration asks for
    a number its function does not return.
    """
    out, cache = [], {}
    for i, step in enumerate(lesson.steps):
        key = json.dumps([step.numbers.function, step.numbers.args], sort_keys=True)
        if key not in cache:
            cache[key] = step.numbers.compute()
        for field_name, text in (("title", step.title), ("narration", step.narration)):
            for language, sentence in text.by_language:
                try:
                    sentence.format(**cache[key])
                except (KeyError, IndexError, ValueError, TypeError, AttributeError) as exc:
                    where = f"steps[{i}].{field_name}.{language}"
                    raise LessonError(
                        _("{where}: cannot fill {exc!r}", where=where, exc=exc)
                    ) from None
        out.append(cache[key])
    return out


# ----- the pieces --------------------------------------------------------------------------
def _unknown_keys(raw: Mapping, allowed: set[str], where: str) -> None:
    for key in raw:
        if key not in allowed:
            raise LessonError(
                _(
                    "{where}{key}: unknown field; allowed: {choices}",
                    where=where,
                    key=key,
                    choices=", ".join(sorted(allowed)),
                )
            )


def _text_field(raw: Mapping, key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LessonError(
            _("{where}: must be non-empty text, not {value!r}", where=where, value=value)
        )
    return value


def _text(value: Any, where: str) -> Text:
    """A string, or a dict of language → string with ``en``; placeholders must be named."""
    table = {"en": value} if isinstance(value, str) else value
    if not isinstance(table, dict) or "en" not in table:
        raise LessonError(
            _("{where}: must be text or a dict of language → text with 'en'", where=where)
        )
    for language, sentence in table.items():
        if not isinstance(sentence, str) or not sentence.strip():
            raise LessonError(
                _(
                    "{where}.{language}: must be non-empty text, not {sentence!r}",
                    where=where,
                    language=language,
                    sentence=sentence,
                )
            )
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(sentence) if f is not None]
        except ValueError as exc:
            raise LessonError(
                _("{where}.{language}: {exc}", where=where, language=language, exc=exc)
            ) from None
        if any(f == "" or f[0].isdigit() for f in fields):
            raise LessonError(
                _(
                    "{where}.{language}: placeholders need a name, like {{sigma_5}}",
                    where=where,
                    language=language,
                )
            )
    return Text(tuple(table.items()))


def _numbers(value: Any, where: str) -> NumberCall:
    if not isinstance(value, dict):
        raise LessonError(_("{where}: must be {{'function': name, 'args': {{...}}}}", where=where))
    _unknown_keys(value, {"function", "args"}, f"{where}.")
    name, args = value.get("function"), value.get("args", {})
    _load_all()
    if name not in NUMBERS:
        raise LessonError(
            _("{where}.function: unknown number function {name!r}", where=where, name=name)
        )
    if not isinstance(args, dict):
        raise LessonError(
            _(
                "{where}.args: must be a dict of argument → value, not {args!r}",
                where=where,
                args=args,
            )
        )
    return NumberCall(name, args)


def _step(raw: Any, where: str, default: NumberCall) -> LessonStep:
    if not isinstance(raw, dict):
        raise LessonError(_("{where}: a step must be a dict, not {raw!r}", where=where, raw=raw))
    _unknown_keys(raw, STEP_KEYS, f"{where}.")
    stage = raw.get("stage")
    if stage not in STAGES:
        raise LessonError(
            _(
                "{where}.stage: unknown stage {stage!r}; choose one of {stages}",
                where=where,
                stage=stage,
                stages=STAGES,
            )
        )
    setup = raw.get("setup", [])
    if not isinstance(setup, list):
        raise LessonError(_("{where}.setup: must be a list of requests", where=where))
    for i, request in enumerate(setup):
        problems = check_request(request)
        if problems:
            key, message = problems[0]
            raise LessonError(
                _(
                    "{where}.setup[{i}]{key}: {message}",
                    where=where,
                    i=i,
                    key="." + key if key else "",
                    message=message,
                )
            )
    numbers = _numbers(raw["numbers"], f"{where}.numbers") if "numbers" in raw else default
    return LessonStep(
        _text(raw.get("title"), f"{where}.title"),
        _text(raw.get("narration"), f"{where}.narration"),
        stage,
        tuple(setup),
        numbers,
    )
