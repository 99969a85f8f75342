"""Network mode's one knob: which weight it is, and the fog walk along it (the explorer's part)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from nnviz.landscape import requests as lq
from nnviz.landscape.knob_walk import (
    Job,
    KnobWalk,
    WalkPicture,
    check_steps,
    start_walk,
    weight_curve_job,
)
from nnviz.landscape.knob_walk_words import walk_caption, walk_narration
from nnviz.landscape.network_session import NetworkLandscape
from nnviz.landscape.params import ParamRef, flat_index, param_label
from nnviz.landscape.picture import LandscapePicture
from nnviz.landscape.race_session import InputError, RaceSession
from nnviz.text import _

FIRST_WEIGHT: ParamRef = (0, 0, 0)  # W1[0,0]: every network has it


class WalkSession:
    """The chosen weight, where the next walk starts, and the walk under way (if any).

    A refused request raises InputError or ValueError before anything changes here; the
    explorer's transaction puts the rest back.
    """

    def __init__(self) -> None:
        self.ref: ParamRef | None = None  # chosen by the user; else the slice's first axis
        self.walk: KnobWalk | None = None
        self.at: float | None = None  # where the next walk starts (None: the weight's value)
        self.seq = 0  # numbers the walk's curve jobs

    def apply(
        self, request: Any, mode: str, net: NetworkLandscape, lr: float, dx: float
    ) -> tuple[list[tuple[str, Job]], str]:
        """SetKnobWeight, StartWalk or Walk in network mode: the jobs to run and a note."""
        if mode != "network":
            raise InputError(
                _("The knob and its walk belong to the live network's loss: open it first.")
            )
        if isinstance(request, lq.SetKnobWeight):
            self.choose(net, request.ref)
            return [], ""
        if isinstance(request, lq.StartWalk):
            return self.start(net, request.at, request.offset, lr, dx), ""
        return self.step(net, request.steps, lr, dx)

    def knob(self, net: NetworkLandscape) -> ParamRef:
        """The weight the 1-D panel turns: the chosen one, else the slice's first axis."""
        if self.ref is not None:
            return self.ref
        return net.picks[0] if net.picks else FIRST_WEIGHT

    def weight_items(self, net: NetworkLandscape) -> list[tuple[str, int]]:
        """(name, index in θ) of every weight and bias of the live network, for a chooser."""
        if net.problem is None:
            return []
        return [(param_label(net.problem.net, k), k) for k in range(net.problem.net.n_params)]

    def knob_index(self, net: NetworkLandscape) -> int | None:
        """The index in θ of the knob's weight (None before there is a network)."""
        return None if net.problem is None else flat_index(net.problem.net, self.knob(net))

    def choose(self, net: NetworkLandscape, ref: ParamRef) -> None:
        """A new knob (validated against the network); the walk along the old one ends."""
        if net.problem is None or net.theta is None:
            raise InputError(_("The network has not started yet: train it a little first."))
        flat_index(net.problem.net, ref)  # a weight this network has, or a ValueError
        self.ref, net.knob, net.curve = ref, "weight", None
        self.forget(keep_start=False)

    def forget(self, keep_start: bool = True) -> None:
        """End the walk; the next one starts where this one did if ``keep_start``."""
        self.walk = None
        if not keep_start:
            self.at = None

    def restride(self, net: NetworkLandscape, dx: float) -> list[tuple[str, Job]]:
        """End the walk (a new lr, Δx or a reset), keeping its start; the live panel returns."""
        walked, self.walk = self.walk is not None, None
        if not walked or net.theta is None:
            return []
        return [("curve", self.live_curve_job(net, dx))]

    def live_curve_job(self, net: NetworkLandscape, dx: float) -> Job:
        """The live 1-D panel: along the knob's weight, a random direction, or the path."""
        if net.knob != "weight":
            return net.curve_job(dx)
        if net.problem is None or net.theta is None:
            raise InputError(_("the network has not started yet"))
        return weight_curve_job(net.problem, net.theta, self.knob(net), dx)

    def start(
        self, net: NetworkLandscape, at: float | None, offset: float, lr: float, dx: float
    ) -> list[tuple[str, Job]]:
        """A new walk on the weights of now; it feels the slope at its start at once."""
        self.walk = start_walk(net.problem, net.theta, self.knob(net), at, offset, lr, dx)
        self._walking(net)
        return self._curve_jobs()

    def step(
        self, net: NetworkLandscape, steps: int, lr: float, dx: float
    ) -> tuple[list[tuple[str, Job]], str]:
        """``steps`` steps downhill (a walk starts first if none is under way), and a note."""
        steps = check_steps(steps)
        if self.walk is None:
            self.walk = start_walk(net.problem, net.theta, self.knob(net), self.at, 0.0, lr, dx)
            self._walking(net)
        if self.walk.report.status == "stopped":
            return [], _(
                "The walk has stopped: the knob no longer changes. Reset, or click the curve, "
                "to start again."
            )
        self.walk.step(steps)
        if self.walk.report.status == "diverged":
            raise InputError(_("the walk diverged: the learning rate is too big for this slope"))
        return self._curve_jobs(), ""

    def on_curve(self, value: dict) -> None:
        """A curve job's result: kept if it belongs to the walk now under way."""
        if self.walk is not None and value["token"] == self.walk.token:
            self.walk.curve = value

    def dress(self, pic: LandscapePicture, fog: bool, net: NetworkLandscape) -> LandscapePicture:
        """The network frame with the walk's curve, caption, latest steps (and on the slice)."""
        walk = self.walk
        if walk is None:
            return pic
        curve = walk.curve_picture(fog)
        path = walk.on_slice(net.plane) if pic.surface is not None else None
        return replace(
            pic,
            paths=pic.paths if path is None else (*pic.paths, path),
            curve=curve if curve is not None else pic.curve,
            caption=walk_caption(walk),
            narration=walk_narration(walk),
        )

    def picture(self) -> WalkPicture | None:
        """The walker's stops for the 1-D plot, or None with no walk under way."""
        return None if self.walk is None else self.walk.picture()

    def shared(self) -> list[Any]:
        """What a rollback may keep as it is: the walk's problem and its private copies."""
        return [] if self.walk is None else [self.walk.problem, self.walk.along]

    def _walking(self, net: NetworkLandscape) -> None:
        """A walk began: pin its weight as the knob, keep its start, turn the 1-D panel to it."""
        assert self.walk is not None
        self.ref, self.at = self.knob(net), self.walk.walk.start
        if net.knob != "weight":
            net.knob, net.curve = "weight", None

    def _curve_jobs(self) -> list[tuple[str, Job]]:
        walk = self.walk
        if walk is None or not walk.needs_curve():
            return []
        self.seq += 1
        return [("walkcurve", walk.curve_job(self.seq))]


def walk_race(race: RaceSession, steps: int) -> None:
    """``steps`` fog-walk steps along the analytic surface's cross-section (race mode)."""
    for _unused in range(check_steps(steps)):
        race.command("walk")
        if race.walker is not None and race.walker.status != "walking":
            break
