"""Where the network graph's neurons go: columns by layer, spaced to suit the view's shape."""

from __future__ import annotations

from collections.abc import Sequence

NODE = 48.0  # a neuron's side, in scene units
ROW_GAP = 70.0  # centre to centre, within a layer
MIN_COL_GAP, MAX_COL_GAP = 100.0, 220.0


def column_gap(sizes: Sequence[int], aspect: float, row_gap: float = ROW_GAP) -> float:
    """Horizontal spacing that makes the graph about as wide, for its height, as the view.

    ``aspect`` is the view's width / height. A tall narrow dock packs the columns closer;
    a wide screen spreads them (within limits, so edges keep their S-curve and stay apart).
    """
    if len(sizes) < 2:
        return MAX_COL_GAP
    height = (max(sizes) - 1) * row_gap + NODE
    gap = (aspect * height - NODE) / (len(sizes) - 1)
    return min(max(gap, MIN_COL_GAP), MAX_COL_GAP)


def label_gap(sizes: Sequence[int], view_w: float, view_h: float, label_px: float) -> float | None:
    """Smallest column gap that keeps neighbouring columns ``label_px`` apart on screen.

    Captions keep their pixel size at any zoom while the columns shrink with the fit, so
    in a small view "Hidden 1" and "Hidden 2" would overlap. The fit's zoom is
    s = min(view_w / width(gap), view_h / height), and columns sit gap · s pixels apart:
    - height-bound: gap · view_h / height ≥ label_px  →  gap ≥ label_px · height / view_h;
    - width-bound: gap · view_w / ((n − 1) · gap + rest) ≥ label_px
      →  gap ≥ label_px · rest / (view_w − (n − 1) · label_px).
    None when the view is too narrow for any gap (it must grow instead).
    """
    n = len(sizes)
    if n < 2 or label_px <= 0:
        return MIN_COL_GAP
    _left, _top, rest, height = graph_bounds(sizes, 0.0)  # at gap 0 the width is the rest
    room = view_w - (n - 1) * label_px
    if room <= 0 or view_h <= 0:
        return None
    by_height = label_px * height / view_h
    by_width = label_px * rest / room
    return max(by_height, by_width, MIN_COL_GAP)


def node_position(
    layer: int, index: int, count: int, gap: float, row_gap: float = ROW_GAP
) -> tuple[float, float]:
    """Centre of neuron ``index`` of a layer of ``count`` (each column centred on y = 0)."""
    return layer * gap, (index - (count - 1) / 2) * row_gap


def graph_bounds(
    sizes: Sequence[int], gap: float, row_gap: float = ROW_GAP
) -> tuple[float, float, float, float]:
    """(left, top, width, height) around every node and bias square, in scene units."""
    tallest = max(sizes, default=1)
    half = (tallest - 1) / 2 * row_gap + NODE / 2
    left = -NODE / 2 - 10  # bias squares poke out at the lower left
    width = (len(sizes) - 1) * gap + NODE + 10
    return left, -half, width, 2 * half + 10
