"""Lesson figures: every word on them (titles, axes, legends, bars) follows the language."""

import re

from nnviz import text
from nnviz.lessons.figures import FIGURES

CJK = re.compile(r"[\u4e00-\u9fff]")
QUICK = ("sigmoid-vs-step", "log-loss-curve", "perceptron-mistakes", "shortcut")
KEPT = {"sigmoid", "MSE", "log"}  # names and formulas read the same in Chinese


def _words(fig: dict) -> list[str]:
    """Every text a figure shows: titles, axis labels, curve and bar names, bar labels."""
    parts = fig.get("panels") or [fig]
    out = [fig["title"]]
    for p in parts:
        out += [p["title"], p["x_label"], p["y_label"], *(c["name"] for c in p["curves"])]
        if "bars" in p:
            out += [*p["bars"]["labels"], *(s["name"] for s in p["bars"]["series"])]
    return out


def test_figure_words_come_out_in_chinese_and_back():
    """No English word left on the quick figures in Chinese; the same figures in English after."""
    english = {key: _words(FIGURES[key]()) for key in QUICK}
    assert text.set_language("zh_CN")
    for key in QUICK:
        words = _words(FIGURES[key]())
        left = [w for w in words if set(re.findall(r"[A-Za-z]{3,}", w)) - KEPT]
        assert not left, (key, left)
        assert any(CJK.search(w) for w in words)
    text.set_language("en")
    assert {key: _words(FIGURES[key]()) for key in QUICK} == english
