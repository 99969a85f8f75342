"""The computation-graph view in the window, driven through real clicks and keys."""

import numpy as np
from PySide6.QtCore import QPointF, Qt

from nnviz.engine.features import feature_matrix


def _trace_tool_click(window, qtbot, index):
    """Pick the Trace tool and click on training point ``index`` of the canvas."""
    qtbot.mouseClick(window.data_controls.tools.button(2), Qt.MouseButton.LeftButton)
    X, y, is_test, ids = window.doc.points.all_arrays()
    plot = window.canvas.plot
    scene = plot.getViewBox().mapViewToScene(QPointF(*X[index]))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene))
    return X[index], y[index], ids[index]


def test_clicking_a_point_traces_it_through_the_live_network(window, qtbot):
    """Trace tool + click: the graph shows that point's example and the canvas rings it."""
    point, label, pid = _trace_tool_click(window, qtbot, 10)
    ex = window.graph.explainer.example
    assert ex is not None and ex.point_id == pid and ex.label == label
    assert np.allclose(ex.point, point)
    assert window.docks["graph"].isVisible()
    ring = window.canvas.ring.getData()
    assert np.allclose([ring[0][0], ring[1][0]], point)
    inputs = [n.value for n in window.graph.explainer.graph.leaves if n.meta.get("role") == "input"]
    assert np.allclose(inputs, point)


def test_keys_walk_the_graph_and_light_up_the_network(window, qtbot):
    """With the graph focused, → computes the next op and highlights its neuron and edge."""
    _trace_tool_click(window, qtbot, 3)
    view = window.graph.view
    assert window.graph.wants_keys()  # tracing hands the keyboard to the graph
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    pic = view.picture
    assert pic.step_index == 1
    current = [n for n in pic.nodes if n.state == "current"]
    assert len(current) == 1 and current[0].meta["role"] == "product"
    k, i, j = current[0].meta["edge"]
    assert window.network_view.highlight_edges == {(k + 1, i, j)}
    assert [e for e in pic.edges if e.active] and all(
        e.target == current[0].id for e in pic.edges if e.active
    )
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left)
    assert view.picture.step_index == 0
    assert window.latest.epoch == 0  # the arrows walked the graph, they did not train


def test_arrow_keys_train_when_the_graph_has_no_focus(window, qtbot):
    """Outside the graph, → still steps one training epoch."""
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.wait_for_snapshot(lambda s: s.epoch == 1) is not None


def test_apply_one_update_is_one_sgd_step_on_that_example(window, qtbot):
    """'Apply one update' changes the network by −lr·∂L/∂w of the traced example alone."""
    point, label, _ = _trace_tool_click(window, qtbot, 5)
    snap = window.latest
    net = snap.spec.build()
    net.set_params(snap.params)
    X = feature_matrix(np.array([point]), snap.spec.features, 2)
    before, grads = net.loss_and_grads(X, np.array([float(label)]), loss=snap.config.loss)
    expected = [p - snap.config.lr * g for p, g in zip(snap.params, grads, strict=True)]
    qtbot.mouseClick(window.graph.view.update_button, Qt.MouseButton.LeftButton)
    after = window.wait_for_snapshot(lambda s: s.event == "example_step")
    assert after is not None
    for got, want in zip(after.params, expected, strict=True):
        assert np.allclose(got, want, rtol=0, atol=1e-12)
    pic = window.graph.view.picture
    assert pic.memo_header[0] == "parameter" and "loss went" in pic.caption
    assert window.graph.view.memo.rowCount() == sum(p.size for p in snap.params)


def test_formula_typed_with_an_error_shows_where(window, qtbot):
    """A bad formula gives one red message with a caret; the graph is unchanged."""
    view = window.graph.view
    before = view.picture
    view.formula.setText("w1 + @")
    qtbot.keyClick(view.formula, Qt.Key.Key_Return)
    assert "^" in view.message.text() and view.picture is before


def test_presets_and_values_from_the_view(window, qtbot):
    """Choosing a preset and typing values shows that graph; stepping runs its numbers."""
    view = window.graph.view
    view.presets.setCurrentIndex(view.presets.findData("logistic"))
    view.presets.activated.emit(view.presets.currentIndex())
    qtbot.mouseClick(view.buttons["run_backward"], Qt.MouseButton.LeftButton)
    memo = {row[0]: row[2] for row in view.picture.memo}
    assert memo["w1"] == "1" and memo["w2"] == "0.5"
    view.values.setText("w1=1, w2=-1")
    qtbot.keyClick(view.values, Qt.Key.Key_Return)
    assert window.graph.explainer.graph.leaf_values == {"w1": 1.0, "w2": -1.0}


def test_command_line_traces_a_training_point(window):
    """--trace N picks the N-th training point; an index that is not there is refused."""
    import pytest

    window.graph.trace_training_point(0)
    X, y, is_test, ids = window.doc.points.all_arrays()
    first = np.flatnonzero(~is_test)[0]
    assert window.graph.explainer.example.point_id == ids[first]
    with pytest.raises(ValueError, match="training points"):
        window.graph.trace_training_point(10_000)


def test_the_canvas_shows_the_neuron_being_computed(window, qtbot):
    """While the walk is inside a neuron the canvas shows that neuron; at the end, the output."""
    _trace_tool_click(window, qtbot, 2)
    assert window.canvas.focus is None
    qtbot.keyClick(window.graph.view.canvas, Qt.Key.Key_Right)
    node = [n for n in window.graph.view.picture.nodes if n.state == "current"][0]
    assert window.canvas.focus == (node.meta["layer"], node.meta["neuron"])
    qtbot.mouseClick(window.graph.view.buttons["run_backward"], Qt.MouseButton.LeftButton)
    assert window.canvas.focus is None


def test_clicking_a_layer_box_opens_its_ops(window, qtbot):
    """In the layer view, a click on the z1 box shows every op, scrolled to z1's first op."""
    _trace_tool_click(window, qtbot, 4)
    view = window.graph.view
    view.mode.setCurrentIndex(view.mode.findData("layers"))
    box = next(n for n in view.picture.nodes if n.title.startswith("z1"))
    pixel = view.canvas.mapFromScene(view._nodes[box.id].scenePos())
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pixel)
    assert view.picture.mode == "ops" and view.mode.currentData() == "ops"
    first = view._nodes[box.meta["members"][0]]
    shown = view.canvas.mapToScene(view.canvas.viewport().rect()).boundingRect()
    assert shown.contains(first.sceneBoundingRect().center())


def _visible(view, item) -> bool:
    """True when a graph item's whole box is inside the canvas's visible area."""
    shown = view.canvas.mapToScene(view.canvas.viewport().rect()).boundingRect()
    return shown.contains(item.sceneBoundingRect())


def test_the_cs188_example_fits_the_view_on_open(window, qtbot):
    """Opening the lecture's worked example shows every node, the top one included."""
    window.show_dock("graph")
    view = window.graph.view
    window.graph.load_preset("cs188")
    qtbot.wait(10)  # let the dock settle to its size
    assert view._nodes and all(_visible(view, item) for item in view._nodes.values())


def test_walking_keeps_the_current_node_in_view(window, qtbot):
    """After every → the node being computed is inside the visible part of the graph."""
    _trace_tool_click(window, qtbot, 3)
    view = window.graph.view
    for _ in range(view.picture.step_count // 2):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
        current = next(n for n in view.picture.nodes if n.state == "current")
        assert _visible(view, view._nodes[current.id])


def test_a_neuron_has_one_name_in_graph_network_and_canvas(window, qtbot):
    """h1[1] is hidden layer 1's neuron 1 in the computation graph, the hover card and the
    canvas caption alike (1-based, as in the lecture)."""
    from tests.app.views.network_helpers import hover, viewport_pos

    _trace_tool_click(window, qtbot, 3)
    qtbot.keyClick(window.graph.view.canvas, Qt.Key.Key_Right)  # x1·W1[1,1]: neuron (1, 0)
    names = {n.name for n in window.graph.explainer.graph.nodes}
    assert {"W1[1,1]", "z1[1]", "h1[1]", "b1[1]"} <= names and "W1[0,0]" not in names
    assert "neuron h1[1] (hidden layer 1, neuron 1)" in window.canvas.caption.text()
    net = window.network_view
    hover(qtbot, net, viewport_pos(net, net.nodes[(1, 0)]))
    assert net.hover_text().startswith("h1[1]  (hidden layer 1, neuron 1)")


def test_the_loss_caption_reads_minus_log_one_minus_y_hat(window, qtbot):
    """For a class-1 point (y = 0) the loss step reads L = −log(1 − ŷ) with ŷ plugged in."""
    X, y, is_test, ids = window.doc.points.all_arrays()
    n = int(np.flatnonzero(y[~is_test] == 0)[0])
    window.graph.trace_training_point(n)
    assert "class 1 (y = 0 in the loss)" in window.graph.view.picture.title
    qtbot.mouseClick(window.graph.view.buttons["run_forward"], Qt.MouseButton.LeftButton)
    caption = window.graph.view.caption.text()
    assert "L = −log(1 − ŷ) = −log(1 − 0." in caption and "neg" not in caption


def _quiet_update(window, qtbot):
    """A learning rate so small that one step on the traced example changes nothing visible."""
    import dataclasses

    from nnviz import commands as cmd

    config = dataclasses.replace(window.latest.config, lr=1e-7)
    window.send(cmd.SetConfig(config))
    assert window.wait_for_snapshot(lambda s: s.config.lr == 1e-7) is not None
    _trace_tool_click(window, qtbot, 5)
    qtbot.mouseClick(window.graph.view.update_button, Qt.MouseButton.LeftButton)
    assert window.wait_for_snapshot(lambda s: s.event == "example_step") is not None
    qtbot.waitUntil(lambda: bool(window.graph.view.offer_buttons()))
    return {b.property("offer"): b for b in window.graph.view.offer_buttons()}


def test_a_quiet_update_says_so_and_traces_the_worst_point(window, qtbot):
    """When one step moves nothing visibly, the view says so and offers the worst point,
    which is the argmax of the per-point training losses."""
    offers = _quiet_update(window, qtbot)
    view = window.graph.view
    assert "Nothing visible changes" in view.message.text() and "Δ" in view.message.text()
    assert set(offers) == {"worst", "fresh"}
    qtbot.mouseClick(offers["worst"], Qt.MouseButton.LeftButton)
    snap = window.latest
    net = snap.spec.build()
    net.set_params(snap.params)
    X, y, is_test, ids = window.doc.points.all_arrays()
    train = np.flatnonzero(~is_test)
    feats = feature_matrix(X[train], snap.spec.features, 2)
    losses = net.per_example_loss(feats, y[train], loss=snap.config.loss)
    worst = train[int(np.argmax(losses))]
    assert window.graph.explainer.example.point_id == ids[worst]
    assert "worst-classified" in view.message.text() and not view.offer_buttons()


def test_a_quiet_update_offers_a_fresh_point_with_the_trace_tool(window, qtbot):
    """'Trace a fresh point' switches the data canvas to the Trace tool and says so."""
    offers = _quiet_update(window, qtbot)
    qtbot.mouseClick(offers["fresh"], Qt.MouseButton.LeftButton)
    assert window.canvas.tool == "trace" and "Trace tool is on" in window.graph.view.message.text()


def test_softmax_example_shows_all_three_probabilities(window):
    """Picking the softmax example: its note lists P for every class, not only class 2."""
    window.graph.load_preset("softmax")
    assert "P = (0.2689, 0.7309, 0.000245)" in window.graph.view.message.text()


def test_a_language_switch_rewords_the_first_example_where_the_walk_is(window, qtbot):
    """The first worked example's description, made before any language was chosen, is said
    again in Chinese, at the same step; the step button reads 单步; English comes back."""
    from app.i18n import tr
    from nnviz.graph.examples import EXAMPLES
    from nnviz.graph.requests import Step
    from tests.app.language import chinese, zh

    graph = window.graph
    english = graph.view.message.text()
    assert english.startswith("The lecture's worked example")
    for _ in range(3):
        qtbot.mouseClick(graph.view.buttons["forward"], Qt.MouseButton.LeftButton)
    caption = graph.view.caption.text()
    with chinese(window.language):
        described = EXAMPLES["cs188"].describe(EXAMPLES["cs188"].build())  # the core's Chinese
        qtbot.waitUntil(lambda: graph.view.message.text() == described)
        assert graph.view.picture.step_index == 3 and graph.view.caption.text() != caption
        assert graph.view.buttons["forward"].text() == zh("Step ▶")
        assert graph.view.presets.currentData() == "cs188"
        assert zh("forward") in graph.view.progress.text()
        graph.apply(Step("forward"))  # walking on keeps the description standing
        assert graph.view.message.text() == described
    qtbot.waitUntil(lambda: graph.view.message.text() == english)
    assert graph.view.picture.step_index == 4 and tr("Step ▶") == "Step ▶"


def test_a_language_switch_rewords_a_traced_example_at_its_step_and_weights(window, qtbot):
    """A trace is made again from its own weights (not the network's now), same step and mode."""
    from tests.app.language import chinese, zh

    _trace_tool_click(window, qtbot, 5)
    graph, view = window.graph, window.graph.view
    for _ in range(4):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    view.mode.setCurrentIndex(view.mode.findData("neurons"))
    before = view.picture
    params = [p.copy() for p in graph.explainer.example.params]
    with chinese(window.language):
        qtbot.waitUntil(lambda: view.picture.title != before.title)
        pic = view.picture
        assert (pic.step_index, pic.mode) == (before.step_index, before.mode)
        assert [n.value for n in pic.nodes] == [n.value for n in before.nodes]
        assert all(
            np.array_equal(a, b)
            for a, b in zip(graph.explainer.example.params, params, strict=True)
        )
        assert view.trace_button.text() == zh("Re-trace with current weights")
        assert view.mode.currentText() == zh("neuron by neuron")
    qtbot.waitUntil(lambda: view.picture.title == before.title)
    assert view.picture.caption == before.caption and view.picture.step_index == 4
