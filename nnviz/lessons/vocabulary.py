"""The setup vocabulary of lesson files: which (to, do) requests exist and their fields.

A step's ``setup`` is a list of plain JSON requests ``{"to": target, "do": verb, ...fields}``;
the player maps each to a typed request of the app. The whole vocabulary:

=========  ========  ================================================================
to         do        fields (``?`` = optional)
=========  ========  ================================================================
lab        preset    name, seed?
lab        dataset   name, noise?, seed?, test_ratio?, n?
lab        points    points: rows [x1, x2, label] (the plane) or [x, y] (a 1-D curve)
lab        network   hidden?, activation?, output?, bias?, init?, seed?, features?
lab        training  optimizer? (incl. perceptron, averaged_perceptron), lr?, batch_size?,
                     loss?, l1?, l2?
lab        weights   params: nested lists in ``MLP.params`` order
lab        run       epochs
lab        reset     seed?
graph      example   key (a graph example: cs188, logistic, gears_sin_log, …)
graph      formula   text, values?
graph      trace     point (a training point's index, or [x1, x2]: the one nearest)
graph      walk      steps
graph      mode      mode: ops | neurons | layers
landscape  mode      mode: race | network
landscape  surface   key (bowl, rosenbrock, …)
landscape  lr        lr
landscape  paths     kinds: list of ascent | descent | batch | sgd | minibatch
landscape  probe     dx (the secant's Δx, also the fog walk's)
landscape  knob      weight: [layer, i, j] (a weight) or [layer, j] (a bias), from 0
landscape  walk      offset? (place the walker that far from the weight), steps? (walk on)
plot       show      figure (a key of ``nnviz.lessons.figures.FIGURES``)
table      load      name (a table in resources/tables: fruit, weather)
table      knobs     weights: {feature: number}, threshold
images     dataset   k?, n?, seed?
images     nudge     (none: the image and ε are the ones the lesson's numbers computed)
=========  ========  ================================================================

Every check raises ValueError with a message; the lesson loader adds the field's path.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from nnviz.data import DATASETS
from nnviz.engine import ACTIVATIONS, INITIALIZERS, LOSSES, OPTIMIZERS
from nnviz.engine.features import check_features
from nnviz.landscape import SURFACES
from nnviz.landscape.requests import LIKELIHOOD_PATHS
from nnviz.text import _

Check = Callable[[Any], None]  # raises ValueError naming what is wrong


def _is_number(v: Any) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, bool) and v == v  # not NaN


def integer(low: int | None = None, high: int | None = None) -> Check:
    """A whole number in [low, high]."""

    def check(v: Any) -> None:
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValueError(_("must be a whole number, not {v!r}", v=v))
        if (low is not None and v < low) or (high is not None and v > high):
            raise ValueError(_("must be from {low} to {high}, not {v}", low=low, high=high, v=v))

    return check


def number(low: float | None = None, high: float | None = None) -> Check:
    """A finite real number in [low, high]."""

    def check(v: Any) -> None:
        if not _is_number(v) or abs(v) == float("inf"):
            raise ValueError(_("must be a finite number, not {value!r}", value=v))
        if (low is not None and v < low) or (high is not None and v > high):
            raise ValueError(_("must be from {low} to {high}, not {v}", low=low, high=high, v=v))

    return check


def boolean(v: Any) -> None:
    """true or false."""
    if not isinstance(v, bool):
        raise ValueError(_("must be true or false, not {value!r}", value=v))


def choice(options: Callable[[], Iterable[str]] | Iterable[str]) -> Check:
    """One of a set of names (given, or listed lazily by a function)."""

    def check(v: Any) -> None:
        allowed = list(options() if callable(options) else options)
        if v not in allowed:
            raise ValueError(
                _("unknown {value!r}; choose one of {choices}", value=v, choices=", ".join(allowed))
            )

    return check


def list_of(item: Check, min_len: int = 0, max_len: int | None = None) -> Check:
    """A list whose every item passes ``item``."""

    def check(v: Any) -> None:
        if not isinstance(v, list) or len(v) < min_len or (max_len and len(v) > max_len):
            raise ValueError(
                _(
                    "must be a list of {min_len} to {max_len} items, not {v!r}",
                    min_len=min_len,
                    max_len=max_len or "any",
                    v=v,
                )
            )
        for i, x in enumerate(v):
            try:
                item(x)
            except ValueError as exc:
                raise ValueError(_("item {i} {exc}", i=i, exc=exc)) from None

    return check


def points(v: Any) -> None:
    """Rows [x1, x2, label] (label a whole number ≥ 0) or [x, y], all of one length."""
    list_of(list_of(number(), 2, 3), 1)(v)
    if len({len(row) for row in v}) != 1:
        raise ValueError(_("every point must have the same length (3: x1, x2, label; 2: x, y)"))
    if len(v[0]) == 3:
        for i, row in enumerate(v):
            if isinstance(row[2], bool) or not isinstance(row[2], int) or row[2] < 0:
                raise ValueError(
                    _(
                        "item {i}: a label must be a whole number ≥ 0, not {label!r}",
                        i=i,
                        label=row[2],
                    )
                )


def _trace_point(v: Any) -> None:
    """A training point's index, or a position [x1, x2] (the training point nearest it)."""
    if isinstance(v, list):
        list_of(number(-1e6, 1e6), 1, 2)(v)
    else:
        integer(0)(v)


def nested_numbers(v: Any) -> None:
    """A number, or a list of (lists of …) finite numbers."""
    if isinstance(v, list):
        for x in v:
            nested_numbers(x)
    else:
        number()(v)


def features(v: Any) -> None:
    """Input features, all for points on the plane (x1, x2, …) or all for a curve (x, x^2, …)."""
    if not isinstance(v, list) or not all(isinstance(name, str) for name in v):
        raise ValueError(_("must be a list of feature names, not {v!r}", v=v))
    try:
        check_features(v, 2)
    except ValueError:
        check_features(v, 1)  # not a plane's features: a curve's, or this error names the bad one


def values_dict(v: Any) -> None:
    """A dict of leaf name → number."""
    if not isinstance(v, dict) or not all(isinstance(k, str) for k in v):
        raise ValueError(_("must be a dict of name → number, not {v!r}", v=v))
    for k, x in v.items():
        try:
            number()(x)
        except ValueError as exc:
            raise ValueError(f"{k!r} {exc}") from None


def formula_text(v: Any) -> None:
    """A formula the graph parser accepts."""
    from nnviz.graph import parse  # the graph parser is the judge of what it can draw

    if not isinstance(v, str):
        raise ValueError(_("must be text, not {value!r}", value=v))
    parse(v)  # FormulaError is a ValueError


def _graph_examples() -> list[str]:
    from nnviz.graph import EXAMPLES

    return list(EXAMPLES)


def _presets() -> list[str]:
    from nnviz.presets import preset_names

    return preset_names()


def _figures() -> list[str]:
    from nnviz.lessons.figures import FIGURES

    return list(FIGURES)


@dataclass(frozen=True)
class Verb:
    """One request a lesson step may send: its target, verb and fields."""

    to: str
    do: str
    required: Mapping[str, Check] = field(default_factory=dict)
    optional: Mapping[str, Check] = field(default_factory=dict)


SEED = integer(0)


def _tables() -> list[str]:
    from resources import resource_path

    return sorted(p.stem for p in resource_path("tables").glob("*.json"))


def _knob_weights(v: Any) -> None:
    if not isinstance(v, dict) or not v:
        raise ValueError(_("expected a table of feature: weight"))
    for name, w in v.items():
        if not isinstance(name, str) or not _is_number(w) or abs(w) > 100:
            raise ValueError(
                _("weight of {name!r} must be a number within ±100, not {w!r}", name=name, w=w)
            )


TRAINING_RULES = [*OPTIMIZERS, "momentum", "nesterov", "perceptron", "averaged_perceptron"]
_VERBS = [
    Verb("lab", "preset", {"name": choice(_presets)}, {"seed": SEED}),
    Verb(
        "lab",
        "dataset",
        {"name": choice(DATASETS)},
        {"noise": number(0, 1), "seed": SEED, "test_ratio": number(0, 0.9), "n": integer(1)},
    ),
    Verb("lab", "points", {"points": points}),
    Verb(
        "lab",
        "network",
        optional={
            "hidden": list_of(integer(1, 8), 0, 6),
            "activation": choice(ACTIVATIONS),
            "output": choice(ACTIVATIONS),
            "bias": boolean,
            "init": choice(INITIALIZERS),
            "seed": SEED,
            "features": features,
            "input_dim": integer(1, 2),
        },
    ),
    Verb(
        "lab",
        "training",
        optional={
            "optimizer": choice(TRAINING_RULES),
            "lr": number(0),
            "batch_size": integer(1),
            "loss": choice(LOSSES),
            "l1": number(0),
            "l2": number(0),
        },
    ),
    Verb("lab", "weights", {"params": list_of(nested_numbers, 1)}),
    Verb("lab", "run", {"epochs": integer(0, 100_000)}),
    Verb("lab", "reset", optional={"seed": SEED}),
    Verb("graph", "example", {"key": choice(_graph_examples)}),
    Verb("graph", "formula", {"text": formula_text}, {"values": values_dict}),
    Verb("graph", "trace", {"point": _trace_point}),
    Verb("graph", "walk", {"steps": integer(0)}),
    Verb("graph", "mode", {"mode": choice(("ops", "neurons", "layers"))}),
    Verb("landscape", "mode", {"mode": choice(("race", "network"))}),
    Verb("landscape", "surface", {"key": choice(SURFACES)}),
    Verb("landscape", "lr", {"lr": number(0)}),
    Verb("landscape", "paths", {"kinds": list_of(choice(LIKELIHOOD_PATHS), 1)}),
    Verb("landscape", "probe", {"dx": number(1e-6, 10)}),
    Verb("landscape", "knob", {"weight": list_of(integer(0), 2, 3)}),
    Verb("landscape", "walk", optional={"offset": number(-1e6, 1e6), "steps": integer(0, 10_000)}),
    Verb("plot", "show", {"figure": choice(_figures)}),
    Verb("table", "load", {"name": choice(_tables)}),
    Verb("table", "knobs", {"weights": _knob_weights, "threshold": number(-100, 100)}),
    Verb("images", "dataset", optional={"k": integer(8, 16), "n": integer(10, 5000), "seed": SEED}),
    Verb("images", "nudge"),
]

VOCABULARY: dict[tuple[str, str], Verb] = {(v.to, v.do): v for v in _VERBS}
TARGETS = tuple(dict.fromkeys(v.to for v in _VERBS))


def check_request(request: Any) -> list[tuple[str, str]]:
    """Every problem with one setup request, as (field, message); empty if it is fine."""
    if not isinstance(request, dict):
        return [("", _("a setup request must be a dict, not {request!r}", request=request))]
    to, do = request.get("to"), request.get("do")
    if to not in TARGETS:
        return [
            (
                "to",
                _(
                    "unknown target {to!r}; choose one of {choices}",
                    to=to,
                    choices=", ".join(TARGETS),
                ),
            )
        ]
    if not isinstance(do, str) or (to, do) not in VOCABULARY:
        verbs = ", ".join(d for t, d in VOCABULARY if t == to)
        return [("do", _("{to} cannot {do!r}; it can {verbs}", to=to, do=do, verbs=verbs))]
    verb = VOCABULARY[(to, do)]
    problems = [(k, "missing") for k in verb.required if k not in request]
    for key, value in request.items():
        if key in ("to", "do"):
            continue
        check = verb.required.get(key) or verb.optional.get(key)
        if check is None:
            allowed = ", ".join([*verb.required, *verb.optional]) or "none"
            problems.append(
                (
                    key,
                    _(
                        "{to}.{do} has no field {key!r} (its fields: {allowed})",
                        to=to,
                        do=do,
                        key=key,
                        allowed=allowed,
                    ),
                )
            )
            continue
        try:
            check(value)
        except ValueError as exc:
            problems.append((key, str(exc)))
    return problems
