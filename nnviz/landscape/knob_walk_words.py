"""The words beside a fog walk on the network: the caption's numbers and the last steps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nnviz.text import _

if TYPE_CHECKING:
    from nnviz.landscape.knob_walk import KnobWalk

RECENT = 6  # how many of the latest steps the narration lists


def fig(x: float, digits: int = 4) -> str:
    """A number with ``digits`` significant digits and a real minus sign."""
    return f"{float(x):.{digits}g}".replace("-", "−")


def walk_caption(walk: KnobWalk) -> str:
    """What the walk measured: the start, the secants closing in, where it is, how many looks."""
    r, w = walk.report, walk.label
    lines = [
        _(
            "<b>Fog walk along {weight}</b>, every other weight held still: the walker sees "
            "only the loss where it stands.",
            weight=w,
        ),
        _(
            "Start {weight} = {x}, loss {loss}. Δy/Δx there: {secants}; backprop: {backprop}.",
            weight=w,
            x=fig(r.start),
            loss=fig(r.values[0]),
            secants=", ".join(
                _("{slope} (Δx {dx})", slope=fig(s), dx=fig(dx, 1)) for dx, s in r.secants
            ),
            backprop=fig(walk.start_slope),
        ),
        _(
            "<b>{steps} steps</b> of {weight} ← {weight} − {lr}·Δy/Δx (Δx {dx}): now {x}, "
            "loss {loss}; <b>{looks} looks</b> at the loss.",
            steps=r.steps,
            weight=w,
            lr=fig(walk.lr, 3),
            dx=fig(walk.dx, 3),
            x=fig(r.end),
            loss=fig(r.values[-1]),
            looks=r.evaluations,
        ),
    ]
    if r.status == "stopped":
        lines.append(_("Stopped: the last step moved the knob by less than 10⁻⁶."))
    return "<br>".join(lines)


def walk_narration(walk: KnobWalk) -> tuple[str, ...]:
    """The latest steps, one line each: the slope felt, where it led, the loss there."""
    walker = walk.walk.walker
    path, values = walk.report.path, walk.report.values
    first = max(1, len(path) - RECENT)
    lines = [
        _(
            "step {k}: Δy/Δx = {slope} → {weight} = {x}, loss {loss}",
            k=k,
            slope=fig(walker.slopes[k - 1]),
            weight=walk.label,
            x=fig(path[k]),
            loss=fig(values[k]),
        )
        for k in range(first, len(path))
    ]
    hint = _("Walk (W) takes a step, Shift+W ten; a click on the curve moves the start.")
    return (*lines, hint)
