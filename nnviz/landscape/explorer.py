"""The landscape view's state machine (pure): requests in, pictures and jobs out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from nnviz.engine.problem import Problem
from nnviz.landscape import requests as lq
from nnviz.landscape.likelihood_view import LikelihoodScene, likelihood_picture, likelihood_scene
from nnviz.landscape.narrate import num
from nnviz.landscape.network_picture import network_picture
from nnviz.landscape.network_race import advance_job, start_job
from nnviz.landscape.network_session import (
    KNOBS,
    PLANES,
    NetworkLandscape,
    knob_title,
    plane_title,
)
from nnviz.landscape.picture import LandscapePicture
from nnviz.landscape.race import LABELS, Race
from nnviz.landscape.race_session import SPEEDS, InputError, RaceSession, check_lr
from nnviz.landscape.surfaces import SURFACES
from nnviz.landscape.walk_session import WalkSession, walk_race
from nnviz.text import _
from nnviz.transaction import all_or_nothing

Job = Callable[[Callable[[], bool]], Iterator[Any]]
MODES = ("race", "network", "likelihood")


@dataclass
class Effects:
    """What a request asks of the Qt side: jobs to submit, one message, a slider to move."""

    jobs: list[tuple[str, Job]] = field(default_factory=list)
    message: str = ""
    error: bool = False
    lr: float | None = None  # the learning rate the slider should now show


class LandscapeExplorer:
    """Mode, surface or plane, the race and the 1-D panel; every method is a plain value call.

    Bad input raises nothing: the method returns Effects with one error message and the
    state is left exactly as it was.
    """

    def __init__(self) -> None:
        self.mode = "race"
        self.race = RaceSession()
        self.net = NetworkLandscape()
        self.netrace: Race | None = None
        self.net_lr, self.net_playing, self.net_explaining = 0.03, False, False
        self.net_credit = 0.0
        self.seen: list[float] = []  # probe points of the network 1-D panel (for the fog)
        self.walking = WalkSession()  # network mode's one knob and the fog walk along it
        self.likelihood: LikelihoodScene | None = None  # the ll hill and its paths, once asked
        self.seq = 0
        self._pictures: dict[int, Any] = {}

    # ----- choices for the view --------------------------------------------------------------
    def surface_items(self) -> list[tuple[str, str]]:
        """(title, key) for the surface/plane chooser of the current mode."""
        if self.mode == "race":
            return [(SURFACES[k]().title, k) for k in SURFACES]
        return [(plane_title(k), k) for k in PLANES]

    def knob_items(self) -> list[tuple[str, str]]:
        """(title, key) for the 1-D chooser of the current mode."""
        if self.mode == "race":
            return [(_("x cross-section"), "x"), (_("y cross-section"), "y")]
        return [(_("along one weight") if k == "weight" else knob_title(k), k) for k in KNOBS]

    @property
    def lr(self) -> float:
        """The learning rate of the current mode's race."""
        if self.mode == "likelihood" and self.likelihood is not None:
            return self.likelihood.request.lr
        return self.race.lr if self.mode == "race" else self.net_lr

    @property
    def playing(self) -> bool:
        """True while the current mode's race is running."""
        return self.race.playing if self.mode == "race" else self.net_playing

    # ----- requests --------------------------------------------------------------------------
    def apply(self, request: lq.LandscapeRequest) -> Effects:
        """Carry out one request value; a refused one is one error message, nothing changed.

        The whole state (the race, the network plane, the 1-D panel) is put back on refusal,
        not only the top-level attributes.
        """
        handler = _HANDLERS.get(type(request))
        if handler is None:
            name = type(request).__name__
            return Effects(message=_("the landscape cannot do {name}", name=name), error=True)
        try:
            return all_or_nothing(self, lambda: handler(self, request) or Effects(), self._shared())
        except (InputError, ValueError) as exc:
            return Effects(message=str(exc), error=True)

    def _shared(self) -> list[object]:
        """Big immutable things a rollback keeps as they are instead of copying."""
        net = self.net
        shared: list[object] = [net.problem, net.surface, net.plane, net.projection, net.shades]
        shared.append(net.pending)
        shared += [*self._pictures.values(), self.likelihood, *self.walking.shared()]
        if self.netrace is not None:
            shared.append(self.netrace.objective)
        return shared

    def _set_mode(self, mode: str) -> Effects:
        if mode not in MODES:
            raise InputError(_("unknown mode {mode!r}", mode=mode))
        if mode == "likelihood" and self.likelihood is None:
            raise InputError(_("The likelihood hill needs points: ask for its paths first."))
        self.mode = mode
        self.race.playing = self.net_playing = False
        out = Effects(lr=self.lr)
        if mode == "network":
            out.jobs += self._refresh_jobs(force=self.net.surface is None)
        return out

    def _select(self, key: str) -> Effects:
        if self.mode == "race":
            self.race.select(key)
            return Effects(lr=self.race.lr)
        if key not in PLANES:
            raise InputError(_("unknown plane {key!r}", key=key))
        self.net.kind, self.netrace = key, None
        return Effects(jobs=self._refresh_jobs(force=True))

    def _set_condition(self, c: float) -> Effects:
        self.race.set_condition(c)
        return Effects(lr=self.race.lr)

    def _set_lr(self, lr: float) -> Effects | None:
        if self.mode == "likelihood":
            return self._show_likelihood(replace(self._likely().request, lr=check_lr(lr)))
        if self.mode == "race":
            self.race.set_lr(lr)
        else:
            self.net_lr = check_lr(lr)
            if self.netrace is not None:
                self.netrace.set_lr(self.net_lr)
            jobs = self.walking.restride(self.net, self.race.dx)  # the next walk: same start
            return Effects(jobs=jobs, lr=self.net_lr)  # a lesson's lr shows on the slider
        return None

    def _set_lr_regime(self, name: str) -> Effects:
        lr = self.race.regimes().get(name)
        if lr is None or self.mode != "race":
            raise InputError(_("the learning-rate lessons run on the quadratic bowl"))
        self.race.set_lr(lr)
        self.race.command("reset")
        return Effects(lr=lr)

    def _set_start(self, x: float, y: float) -> Effects:
        if self.mode == "likelihood":  # a click restarts every path from there
            return self._show_likelihood(replace(self._likely().request, start=(x, y)))
        if self.mode == "race":
            self.race.set_start(x, y)
            return Effects()
        return Effects(jobs=[("netrace", self._new_netrace(x, y))])

    def _set_racers(self, labels: Sequence[str]) -> None:
        kinds = {v: k for k, v in LABELS.items()}
        self.race.set_racers([kinds.get(n, n) for n in labels])

    def _set_speed(self, speed: float) -> None:
        self.race.set_speed(float(speed))

    def _set_narrated(self, kind: str) -> None:
        self.race.set_narrated(kind)

    def _set_knob(self, knob: str) -> Effects:
        if self.mode == "race":
            self.race.set_knob(knob)
            return Effects()
        if knob not in KNOBS:
            raise InputError(_("unknown 1-D slice {knob!r}", knob=knob))
        self.net.knob, self.net.curve, self.seen = knob, None, []
        self.walking.forget(keep_start=False)
        return Effects(jobs=[("curve", self.walking.live_curve_job(self.net, self.race.dx))])

    def _set_probe(self, dx: float) -> Effects:
        self.race.set_probe(dx)
        self.walking.forget()  # the walk feels the slope with Δx: a new Δx, a new walk (same start)
        if self.mode == "network" and self.net.theta is not None:
            return Effects(jobs=[("curve", self.walking.live_curve_job(self.net, dx))])
        return Effects()

    def _walk_request(self, request: Any) -> Effects:
        """The network's one knob and the fog walk along it (a walk on a surface in race mode)."""
        if self.mode == "race" and isinstance(request, lq.Walk):
            walk_race(self.race, request.steps)
            return Effects()
        jobs, note = self.walking.apply(request, self.mode, self.net, self.net_lr, self.race.dx)
        if isinstance(request, lq.SetKnobWeight):  # the live panel along the new knob
            self.seen, jobs = [], [("curve", self.walking.live_curve_job(self.net, self.race.dx))]
        return Effects(jobs=jobs, message=note)

    def _set_fog(self, on: bool) -> None:
        self.race.fog = bool(on)

    def _recompute(self) -> Effects:
        if self.mode == "race":
            return Effects(
                message=_("Analytic surfaces are exact everywhere; nothing to recompute.")
            )
        return Effects(jobs=self._refresh_jobs(force=True))

    def _command(self, name: str) -> Effects:
        if self.mode == "likelihood":
            raise InputError(
                _("These paths are computed whole: click the hill to start elsewhere.")
            )
        if self.mode == "race":
            self.race.command(name)
            return Effects()
        if name == "walk":
            return self._walk_request(lq.Walk(1))
        walked = name == "reset" and self.walking.walk is not None  # the walker back to start
        jobs = self.walking.restride(self.net, self.race.dx) if walked else []
        if self.netrace is None and walked:
            return Effects(jobs=jobs)
        if self.netrace is None:
            raise InputError(_("Click the surface first: the race starts from where you click."))
        if name in ("play", "pause"):
            self.net_playing, self.net_explaining = name == "play", False
            return Effects()
        self.net_playing = False
        self.net_explaining = name == "step"
        steps = 1 if name == "step" else 0
        jobs.append(("netrace", advance_job(self.netrace, steps, name == "reset")))
        return Effects(jobs=jobs)

    def _show_likelihood(self, request: lq.ShowLikelihoodPaths) -> Effects:
        """The ll hill of a 2-weight logistic model with its paths (validated, then shown)."""
        self.likelihood = likelihood_scene(request)
        self.mode, self.race.playing, self.net_playing = "likelihood", False, False
        return Effects(lr=request.lr)

    def _likely(self) -> LikelihoodScene:
        assert self.likelihood is not None  # the likelihood mode is entered only with a scene
        return self.likelihood

    def _pick(self, ref: Any) -> Effects:
        message = self.net.pick(ref)
        self.netrace = None
        jobs = self._refresh_jobs(force=True) if self.mode == "network" else []
        return Effects(jobs=jobs, message=message)

    # ----- time passing ----------------------------------------------------------------------
    def tick(self) -> Effects:
        """A timer tick: the analytic race steps here; the network race asks for a job."""
        if self.mode == "race":
            self.race.tick()
            return Effects()
        if self.mode == "likelihood":  # its paths are computed whole, nothing to step
            return Effects()
        if not self.net_playing or self.netrace is None or "netrace" in self.net.busy:
            return Effects()
        self.net_credit += self.race.speed
        n, self.net_credit = int(self.net_credit), self.net_credit % 1.0
        if self.netrace.finished:
            self.net_playing = False
        return Effects(jobs=[("netrace", advance_job(self.netrace, n))] if n else [])

    def observe(
        self,
        problem: Problem,
        theta: np.ndarray,
        step: int,
        grad=None,
        refresh: bool = True,
        recentre: bool = True,
    ) -> Effects:
        """A training snapshot arrived: the path grows; recompute what it has outgrown.

        ``refresh=False`` only records the path, ``recentre=False`` keeps a plane the path has
        outgrown a little longer (the caller paces the recomputations).
        """
        before = (self.net.arch, self.net.problem, self.net.recorder.latest)
        self.net.observe(problem, theta, step, grad)
        if before[0] != self.net.arch:
            self.walking = WalkSession()  # a new network: its weights have other names
        elif before[1] is not problem or (before[2] and step < before[2][0]):
            self.walking.forget(keep_start=False)  # new data, a new loss or a reset
        if self.mode != "network" or not refresh:
            return Effects()
        return Effects(jobs=self._refresh_jobs(force=False, recentre=recentre))

    def _refresh_jobs(self, force: bool, recentre: bool = True) -> list[tuple[str, Job]]:
        """Jobs to bring the network pictures up to date (at most one of each in flight)."""
        net = self.net
        if net.theta is None:
            return []
        jobs = []
        due = net.surface is None or recentre  # something to show, or time for a new centre
        if force or (due and "slice" not in net.busy and net.needs_slice()):
            jobs.append(("slice", net.slice_job(recentre=not force)))
            self.netrace = None
        if "project" not in net.busy and net.plane is not None:
            jobs.append(("project", net.project_job()))
        if "curve" not in net.busy and self.walking.walk is None:
            jobs.append(("curve", self.walking.live_curve_job(self.net, self.race.dx)))
        return jobs

    def submitted(self, key: str) -> None:
        """The controller has submitted a job under ``key``."""
        self.net.busy.add(key)

    def on_result(self, key: str, value: Any) -> None:
        """A job result (only ever the newest job of its key)."""
        if key == "slice":
            plane, surface, shades = value
            self.net.install(plane, surface, shades)
            if surface.refined:
                self.net.busy.discard(key)
            return
        self.net.busy.discard(key)
        if key == "project" and value[0] is self.net.plane:
            self.net.projection = value[1]
        elif key == "curve" and value["kind"] == self.net.knob:
            self.net.curve = value
            self.seen = [*self.seen[-200:], value["at"], value["at"] + value["dx"]]
        elif key == "netrace":
            self.netrace = value
        elif key == "walkcurve":
            self.walking.on_curve(value)

    def on_failed(self, key: str, message: str) -> Effects:
        """A job raised: say so once, keep everything else."""
        self.net.busy.discard(key)
        self.net_playing = False
        said = _("Could not compute the landscape ({key}): {message}", key=key, message=message)
        return Effects(message=said, error=True)

    # ----- pictures --------------------------------------------------------------------------
    def picture(self) -> LandscapePicture:
        """The frame for the current mode."""
        self.seq += 1
        if self.mode == "race":
            return self.race.picture(self.seq)
        if self.mode == "likelihood":
            return likelihood_picture(self._likely(), self.seq)
        return self.walking.dress(network_picture(self), self.race.fog, self.net)

    def _new_netrace(self, x: float, y: float) -> Job:
        net, plane, problem = self.net, self.net.plane, self.net.problem
        if plane is None or problem is None or net.surface is None:
            raise InputError(_("Wait for the surface to be computed, then click on it."))
        if not (np.isfinite(x) and np.isfinite(y)) or not net.surface.contains(x, y):
            raise InputError(_("({x}, {y}) is outside the computed surface", x=num(x), y=num(y)))
        self.net_playing = self.net_explaining = False
        return start_job(problem, plane, (x, y), self.net_lr)


# Each request type and the method that carries it out (the explorer's whole vocabulary).
_HANDLERS: dict[type, Callable[[LandscapeExplorer, Any], Effects | None]] = {
    lq.SetMode: lambda s, r: s._set_mode(r.mode),
    lq.SelectSurface: lambda s, r: s._select(r.key),
    lq.SetCondition: lambda s, r: s._set_condition(r.condition),
    lq.SetLearningRate: lambda s, r: s._set_lr(r.lr),
    lq.SetLrRegime: lambda s, r: s._set_lr_regime(r.name),
    lq.SetStart: lambda s, r: s._set_start(r.x, r.y),
    lq.SetRacers: lambda s, r: s._set_racers(r.names),
    lq.SetSpeed: lambda s, r: s._set_speed(r.speed),
    lq.SetNarrated: lambda s, r: s._set_narrated(r.kind),
    lq.SetKnob: lambda s, r: s._set_knob(r.knob),
    lq.SetProbe: lambda s, r: s._set_probe(r.dx),
    lq.SetFog: lambda s, r: s._set_fog(r.on),
    lq.Recompute: lambda s, r: s._recompute(),
    lq.RaceCommand: lambda s, r: s._command(r.name),
    lq.PickParam: lambda s, r: s._pick(r.ref),
    lq.SetKnobWeight: LandscapeExplorer._walk_request,
    lq.StartWalk: LandscapeExplorer._walk_request,
    lq.Walk: LandscapeExplorer._walk_request,
    lq.ShowLikelihoodPaths: lambda s, r: s._show_likelihood(r),
}


__all__ = ["SPEEDS", "Effects", "LandscapeExplorer"]
