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
            "<b>Fog walk along {weight}</b>: every other weight held still; the walker sees "
            "only the loss where it stands.",
            weight=w,
        ),
        _("Start: {weight} = {x}, loss {loss}.", weight=w, x=fig(r.start), loss=fig(r.values[0])),
        _(
            "Feeling the slope there, Δy/Δx = {secants} → slope {slope} (backprop: {backprop}).",
            secants=", ".join(
                _("{slope} (Δx {dx})", slope=fig(s, 5), dx=fig(dx, 1)) for dx, s in r.secants
            ),
            slope=fig(r.slope, 5),
            backprop=fig(walk.start_slope, 5),
        ),
    ]
    if r.steps:
        lines.append(
            _(
                "<b>{steps} steps</b>: {weight} = {x}, loss {loss}; "
                "<b>{looks} looks</b> at the loss so far.",
                steps=r.steps,
                weight=w,
                x=fig(r.end),
                loss=fig(r.values[-1]),
                looks=r.evaluations,
            )
        )
    else:
        lines.append(_("{looks} looks at the loss so far.", looks=r.evaluations))
    if r.status == "stopped":
        lines.append(_("Stopped: the last step moved the knob by less than 10⁻⁶."))
    lines.append(
        _(
            "Each step: {weight} ← {weight} − lr·Δy/Δx, lr = {lr}, Δx = {dx}. Walk (W) takes "
            "a step; a click on the curve puts the walker there.",
            weight=w,
            lr=fig(walk.lr, 3),
            dx=fig(walk.dx, 3),
        )
    )
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
    return tuple(lines) or (_("Press Walk (W) to take the first step downhill."),)
