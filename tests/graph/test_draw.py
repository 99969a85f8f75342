"""The graph picture's words: every one the user reads follows the core's language."""

import re

import pytest

from nnviz import text
from nnviz.graph.draw import op_picture
from nnviz.graph.explainer import Explainer
from nnviz.graph.parser import FormulaError, parse
from nnviz.graph.stepper import Stepper

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese():
    """The core speaks Chinese for one test (the autouse fixture puts English back)."""
    assert text.set_language("zh_CN")


def _backward_at_a(e: Explainer):
    """The CS188 walk at node a's backward step (upstream × local down to w1)."""
    e.load_example("cs188")
    a = e.graph.node("a").id
    e.step("run_forward")
    while e.stepper.current.node != a or e.stepper.phase != "backward":
        e.step("forward")
    return e.picture()


def test_the_backward_caption_and_its_chain_rule_in_chinese(chinese):
    """'Backward:' and 'to w1:' are words too; the numbers and names stay as they are."""
    caption = _backward_at_a(Explainer()).caption
    assert CJK.search(caption.split("∂g/∂a")[0])  # the caption's first word
    assert "Backward" not in caption and "to w1" not in caption
    assert "∂g/∂a = 3" in caption and "w1" in caption and "3 · 32 = 96" in caption
    text.set_language("en")
    assert _backward_at_a(Explainer()).caption.startswith("Backward: ∂g/∂a = 3")


def test_tooltips_memo_header_and_boxes_in_chinese(chinese):
    """A leaf is a variable, an op an operation; the memo table's header and a long op's box."""
    graph = parse("w1*w2 + exp(w1)", {"w1": 1.0, "w2": 2.0})
    stepper = Stepper(graph)
    stepper.run_forward()
    stepper.run_backward()
    pic = op_picture(stepper, "f")
    tips = [n.tooltip.splitlines()[0] for n in pic.nodes]
    assert not any("variable" in t or "(op)" in t for t in tips)
    assert all(CJK.search(t) for t in tips)
    assert pic.memo_header[2] == "∂out/∂node" and all(CJK.search(h) for h in pic.memo_header[:2])
    text.set_language("en")
    english = op_picture(stepper, "f")
    assert english.nodes[0].tooltip.startswith("w1  (variable)")
    assert english.memo_header == ("node", "value", "∂out/∂node")


def test_a_refused_formula_names_the_construct_in_chinese(chinese):
    """'a list' and the function list are said in Chinese; the formula's own text is kept."""
    with pytest.raises(FormulaError) as refused:
        parse("[w1, w2]")
    assert CJK.search(str(refused.value)) and "a list" not in str(refused.value)
    with pytest.raises(FormulaError) as called:
        parse("w1.exp()")
    assert "can be called" not in str(called.value) and "sin, cos" in str(called.value)
