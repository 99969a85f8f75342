"""Tests for the computation-graph view, fed synthetic pictures."""

from PySide6.QtCore import Qt

from app.views.graph_items import NodeItem
from app.views.graph_view import GraphView
from nnviz.graph.picture import EdgePicture, GraphPicture, NodePicture
from tests.app.shown import shown


def _picture(step=1, current=1, grad=None):
    nodes = (
        NodePicture(0, "w1", 0, 0, "leaf", 2.0, grad, "done"),
        NodePicture(
            1,
            "**4",
            200,
            0,
            "op",
            16.0 if step else None,
            None,
            "current" if current == 1 else "pending",
        ),
    )
    edges = (EdgePicture(0, 1, 32.0 if grad else None, 96.0 if grad else None, grad is not None),)
    return GraphPicture(
        nodes,
        edges,
        caption=f"step {step}",
        phase="forward",
        step_index=step,
        step_count=4,
        memo=(("a", "16", "·"),),
        title="demo",
    )


def test_draws_nodes_edges_caption_and_memo(qtbot):
    """A picture becomes node items, an edge, the caption and memo rows."""
    view = GraphView()
    qtbot.addWidget(view)
    view.show_picture(_picture())
    nodes = [i for i in view.scene.items() if isinstance(i, NodeItem)]
    assert len(nodes) == 2 and view.caption.text() == "step 1"
    assert view.memo.rowCount() == 1 and view.memo.item(0, 1).text() == "16"
    assert view._nodes[1].node.state == "current"


def test_edge_shows_local_derivative_and_product(qtbot):
    """On the backward walk an edge is labelled with local → product."""
    view = GraphView()
    qtbot.addWidget(view)
    view.show_picture(_picture(step=3, current=0, grad=96.0))
    assert view._edges[(0, 1)].label.text() == "local 32 → 96"


def test_back_disabled_at_start(qtbot):
    """At step 0 there is nothing to step back to."""
    view = GraphView()
    qtbot.addWidget(view)
    view.show_picture(_picture(step=0, current=0))
    assert not view.buttons["back"].isEnabled()


def test_clicking_a_node_asks_to_jump(qtbot):
    """A click on a node emits node_clicked with its id."""
    view = shown(qtbot, GraphView(), 900, 500)
    view.show_picture(_picture())
    item = view._nodes[1]
    pos = view.canvas.mapFromScene(item.scenePos())
    with qtbot.waitSignal(view.node_clicked) as sig:
        qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args == [1]


def _inside_viewport(view, item) -> bool:
    """True when an item's whole box is inside the canvas's visible area."""
    shown = view.canvas.mapToScene(view.canvas.viewport().rect()).boundingRect()
    return shown.contains(item.sceneBoundingRect())


def _wide_picture(active=(0, 2)):
    """Three nodes with long values and two edges with chain-rule numbers, one active."""
    nodes = (
        NodePicture(0, "x1·W1[1,2]", 0, 0, "op", -8.7512e-5, 0.00037123, "done"),
        NodePicture(1, "b1[2]", 0, 92, "leaf", 123456.7, -0.00088861, "done"),
        NodePicture(2, "z1[2]", 200, 46, "op", -0.0008886, 1e-12, "current", "z1[2] = …"),
    )
    edges = tuple(
        EdgePicture(s, 2, 1.0, -0.0009, (s, 2) == active, f"edge {s} → 2") for s in (0, 1)
    )
    return GraphPicture(nodes, edges, step_index=3, step_count=9)


def test_only_the_current_steps_edges_carry_labels(qtbot):
    """The active edge shows local → product; the others keep their numbers in a tooltip."""
    view = GraphView()
    qtbot.addWidget(view)
    view.show_picture(_wide_picture())
    on, off = view._edges[(0, 2)], view._edges[(1, 2)]
    assert on.label.isVisible() and on.label.text() == "local 1 → −0.0009"
    assert not off.label.isVisible() and off.toolTip() == "edge 1 → 2"


def test_no_node_text_is_wider_than_its_box(qtbot):
    """Every line of every node (title, value, gradient) fits inside its box, uncut."""
    from PySide6.QtGui import QFontMetricsF

    from app.views.graph_items import node_font

    view = GraphView()
    qtbot.addWidget(view)
    view.show_picture(_wide_picture())
    for item in view._nodes.values():
        for i, line in enumerate(item.lines()):
            width = QFontMetricsF(node_font(item.scale_, i == 0)).horizontalAdvance(line)
            assert width <= item.text_room(), line
            assert width < item.boundingRect().width()
    assert view._nodes[0].lines()[1] == "value −8.751e−5"


def test_memo_columns_fit_their_text_and_elide_with_a_tooltip(qtbot):
    """Columns are as wide as their cells when there is room; squeezed cells keep a tooltip."""
    view = GraphView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    rows = (("W1[1,2]", "0.512345 → 0.512367", "2.2e−5"),)
    pic = _wide_picture()
    view.show_picture(GraphPicture(pic.nodes, pic.edges, memo=rows, step_count=9))
    memo = view.memo
    if sum(memo.needed_widths()) <= memo.viewport().width():
        assert all(memo.columnWidth(c) >= w for c, w in enumerate(memo.needed_widths()))
    memo.resize(120, 200)
    memo.fit_columns()
    assert memo.item(0, 1).toolTip() == "0.512345 → 0.512367"


def test_the_current_node_is_scrolled_into_view(qtbot):
    """A current node far from the first view is brought into it, at the user's zoom."""
    view = GraphView()
    qtbot.addWidget(view)
    view.resize(700, 420)
    view.show()
    qtbot.waitExposed(view)
    far = tuple(
        NodePicture(i, f"n{i}", 200 * (i % 8), 92 * (i // 8), "op", 1.0, None, "pending")
        for i in range(64)
    )
    view.show_picture(GraphPicture(far, (), step_count=64))
    view.canvas.user_zoomed, zoom = True, view.canvas.zoom()
    for target in (63, 7, 56):
        nodes = tuple(
            NodePicture(n.id, n.title, n.x, n.y, "op", 1.0, None,
                        "current" if n.id == target else "pending")
            for n in far
        )  # fmt: skip
        view.show_picture(GraphPicture(nodes, (), step_count=64))
        assert _inside_viewport(view, view._nodes[target])
    assert view.canvas.zoom() == zoom


def test_a_language_switch_rewords_buttons_modes_and_node_lines(qtbot):
    """Buttons, the mode menu, Play and the boxes' "value …" lines in Chinese, then English."""
    from tests.app.language import chinese, zh

    view = GraphView()
    qtbot.addWidget(view)
    view.show_picture(_picture())
    node = view._nodes[1]
    with chinese():
        assert view.buttons["forward"].text() == zh("Step ▶")  # set once: re-worded at once
        qtbot.waitUntil(lambda: view.play.text() == zh("Play"))  # on Qt's LanguageChange
        assert view.mode.itemText(0) == zh("every op") and view.mode.itemData(0) == "ops"
        assert view.trace_button.text() == zh("Trace network example")
        assert node.lines()[1] == zh("value {value}").format(value="16")
    qtbot.waitUntil(lambda: view.play.text() == "Play")
    assert view.buttons["forward"].text() == "Step ▶"
    assert view.mode.itemText(0) == "every op" and node.lines()[1] == "value 16"
