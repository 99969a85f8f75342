"""Fixtures shared by the view tests."""

import pytest

from app.views.data_canvas_view import DataCanvasView


@pytest.fixture
def canvas(qtbot):
    """A shown, empty data canvas (a test file may define its own, sized differently)."""
    view = DataCanvasView()
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.show()
    qtbot.waitExposed(view)
    return view
