"""Tests for the computation-graph view, fed synthetic pictures."""

from PySide6.QtCore import Qt

from app.views.graph_items import NodeItem
from app.views.graph_view import GraphView
from nnviz.graph.picture import EdgePicture, GraphPicture, NodePicture


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


def test_buttons_and_keys_emit_step_requests(qtbot):
    """Step/back buttons and the arrow keys emit the matching requests."""
    view = GraphView()
    qtbot.addWidget(view)
    view.show_picture(_picture(step=2))
    seen = []
    view.step_requested.connect(seen.append)
    qtbot.mouseClick(view.buttons["forward"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.buttons["back"], Qt.MouseButton.LeftButton)
    view.canvas.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert seen == ["forward", "back", "forward", "back"]


def test_back_disabled_at_start(qtbot):
    """At step 0 there is nothing to step back to."""
    view = GraphView()
    qtbot.addWidget(view)
    view.show_picture(_picture(step=0, current=0))
    assert not view.buttons["back"].isEnabled()


def test_formula_entry_emits_on_enter(qtbot):
    """Typing a formula and Enter submits it."""
    view = GraphView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.formula_submitted) as sig:
        qtbot.keyClicks(view.formula, "x*y")
        qtbot.keyClick(view.formula, Qt.Key.Key_Return)
    assert sig.args == ["x*y"]


def test_clicking_a_node_asks_to_jump(qtbot):
    """A click on a node emits node_clicked with its id."""
    view = GraphView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.show_picture(_picture())
    item = view._nodes[1]
    pos = view.canvas.mapFromScene(item.scenePos())
    with qtbot.waitSignal(view.node_clicked) as sig:
        qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args == [1]
