"""The Chinese catalogue of the core's sentences: complete, faithful, compiled, and used."""

import gettext
import importlib.util
import io
import re
import string
import sys
from pathlib import Path

import pytest

from nnviz import commands as cmd
from nnviz import text
from nnviz.graph.explainer import Explainer
from nnviz.graph.requests import ShowFormula
from nnviz.landscape.narrate import narrate_step
from nnviz.landscape.race import Racer
from nnviz.landscape.surfaces import get_surface
from nnviz.session import SessionError, from_json_dict
from tests.factories import make_lab

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")
KEPT_AS_IS = {"{scale:g}× Xavier"}  # a number and a name: the same in Chinese


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


compile_messages = _tool("compile_messages")
update_messages = _tool("update_messages")
PO = ROOT / "resources/i18n/zh_CN/LC_MESSAGES/nnviz.po"
TEMPLATES = [e for e in compile_messages.parse((ROOT / update_messages.POT).read_text("utf-8"))]
CATALOGUE = {e.msgid: e for e in compile_messages.parse(PO.read_text("utf-8")) if not e.obsolete}


@pytest.fixture
def chinese():
    """The core speaks Chinese for one test, and English again afterwards whatever happens."""
    assert text.set_language("zh_CN"), "resources/i18n/zh_CN/LC_MESSAGES/nnviz.mo is missing"
    yield
    text.set_language("en")


def _fields(template: str) -> list[tuple[str, str, str]]:
    """Each ``{name!conversion:spec}`` of a template, sorted (parsing also checks the braces)."""
    parsed = string.Formatter().parse(template)
    return sorted((f, c or "", s or "") for _t, f, s, c in parsed if f is not None)


def test_every_template_has_a_finished_chinese_translation():
    """No template of the .pot is missing, empty or fuzzy (a guess) in zh_CN."""
    wanted = [e.msgid for e in TEMPLATES if e.msgid]
    unfinished = [m for m in wanted if m not in CATALOGUE or not CATALOGUE[m].finished]
    assert len(wanted) > 600 and not unfinished, unfinished[:10]
    copied = [m for m in wanted if m in CATALOGUE[m].msgstr and m not in KEPT_AS_IS]
    assert not copied, copied  # the English pasted in is not a translation


def test_a_translation_keeps_the_fields_lines_and_markup():
    """Same ``{fields}`` (names, !r and :.3g), line breaks and HTML tags as the English.

    So ``.format`` with the English template's fields never raises, and a tooltip keeps its lines.
    """
    problems = []
    for msgid in (e.msgid for e in TEMPLATES if e.msgid):
        for translated in CATALOGUE[msgid].msgstr:
            if (
                _fields(translated) != _fields(msgid)
                or translated.count("\n") != msgid.count("\n")
                or sorted(re.findall(r"</?\w+", translated)) != sorted(re.findall(r"</?\w+", msgid))
            ):
                problems.append(f"{msgid!r} → {translated!r}")
    assert not problems, "\n".join(problems)


def test_the_committed_mo_is_the_compiled_po():
    """resources/…/nnviz.mo is exactly what tools/compile_messages.py makes of the .po."""
    assert PO.with_suffix(".mo").read_bytes() == compile_messages.compile_po(PO.read_text("utf-8"))


def test_merging_the_committed_template_changes_nothing():
    """The .po is merged with the current .pot: `make translations` would leave it as it is."""
    old = compile_messages.parse(PO.read_text("utf-8"))
    merged = update_messages.merge(TEMPLATES, old)
    assert update_messages.render(merged) == PO.read_text("utf-8")


def test_core_sentences_come_out_in_chinese_and_back_in_english(chinese):
    """A lab message, an engine's narration and a session refusal, in Chinese, then English."""

    def said() -> list[str]:
        lab = make_lab()
        lab.apply(cmd.Reset())
        racer = Racer("sgd", get_surface("himmelblau").loss_and_grad, (0.5, -0.5), lr=0.01)
        explainer = Explainer()
        with pytest.raises(SessionError) as refused:
            from_json_dict({"format": "nnviz-session", "version": 99}, "lecture.nnviz")
        return [
            lab.message,
            narrate_step(racer)[0],
            explainer.apply(ShowFormula("w1*x1 + w2")),
            str(refused.value),
        ]

    zh = said()
    assert zh[0] == "已重置：参数已重新随机初始化。"
    assert zh[1].startswith("小球位于 (") and zh[1].endswith("。")
    assert zh[2].startswith("叶节点的初始值为 1")
    assert zh[3] == "lecture.nnviz 由更新版本的 nnviz（版本 99）保存；请升级 nnviz 后再打开"
    text.set_language("en")
    en = said()
    assert en[0] == "Reset: the parameters were re-randomised."
    assert en[1].startswith("The ball sits at (") and en[2].startswith("Leaves start at 1")
    assert not any(CJK.search(s) for s in en)


def test_the_lab_switches_language_on_command():
    """SetLanguage (what the bridge sends) words the lab's messages; a bad one changes nothing."""
    lab = make_lab()
    try:
        lab.apply(cmd.SetLanguage("zh_CN"))
        assert text.language() == "zh_CN"
        with pytest.raises(ValueError, match="语言必须是"):
            lab.apply(cmd.SetLanguage(7))  # type: ignore[arg-type]
        assert text.language() == "zh_CN"
        lab.apply(cmd.StepEpoch())
        lab.apply(cmd.StepBack())
        assert lab.message == "已退回到第 0 轮第 0 步。"
        lab.apply(cmd.SetLanguage("en"))
        lab.apply(cmd.StepEpoch())
        lab.apply(cmd.StepBack())
        assert lab.message == "Stepped back to epoch 0, step 0."
    finally:
        text.set_language("en")


SAMPLE_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

#, python-brace-format
msgid "{n} point"
msgid_plural "{n} points"
msgstr[0] "{n} 个点"

msgid "Reset"
msgstr "重置"

#, fuzzy
msgid "Pause"
msgstr "暂停"

msgid "Play"
msgstr ""

msgid "say \\"hi\\"\\n\\tthere"
msgstr "说 \\"你好\\"\\n\\t那里"
"""


def test_the_compiler_writes_what_gettext_reads():
    """Plural forms, escapes; fuzzy and untranslated entries are left to English."""
    catalogue = gettext.GNUTranslations(io.BytesIO(compile_messages.compile_po(SAMPLE_PO)))
    assert catalogue.ngettext("{n} point", "{n} points", 1) == "{n} 个点"
    assert catalogue.ngettext("{n} point", "{n} points", 5) == "{n} 个点"
    assert catalogue.gettext("Reset") == "重置"
    assert catalogue.gettext("Pause") == "Pause" and catalogue.gettext("Play") == "Play"
    assert catalogue.gettext('say "hi"\n\tthere') == '说 "你好"\n\t那里'


def test_the_compiler_refuses_a_catalogue_that_is_not_utf8():
    """Only UTF-8 catalogues: anything else would turn into the wrong characters."""
    latin = SAMPLE_PO.replace("charset=UTF-8", "charset=ISO-8859-1")
    with pytest.raises(ValueError, match="UTF-8"):
        compile_messages.compile_po(latin)


def test_a_merge_keeps_translations_and_marks_what_is_new_or_gone():
    """New: empty (or a fuzzy guess from a near twin); removed: kept obsolete; run twice: same."""
    old = compile_messages.parse(SAMPLE_PO)
    template = compile_messages.parse(
        'msgid ""\nmsgstr ""\n\n'
        'msgid "{n} point"\nmsgid_plural "{n} points"\nmsgstr[0] ""\nmsgstr[1] ""\n\n'
        'msgid "Reset the network"\nmsgstr ""\n\n'
        'msgid "Reset!"\nmsgstr ""\n\n'
        'msgid "Step back"\nmsgstr ""\n'
    )
    merged = update_messages.merge(template, old)
    by_id = {e.msgid: e for e in merged}
    assert by_id["{n} point"].msgstr == ["{n} 个点"]  # one form: Chinese has one
    assert by_id["Step back"].msgstr == [""] and not by_id["Step back"].fuzzy
    assert by_id["Reset!"].fuzzy and by_id["Reset!"].msgstr == ["重置"]
    assert by_id["Reset!"].previous == "Reset"
    assert by_id["Reset the network"].msgstr == [""]
    assert by_id["Reset"].obsolete and by_id['say "hi"\n\tthere'].obsolete
    assert "Play" not in by_id  # never translated: nothing to keep
    again = update_messages.merge(template, compile_messages.parse(update_messages.render(merged)))
    assert update_messages.render(again) == update_messages.render(merged)
    assert b"Reset!" not in compile_messages.compile_po(update_messages.render(merged))


def test_the_chinese_readme_points_at_what_exists():
    """README.zh-CN.md: its links and pictures exist, the two commands, the fonts, its keys."""
    readme = (ROOT / "README.zh-CN.md").read_text("utf-8")
    english = (ROOT / "README.md").read_text("utf-8")
    links = re.findall(r"\]\(([^)#]+)\)", readme)
    assert "README.md" in links and any(link.startswith("docs/zh_") for link in links)
    assert all((ROOT / link).exists() for link in links), links
    quick = readme.split("## 快速开始", 1)[1].split("```", 2)[1]
    assert [line.split()[:2] for line in quick.strip().splitlines()] == [
        ["make", "run"],
        ["make", "test"],
    ]
    assert all(s in readme for s in ("fonts-wqy-microhei", "fonts-noto-cjk", "--lang zh_CN"))
    assert "(README.zh-CN.md)" in english.split("\n## ", 1)[0]  # linked from the top

    def keys(text: str) -> set[str]:
        """The keys in the first column of a shortcut table ("F6 / F7 / F8": three)."""
        table = text.split(" shortcuts\n" if text is english else "## 键盘快捷键", 1)[1]
        rows = re.findall(r"^\| ([^|]+) \|", table.split("\n## ", 1)[0], re.M)[1:]
        return {k.strip("*") for row in rows for k in row.split(" / ")}

    assert len(keys(readme)) > 15 and keys(readme) <= keys(english), keys(readme) - keys(english)
