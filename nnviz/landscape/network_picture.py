"""The landscape explorer's network-mode frame: the live network's slice, path and captions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from nnviz.landscape.draw import TRAINING_COLOR, legend, racer_path, surface_picture
from nnviz.landscape.narrate import describe_status, narrate_step, num
from nnviz.landscape.network_session import NetworkLandscape
from nnviz.landscape.picture import CurvePicture, LandscapePicture, PathPicture
from nnviz.landscape.race import RACERS, racer_label
from nnviz.text import _

if TYPE_CHECKING:
    from nnviz.landscape.explorer import LandscapeExplorer


def network_picture(ex: LandscapeExplorer) -> LandscapePicture:
    net = ex.net
    if net.plane is None or net.theta is None:
        note = "Start training, or press Recompute, to see the network's loss landscape."
        return LandscapePicture(None, caption=note, seq=ex.seq)
    surface = None
    if net.surface is not None:
        key = id(net.surface)
        if key not in ex._pictures:
            title = _plane_title(net, short=True)
            ex._pictures = {key: surface_picture(net.surface, title, net.shades)}
        surface = ex._pictures[key]
    paths = [_training_path(ex)]
    if ex.netrace is not None:
        paths += [racer_path(ex.netrace.racers[k]) for k in ex.race.enabled]
    head = paths[0]  # the cross-sections go through the explained ball, else training
    if ex.netrace is not None:
        focus = ex.netrace.racers.get(ex.race.narrated)
        head = next((p for p in paths if focus and p.name == focus.label), paths[-1])
    cross = None
    if head.gradient is not None and len(head.xs):
        cross = (float(head.xs[-1]), float(head.ys[-1]), *head.gradient)
    return LandscapePicture(
        surface,
        tuple(paths),
        _network_curve(ex),
        _network_caption(ex),
        _network_narration(ex),
        ex.seq,
        cross,
        legend(paths),
    )


def _training_path(ex: LandscapeExplorer) -> PathPicture:
    net = ex.net
    plane = net.plane
    assert plane is not None
    ab, relative = net.coords()
    grad = None
    if net.grad is not None and np.all(np.isfinite(net.grad)):
        grad = (float(net.grad @ plane.d1), float(net.grad @ plane.d2))  # ∂L/∂a = ∇L·d1
    loss = float(net.projection.true_loss[-1]) if net.projection is not None else np.nan
    return PathPicture(
        "training", TRAINING_COLOR, ab[:, 0], ab[:, 1], loss, grad, off_plane=relative
    )


def _network_curve(ex: LandscapeExplorer) -> CurvePicture | None:
    c = ex.net.curve
    if c is None:
        return None
    values = np.array(c["values"], dtype=float)
    if ex.race.fog:
        from nnviz.landscape.probe import veil

        radius = max(abs(c["dx"]), (c["xs"][-1] - c["xs"][0]) / 80)
        values = veil(c["xs"], values, ex.seen, radius)
    slope = (c["y_dx"] - c["y"]) / c["dx"]
    return CurvePicture(
        c["xs"], values, c["at"], float(c["y"]), c["dx"], float(slope), c["derivative"],
        c["label"], ex.race.fog, "backprop dL/dt", c["marks"],
    )  # fmt: skip


def _network_caption(ex: LandscapeExplorer) -> str:
    net = ex.net
    lines = [f"<b>{_plane_title(net)}</b>"]
    p = net.projection
    if p is not None and len(p.true_loss):
        lines.append(
            f"Training path: true loss now {num(p.true_loss[-1])}; the contour under the "
            f"drawn point says {num(p.plane_loss[-1])}; furthest off the plane "
            f"{p.relative.max():.0%} of its distance from the centre."
        )
        if p.leaves_plane():
            lines.append(
                "Hollow dots are off the plane: the contours under them are not their loss."
            )
    lines.append(
        "Click the surface to race the optimizers on the network's real loss from there; "
        "Recompute re-centres the plane on the current weights."
    )
    return "<br>".join(lines)


def _network_narration(ex: LandscapeExplorer) -> tuple[str, ...]:
    r = ex.netrace
    if r is None:
        return ("Shift+click two edges in the network graph to choose the two weights.",)
    focus = r.racers[ex.race.narrated if ex.race.narrated in r.racers else RACERS[0]]
    if ex.net_explaining:
        head = _("<b>{label}</b>, one update in stages:", label=racer_label(focus.kind))
        return (head, *narrate_step(focus))
    return tuple(describe_status(r.racers[k]) for k in ex.race.enabled)


def _plane_title(net: NetworkLandscape, short: bool = False) -> str:
    p = net.plane
    if p is None:
        return ""
    if short:  # for the plot's title line
        share = f" ({sum(p.explained):.0%} of the path)" if p.explained else ""
        return {"weights": "Two chosen weights", "random": "Random directions"}.get(
            p.kind, "PCA plane" + share
        )
    if p.kind == "weights":
        return f"Loss over {p.x_label} and {p.y_label}, every other weight held where it was"
    if p.kind == "pca":
        moved = sum(p.explained or (0.0, 0.0))
        return f"Loss on the PCA plane of the training path ({moved:.0%} of its movement)"
    return "Loss on two random filter-normalised directions through the weights"
