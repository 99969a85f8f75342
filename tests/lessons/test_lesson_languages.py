"""Every lesson speaks English and Simplified Chinese, with the same numbers in both."""

import json
import re
import string

import pytest

from nnviz.lessons.groups import GROUP_TITLES_ZH, GROUPS, group_title
from nnviz.lessons.lesson_file import lessons_dir, load_all_lessons
from nnviz.lessons.player import LessonPlayer

LESSONS = load_all_lessons()
CJK = re.compile(r"[\u4e00-\u9fff]")


def _raw(lesson_id: str) -> dict:
    return json.loads((lessons_dir() / f"{lesson_id}.json").read_text(encoding="utf-8"))


def _texts(raw: dict) -> list[tuple[str, object]]:
    """(path, value) for every translatable field of a raw lesson file."""
    out = [("title", raw["title"]), ("promise", raw["promise"])]
    for i, step in enumerate(raw["steps"]):
        out += [(f"steps[{i}].title", step["title"]), (f"steps[{i}].narration", step["narration"])]
    return out


def _placeholders(sentence: str) -> set[tuple[str, str, str | None]]:
    """Each placeholder as (name, format spec, conversion)."""
    parsed = string.Formatter().parse(sentence)
    return {(name, spec, conv) for _, name, spec, conv in parsed if name is not None}


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.id)
def test_every_text_field_has_english_and_chinese(lesson):
    """Title, promise and each step's title and narration hold en and zh_CN, both non-empty."""
    for where, value in _texts(_raw(lesson.id)):
        assert isinstance(value, dict), f"{lesson.id} {where}: not translated"
        assert value.get("en", "").strip(), f"{lesson.id} {where}: no English"
        assert CJK.search(value.get("zh_CN", "")), f"{lesson.id} {where}: no Chinese"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.id)
def test_chinese_keeps_the_same_placeholders_and_bold_marks(lesson):
    """Same placeholder names and format specs, and as many ** marks, as the English."""
    for where, value in _texts(_raw(lesson.id)):
        en, zh = value["en"], value["zh_CN"]
        assert _placeholders(zh) == _placeholders(en), f"{lesson.id} {where}"
        assert zh.count("**") == en.count("**"), f"{lesson.id} {where}"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.id)
def test_every_chinese_step_fills_from_its_numbers(lesson):
    """The player narrates every step in Chinese with the live numbers, no braces left."""
    player = LessonPlayer(lesson, "zh_CN")
    for k in range(player.count):
        text = player.narration(k)
        assert CJK.search(text) and "{" not in text, f"{lesson.id} step {k + 1}"
        assert CJK.search(player.title(k)), f"{lesson.id} step {k + 1}"
    assert CJK.search(lesson.title.get("zh_CN")) and CJK.search(lesson.promise.get("zh_CN"))


def test_english_is_still_the_default():
    """Without a language the player and the lesson speak English, as before."""
    for lesson in LESSONS:
        assert not CJK.search(lesson.title.get()), lesson.id
        assert not CJK.search(LessonPlayer(lesson).title(0)), lesson.id


def test_group_titles_exist_in_both_languages():
    """Every group has an English and a Chinese title; unknown languages fall back to English."""
    assert set(GROUP_TITLES_ZH) == set(GROUPS)
    for key, title in GROUPS.items():
        assert group_title(key) == group_title(key, "en") == title
        assert CJK.search(group_title(key, "zh_CN")), key
        assert group_title(key, "fr") == title
    assert {lesson.group for lesson in LESSONS} <= set(GROUPS)
    assert group_title("no-such-group", "zh_CN") == "no-such-group"
