"""Network view: edges follow the numbers, every bias shows, live hover, inline edits, export."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontInfo, QImage
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem

from app import i18n
from app.i18n import tr
from app.views.network_items import BiasItem, EdgeItem, NodeItem
from app.views.network_view import NetworkView
from nnviz.engine.mlp import MLP
from nnviz.engine.spec import NetworkSpec
from nnviz.network import image_graph as ig
from nnviz.network import text as net_text
from nnviz.palette import HIGHLIGHT
from tests.app.views.network_helpers import (
    click_point,
    hover,
    one_d_snapshot,
    pen_rgb,
    shown_view,
    synthetic,
    viewport_pos,
)
from tests.factories import make_snapshot


@pytest.fixture(scope="module")
def base():
    """One real snapshot of the default 2-4-2-1 network (shared: building it trains)."""
    return make_snapshot(epochs=1)


def test_edge_pens_follow_weight_sign_and_magnitude(qtbot, base):
    """Positive weights draw blue, negative orange; a larger |w| draws a wider pen."""
    view = shown_view(qtbot, synthetic(base))
    pos, neg, small = view.edges[(1, 0, 0)], view.edges[(1, 1, 1)], view.edges[(1, 1, 0)]
    r, _g, b = pen_rgb(pos)
    assert b > r + 20  # W1[0, 0] = 0.5 of a 4 scale: pale, but blue-ish
    r, _g, b = pen_rgb(view.edges[(1, 0, 1)])
    assert r > b + 60  # W1[0, 1] = −2: orange-ish
    assert neg.pen().widthF() > pos.pen().widthF() > small.pen().widthF()  # |4| > |0.5| > |−0.25|
    assert len(view.edges) == 2 * 4 + 4 * 2 + 2 * 1


def test_gradient_mode_button_uses_the_gradients(qtbot, base):
    """Clicking 'gradient' recolours edges by ∂L/∂w (here −w, so the colours flip)."""
    view = shown_view(qtbot, synthetic(base))
    qtbot.mouseClick(view.bar.mode_buttons["gradient"], Qt.MouseButton.LeftButton)
    assert view.edge_mode == "gradient"
    r, _g, b = pen_rgb(view.edges[(1, 0, 0)])
    assert r > b + 20  # grad = −0.5
    assert "gradient" in view.legend.text()
    view.set_edge_mode("update")
    assert view.bar.mode_buttons["update"].isChecked()
    assert pen_rgb(view.edges[(1, 0, 0)])[2] > pen_rgb(view.edges[(1, 0, 0)])[0]


def test_every_bias_has_a_square_including_the_output(qtbot, base):
    """One bias square per hidden and output neuron, coloured by sign; none without bias."""
    view = shown_view(qtbot, synthetic(base))
    assert set(view.biases) == {(1, j) for j in range(4)} | {(2, 0), (2, 1), (3, 0)}
    out = view.biases[(3, 0)].brush().color()
    assert out.red() > out.blue()  # b3 = −0.9: orange
    nobias = make_snapshot(NetworkSpec(bias=False))
    view.show_snapshot(dataclasses.replace(nobias, seq=99))
    assert view.biases == {} and not any(isinstance(i, BiasItem) for i in view.scene.items())


def test_hovering_a_node_emits_and_shows_the_live_formula(qtbot, base):
    """A real mouse move onto a neuron emits (layer, index) and shows its formula; it updates."""
    view = shown_view(qtbot, synthetic(base))
    node = view.nodes[(1, 1)]
    with qtbot.waitSignal(view.neuron_hovered) as hovered:
        hover(qtbot, view, viewport_pos(view, node))
    assert hovered.args == [(1, 1)]
    card = view.hover_text()
    assert "h1[2] = tanh(−2·X₁ + 4·X₂ − 0.2)" in card and "activation: tanh" in card
    view.show_snapshot(synthetic(base, seq=2, scale=0.5))  # training goes on under the mouse
    assert "h1[2] = tanh(−1·X₁ + 2·X₂ − 0.1)" in view.hover_text()
    with qtbot.waitSignal(view.neuron_hovered) as left:
        qtbot.mouseMove(view.canvas.viewport(), view.canvas.viewport().rect().topLeft())
    assert left.args == [None] and view.hover_text() == ""


def test_hovering_an_edge_and_a_bias_shows_their_values(qtbot, base):
    """Edges describe w, ∂L/∂w and Δw; bias squares their value and gradient."""
    view = shown_view(qtbot, synthetic(base))
    hover(qtbot, view, click_point(view, view.edges[(3, 1, 0)]))
    assert "weight W3[2,1] (h2[2] → ŷ) = -0.7" in view.hover_text()
    hover(qtbot, view, viewport_pos(view, view.biases[(3, 0)]))
    card = view.hover_text()
    assert card.startswith("bias b3[1] of ŷ = -0.9") and "∂L/∂b = 0.9" in card


def test_clicking_an_edge_edits_its_weight(qtbot, base):
    """Click an edge → editor prefilled with w; typing 0.5 + Enter emits (index, (i, j), 0.5)."""
    snap = synthetic(base)
    view = shown_view(qtbot, snap)
    pos = click_point(view, view.edges[(2, 2, 1)])
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert view.editor.isVisible() and view.editor.text() == "2"
    # the card says what is being edited
    assert "new weight W2[3,2] (h1[3] → h2[2])" in view.hover_text()
    view.show_snapshot(synthetic(base, seq=2, scale=0.5))  # training goes on meanwhile
    assert view.editor.text() == "2" and "Enter applies" in view.hover_text()
    view.editor.clear()
    qtbot.keyClicks(view.editor, "0.5")
    with qtbot.waitSignal(view.param_changed) as changed:
        qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert changed.args == [snap.param_index(1), (2, 1), 0.5]
    assert not view.editor.isVisible() and view.hover_text() == ""


def test_clicking_a_bias_edits_it(qtbot, base):
    """The output bias is editable too: its param index and (j,) come back."""
    snap = synthetic(base)
    view = shown_view(qtbot, snap)
    pos = viewport_pos(view, view.biases[(3, 0)])
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    view.editor.setText("−1.25")  # the minus sign our own formulas print
    with qtbot.waitSignal(view.param_changed) as changed:
        qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert changed.args == [snap.param_index(2, True), (0,), -1.25]


def test_invalid_entry_says_so_and_emits_nothing_and_escape_cancels(qtbot, base):
    """'abc' → one message, no param_changed, editor stays; Escape closes it."""
    view = shown_view(qtbot, synthetic(base))
    pos = click_point(view, view.edges[(1, 0, 0)])
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    view.editor.clear()
    qtbot.keyClicks(view.editor, "abc")
    changes, messages = [], []
    view.param_changed.connect(lambda *a: changes.append(a))
    view.message.connect(messages.append)
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert changes == [] and len(messages) == 1 and "not a finite number" in messages[0]
    assert view.editor.isVisible()
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    assert not view.editor.isVisible() and changes == []


def test_clicking_a_node_emits_neuron_clicked(qtbot, base):
    """A click on a neuron asks to trace it."""
    view = shown_view(qtbot, synthetic(base))
    with qtbot.waitSignal(view.neuron_clicked) as clicked:
        pos = viewport_pos(view, view.nodes[(2, 0)])
        qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert clicked.args == [(2, 0)] and not view.editor.isVisible()


def test_set_highlight_marks_the_right_items(qtbot, base):
    """Highlighted nodes get a crimson frame and glow, highlighted edges a crimson pen."""
    view = shown_view(qtbot, synthetic(base))
    view.set_highlight({(1, 2)}, {(2, 2, 1)})
    assert view.nodes[(1, 2)].highlighted and view.nodes[(1, 2)].halo.isVisible()
    assert pen_rgb(view.nodes[(1, 2)]) == HIGHLIGHT and pen_rgb(view.edges[(2, 2, 1)]) == HIGHLIGHT
    assert not view.nodes[(1, 1)].highlighted and pen_rgb(view.edges[(2, 2, 0)]) != HIGHLIGHT
    view.show_snapshot(synthetic(base, seq=2))  # survives new snapshots
    assert pen_rgb(view.edges[(2, 2, 1)]) == HIGHLIGHT
    view.set_highlight(set(), set())
    assert not view.nodes[(1, 2)].highlighted and pen_rgb(view.edges[(2, 2, 1)]) != HIGHLIGHT


def test_stale_snapshots_are_ignored_and_items_are_reused(qtbot, base):
    """An older seq changes nothing; a newer one with the same spec keeps the same items."""
    view = shown_view(qtbot, synthetic(base, seq=5))
    edge = view.edges[(1, 0, 0)]
    before = pen_rgb(edge)
    view.show_snapshot(synthetic(base, seq=4, scale=-1.0))
    assert view.snap.seq == 5 and pen_rgb(edge) == before
    view.show_snapshot(synthetic(base, seq=6, scale=-1.0))
    assert view.edges[(1, 0, 0)] is edge and pen_rgb(edge) != before


def test_thumbnails_follow_the_grids_with_y_up(qtbot, base):
    """A neuron's picture is its grid flipped for Qt: the grid's top row is the image's top."""
    grids = list(base.neuron_grids)
    r = grids[0].shape[-1]
    x2 = np.tile(np.linspace(-1, 1, r)[:, None], (1, r))  # grows with the row: y up
    grids[0] = np.stack([x2, x2])
    view = shown_view(qtbot, dataclasses.replace(base, seq=3, neuron_grids=tuple(grids)))
    image = view.nodes[(0, 0)].pixmap.pixmap().toImage()
    top, bottom = image.pixelColor(24, 2), image.pixelColor(24, image.height() - 3)
    assert top.blue() > top.red() and bottom.red() > bottom.blue()  # high y blue, at the top


def test_one_d_data_draws_curves_and_nan_does_not_crash(qtbot):
    """1-D grids become small line plots; NaN weights and grids draw as neutral, no error."""
    snap = one_d_snapshot()
    view = shown_view(qtbot, snap)
    assert {k for k in view.nodes} == {(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 0)}
    assert view.labels[("input", 1)].text() == "x²"
    nan_params = tuple(np.full_like(p, np.nan) for p in snap.params)
    nan_grids = tuple(np.full_like(g, np.nan) for g in snap.neuron_grids)
    view.show_snapshot(dataclasses.replace(snap, seq=9, params=nan_params, neuron_grids=nan_grids))
    assert pen_rgb(view.edges[(1, 0, 0)]) == (232, 234, 235)


def test_export_png_and_svg(qtbot, base, tmp_path):
    """export_image writes a real PNG, and an SVG of the scene."""
    view = shown_view(qtbot, synthetic(base))
    view.export_image(str(tmp_path / "net.png"))
    image = QImage(str(tmp_path / "net.png"))
    assert not image.isNull() and image.width() > 300
    view.export_image(str(tmp_path / "net.svg"))
    assert "<svg" in (tmp_path / "net.svg").read_text()


def test_presentation_mode_enlarges_the_labels(qtbot, base):
    """Captions and input names grow 1.6× with the app font presentation mode enlarges (the
    view follows that font rather than multiplying it again), and the graph survives."""
    view = shown_view(qtbot, synthetic(base))
    small = view.labels[("input", 0)].pixel_width()
    app = QApplication.instance()
    normal = QFont(app.font())
    big = QFont(normal)
    big.setPixelSize(round(1.6 * QFontInfo(normal).pixelSize()))
    app.setFont(big)
    try:
        view.set_presentation(True)
        assert view.labels[("input", 0)].pixel_width() > 1.4 * small
    finally:
        app.setFont(normal)
    assert isinstance(view.nodes[(3, 0)], NodeItem) and isinstance(view.edges[(3, 0, 0)], EdgeItem)


def test_identity_network_legend_shows_its_collapsed_matrix(qtbot):
    """A 2-4-4-1 identity net without bias: the legend's matrix is W1·W2·W3 of the snapshot."""
    snap = make_snapshot(NetworkSpec(hidden=(4, 4), activation="identity", bias=False), epochs=1)
    view = shown_view(qtbot, snap)
    product = snap.weights[0] @ snap.weights[1] @ snap.weights[2]
    text = view.legend.text()
    assert "This 2-4-4-1 identity network is one 2×1 matrix" in text
    numbers = ", ".join(f"[{v:.4g}]".replace("-", "−") for v in product[:, 0])
    assert f"z = x·[{numbers}]" in text
    assert snap.collapse.max_difference <= 1e-12
    tanh = shown_view(qtbot, make_snapshot(NetworkSpec(hidden=(3,), activation="tanh")))
    assert "identity network" not in tanh.legend.text()


# ----- language -----------------------------------------------------------------------------
def _captions(view) -> dict[int, list[str]]:
    return {
        k: label.text().split("\n") for (kind, k), label in view.labels.items() if kind == "caption"
    }


def _words(base) -> tuple:
    """What the view should say now (read from the catalogues, never typed)."""
    spec = base.spec
    inputs = [net_text.layer_caption(spec, 0), tr("{n} features").format(n=len(spec.features))]
    hidden = net_text.layer_caption(spec, 1).split(" · ", 1)
    legend = net_text.legend_html("weight", net_text.edge_values(base, "weight")[1])
    return inputs, hidden, legend


def test_a_language_switch_rewords_captions_legend_and_note_at_once(qtbot, base):
    """简体中文: the drawn snapshot's captions and legend change at once (reword, no new
    snapshot), to the catalogue's words; English again: every word is back."""
    view = shown_view(qtbot, base)
    english = _words(base)
    assert _captions(view)[0] == english[0] == ["Input", "2 features"]
    note = view.note.text()
    i18n.Language().set("zh_CN", remember=False)
    try:
        chinese = _words(base)
        assert chinese[0] != english[0] and chinese[1] != english[1] and chinese[2] != english[2]
        assert _captions(view)[0] == english[0]  # the snapshot drawn is not drawn again …
        view.show_snapshot(base)
        assert _captions(view)[0] == english[0]
        view.reword()  # … until the window asks the view to re-word itself
        assert _captions(view)[0] == chinese[0] and _captions(view)[1] == chinese[1]
        assert view.legend.text().startswith(chinese[2])
        assert view.note.text() == tr(note) != note  # worded: already switched
    finally:
        i18n.Language().set("en", remember=False)
    view.reword()
    assert _captions(view)[0] == english[0] and _captions(view)[1] == english[1]
    assert view.legend.text().startswith(english[2]) and view.note.text() == note


def test_the_digit_network_and_the_waiting_note_reword_too(qtbot):
    """The digit network's column captions and legend, and 'Waiting for the network…' with
    nothing drawn yet, follow a switch and come back."""
    view = shown_view(qtbot)
    waiting = [i.text() for i in view.scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
    graph = ig.image_graph(MLP([16, 5, 10], "tanh", "softmax"), 4)
    digits = NetworkView()
    qtbot.addWidget(digits)
    digits.resize(700, 500)
    digits.show()
    digits.show_image_graph(graph)
    english = [c.text() for c in digits._image.captions]
    assert english[0] == "\n".join(ig.caption(graph, 0))
    i18n.Language().set("zh_CN", remember=False)
    try:
        view.reword()
        digits.reword()
        now = [i.text() for i in view.scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
        assert now == [tr(waiting[0])] != waiting
        chinese = ["\n".join(ig.caption(graph, layer)) for layer in range(3)]
        assert [c.text() for c in digits._image.captions] == chinese != english
        assert digits.legend.text() == ig.legend_text(graph)
    finally:
        i18n.Language().set("en", remember=False)
    digits.reword()
    assert [c.text() for c in digits._image.captions] == english
    assert digits.legend.text() == ig.legend_text(graph)
