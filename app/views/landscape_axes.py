"""What the landscape's two plots share: axes that never shrink, ranges that keep still while
the data move a little, and a check that a plot's items are still alive (a closed window's
are deleted before the widget)."""

from __future__ import annotations

import pyqtgraph as pg
import shiboken6


def steady_axes(*axes: pg.AxisItem) -> None:
    """Axes that grow to fit their widest tick labels but never shrink back.

    Otherwise a new range with shorter labels ("0.5" after "0.05") narrows the axis, the plot
    beside it widens, and every frame of training shifts the picture sideways (and redraws it
    all). Called again when the type size changes, so they fit the new type from scratch.
    """
    for axis in axes:
        axis.setStyle(autoReduceTextSpace=False)
        axis.textWidth, axis.textHeight = 30, 18  # pyqtgraph's starting sizes: measured anew
        if axis.orientation in ("left", "right"):
            axis._updateWidth()
        else:
            axis._updateHeight()


def plot_items_alive(plot: pg.PlotWidget) -> bool:
    """True while the plot's PlotItem and ViewBox exist (new words may re-lay them out)."""
    item = plot.getPlotItem()
    return shiboken6.isValid(item) and shiboken6.isValid(item.vb)


def steady_range(
    shown: tuple[float, float] | None, lo: float, hi: float, fill: float = 0.9
) -> tuple[float, float]:
    """The range to show for data from ``lo`` to ``hi``: the one ``shown`` while the data
    still lie inside it and fill at least ``fill`` of it, else a new one with room to move.

    A curve that changes a little while training then keeps its axes (and their tick labels)
    still, instead of redrawing them a few times a second.
    """
    if shown is not None:
        a, b = shown
        if a <= lo and hi <= b and hi - lo >= fill * (b - a):
            return shown
    room = (hi - lo) * (1 / fill - 1) / 4  # half the slack `fill` allows, split either side
    return lo - room, hi + room
