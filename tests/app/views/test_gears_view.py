"""Gears view and controller: the product shown is the graph's derivative; turning; bad x."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from app.application import make_application
from app.gears_controller import GearsController
from app.views.gears_view import GearsView
from nnviz.graph import parse


@pytest.fixture
def pair(qtbot):
    """A shown gears view on sin(log x) at x = 2 with its controller."""
    make_application()
    view = GearsView()
    qtbot.addWidget(view)
    controller = GearsController(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    return view, controller


def derivative(formula: str, x: float) -> float:
    """d formula/dx by the graph engine's own backward pass."""
    graph = parse(formula, {"x": x})
    graph.forward()
    return graph.backward()["x"]


def test_shown_product_equals_the_graph_engines_derivative(pair, qtbot):
    """Typing x = 2.5 shows g′·f′ and a product equal to backprop through sin(log(x))."""
    view, _ = pair
    view.x_box.selectAll()
    qtbot.keyClicks(view.x_box, "2.5")
    qtbot.keyClick(view.x_box, Qt.Key.Key_Return)
    expected = derivative("sin(log(x))", 2.5)
    assert view.numbers["product"] == pytest.approx(expected, rel=1e-12)
    assert f"= <b>{expected:.4f}</b>" in view.readout.text()
    assert view.numbers["g_slope"] == pytest.approx(1 / 2.5)


def test_choosing_log_sin_redraws_with_its_slopes(pair, qtbot):
    """The chooser switches to log(sin x); the product is that formula's derivative."""
    view, controller = pair
    view.formula_box.setCurrentIndex(view.formula_box.findData("log,sin"))
    assert (controller.gears.outer, controller.gears.inner) == ("log", "sin")
    x = controller.gears.x
    assert view.numbers["product"] == pytest.approx(derivative("log(sin(x))", x), rel=1e-12)


def test_arrow_keys_turn_every_gear_by_its_ratio(pair, qtbot):
    """→ turns the input gear; the middle and output gears turn by g′ and g′·f′ times as much."""
    view, controller = pair
    view.setFocus()
    for _ in range(6):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    turn = math.radians(30)
    assert controller.turned == pytest.approx(turn)
    g = controller.gears
    rotations = [gear.rotation() for gear in view.gears]
    assert rotations == pytest.approx([30, math.degrees(g.ratios[0] * turn),
                                       math.degrees(g.product * turn)])  # fmt: skip
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert controller.turned == pytest.approx(math.radians(25))


def test_undefined_or_bad_x_is_refused_and_nothing_changes(pair, qtbot):
    """x = −1 (log undefined) or text: one message, the gears and x box unchanged."""
    view, controller = pair
    before = dict(view.numbers)
    for bad in ("-1", "pear", "1e400"):
        view.x_box.selectAll()
        qtbot.keyClicks(view.x_box, bad)
        qtbot.keyClick(view.x_box, Qt.Key.Key_Return)
        assert view.status.text().strip() != ""
        assert view.numbers == before and view.x_box.text() == "2"


def test_gear_sizes_follow_the_turn_ratios(pair):
    """A driven gear is 1/|ratio| as big as its driver (sin(log 2): the middle one is twice x's)."""
    view, controller = pair
    r0, r1, r2 = (gear.radius for gear in view.gears)
    assert r1 / r0 == pytest.approx(1 / abs(controller.gears.ratios[0]))
    assert r2 / r1 == pytest.approx(1 / abs(controller.gears.ratios[1]))


def test_presentation_type_is_large_and_export_writes(pair, tmp_path):
    """Presentation: labels at least 20 px tall, nothing needs more than 1280×720; PNG and SVG."""
    view, _ = pair
    view.set_presentation(True)
    assert all(t.textItem.font().pixelSize() >= 20 for t in (*view.names, *view.ratios))
    assert view.readout.font().pixelSize() >= 20 and view.turns.font().pixelSize() >= 20
    hint = view.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720
    for suffix in ("png", "svg"):
        path = tmp_path / f"gears.{suffix}"
        view.export_image(str(path))
        assert path.stat().st_size > 1000


def test_a_language_switch_rewords_the_gears(pair, qtbot):
    """How far each gear turned and the turn ratios, in Chinese and back; the numbers stay."""
    from tests.app.language import chinese, zh

    view, controller = pair
    qtbot.keyClick(view, Qt.Key.Key_Right)
    english = (view.turns.text(), view.ratios[0].toPlainText())
    with chinese():
        words = zh("x turned {x}°  →  g turned {g}°  →  f turned {f}°")
        qtbot.waitUntil(lambda: view.turns.text().startswith(words.split("{x}")[0]))
        assert view.turns.text() == words.format(x="+5.0", g="+2.5", f="+1.9")
        assert view.ratios[0].toPlainText() == zh("ratio {slope}\n= {value}").format(
            slope="g′(x)", value="0.5000"
        )
        assert view.slider.toolTip() == zh("Turn the input gear (or drag it, or press ← →)")
    qtbot.waitUntil(lambda: view.turns.text() == english[0])
    assert view.ratios[0].toPlainText() == english[1]
