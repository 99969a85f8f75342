"""The data canvas's caption: the tool, what a new point gets and what the shading shows."""

from __future__ import annotations

from app.views.data_canvas_caption import tool_caption


def test_focus_caption_says_why_the_neuron_is_shown(qtbot):
    """Hover focus says how to leave; the graph's focus says it is the neuron being computed."""
    from app.views.data_canvas_view import DataCanvasView

    view = DataCanvasView()
    qtbot.addWidget(view)
    view.set_focus_neuron((1, 2))
    assert "h1[3]" in view.caption.text() and "move away" in view.caption.text()
    view.set_focus_neuron((1, 2), why="graph")
    assert "computation graph" in view.caption.text()
    view.set_focus_neuron(None)
    assert "h1[3]" not in view.caption.text()


def test_the_caption_names_the_tool_the_new_points_and_the_picture():
    """Each task says what its picture shows; a 1-D regression point is where the click is."""
    binary = tool_caption("add", "binary", 2, 1)
    assert binary.startswith("Tool: add (click adds, drag moves, right-click deletes)")
    assert "new points: class 2" in binary and "line = decision boundary" in binary
    assert "most likely class" in tool_caption("brush", "multiclass", 2, 0)
    line = tool_caption("trace", "regression", 1, 0)
    assert "click a point to trace it" in line and "where you click (x, y)" in line
    assert "y = f(x)" in line
    assert "new points: value" in tool_caption("add", "regression", 2, 0)
