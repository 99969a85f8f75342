"""What the data canvas's caption says: the tool and what the shading shows, or a neuron's name."""

from __future__ import annotations

from app.i18n import tr
from nnviz.network.text import unit_title
from nnviz.snapshot import Snapshot


def focus_caption(focus: tuple[int, int], why: str, snap: Snapshot | None) -> str:
    """Which neuron the canvas shows and why ("hover" or "graph")."""
    layer, idx = focus
    if snap is not None and snap.spec.sizes[layer] > idx:
        name = unit_title(snap, layer, idx)
    elif layer == 0:
        name = tr("input {i}").format(i=idx + 1)
    else:
        name = tr("neuron h{layer}[{i}] (hidden layer {layer}, neuron {i})").format(
            layer=layer, i=idx + 1
        )
    because = {
        "hover": tr("move away to return to the network's output"),
        "graph": tr("the computation graph is computing it; the ring is the traced point"),
    }.get(why, "")
    return tr("Showing {name} — {why}.").format(name=name, why=because)


def tool_caption(tool: str, kind: str, dim: int, current_class: int) -> str:
    """The tool and what a click does, what a new point gets, what the picture shows."""
    tools = {
        "add": tr("click adds, drag moves, right-click deletes"),
        "brush": tr("drag paints points"),
        "trace": tr("click a point to trace it"),
    }
    tool_names = {"add": tr("add", "tool"), "brush": tr("brush"), "trace": tr("trace")}
    what = tr("class {k}").format(k=current_class + 1) if kind != "regression" else tr("value")
    # What the picture shows depends on the task: only a two-class net has one boundary.
    shows = {
        "multiclass": tr("shading: the most likely class, paler where the network is unsure"),
        "regression": tr("line: the network's prediction y = f(x)")
        if dim == 1
        else tr("shading: the network's prediction (blue +, orange −)"),
    }.get(kind, tr("shading: the network's output, line = decision boundary"))
    if kind == "regression" and dim == 1:
        what = tr("where you click (x, y)")
    return tr("Tool: {tool} ({how}) · new points: {what} · {shows}").format(
        tool=tool_names.get(tool, tool), how=tools.get(tool, ""), what=what, shows=shows
    )
