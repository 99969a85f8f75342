"""The session schema: each section read into typed values and checked against the others.

Everything is checked here, before the app changes anything: types (true is not a number,
"4" is not a size), finiteness, ranges, known names, and that the network fits the points,
the loss fits the output, the weights fit the network and the worker would accept it all.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import numpy as np

from nnviz.data.dataset import KINDS, MAX_CLASSES, MAX_POINTS
from nnviz.data.limits import MAX_COORD
from nnviz.data.point_set import PointSet
from nnviz.data.split import MAX_TEST_RATIO
from nnviz.engine.activations import ACTIVATIONS
from nnviz.engine.features import check_features
from nnviz.engine.initializers import INITIALIZERS
from nnviz.engine.optimizers import OPTIMIZERS, make_optimizer
from nnviz.engine.spec import MAX_HIDDEN_LAYERS, MAX_NEURONS, MAX_SEED, NetworkSpec
from nnviz.engine.trainer import MAX_BATCH_SIZE, MAX_LR, MAX_PATIENCE, WEIGHT_LIMIT, TrainConfig
from nnviz.rules import RULE_LABELS, heads_for, is_rule
from nnviz.run import check_network
from nnviz.session_fields import (
    SessionError,
    fail,
    flag,
    items,
    real,
    scalar,
    table,
    text,
    whole,
)
from nnviz.text import _

MAX_EPOCH = 10**9
OPTIMIZER_NAMES = (*OPTIMIZERS, "momentum", "nesterov", *RULE_LABELS)
# Hand-wired step networks are shown and evaluated (not trained by gradients), so they save too.
HIDDEN_ACTIVATIONS = tuple(n for n, a in ACTIVATIONS.items() if not a.output_only)
_SPEC_DEFAULTS = {f.name: f.default for f in fields(NetworkSpec)}
_CONFIG_DEFAULTS = {f.name: f.default for f in fields(TrainConfig) if f.name != "optimizer_options"}


def read_points(raw: Any) -> PointSet:
    """The point set: kind, classes and dimension first, then every point."""
    d = table(raw, "points")
    text(d.get("kind"), "points.kind", KINDS)
    whole(d.get("n_classes"), "points.n_classes", 0, MAX_CLASSES)
    whole(d.get("dim"), "points.dim", 1, 2)
    try:
        return PointSet.from_dict(d)
    except (ValueError, KeyError) as exc:
        raise SessionError(_("points: {reason}", reason=str(exc).strip(chr(39)))) from None


def read_spec(raw: Any, points: PointSet) -> NetworkSpec:
    """The architecture, which must fit the points (inputs) and the task (output head)."""
    d = {**_SPEC_DEFAULTS, **table(raw, "spec")}
    dim = whole(d["input_dim"], "spec.input_dim", points.dim, points.dim)
    features = tuple(text(f, f"spec.features[{i}]") for i, f in enumerate(_list(d, "features", 64)))
    try:
        check_features(features, dim)
    except ValueError as exc:
        raise SessionError(_("spec.features: {exc}", exc=exc)) from None
    hidden = tuple(
        whole(n, f"spec.hidden[{i}]", 1, MAX_NEURONS, _("a number of neurons"))
        for i, n in enumerate(_list(d, "hidden", MAX_HIDDEN_LAYERS))
    )
    heads = heads_for(points.kind)
    outputs = points.n_classes if points.kind == "multiclass" else 1
    spec = NetworkSpec(
        features=features,
        hidden=hidden,
        activation=text(d["activation"], "spec.activation", HIDDEN_ACTIVATIONS),
        output=text(d["output"], "spec.output", sorted({o for o, _ in heads})),
        n_outputs=whole(d["n_outputs"], "spec.n_outputs", outputs, outputs),
        bias=flag(d["bias"], "spec.bias"),
        init=text(d["init"], "spec.init", INITIALIZERS),
        seed=whole(d["seed"], "spec.seed", 0, MAX_SEED, "a seed"),
        input_dim=dim,
    )
    try:
        return spec.validated()
    except ValueError as exc:  # nothing should be left to find, but never let it escape
        raise SessionError(_("spec: {exc}", exc=exc)) from None


def _list(d: dict[str, Any], key: str, max_len: int) -> list[Any]:
    """A list field of the spec (a missing one takes the default, which is a tuple)."""
    value = d[key]
    if isinstance(value, tuple):
        value = list(value)
    return items(value, f"spec.{key}", max_len)


def read_config(raw: Any, spec: NetworkSpec, kind: str) -> TrainConfig:
    """How to train: the loss must fit the output head, the optimizer and options must exist."""
    d = {**_CONFIG_DEFAULTS, "optimizer_options": {}, **table(raw, "config")}
    losses = [loss for out, loss in heads_for(kind) if out == spec.output]
    classification = kind != "regression"
    if flag(d.get("classification", classification), "config.classification") != classification:
        raise fail("config.classification", str(classification).lower(), d["classification"])
    config = TrainConfig(
        loss=text(d["loss"], "config.loss", losses),
        optimizer=text(d["optimizer"], "config.optimizer", OPTIMIZER_NAMES),
        lr=real(d["lr"], "config.lr", 0.0, MAX_LR, _("a learning rate")),
        batch_size=whole(
            d["batch_size"], "config.batch_size", 1, MAX_BATCH_SIZE, _("a batch size")
        ),
        l1=real(d["l1"], "config.l1", 0.0, MAX_LR),
        l2=real(d["l2"], "config.l2", 0.0, MAX_LR),
        optimizer_options=_options(d["optimizer_options"], d["optimizer"], d["lr"]),
        classification=classification,
        early_stopping=flag(d["early_stopping"], "config.early_stopping"),
        patience=whole(d["patience"], "config.patience", 1, MAX_PATIENCE, _("a number of epochs")),
    )
    try:
        return config.validated()
    except ValueError as exc:
        raise SessionError(_("config: {exc}", exc=exc)) from None


def _options(raw: Any, optimizer: str, lr: float) -> dict[str, Any]:
    """Optimizer options, checked by building the optimizer exactly as the worker will."""
    path = "config.optimizer_options"
    options = dict(table(raw, path))
    if is_rule(optimizer):  # the perceptron rules have no options (and no optimizer to build)
        if options:
            raise fail(path, _("no options for the perceptron rule"), raw)
        return options
    for key, value in options.items():
        where = f"{path}.{key}"
        if isinstance(value, list):
            options[key] = [real(v, f"{where}[{i}]", 0.0, 1.0) for i, v in enumerate(value[:3])]
        elif not isinstance(value, bool):
            options[key] = real(value, where, 0.0, MAX_LR)
    try:
        make_optimizer(optimizer, [np.zeros(1)], **{**options, "lr": lr})
    except (ValueError, TypeError) as exc:
        raise SessionError(_("{path}: {message}", path=path, message=exc)) from None
    return options


def read_params(raw: Any, spec: NetworkSpec, config: TrainConfig) -> tuple[np.ndarray, ...]:
    """The weights: one finite array per layer, shaped as the network, within WEIGHT_LIMIT."""
    net = spec.build()
    want = [p.shape for p in net.params]
    saved = raw if isinstance(raw, list) else None
    if saved is None or len(saved) != len(want):
        n = len(saved) if saved is not None else _("not a list")
        raise SessionError(
            _(
                "params: the saved weights do not match the saved network ({n_want} "
                "arrays expected, got {n})",
                n_want=len(want),
                n=n,
            )
        )
    out = []
    for i, (value, shape) in enumerate(zip(saved, want, strict=True)):
        try:
            arr = np.asarray(value)
        except (ValueError, TypeError, OverflowError, RecursionError):
            arr = np.asarray(None)
        if arr.dtype.kind not in "iuf" or arr.shape != shape:
            what = _(
                "numbers shaped {shape} (the saved weights do not match the network)", shape=shape
            )
            raise fail(f"params[{i}]", what, value)
        arr = arr.astype(float)
        if not np.all(np.abs(arr) < WEIGHT_LIMIT):  # also refuses NaN and ±inf
            raise SessionError(
                _(
                    "params[{i}]: the saved weights contain NaN, infinite or values beyond "
                    "±{weight_limit:g}",
                    i=i,
                    weight_limit=WEIGHT_LIMIT,
                )
            )
        out.append(arr)
    try:  # the worker builds exactly this; if it would refuse, refuse now
        check_network(net, config)
    except ValueError as exc:
        raise SessionError(_("config: {exc}", exc=exc)) from None
    return tuple(out)


def read_dataset(raw: Any) -> dict[str, Any]:
    """How the points were made (the data controls show and regenerate from these)."""
    d = dict(table(raw, "dataset"))
    readers = {
        "name": lambda v, p: text(v, p),
        "preset": lambda v, p: None if v is None else text(v, p),
        "noise": lambda v, p: real(v, p, 0.0, 1.0),
        "test_ratio": lambda v, p: real(v, p, 0.0, MAX_TEST_RATIO),
        "seed": lambda v, p: whole(v, p, 0, MAX_SEED, "a seed"),
        "domain": _domain,
        "n": lambda v, p: whole(v, p, 1, MAX_POINTS),
        "k": lambda v, p: whole(v, p, 2, MAX_CLASSES),
    }
    for key, value in d.items():
        if not isinstance(key, str):  # JSON keys always are; a dict built in Python may not be
            raise fail("dataset", _("text keys"), key)
        d[key] = readers.get(key, scalar)(value, f"dataset.{key}")
    return d


def _domain(value: Any, path: str) -> list[float]:
    expected = _("two finite numbers lo < hi within ±{max_coord:g}", max_coord=MAX_COORD)
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise fail(path, expected, value)
    try:
        lo, hi = (real(v, path, -MAX_COORD, MAX_COORD) for v in value)
    except SessionError:
        raise fail(path, expected, value) from None
    if not lo < hi:
        raise fail(path, expected, value)
    return [lo, hi]


def read_view(raw: Any) -> dict[str, str]:
    """Layout and view modes: text only (anything else is not something we wrote)."""
    return {text(k, "view"): text(v, f"view.{k}") for k, v in table(raw, "view").items()}


def read_epoch(raw: Any) -> int:
    """The epoch the session was saved at."""
    return whole(raw, "epoch", 0, MAX_EPOCH)
