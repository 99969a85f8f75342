"""What the landscape's two plots share: axes that never shrink, and a check that a plot's
items are still alive (a closed window's are deleted before the widget)."""

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
