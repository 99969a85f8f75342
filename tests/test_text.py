"""Tests for the pure core's text catalogue."""

import gettext

from nnviz import text
from nnviz.text import _, n_


class _Table(gettext.NullTranslations):
    """A catalogue held in a dict (what a compiled .mo file gives gettext)."""

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__()
        self.table = table

    def gettext(self, message: str) -> str:
        return self.table.get(message, message)


def test_english_fills_the_named_fields():
    """Without a catalogue the template is English, its fields filled in."""
    text.set_language("en")
    assert _("diverged at epoch {epoch}", epoch=7) == "diverged at epoch 7"
    assert n_("{n} point", "{n} points", 1) == "1 point"
    assert n_("{n} point", "{n} points", 3) == "3 points"


def test_a_missing_language_falls_back_to_english():
    """Asking for a language with no catalogue says so and keeps English."""
    assert text.set_language("xx_XX") is False
    assert text.language() == "en" and _("Reset") == "Reset"


def test_a_catalogue_translates_the_template_before_the_fields(monkeypatch):
    """A translation changes the words; the numbers are filled in after the lookup."""
    catalogue = _Table({"epoch {n}": "第 {n} 轮"})
    monkeypatch.setattr(text, "_catalogue", catalogue)
    assert _("epoch {n}", n=3) == "第 3 轮"
    assert _("untranslated") == "untranslated"
    text.set_language("en")
