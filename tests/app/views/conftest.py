"""Fixtures shared by the view tests."""

import pytest

from app.views.data_canvas_view import DataCanvasView
from tests.app.shown import shown


@pytest.fixture
def canvas(qtbot):
    """A shown, empty data canvas (a test file may define its own, sized differently)."""
    return shown(qtbot, DataCanvasView(), 400, 400)
