"""The optimizer race on an analytic surface, as the landscape view runs it (pure state)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from nnviz.landscape.draw import RACER_COLORS, legend, probe_curve, racer_path
from nnviz.landscape.lr_regimes import critical_lr, step_factor
from nnviz.landscape.narrate import describe_status, narrate_step, num
from nnviz.landscape.picture import CurvePicture, LandscapePicture, SurfacePicture
from nnviz.landscape.probe import FogWalk
from nnviz.landscape.race import LABELS, RACERS, Race, Racer, racer_label
from nnviz.landscape.surfaces import SURFACES, get_surface
from nnviz.text import _

SPEEDS = (0.1, 0.2, 1.0, 5.0, 10.0)  # gradient_descent_viz's playback choices
LR_RANGE = (1e-6, 100.0)  # anything outside is refused with a message
GRID = 101


class InputError(ValueError):
    """A request the session refuses; its text is the one message the user sees."""


def check_lr(lr: float) -> float:
    """A learning rate that is a finite number in LR_RANGE, or InputError."""
    lr = float(lr)
    if not (np.isfinite(lr) and LR_RANGE[0] <= lr <= LR_RANGE[1]):
        raise InputError(
            _(
                "learning rate must be between {low:g} and {high:g}, not {lr:g}",
                low=LR_RANGE[0],
                high=LR_RANGE[1],
                lr=lr,
            )
        )
    return lr


class RaceSession:
    """Which surface, which racers, how fast, which ball is explained, and the 1-D probe."""

    def __init__(self, surface: str = "bowl") -> None:
        self.condition = 10.0
        self.enabled: list[str] = list(RACERS)
        self.speed, self._credit = 1.0, 0.0
        self.playing = False
        self.explaining = False  # True after Step: narrate the stages of that one update
        self.narrated = "sgd"
        self.knob = "x"
        self.dx, self.fog = 0.1, False
        self.walker: FogWalk | None = None
        self.select(surface)

    # ----- requests ------------------------------------------------------------------------
    def select(self, key: str) -> None:
        """Switch to another analytic surface (its own start point and learning rate)."""
        if key not in SURFACES:
            raise InputError(_("unknown surface {key!r}", key=key))
        params = {"condition": self.condition} if key == "bowl" else {}
        self.surface = get_surface(key, **params)
        g = self.surface.grid(GRID)
        self.grid = SurfacePicture(g.alphas, g.betas, g.values, "x", "y", self.surface.title)
        self.lr = self.surface.lr
        self.start = self.surface.start
        self._new_race()

    def reword(self) -> None:
        """The surface's title and note in the current language; the race goes on untouched."""
        params = {"condition": self.condition} if self.surface.key == "bowl" else {}
        self.surface = get_surface(self.surface.key, **params)  # same numbers, new words
        self.grid = replace(self.grid, title=self.surface.title)

    def set_condition(self, condition: float) -> None:
        """The bowl's condition number λmax/λmin (1 … 1000)."""
        c = float(condition)
        if not (np.isfinite(c) and 1.0 <= c <= 1000.0):
            raise InputError(_("the condition number must be between 1 and 1000, not {c:g}", c=c))
        self.condition = c
        if self.surface.key == "bowl":
            lr = self.lr
            self.select("bowl")
            self.set_lr(lr)

    def set_lr(self, lr: float) -> None:
        """The same learning rate for every racer, from the next step on."""
        self.lr = check_lr(lr)
        self.race.set_lr(self.lr)
        self.walker = None

    def set_start(self, x: float, y: float) -> None:
        """Restart every ball from (x, y), which must lie on the drawn surface."""
        (x0, x1), (y0, y1) = self.surface.domain
        if not (np.isfinite(x) and np.isfinite(y)):
            raise InputError(_("the start point must be two finite numbers"))
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            raise InputError(
                _(
                    "({x}, {y}) is outside the surface: click inside x ∈ [{x0}, {x1}], y ∈ "
                    "[{y0}, {y1}]",
                    x=num(x),
                    y=num(y),
                    x0=num(x0),
                    x1=num(x1),
                    y0=num(y0),
                    y1=num(y1),
                )
            )
        self.start = (float(x), float(y))
        self.race.restart(self.start)
        self.explaining, self.walker = False, None

    def set_racers(self, names: Sequence[str]) -> None:
        """Which racers are drawn (the others keep running, unseen)."""
        unknown = [n for n in names if n not in RACERS]
        if unknown:
            raise InputError(_("unknown optimizer {kind!r}", kind=unknown[0]))
        self.enabled = [n for n in RACERS if n in names]

    def set_speed(self, speed: float) -> None:
        """Updates per timer tick (fractions mean one update every few ticks)."""
        if speed not in SPEEDS:
            raise InputError(
                _("speed must be one of {choices}", choices=", ".join(f"{s:g}×" for s in SPEEDS))
            )
        self.speed = float(speed)

    def set_narrated(self, kind: str) -> None:
        """Which racer Step explains and the 1-D panel follows."""
        if kind not in RACERS:
            raise InputError(_("unknown optimizer {kind!r}", kind=kind))
        self.narrated, self.walker = kind, None

    def set_knob(self, knob: str) -> None:
        """The 1-D panel's cross-section: along "x" or along "y" through the explained ball."""
        if knob not in ("x", "y"):
            raise InputError(_("the cross-section runs along x or y"))
        self.knob, self.walker = knob, None

    def set_probe(self, dx: float) -> None:
        """Δx of the secant probe (and of the fog walk's slope estimate)."""
        if not (np.isfinite(dx) and dx != 0):
            raise InputError(_("Δx must be a non-zero finite number"))
        self.dx, self.walker = float(dx), None

    def command(self, name: str) -> None:
        """play, pause, step (one narrated update), reset or walk (one foggy 1-D step)."""
        if name == "play":
            self.playing, self.explaining = True, False
        elif name == "pause":
            self.playing = False
        elif name == "step":
            self.playing, self.explaining = False, True
            self.race.step()
        elif name == "reset":
            self.race.restart(self.start)
            self.playing = self.explaining = False
            self.walker = None
        elif name == "walk":
            self._walk()
        else:
            raise InputError(_("unknown race command {name!r}", name=name))

    def tick(self) -> bool:
        """One timer tick while playing: ``speed`` updates (credit carries the fractions)."""
        if not self.playing:
            return False
        self._credit += self.speed
        n, self._credit = int(self._credit), self._credit % 1.0
        self.race.run(n)
        if all(self.race.racers[k].status != "running" for k in self.enabled):
            self.playing = False  # everyone visible has converged or diverged
        return n > 0

    # ----- what to draw --------------------------------------------------------------------
    @property
    def focus(self) -> Racer:
        """The explained racer (the first one drawn, if the chosen one is hidden)."""
        kind = self.narrated if self.narrated in self.enabled else (self.enabled or RACERS)[0]
        return self.race.racers[kind]

    def picture(self, seq: int = 0) -> LandscapePicture:
        """The frame: surface, one trail per drawn racer, the 1-D panel, captions."""
        paths = tuple(racer_path(self.race.racers[k]) for k in self.enabled)
        focus = self.focus
        x, y = focus.path.points[-1]
        g = focus.gradient
        cross = (float(x), float(y), float(g[0]), float(g[1])) if np.all(np.isfinite(g)) else None
        if self.explaining:
            narration = (
                _("<b>{label}</b>, one update in stages:", label=racer_label(focus.kind)),
                *narrate_step(focus),
            )
        else:
            narration = tuple(describe_status(self.race.racers[k]) for k in self.enabled)
        return LandscapePicture(
            self.grid,
            paths,
            self._curve(float(x), float(y)),
            self.caption(),
            narration,
            seq,
            cross,
            legend(paths),
        )

    def caption(self) -> str:
        """Title and formula, what to look for, and where this learning rate sits."""
        s = self.surface
        lines = [
            _("<b>{title}</b>: {formula}.  {note}", title=s.title, formula=s.formula, note=s.note)
        ]
        if s.lambda_max is not None:
            lines.append(self.lr_lesson(s.lambda_max))
        lines.append(_("Click the surface to start every ball from there."))
        return "<br>".join(lines)

    def lr_lesson(self, lambda_max: float) -> str:
        """Slow, good, oscillating or diverging: plain descent's factor per step along x."""
        factor = step_factor(self.lr, lambda_max)
        if factor >= 0.5:
            kind = _("slow: each step removes only a little of the distance")
        elif factor >= 0:
            kind = _("good: most of the distance goes in one step")
        elif factor > -1:
            kind = _("oscillating: it overshoots to the other side, but gets closer")
        else:
            kind = _("diverging: it overshoots further every step")
        return _(
            "lr = {lr} = {scaled}/λmax: each step multiplies the distance along x by 1 "
            "− lr·λmax = {factor}, {kind} (divergence beyond 2/λmax = {critical}).",
            lr=num(self.lr),
            scaled=num(self.lr * lambda_max),
            factor=num(factor),
            kind=kind,
            critical=num(critical_lr(lambda_max)),
        )

    def regimes(self) -> dict[str, float]:
        """The bowl's four example learning rates by name (empty for other surfaces)."""
        from nnviz.landscape.lr_regimes import lr_regimes

        lam = self.surface.lambda_max
        return {r.name: r.lr for r in lr_regimes(lam)} if lam else {}

    # ----- internals -----------------------------------------------------------------------
    def _new_race(self) -> None:
        (x0, x1), (y0, y1) = self.surface.domain
        escape = 20 * max(x1 - x0, y1 - y0, abs(x0), abs(y0))  # far off the map: diverged
        self.race = Race(self.surface.loss_and_grad, self.start, lr=self.lr, escape=escape)
        self.playing = self.explaining = False
        self.walker = None

    def _section(self, x: float, y: float):
        """The loss along the chosen axis through (x, y), and its exact partial derivative."""
        s = self.surface
        if self.knob == "x":
            return (lambda t: float(s.value(t, y))), (lambda t: float(s.gradient(t, y)[0])), x
        return (lambda t: float(s.value(x, t))), (lambda t: float(s.gradient(x, t)[1])), y

    def _curve(self, x: float, y: float) -> CurvePicture:
        f, dfdt, at = self._section(x, y)
        lo, hi = self.surface.domain[0 if self.knob == "x" else 1]
        xs = np.linspace(lo, hi, 201)
        other = f"y = {num(y)}" if self.knob == "x" else f"x = {num(x)}"
        label = _("{knob}   (cross-section at {other})", knob=self.knob, other=other)
        seen: Sequence[float] = ()
        walked: np.ndarray | None = None
        if self.walker is not None:
            at, seen = self.walker.x, list(self.walker.seen)
            walked = np.array(self.walker.positions)
        with np.errstate(all="ignore"):
            slope = dfdt(at)
        return probe_curve(
            f, xs, at, self.dx, slope, label, self.fog, seen, f"∂f/∂{self.knob}", walked
        )

    def _walk(self) -> None:
        """One step of the foggy-mountain walk along the cross-section: probe, then descend."""
        if self.walker is None:
            x, y = self.focus.path.points[-1]
            f, _gradient, at = self._section(float(x), float(y))
            self.walker = FogWalk(f, at, lr=self.lr, dx=self.dx)
        if not self.walker.step() and self.walker.status == "diverged":
            raise InputError(_("the walk diverged: the learning rate is too big for this slope"))


def racer_names() -> list[tuple[str, tuple[int, int, int]]]:
    """(label, colour) of every racer in order, for the view's check boxes."""
    return [(LABELS[k], RACER_COLORS[k]) for k in RACERS]
