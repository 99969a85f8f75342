"""Where the curves view's two plots sit: stacked when the area is tall, side by side when short.

A short, wide dock (a projector's bottom strip) squeezed the stacked loss and accuracy plots to a
line or two each: one tick, overlapping axis captions, the legend hanging below the plot. Side by
side each plot gets the whole height. The plots are moved between the cells of one layout, never
rebuilt, and only when the area crosses a threshold by a margin (so a resize near it does not
make them flip back and forth).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from app.views.plot_style import pixel_font
from nnviz.palette import INK

STACKED, SIDE = "stacked", "side"
COMFORT_LINES = 8  # a comfortable plot is about 8 lines of type tall
SIDE_LINES = 14  # beside each other, each view box is at least this many lines wide
MIN_TICKS = 3  # every view box stays tall enough for 3 tick labels
GIVE = 1.2  # hysteresis: leave an arrangement only once past its threshold by 20 %
MARGIN = 2  # pixels around the plots (pyqtgraph's default is about 10)
SPACING = 4  # pixels between the two plots


@dataclass(frozen=True)
class Needs:
    """The pixel sizes the arrangement is decided from (all from the current type)."""

    line: int  # one line of the plots' type
    tall: int  # a plot area lower than this goes side by side (if wide enough)
    wide: int  # side by side needs at least this width
    side_min: tuple[int, int]  # minimum heights of (first, second) when side by side
    stacked_min: tuple[int, int]  # ... and when stacked


def choose(current: str, width: float, height: float, needs: Needs) -> str:
    """The arrangement for a plot area of ``width`` × ``height`` (hysteresis around ``current``).

    Side by side when short and wide enough; back to stacked only once clearly tall (or narrow).
    """
    if current == SIDE:
        back = height > needs.tall * GIVE or width < needs.wide / GIVE
        return STACKED if back else SIDE
    return SIDE if height < needs.tall and width >= needs.wide else STACKED


def legend_size(legend: pg.LegendItem, columns: int) -> tuple[float, float]:
    """The legend's width and height with its entries in ``columns`` columns."""
    entries = [
        (20 + 6 + label.itemRect().width(), label.itemRect().height())
        for _, label in (legend.items)
    ]
    if not entries:
        return 0.0, 0.0
    rows = [entries[i : i + columns] for i in range(0, len(entries), columns)]
    width = max(sum(e[0] for e in row) + 5 * (2 * len(row) - 1) for row in rows)
    return width + 8, len(rows) * max(20.0, *(e[1] for e in entries)) + 2  # + its margins


def legend_columns(legend: pg.LegendItem, width: float, height: float, gap: float) -> int:
    """The most columns (entries in one row at best) whose legend fits a ``width`` × ``height``
    view box with ``gap`` pixels to its edges; the one that overflows least if none fits."""
    n = len(legend.items)
    if not n:
        return 1
    best, least = n, float("inf")
    for k in range(n, 0, -1):
        w, h = legend_size(legend, k)
        over = max(0.0, w + gap - width) + max(0.0, h + gap - height)
        if over == 0:
            return k
        if over < least:
            best, least = k, over
    return best


def keep_end_labels(plot: pg.PlotItem, low: float, high: float, least: float = 0.04) -> None:
    """The y range ``low``–``high``, padded (at least ``least``) so the tick labels at both ends
    stay inside the view box however short it is (pyqtgraph leaves out one sticking out)."""
    font = plot.getAxis("left").style["tickFont"]
    half = 0.4 * QFontMetrics(font).height() + 2 if font is not None else 10  # 0.8 × text / 2
    room = max(plot.vb.height() - 2 * half, 1.0)
    plot.setYRange(low, high, padding=min(0.5, max(least, half / room)))


class CurvesGrid(QObject):
    """The loss plot and the accuracy plot (or the regression note) in one GraphicsLayout.

    It watches the plot area's size, and keeps the view (``view``) at least as tall as its
    rows need at the current type, never lower than the window's floor for it (``floor``).
    """

    def __init__(
        self,
        view: QWidget,
        widget: pg.GraphicsLayoutWidget,
        first: pg.PlotItem,
        second: pg.PlotItem,
        note: pg.LabelItem,
        legend: pg.LegendItem,
    ) -> None:
        super().__init__(view)  # (the view is its parent, not an attribute: no reference cycle)
        self.widget, self.first, self.second, self.note, self.legend = (
            widget,
            first,
            second,
            note,
            legend,
        )
        self.layout = widget.ci
        self.layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self.layout.setSpacing(SPACING)
        self.arrangement = STACKED
        self.regression = False
        self.captions = ("", "")
        self.px = 12
        self.needs: Needs | None = None
        self.floor = QSize(0, 0)
        self.marks: list[tuple[pg.InfLineLabel, float]] = []  # (label, position) below the legend
        self._gap = 10
        first.vb.sigResized.connect(self.fit_legend)
        widget.installEventFilter(self)
        for plot in (first, second):
            plot.setPreferredWidth(1)  # side by side, equal shares of the width
        legend.layout.setContentsMargins(4, 1, 4, 1)  # (Qt's default is about 10 all round)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """A resized plot area: stacked when tall, side by side when short and wide."""
        shown = event.type() in (QEvent.Type.Resize, QEvent.Type.Show)
        if shown and watched is self.widget:
            self.fit()
        return False

    # ----- what sits where -------------------------------------------------------------------
    def partner(self) -> pg.GraphicsWidget:
        """What sits beside or below the loss plot: the accuracy plot, or regression's note."""
        return self.note if self.regression else self.second

    def set_regression(self, on: bool) -> None:
        """Regression swaps the accuracy plot for its note (in the same cell)."""
        if on != self.regression:
            old = self.partner()
            self.regression = on
            if old in self.layout.items:
                self.layout.removeItem(old)
            self._place()  # (the view restyles: the minimums change)

    def fit(self) -> None:
        """The arrangement for the plot area's size (the plots move only if it changed); the
        view's minimum height for the rows it holds."""
        width, height = self.widget.width(), self.widget.height()
        changed = False  # (hidden, its size is not yet the one it will show at)
        if self.needs is not None and self.widget.isVisible() and width > 0 and height > 0:
            arrangement = choose(self.arrangement, width, height, self.needs)
            if arrangement != self.arrangement:
                self.arrangement = arrangement
                self._place()
                self._dress()
            changed = self._set_minimums()
        view = self.parent()
        layout = view.layout()
        if layout is not None and changed:
            layout.invalidate()  # it would read the plots' old minimum until its next pass
        needed = layout.minimumSize().height() if layout is not None else 0
        floor = QSize(self.floor.width(), max(self.floor.height(), needed))
        if floor != view.minimumSize():
            QWidget.setMinimumSize(view, floor)  # (the view's own setMinimumSize sets floor)

    def _place(self) -> None:
        side, partner = self.arrangement == SIDE, self.partner()
        for item in (self.first, partner):
            if item in self.layout.items:
                self.layout.removeItem(item)
        self.layout.addItem(self.first, row=0, col=0)
        self.layout.addItem(partner, row=0 if side else 1, col=1 if side else 0)
        grid = self.layout.layout
        second = 0 if self.regression else 1
        grid.setRowStretchFactor(0, 1 if side else 3)
        grid.setRowStretchFactor(1, 0 if side else 2 * second)
        grid.setColumnStretchFactor(0, 1)
        grid.setColumnStretchFactor(1, second if side else 0)

    # ----- captions, axes and minimum sizes --------------------------------------------------
    def restyle(self, px: int, captions: tuple[str, str] | None = None) -> None:
        """Sizes from the type ``px`` (after the plots were styled) and the two plots' y captions
        (beside the axis when stacked, above the plot side by side): thresholds, minimums."""
        self.px = px
        self.captions = captions or self.captions
        self._gap = max(6, px // 2)
        self.legend.setOffset((-self._gap, self._gap))
        self._dress()
        self.fit()

    def _dress(self) -> None:
        """Captions, x axes and axis widths for the arrangement, then the minimum heights."""
        side, px = self.arrangement == SIDE, self.px
        for plot, caption in zip((self.first, self.second), self.captions, strict=True):
            plot.setLabel("left", caption, color=INK)
            plot.getAxis("left").showLabel(not side)
            # Beside each other the caption is a title: the axis needs room for ticks only.
            plot.getAxis("left").setWidth(round((3.2 if side else 4.2) * px))
            if side:
                plot.setTitle(caption, color=INK, size=f"{px}px")
                plot.titleLabel.item.document().setDocumentMargin(0)
                plot.titleLabel.setText(plot.titleLabel.text)  # re-measured without the margin
                height = QFontMetrics(pixel_font(px)).height() + 2
                plot.titleLabel.setMaximumHeight(height)
                plot.layout.setRowFixedHeight(0, height)
            else:
                plot.setTitle(None)
        bottom = self.first.getAxis("bottom")
        values = side or self.regression  # stacked, the accuracy plot's epoch axis serves both
        bottom.setStyle(showValues=values)
        bottom.showLabel(values)
        self.needs = self._needs()
        self.fit_legend()

    def _needs(self) -> Needs:
        px = self.px
        line = QFontMetrics(pixel_font(px)).height()
        tick = QFontMetrics(self.first.getAxis("left").style["tickFont"] or pixel_font(px))
        ticks = MIN_TICKS * tick.height()
        legend_w, legend_h = legend_size(self.legend, max(len(self.legend.items), 1))
        # The loss view box also holds the legend (in one row) and a line's label below it.
        body = (max(ticks, round(legend_h) + self._gap + line + 10), ticks)
        captions = [QFontMetrics(pixel_font(px)).horizontalAdvance(c) + 8 for c in self.captions]
        bottom = tick.height() + max(3, px // 3) + round(0.8 * (line + 8))
        title = line + 2
        second_min = round(QFontMetrics(pixel_font(px)).height() * 1.6) if self.regression else 0
        side_min = (
            2 + title + body[0] + bottom,
            second_min or 2 + title + body[1] + bottom,
        )
        stacked_min = (
            2 + max(body[0], captions[0]) + (bottom if self.regression else 0),
            second_min or 2 + max(body[1], captions[1]) + bottom,
        )
        stacked = sum(stacked_min) + SPACING + 2 * MARGIN
        each = round(3.2 * px) + max(SIDE_LINES * line, legend_w + 2 * self._gap, *captions)
        return Needs(
            line=line,
            tall=max(2 * COMFORT_LINES * line, stacked + line),
            wide=2 * each + SPACING + 2 * MARGIN,
            side_min=side_min,
            stacked_min=stacked_min,
        )

    def _set_minimums(self) -> bool:
        """Each plot keeps room for its ticks, and the plot area for both plots: stacked ones
        only while too narrow to put them side by side (lower, they would go side by side)."""
        assert self.needs is not None
        side = self.arrangement == SIDE
        first, second = self.needs.side_min if side else self.needs.stacked_min
        self.first.setMinimumHeight(first)
        if not self.regression:
            self.second.setMinimumHeight(second)
        narrow = self.widget.width() < self.needs.wide
        stacked = sum(self.needs.stacked_min) + SPACING
        total = stacked if narrow and not side else max(self.needs.side_min)
        if self.widget.minimumHeight() == total + 2 * MARGIN:
            return False
        self.widget.setMinimumHeight(total + 2 * MARGIN)
        return True

    def fit_legend(self) -> None:
        """The legend's entries in as few rows as fit its view box (one row when there is room)."""
        rect = self.first.vb.rect()
        k = legend_columns(self.legend, rect.width(), rect.height(), 2 * self._gap)
        if k != self.legend.columnCount:
            self.legend.setColumnCount(k)
        # Labels on vertical lines ('best', 'diverged') go no higher than the legend's bottom.
        mark = QFontMetrics(pixel_font(self.px)).height() + 8  # the label's text and margins
        below = self._gap + legend_size(self.legend, k)[1] + mark / 2 + 1
        top = 1 - below / max(rect.height(), 1.0)
        for label, position in self.marks:
            label.setPosition(max(0.1, min(position, top)))
