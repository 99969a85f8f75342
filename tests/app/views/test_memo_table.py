"""The memo table's columns: the gradient column's formula is worded in the current language."""

from __future__ import annotations

from app.application import make_application
from app.views.memo_table import MemoTable
from tests.app.language import chinese, zh


def _header(table: MemoTable) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_the_gradient_column_is_named_in_the_language_of_the_moment(qtbot):
    """ "∂out/∂node" from the core becomes the catalogue's words; other titles stay as given."""
    make_application()
    table = MemoTable(["node", "value", "∂out/∂node"])
    qtbot.addWidget(table)
    assert _header(table) == ["node", "value", "∂out/∂node"]
    with chinese():
        table.setHorizontalHeaderLabels(["节点", "值", "∂out/∂node"])
        assert _header(table) == ["节点", "值", zh("∂out/∂node")]
    table.setHorizontalHeaderLabels(["parameter", "old → new", "Δ = −lr·grad"])
    assert _header(table) == ["parameter", "old → new", "Δ = −lr·grad"]
