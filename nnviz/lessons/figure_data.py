"""Figure data for the lesson player's plot stage: plain JSON values, their builders and checker.

A figure is a dict a view draws without computing anything. Every figure has

``title``, ``x_label``, ``y_label``  non-empty text
``curves``  ``[{"name", "xs", "ys", "style"?, "color"?}]``: lines, xs and ys of equal length
``marks``   ``[{"x", "y", "label"}]``: labelled points

and may have (all optional, so version-1 figures stay valid):

``log_x``, ``log_y``  bool: a logarithmic axis; everything drawn on it must then be > 0
``equal_axes``        bool: one unit is as long on both axes (a path in a plane)
``vlines``  ``[{"x", "label"}]``: vertical reference lines, e.g. the interpolation threshold
``bars``    ``{"labels": [text], "series": [{"name", "values", "color"?}], "log_y"?}``:
            grouped bars, category ``i`` at x = i, one bar per series; curves on a bar figure
            use the same x (a reference level is a dashed curve from −0.5 to n − 0.5)
``heatmap`` ``{"xs", "ys", "values", "x_label", "y_label", "label"?, "log"?}``: the cell at
            (xs[i], ys[j]) is ``values[j][i]`` (rows are ys, drawn bottom-up: y up); cells are
            evenly spaced, their axes labelled with the xs and ys; ``label`` names the colour
            bar; ``log`` colours by log₁₀ (every value > 0); vlines and marks sit in xs/ys units.
            A heatmap figure has no curves or bars, and its axes are the heatmap's labels.
``panels``  ``[figure, …]``: 1 to 4 sub-figures drawn side by side under this title. A
            panelled figure keeps ``x_label``/``y_label`` (its panels' labels joined by " | ",
            for readers of version 1) but has no curves, marks, bars, heatmap or vlines itself;
            panels do not nest.

Curve ``style``: ``line`` (default), ``faint`` (thin and see-through: many runs, e.g. one per
seed; curves sharing a name share one legend entry), ``dashed`` (a reference or a second
reading) or ``points`` (markers only). ``color`` is a role of the app's palette: blue, orange
(the colour-blind-safe pair), grey (reference lines), green, purple; without one, curves take
blue, orange, green, purple in turn.

Every number must be finite. :func:`validate_figure` raises ValueError naming the bad field,
e.g. ``curves[2].style: unknown 'dotted'; choose one of line, faint, dashed, points``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Sequence
from typing import Any

from nnviz.text import _

Figure = dict[str, Any]
STYLES = ("line", "faint", "dashed", "points")
COLORS = ("blue", "orange", "grey", "green", "purple")
MAX_PANELS = 4


def _floats(values: Iterable) -> list[float]:
    return [float(v) for v in values]


def curve(name: str, xs, ys, style: str = "line", color: str | None = None) -> dict[str, Any]:
    """One named line (``style`` and ``color`` are written only when not the default)."""
    out: dict[str, Any] = {"name": name, "xs": _floats(xs), "ys": _floats(ys)}
    if style != "line":
        out["style"] = style
    if color is not None:
        out["color"] = color
    return out


def mark(x: float, y: float, label: str) -> dict[str, Any]:
    """A labelled point."""
    return {"x": float(x), "y": float(y), "label": label}


def vline(x: float, label: str) -> dict[str, Any]:
    """A labelled vertical line at ``x``."""
    return {"x": float(x), "label": label}


def bar_series(name: str, values, color: str | None = None) -> dict[str, Any]:
    """One series of a bar chart: a value per category."""
    out: dict[str, Any] = {"name": name, "values": _floats(values)}
    if color is not None:
        out["color"] = color
    return out


def bars(labels: Sequence[str], series: list, log_y: bool = False) -> dict[str, Any]:
    """Grouped bars: ``labels`` name the categories, each series has a value per category."""
    return {"labels": [str(x) for x in labels], "series": series, "log_y": bool(log_y)}


def heatmap(xs, ys, values, x_label: str, y_label: str, label: str = "", log: bool = False):
    """A grid of cells: ``values[j][i]`` at (xs[i], ys[j]); rows are ys."""
    grid = [_floats(row) for row in values]
    out = {"xs": _floats(xs), "ys": _floats(ys), "values": grid}
    out.update({"x_label": x_label, "y_label": y_label, "label": label, "log": bool(log)})
    return out


def figure(
    title: str, x_label: str, y_label: str, curves: list, marks: list, **options: Any
) -> Figure:
    """A figure; ``options`` are the optional fields (log_x, vlines, bars, heatmap, …)."""
    out: Figure = {"title": title, "x_label": x_label, "y_label": y_label}
    out.update(curves=curves, marks=marks)
    out.update({k: v for k, v in options.items() if v is not None})
    return out


def panels_figure(title: str, panels: list[Figure]) -> Figure:
    """Sub-figures side by side under one title."""
    x_label = " | ".join(p["x_label"] for p in panels)
    y_label = " | ".join(p["y_label"] for p in panels)
    return figure(title, x_label, y_label, [], [], panels=panels)


# ----- the checker ---------------------------------------------------------------------------
TOP_KEYS = {"title", "x_label", "y_label", "curves", "marks"}
OPTIONAL_KEYS = {"log_x", "log_y", "equal_axes", "vlines", "bars", "heatmap", "panels"}


def validate_figure(fig: Any) -> None:
    """Check a figure field by field; raise ValueError naming the first bad one."""
    _figure(fig, "", nested=False)


def _fail(where: str, message: str) -> None:
    raise ValueError(_("{path}: {message}", path=where.rstrip(".") or "figure", message=message))


def _figure(fig: Any, where: str, nested: bool) -> None:
    if not isinstance(fig, dict):
        _fail(where, _("must be a dict, not {type_name}", type_name=type(fig).__name__))
    for key in fig:
        if key not in TOP_KEYS | OPTIONAL_KEYS:
            allowed = ", ".join(sorted(TOP_KEYS | OPTIONAL_KEYS))
            _fail(f"{where}{key}", _("unknown field; allowed: {allowed}", allowed=allowed))
    for key in ("title", "x_label", "y_label"):
        _text(fig.get(key), f"{where}{key}")
    for key in ("log_x", "log_y", "equal_axes"):
        if key in fig and not isinstance(fig[key], bool):
            _fail(f"{where}{key}", _("must be true or false, not {value!r}", value=fig[key]))
    log_x, log_y = fig.get("log_x", False), fig.get("log_y", False)
    _items(fig.get("curves"), f"{where}curves", lambda c, w: _curve(c, w, log_x, log_y))
    _items(fig.get("marks"), f"{where}marks", lambda m, w: _mark(m, w, log_x, log_y))
    _items(fig.get("vlines", []), f"{where}vlines", lambda v, w: _vline(v, w, log_x))
    kinds = [k for k in ("bars", "heatmap", "panels") if k in fig]
    if len(kinds) > 1:
        _fail(f"{where}{kinds[1]}", _("a figure has at most one of bars, heatmap, panels"))
    if "bars" in fig:
        _bars(fig["bars"], f"{where}bars.")
    if "heatmap" in fig:
        if fig["curves"]:
            _fail(f"{where}curves", _("a heatmap figure draws no curves"))
        _heatmap(fig["heatmap"], f"{where}heatmap.")
    if "panels" in fig:
        _panels(fig, where, nested)


def _panels(fig: Figure, where: str, nested: bool) -> None:
    panels = fig["panels"]
    if nested:
        _fail(f"{where}panels", _("panels do not nest"))
    if not isinstance(panels, list) or not 1 <= len(panels) <= MAX_PANELS:
        _fail(
            f"{where}panels",
            _("must be a list of 1 to {max_panels} figures", max_panels=MAX_PANELS),
        )
    for key in ("curves", "marks", "vlines"):
        if fig.get(key):
            _fail(f"{where}{key}", _("a panelled figure draws only its panels"))
    for i, panel in enumerate(panels):
        _figure(panel, f"{where}panels[{i}].", nested=True)


def _text(value: Any, where: str) -> None:
    if not isinstance(value, str) or not value.strip():
        _fail(where, _("must be non-empty text, not {value!r}", value=value))


def _items(value: Any, where: str, check) -> None:
    if not isinstance(value, list):
        _fail(where, _("must be a list, not {value!r}", value=value))
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            _fail(f"{where}[{i}]", _("must be a dict, not {value!r}", value=item))
        check(item, f"{where}[{i}].")


def _number(value: Any, where: str, positive: bool = False) -> None:
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if not ok or not math.isfinite(value):
        _fail(where, _("must be a finite number, not {value!r}", value=value))
    if positive and value <= 0:
        _fail(where, _("must be > 0 on a log axis, not {value!r}", value=value))


def _numbers(value: Any, where: str, positive: bool = False, min_len: int = 1) -> None:
    if not isinstance(value, list) or len(value) < min_len:
        _fail(where, _("must be a list of at least {min_len} numbers", min_len=min_len))
    for i, v in enumerate(value):
        _number(v, f"{where}[{i}]", positive)


def _color(item: dict, where: str) -> None:
    if "color" in item and item["color"] not in COLORS:
        _fail(
            f"{where}color",
            _(
                "unknown {value!r}; choose one of {choices}",
                value=item["color"],
                choices=", ".join(COLORS),
            ),
        )


def _curve(c: dict, where: str, log_x: bool, log_y: bool) -> None:
    _known(c, {"name", "xs", "ys", "style", "color"}, where)
    _text(c.get("name"), f"{where}name")
    _numbers(c.get("xs"), f"{where}xs", log_x)
    _numbers(c.get("ys"), f"{where}ys", log_y)
    if len(c["xs"]) != len(c["ys"]):
        _fail(
            f"{where}ys",
            _(
                "must have as many values as xs ({n_xs}, not {n_ys})",
                n_xs=len(c["xs"]),
                n_ys=len(c["ys"]),
            ),
        )
    if c.get("style", "line") not in STYLES:
        _fail(
            f"{where}style",
            _(
                "unknown {value!r}; choose one of {choices}",
                value=c["style"],
                choices=", ".join(STYLES),
            ),
        )
    _color(c, where)


def _mark(m: dict, where: str, log_x: bool, log_y: bool) -> None:
    _known(m, {"x", "y", "label"}, where)
    _number(m.get("x"), f"{where}x", log_x)
    _number(m.get("y"), f"{where}y", log_y)
    _text(m.get("label"), f"{where}label")


def _vline(v: dict, where: str, log_x: bool) -> None:
    _known(v, {"x", "label"}, where)
    _number(v.get("x"), f"{where}x", log_x)
    _text(v.get("label"), f"{where}label")


def _known(item: dict, allowed: set[str], where: str) -> None:
    for key in item:
        if key not in allowed:
            _fail(
                f"{where}{key}",
                _("unknown field; allowed: {allowed}", allowed=", ".join(sorted(allowed))),
            )


def _bars(b: Any, where: str) -> None:
    if not isinstance(b, dict):
        _fail(where, "must be {'labels': [...], 'series': [...]}")
    _known(b, {"labels", "series", "log_y"}, where)
    labels = b.get("labels")
    if not isinstance(labels, list) or not labels:
        _fail(f"{where}labels", _("must be a list of at least one category name"))
    for i, label in enumerate(labels):
        _text(label, f"{where}labels[{i}]")
    if "log_y" in b and not isinstance(b["log_y"], bool):
        _fail(f"{where}log_y", _("must be true or false, not {value!r}", value=b["log_y"]))
    series = b.get("series")
    if not isinstance(series, list) or not series:
        _fail(f"{where}series", _("must be a list of at least one series"))
    for i, s in enumerate(series):
        at = f"{where}series[{i}]."
        if not isinstance(s, dict):
            _fail(at, _("must be a dict, not {value!r}", value=s))
        _known(s, {"name", "values", "color"}, at)
        _text(s.get("name"), f"{at}name")
        _numbers(s.get("values"), f"{at}values", b.get("log_y", False))
        if len(s["values"]) != len(labels):
            _fail(
                f"{at}values", _("must have one value per label ({n_labels})", n_labels=len(labels))
            )
        _color(s, at)


def _heatmap(h: Any, where: str) -> None:
    if not isinstance(h, dict):
        _fail(where, "must be {'xs', 'ys', 'values', 'x_label', 'y_label'}")
    _known(h, {"xs", "ys", "values", "x_label", "y_label", "label", "log"}, where)
    _numbers(h.get("xs"), f"{where}xs")
    _numbers(h.get("ys"), f"{where}ys")
    _text(h.get("x_label"), f"{where}x_label")
    _text(h.get("y_label"), f"{where}y_label")
    if not isinstance(h.get("label", ""), str):
        _fail(f"{where}label", _("must be text, not {value!r}", value=h["label"]))
    if "log" in h and not isinstance(h["log"], bool):
        _fail(f"{where}log", _("must be true or false, not {value!r}", value=h["log"]))
    rows = h.get("values")
    if not isinstance(rows, list) or len(rows) != len(h["ys"]):
        _fail(f"{where}values", _("must be a list of one row per y ({n_ys})", n_ys=len(h["ys"])))
    for j, row in enumerate(rows):
        _numbers(row, f"{where}values[{j}]", h.get("log", False))
        if len(row) != len(h["xs"]):
            _fail(f"{where}values[{j}]", _("must have one value per x ({n_xs})", n_xs=len(h["xs"])))
