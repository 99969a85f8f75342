"""A lesson step's setup as typed request values, ready for the app to carry out.

Lesson files hold plain JSON requests (``nnviz.lessons.vocabulary``); this turns each into
a frozen value: a lab command (``nnviz.commands``), a graph request (``nnviz.graph.requests``),
a landscape request (``nnviz.landscape.requests``), or one of the app-level requests below
(load a preset or points, show a figure, a table or images).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from nnviz import commands as cmd
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from nnviz.graph import requests as gq
from nnviz.landscape import requests as lq
from nnviz.landscape.params import ParamRef
from nnviz.text import _

if TYPE_CHECKING:
    from nnviz.data.dataset import Dataset


@dataclass(frozen=True)
class LoadPreset:
    """A demo preset's data, network and settings, as the Presets box loads it."""

    name: str
    seed: int | None = None


@dataclass(frozen=True)
class LoadDataset:
    """Generated data (a dataset family with its noise, seed and test share)."""

    name: str
    options: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class SetPoints:
    """Hand-placed points: rows (x1, x2, label) on the plane or (x, y) on a curve."""

    rows: tuple[tuple[float, ...], ...]


@dataclass(frozen=True)
class TraceTrainingPoint:
    """Trace a training point through the live network: the n-th, or the one nearest a spot."""

    index: int = 0
    near: tuple[float, ...] | None = None


@dataclass(frozen=True)
class ShowFigure:
    """A figure (``nnviz.lessons.figures.FIGURES``) on the plot stage."""

    key: str


@dataclass(frozen=True)
class ShowPaths:
    """Gradient paths (batch, stochastic, mini-batch) on the log-likelihood surface."""

    kinds: tuple[str, ...]


@dataclass(frozen=True)
class LoadTable:
    """A feature table (fruit, weather) with its knobs and lamps."""

    name: str


@dataclass(frozen=True)
class SetTableKnobs:
    """The feature table's weights and threshold."""

    weights: tuple[tuple[str, float], ...]
    threshold: float


@dataclass(frozen=True)
class LoadImages:
    """The generated image dataset at k×k pixels."""

    options: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class NudgeImage:
    """The adversarial step on the image (and with the ε) the step's numbers found."""


def to_requests(setup: Mapping[str, Any]) -> list[Any]:
    """The typed requests for one validated setup entry ``{"to": …, "do": …, …}``."""
    to, do = setup["to"], setup["do"]
    fields = {k: v for k, v in setup.items() if k not in ("to", "do")}
    maker = _MAKERS.get((to, do))
    if maker is None:
        raise ValueError(_("{to} cannot {do!r}", to=to, do=do))
    made = maker(fields)
    return made if isinstance(made, list) else [made]


def _network(f: dict[str, Any]) -> cmd.SetSpec:
    """A NetworkSpec from the lesson's fields over the defaults (never the user's network)."""
    f = dict(f)
    for key in ("hidden", "features"):
        if key in f:
            f[key] = tuple(f[key])
    return cmd.SetSpec(NetworkSpec(**f))


def _training(f: dict[str, Any]) -> cmd.SetConfig:
    return cmd.SetConfig(TrainConfig(**f))


def _formula(f: dict[str, Any]) -> list[Any]:
    out: list[Any] = [gq.ShowFormula(f["text"])]
    values = f.get("values") or {}
    if values:
        out.append(gq.SetLeafValues(", ".join(f"{k}={v!r}" for k, v in values.items())))
    return out


def _param_ref(v: list[int]) -> ParamRef:
    """[layer, i, j] (a weight) or [layer, j] (a bias), as the landscape names a parameter."""
    return cast(ParamRef, tuple(int(x) for x in v))  # the vocabulary checked: 2 or 3 numbers


def _walk(f: dict[str, Any]) -> list[Any]:
    """Place the fog walker ``offset`` from the weight's value (if given), then walk ``steps``."""
    start = [lq.StartWalk(offset=float(f.get("offset", 0.0)))]
    steps = int(f.get("steps", 0))
    return [*(start if "offset" in f or not steps else []), *([lq.Walk(steps)] if steps else [])]


_MAKERS = {
    ("lab", "preset"): lambda f: LoadPreset(f["name"], f.get("seed")),
    ("lab", "dataset"): lambda f: LoadDataset(
        f["name"], tuple(sorted((k, v) for k, v in f.items() if k != "name"))
    ),
    ("lab", "points"): lambda f: SetPoints(tuple(tuple(float(v) for v in r) for r in f["points"])),
    ("lab", "network"): _network,
    ("lab", "training"): _training,
    ("lab", "weights"): lambda f: cmd.SetParams(
        tuple(np.asarray(p, dtype=float) for p in f["params"]), reason=""
    ),
    ("lab", "run"): lambda f: cmd.TrainEpochs(int(f["epochs"])),
    ("lab", "reset"): lambda f: cmd.Reset(f.get("seed")),
    ("graph", "example"): lambda f: gq.ShowExample(f["key"]),
    ("graph", "formula"): _formula,
    ("graph", "trace"): lambda f: (
        TraceTrainingPoint(near=tuple(float(v) for v in f["point"]))
        if isinstance(f["point"], list)
        else TraceTrainingPoint(int(f["point"]))
    ),
    ("graph", "walk"): lambda f: gq.Walk(int(f["steps"])),
    ("graph", "mode"): lambda f: gq.SetMode(f["mode"]),
    ("landscape", "mode"): lambda f: lq.SetMode(f["mode"]),
    ("landscape", "surface"): lambda f: lq.SelectSurface(f["key"]),
    ("landscape", "lr"): lambda f: lq.SetLearningRate(float(f["lr"])),
    ("landscape", "paths"): lambda f: ShowPaths(tuple(f["kinds"])),
    ("landscape", "probe"): lambda f: lq.SetProbe(float(f["dx"])),
    ("landscape", "knob"): lambda f: lq.SetKnobWeight(_param_ref(f["weight"])),
    ("landscape", "walk"): _walk,
    ("plot", "show"): lambda f: ShowFigure(f["figure"]),
    ("table", "load"): lambda f: LoadTable(f["name"]),
    ("table", "knobs"): lambda f: SetTableKnobs(
        tuple(sorted((k, float(v)) for k, v in f["weights"].items())), float(f["threshold"])
    ),
    ("images", "dataset"): lambda f: LoadImages(tuple(sorted(f.items()))),
    ("images", "nudge"): lambda f: NudgeImage(),
}


def nearest_row(X: np.ndarray, near: tuple[float, ...]) -> int:
    """Index of the row of ``X`` closest to the point ``near`` (Euclidean distance)."""
    X = np.asarray(X, dtype=float)
    if len(X) == 0:
        raise ValueError(_("there are no training points to trace"))
    return int(np.argmin(np.sum((X - np.asarray(near, dtype=float)) ** 2, axis=1)))


def dataset_from_rows(rows: tuple[tuple[float, ...], ...]) -> Dataset:
    """A lesson's hand-placed points as a dataset: (x1, x2, label) rows, or (x, y) on a curve.

    The view shows a square around them: their largest |coordinate| plus a margin, at least 2.
    """
    from nnviz.data.dataset import Dataset

    data = np.asarray(rows, dtype=float)
    if data.ndim != 2 or data.shape[1] not in (2, 3) or len(data) == 0:
        raise ValueError(_("points are rows of (x1, x2, label) or (x, y)"))
    if data.shape[1] == 3:
        X, y = data[:, :2], data[:, 2].astype(int)
        k = max(int(y.max()) + 1, 2)
        kind = "binary" if k == 2 else "multiclass"
    else:
        X, y, k, kind = data[:, :1], data[:, 1], 0, "regression"
    reach = max(2.0, float(np.ceil(np.abs(X).max() * 1.5)))
    return Dataset(X, y, kind, k, "lesson", (-reach, reach))
