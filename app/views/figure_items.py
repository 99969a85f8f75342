"""Drawing one figure panel into a pyqtgraph plot: curves by style, marks, lines, bars, heatmap."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont

from nnviz.palette import BLUE, CLASS_COLORS, INK, ORANGE, hex_color

REFERENCE_GREY = (130, 134, 140)  # palette.GREY is the zero colour, too pale for a line
ROLE_COLORS = {
    "blue": BLUE,
    "orange": ORANGE,
    "grey": REFERENCE_GREY,
    "green": CLASS_COLORS[2],
    "purple": CLASS_COLORS[3],
}
CYCLE = ("blue", "orange", "green", "purple")
# Past the four roles, uncoloured curves take the rest of the Okabe–Ito set.
EXTRA_COLORS = (CLASS_COLORS[4], CLASS_COLORS[5])
FAINT_ALPHA = 80
LABEL_FILL = (255, 255, 255, 170)  # text over lines and cells stays readable
MAX_VALUE_LABELS = 6  # bars get their value written on top when there are this few


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes of one look (normal, or presentation for the back of a room)."""

    title: int = 17
    label: int = 14
    tick: int = 12
    legend: int = 12
    mark: int = 12
    line: float = 2.2
    max_ticks: int = 17  # category / heatmap labels before every other one is skipped


NORMAL = Sizes()
PRESENTING = Sizes(title=30, label=24, tick=22, legend=22, mark=21, line=4.0, max_ticks=9)


@dataclass
class Panel:
    """One drawn panel: its figure data and the items that show it (read by tests and hover)."""

    fig: dict
    plot: pg.PlotItem
    curves: list[tuple[dict, pg.PlotDataItem]] = field(default_factory=list)
    marks: list[pg.TextItem] = field(default_factory=list)
    vlines: list[pg.InfiniteLine] = field(default_factory=list)
    vline_labels: list[pg.InfLineLabel] = field(default_factory=list)
    bars: list[pg.BarGraphItem] = field(default_factory=list)
    image: pg.ImageItem | None = None
    color_bar: pg.ColorBarItem | None = None
    legend: pg.LegendItem | None = None
    hover_dot: pg.ScatterPlotItem | None = None  # the point being read out


def role_color(role: str | None, index: int) -> tuple[int, int, int]:
    """The palette colour of a role name, or the next colour of the cycle."""
    if role:
        return ROLE_COLORS[role]
    cycle = [ROLE_COLORS[r] for r in CYCLE] + list(EXTRA_COLORS)
    return cycle[index % len(cycle)]


def to_view(value: float, log: bool) -> float:
    """A data value in view coordinates (pyqtgraph's log axes work in log₁₀ units)."""
    return math.log10(value) if log else value


def short_number(v: float) -> str:
    """A compact tick label: 1, 32, 3.2k, 1M, 0.01."""
    for size, suffix in ((1e6, "M"), (1e3, "k")):
        if abs(v) >= size:
            m = v / size
            return (f"{m:.0f}" if abs(m) >= 10 else f"{m:.2g}") + suffix
    return f"{v:g}"


def style_axes(plot: pg.PlotItem, fig: dict, sizes: Sizes) -> None:
    """Axis labels, tick fonts and ink colour for one panel."""
    label_style = {"color": hex_color(INK), "font-size": f"{sizes.label}px"}
    x_label, y_label = fig["x_label"], fig["y_label"]
    if "heatmap" in fig:
        x_label, y_label = fig["heatmap"]["x_label"], fig["heatmap"]["y_label"]
    plot.setLabel("bottom", x_label, **label_style)
    plot.setLabel("left", y_label, **label_style)
    font = QFont()
    font.setPixelSize(sizes.tick)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(INK)
        axis.setTextPen(INK)
        axis.setTickFont(font)
        axis.enableAutoSIPrefix(False)
    # pyqtgraph does not grow the bottom axis with its fonts: make room for ticks and label.
    plot.getAxis("bottom").setHeight(int(sizes.tick * 1.5 + sizes.label * 1.4 + 4))


def draw_panel(plot: pg.PlotItem, fig: dict, sizes: Sizes, legend: pg.LegendItem) -> Panel:
    """Draw a validated, unpanelled figure into ``plot``; legend entries go to ``legend``."""
    panel = Panel(fig, plot, legend=legend)
    style_axes(plot, fig, sizes)
    plot.showGrid(x=True, y=True, alpha=0.15)
    log_x = fig.get("log_x", False)
    log_y = fig.get("log_y", False) or fig.get("bars", {}).get("log_y", False)
    plot.setLogMode(x=log_x, y=log_y)
    plot.setAspectLocked(fig.get("equal_axes", False))
    if "heatmap" in fig:
        _draw_heatmap(panel, fig["heatmap"], sizes)
    if "bars" in fig:
        _draw_bars(panel, fig["bars"], sizes)
    _draw_curves(panel, sizes)

    def place(value: float, axis: str) -> float:  # a heatmap draws its cells at 0, 1, 2, …
        return heat_position(fig["heatmap"][axis], value) if "heatmap" in fig else value

    for line in fig.get("vlines", []):
        _draw_vline(panel, place(line["x"], "xs"), line["label"], log_x, sizes)
    for m in fig["marks"]:
        _draw_mark(panel, place(m["x"], "xs"), place(m["y"], "ys"), m["label"], sizes)
    return panel


def _pen(color, sizes: Sizes, style: str) -> pg.QtGui.QPen:
    if style == "faint":
        return pg.mkPen((*color, FAINT_ALPHA), width=max(1.0, sizes.line / 2))
    dash = Qt.PenStyle.DashLine if style == "dashed" else Qt.PenStyle.SolidLine
    return pg.mkPen(color, width=sizes.line, style=dash)


def _draw_curves(panel: Panel, sizes: Sizes) -> None:
    named: set[str] = set()
    cycle = 0
    for c in panel.fig["curves"]:
        style = c.get("style", "line")
        color = role_color(c.get("color"), cycle)
        cycle += "color" not in c
        if style == "points":
            size = sizes.line * 3.5
            item = pg.PlotDataItem(c["xs"], c["ys"], pen=None, symbol="o", symbolSize=size)
            item.setSymbolBrush(pg.mkBrush(color))
            item.setSymbolPen(pg.mkPen("w", width=1))
        else:
            item = pg.PlotDataItem(c["xs"], c["ys"], pen=_pen(color, sizes, style))
        panel.plot.addItem(item)
        panel.curves.append((c, item))
        if c["name"] not in named:  # runs sharing a name share one legend entry
            named.add(c["name"])
            panel.legend.addItem(item, c["name"])


def _draw_mark(panel: Panel, x: float, y: float, label: str, sizes: Sizes) -> None:
    fig = panel.fig
    vx = to_view(x, fig.get("log_x", False))
    vy = to_view(y, fig.get("log_y", False))
    dot = pg.ScatterPlotItem([vx], [vy], size=sizes.line * 4, brush=pg.mkBrush(INK))
    dot.setPen(pg.mkPen("w", width=1.5))
    panel.plot.addItem(dot)
    # Text to the left of points in the right part of the data, so it stays inside the plot.
    xs = _all_x(fig)
    right = bool(xs) and vx > (min(xs) + max(xs)) / 2
    anchor = (1.05 if right else -0.05, 1.1)
    text = pg.TextItem(label, color=INK, anchor=anchor, fill=pg.mkBrush(LABEL_FILL))
    font = QFont()
    font.setPixelSize(sizes.mark)
    text.setFont(font)
    text.setPos(vx, vy)
    panel.plot.addItem(text)
    panel.marks.append(text)


def _all_x(fig: dict) -> list[float]:
    """Every x drawn, in view coordinates (to decide which side a mark's text goes)."""
    log_x = fig.get("log_x", False)
    if "heatmap" in fig:
        return [0.0, len(fig["heatmap"]["xs"]) - 1.0]
    if "bars" in fig:
        return [-0.5, len(fig["bars"]["labels"]) - 0.5]
    return [to_view(x, log_x) for c in fig["curves"] for x in (c["xs"][0], c["xs"][-1])]


def _draw_vline(panel: Panel, x: float, label: str, log_x: bool, sizes: Sizes) -> None:
    pen = pg.mkPen(REFERENCE_GREY, width=sizes.line * 0.8, style=Qt.PenStyle.DashDotLine)
    line = pg.InfiniteLine(to_view(x, log_x), angle=90, pen=pen, movable=False)
    panel.plot.addItem(line)
    # Low on the line, text to its right: the top is where peaks and their marks are.
    fill = pg.mkBrush(LABEL_FILL)
    tag = pg.InfLineLabel(line, label, position=0.05, anchors=[(-0.03, 1)] * 2, fill=fill)
    tag.setColor(INK)
    font = QFont()
    font.setPixelSize(sizes.mark)
    tag.setFont(font)
    panel.vlines.append(line)
    panel.vline_labels.append(tag)


def _draw_bars(panel: Panel, chart: dict, sizes: Sizes) -> None:
    labels, series, log = chart["labels"], chart["series"], chart.get("log_y", False)
    width = 0.8 / len(series)
    values = [v for s in series for v in s["values"]]
    base = math.floor(math.log10(min(values))) if log else 0.0  # log bars start a decade below
    for k, s in enumerate(series):
        xs = np.arange(len(labels)) + (k - (len(series) - 1) / 2) * width
        tops = np.array([to_view(v, log) for v in s["values"]])
        color = role_color(s.get("color"), k)
        item = pg.BarGraphItem(x=xs, height=tops - base, y0=base, width=width * 0.92)
        item.setOpts(brush=pg.mkBrush(color), pen=pg.mkPen("w", width=1))
        panel.plot.addItem(item)
        panel.bars.append(item)
        panel.legend.addItem(item, s["name"])
        if len(labels) * len(series) <= MAX_VALUE_LABELS:
            _value_labels(panel, xs, tops, s["values"], sizes)
    _category_ticks(panel.plot.getAxis("bottom"), labels, sizes)
    panel.plot.setXRange(-0.6, len(labels) - 0.4, padding=0)
    if not log:
        panel.plot.setYRange(min(0.0, *values), max(0.0, *values), padding=0.08)


def _value_labels(panel: Panel, xs, tops, values, sizes: Sizes) -> None:
    """Each bar's value written just above it."""
    font = QFont()
    font.setPixelSize(sizes.mark)
    for x, top, value in zip(xs, tops, values, strict=True):
        text = pg.TextItem(f"{value:.4g}", color=INK, anchor=(0.5, 1.0), fill=LABEL_FILL)
        text.setFont(font)
        text.setPos(float(x), float(top))
        panel.plot.addItem(text)


def _category_ticks(axis: pg.AxisItem, labels: list[str], sizes: Sizes) -> None:
    every = max(1, math.ceil(len(labels) / sizes.max_ticks))
    axis.setTicks([[(i, label) for i, label in enumerate(labels) if i % every == 0], []])


def _draw_heatmap(panel: Panel, heat: dict, sizes: Sizes) -> None:
    values = np.asarray(heat["values"], dtype=float)
    shown = np.log10(values) if heat.get("log", False) else values
    image = pg.ImageItem(shown, axisOrder="row-major")  # row j = ys[j], drawn bottom-up
    ny, nx = shown.shape
    image.setRect(QRectF(-0.5, -0.5, nx, ny))
    panel.plot.addItem(image)
    panel.plot.getViewBox().invertY(False)
    low, high = float(shown.min()), float(shown.max())
    bar = pg.ColorBarItem(
        values=(low, high if high > low else low + 1), colorMap=pg.colormap.get("viridis"),
        interactive=False, colorMapMenu=False,
    )  # fmt: skip
    bar.setImageItem(image, insert_in=panel.plot)
    bar.axis.enableAutoSIPrefix(False)
    if heat.get("log", False):
        bar.axis.setTicks([log_ticks(low, high), []])
    font = QFont()
    font.setPixelSize(sizes.tick)
    bar.axis.setTickFont(font)
    bar.axis.setLabel(
        heat.get("label", ""), color=hex_color(INK), **{"font-size": f"{sizes.label}px"}
    )
    _category_ticks(panel.plot.getAxis("bottom"), [short_number(x) for x in heat["xs"]], sizes)
    _category_ticks(panel.plot.getAxis("left"), [short_number(y) for y in heat["ys"]], sizes)
    panel.plot.setRange(xRange=(-0.5, nx - 0.5), yRange=(-0.5, ny - 0.5), padding=0)
    panel.image, panel.color_bar = image, bar


def log_ticks(low: float, high: float) -> list[tuple[float, str]]:
    """Ticks at 1, 2 and 5 × 10ᵏ between two log₁₀ values, labelled with the plain numbers."""
    ticks = []
    for k in range(math.floor(low), math.ceil(high) + 1):
        for m in (1, 2, 5):
            v = math.log10(m) + k
            if low - 1e-9 <= v <= high + 1e-9:
                ticks.append((v, short_number(m * 10.0**k)))
    return ticks


def heat_position(values: list[float], v: float) -> float:
    """Where a data value sits among evenly drawn cells (interpolated between neighbours)."""
    order = np.argsort(values)
    return float(np.interp(v, np.asarray(values)[order], order.astype(float)))
