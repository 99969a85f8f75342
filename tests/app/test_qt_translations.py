"""The Qt side in 简体中文: the catalogue is complete and current, and the window switches whole.

resources/i18n/nnviz_zh_CN.ts is kept by ``make translations`` (pyside6-lupdate over every
app/**/*.py, then pyside6-lrelease into the .qm the app loads).
"""

from __future__ import annotations

import ast
import itertools
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from fnmatch import fnmatch
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app import i18n
from app.i18n import tr
from nnviz import commands as cmd
from tests.app.layout_check import clipped
from tests.app.translation_check import (
    chinese_left,
    english_left,
    english_words,
    menu_texts,
    shown_texts,
)

ROOT = Path(__file__).parents[2]
TS = ROOT / "resources" / "i18n" / "nnviz_zh_CN.ts"
QM = TS.with_suffix(".qm")
TOOLS = Path(sys.executable).parent  # pyside6-lupdate and pyside6-lrelease live with Python
# The same call as the Makefile's translations target.
LUPDATE_OPTIONS = ["-no-obsolete", "-locations", "none"]
LANGUAGE_OPTIONS = ["-source-language", "en", "-target-language", "zh_CN"]

_tokens = itertools.count(10**9)  # snapshot tokens of this test's own (a lesson's are small)
Key = tuple[str, str, str, bool]  # context, source, disambiguation, numerus


def _messages(path: Path) -> dict[Key, tuple[str | None, list[str]]]:
    """Every message of a .ts file: (translation type, its forms) by key."""
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            key = (name, m.findtext("source") or "", m.findtext("comment") or "",
                   m.get("numerus") == "yes")  # fmt: skip
            translation = m.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            out[key] = (translation.get("type"), forms)
    return out


@pytest.fixture(autouse=True)
def _english_afterwards():
    """The language is the process's: every test here leaves it English for the next ones."""
    yield
    i18n.Language().set("en", remember=False)


def _tool(name: str) -> str:
    path = TOOLS / name
    found = str(path) if path.exists() else shutil.which(name)
    assert found, f"{name} is missing: PySide6 ships it (pip install PySide6-Essentials)"
    return found


# ----- the catalogue ---------------------------------------------------------------------------
def test_every_message_has_a_chinese_translation():
    """No message is unfinished, vanished or empty (run make translations, then translate)."""
    messages = _messages(TS)
    assert len(messages) > 200
    bad = [
        key[1]
        for key, (kind, forms) in messages.items()
        if kind in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms)
    ]
    assert not bad, f"{len(bad)} messages without a Chinese translation: {bad}"


FIELD = re.compile(r"\{[a-z_]*\}")
TAG = re.compile(r"</?b>")


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&|nbsp;|lt;|gt;|amp;)", text.replace("&&", "")))


def test_translations_keep_fields_markup_and_mnemonics():
    """A translation fills the same {fields}, keeps <b> tags and its one &-key, and a leading
    space (' epochs' → ' 轮'): ``.format`` would fail or text would run together otherwise."""
    wrong = []
    for (_c, source, _d, _n), (_kind, forms) in _messages(TS).items():
        for text in forms:
            if sorted(set(FIELD.findall(source))) != sorted(set(FIELD.findall(text))):
                wrong.append(("fields", source, text))
            if TAG.findall(source) != TAG.findall(text):
                wrong.append(("<b>", source, text))
            if _mnemonics(source) != _mnemonics(text):
                wrong.append(("&", source, text))
            if source[:1].isspace() != text[:1].isspace():
                wrong.append(("leading space", source, text))
    assert not wrong, wrong


def test_lupdate_would_change_nothing(tmp_path):
    """The committed .ts holds exactly the strings the code marks (make translations is a no-op)."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))
    done = subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(copy), *LUPDATE_OPTIONS,
         *LANGUAGE_OPTIONS],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    before, after = _messages(TS), _messages(copy)
    new = sorted(k[1] for k in after.keys() - before.keys())
    gone = sorted(k[1] for k in before.keys() - after.keys())
    assert not new and not gone, f"run make translations: new {new}, gone {gone}"
    assert before == after


def test_the_compiled_catalogue_matches_the_ts(tmp_path):
    """The committed .qm translates every message of the .ts exactly as the .ts says."""
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.language() == "zh_CN"
    differ = []
    for (context, source, comment, numerus), (_kind, forms) in _messages(TS).items():
        got = translator.translate(context, source, comment or None, 1 if numerus else -1)
        if got != forms[0]:
            differ.append((source, got, forms[0]))
    assert not differ, f"run make translations (lrelease): {differ[:5]}"


def test_the_wheel_ships_the_compiled_catalogue():
    """pyproject's package data takes resources/i18n/*.qm into the wheel."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["resources"]
    shipped = QM.relative_to(ROOT / "resources").as_posix()
    assert any(fnmatch(shipped, p) or fnmatch(shipped, p.replace("**/", "")) for p in patterns)


def test_strings_are_marked_so_lupdate_sees_them_whole():
    """tr() and QT_TR_NOOP() take a plain literal (or a variable), never an f-string or a
    formatted string: lupdate would file the unfilled text and no translation would match."""
    bad = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id in ("tr", "QT_TR_NOOP") and node.args:
                first = node.args[0]
                formatted = (
                    isinstance(first, ast.Call) and getattr(first.func, "attr", "") == "format"
                )
                percent = isinstance(first, ast.BinOp) and isinstance(first.op, ast.Mod)
                if isinstance(first, ast.JoinedStr) or formatted or percent:
                    bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bad, bad


# ----- the machinery ---------------------------------------------------------------------------
def test_worded_texts_follow_a_switch_and_die_with_their_widget(qtbot):
    """worded() sets the text now and again after a switch; a deleted widget is dropped."""
    from PySide6.QtWidgets import QLabel

    language = i18n.Language()
    label, gone = QLabel(), QLabel()
    qtbot.addWidget(label)
    i18n.worded(label, "setText", lambda: tr("Learning rate"))
    i18n.worded(gone, "setText", lambda: tr("Batch size"))
    assert label.text() == "Learning rate"
    shiboken6.delete(gone)  # the C++ widget goes; the Python wrapper stays
    language.set("zh_CN", remember=False)
    assert label.text() == "学习率" and tr("Batch size") == "批大小"
    assert all(ref() is not gone for ref, _ in i18n._worded)
    language.set("en", remember=False)
    assert label.text() == "Learning rate"


def test_an_unknown_language_is_refused_and_changes_nothing():
    """One clear message naming the choices; the language stays what it was."""
    language = i18n.Language()
    with pytest.raises(ValueError, match="zh_CN"):
        language.set("xx")
    assert language.current == "en" and tr("Learning rate") == "Learning rate"


# ----- the whole window ------------------------------------------------------------------------
def _language_action(window, name: str) -> QAction:
    """View ▸ Language ▸ ``name``, found by walking the real menus (as a user would)."""
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if action.text() == name:
                return action
    raise AssertionError(f"no {name!r} in the menus")


def _everything(window, qtbot) -> list[tuple[str, str]]:
    """Every text of the window with each dock shown in turn, each stage, the menus, the
    start page and a lesson step (then the window is put back as it was)."""
    seen = [*shown_texts(window), *menu_texts(window.menuBar())]
    for panel in window.panels:
        window.show_dock(panel.key)
        qtbot.wait(20)
        seen += shown_texts(window)
    for stage in ("playground", "graph", "landscape", "experiments"):
        window.toggle_stage(stage)
        qtbot.wait(20)
        seen += shown_texts(window)
        window.toggle_stage(stage)
    window.show_start_page()
    page = window.lesson_wiring.start_page
    seen += shown_texts(page)
    page.reject()
    window.open_lesson("sigmoid")
    qtbot.waitUntil(lambda: not window.lessons.setting_up, timeout=20_000)
    seen += shown_texts(window)
    window.lessons.leave()
    token = next(_tokens)  # the lesson's end has reached the lab and come back
    window.send(cmd.RequestSnapshot(token))
    assert window.wait_for_snapshot(lambda s: s.token == token) is not None
    from app.menus import shortcuts_help

    seen.append(("F1 shortcuts", shortcuts_help()))
    return seen


def test_switching_to_chinese_rewords_at_once(window, qtbot):
    """View ▸ Language ▸ 简体中文: texts set once and texts drawn from data both change."""
    _language_action(window, "简体中文").trigger()
    assert window.language.current == "zh_CN"
    assert window.controls.play_button.text() == "▶ 开始"  # a worded text
    assert window.docks["curves"].windowTitle() == "训练曲线"
    assert "轮次" in window.status.numbers.text()  # numbers drawn from the last snapshot
    assert "训练损失" in window.curves.header.text()
    assert window.actions["open"].text() == "打开会话(&O)…"
    assert window.language.current == "zh_CN" and window.actions["language_zh_CN"].isChecked()


def test_the_whole_window_speaks_chinese(window, qtbot):
    """Every visible text in Chinese but formulas and names; the list says what is left."""
    _language_action(window, "简体中文").trigger()
    left = english_left(_everything(window, qtbot))
    assert not left, f"{len(left)} texts still in English:\n" + "\n".join(left)


def test_switching_back_restores_english(window, qtbot):
    """简体中文 and back to English: nothing Chinese is left anywhere."""
    _language_action(window, "简体中文").trigger()
    _everything(window, qtbot)  # every view re-worded once in Chinese
    _language_action(window, "English").trigger()
    assert window.language.current == "en"
    seen = _everything(window, qtbot)
    assert not chinese_left(seen), "\n".join(chinese_left(seen))
    assert window.controls.play_button.text() == "▶ Play"
    assert english_words(window.status.numbers.text())  # numbers in English again


@pytest.mark.parametrize(
    ("size", "stage", "presenting"),
    [
        ((1480, 900), None, False),
        ((1280, 720), None, True),
        ((1280, 720), "playground", True),
        ((1280, 720), "graph", True),
        ((1280, 720), "landscape", True),
    ],
    ids=["1480-everyday", "720-full", "720-playground", "720-graph", "720-landscape"],
)
def test_chinese_clips_nothing(window, qtbot, size, stage, presenting):
    """In 简体中文 too, the everyday window and presentation at a projector's size show every
    label, button and box whole (the lecture-stage layout check)."""
    _language_action(window, "简体中文").trigger()
    window.resize(*size)
    qtbot.wait(60)
    if presenting:
        window.toggle_presentation(True)
    if stage is not None:
        window.toggle_stage(stage)
    qtbot.wait(60)
    assert clipped(window) == []
    assert window.width() <= size[0] and window.height() <= size[1]
