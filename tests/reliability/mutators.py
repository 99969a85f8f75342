"""Seeded generators of damaged session files and CSV texts, for the reliability suite."""

from __future__ import annotations

import copy
import json
import os
import random
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import numpy as np

BAD_VALUES: list[Any] = [
    "abc", "", None, True, False, [], {}, [1], [[1, 2]], {"a": 1}, 0, -1, 1.5, -1e-9,
    1e309, -1e309, float("nan"), 10**400, 2**63, 2**64, 2**32, -(2**31), 1e7, 1e300, "4",
    "1e309", [1e309, 0], [0, "x"], [5, -5], [0, 0], [float("nan"), 1], [-1e7, 1e7],
]  # fmt: skip
BASE_PRESETS = ("circle", "blobs", "curve", "xor")
# Written into the text afterwards: json.dumps cannot write either of these itself.
HUGE, DEEP = "@huge-int@", "@deep@"


def fuzz_cases(default: int) -> int:
    """How many cases to run: NNVIZ_FUZZ_CASES (``make fuzz``) or the CI default."""
    return int(os.environ.get("NNVIZ_FUZZ_CASES", default))


@cache
def base_session(preset: str) -> str:
    """A valid session file (as JSON text) for a preset, with a little training history."""
    from nnviz import commands as cmd
    from nnviz.data import make_dataset
    from nnviz.data.point_set import PointSet
    from nnviz.lab import Lab
    from nnviz.presets import load_preset
    from nnviz.session import Session, to_json_dict

    p = load_preset(preset, seed=3)
    options = {k: v for k, v in p.dataset.items() if k in ("n", "k")}
    options["n"] = min(int(options.get("n", 60)), 60)
    ds = make_dataset(p.dataset["name"], noise=p.dataset.get("noise", 0.0), seed=3, **options)
    points = PointSet.from_dataset(ds, p.dataset.get("test_ratio", 0.5), 3)
    X, y = points.train_arrays()
    Xt, yt = points.test_arrays()
    data = cmd.DataArrays(X, y, Xt, yt, ds.kind, ds.n_classes, ds.dim, ds.domain)
    lab = Lab(data, p.spec, p.config, grid_resolution=8)
    lab.apply(cmd.StepEpoch())
    settings = {**p.dataset, "preset": preset, "seed": 3, "domain": list(ds.domain)}
    s = Session(points, lab.spec, lab.config, tuple(lab.net.params), settings, 1, {})
    return json.dumps(to_json_dict(s), allow_nan=False)


# ----- sessions ------------------------------------------------------------------------------
def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path (keys and indices) into a decoded JSON value, long lists sampled."""
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i in sorted({0, len(node) - 1, len(node) // 2} & set(range(len(node)))):
            out += _paths(node[i], (*prefix, i))
    return out


def _set(raw: Any, path: tuple, value: Any) -> None:
    node = raw
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _targeted(rng: random.Random) -> tuple[str, Callable[[dict], None]]:
    """A mutation aimed at a field the app relies on."""
    choices: list[tuple[str, Callable[[dict], None]]] = [
        ("domain", lambda d: d["dataset"].update(domain=rng.choice(BAD_VALUES))),
        ("noise", lambda d: d["dataset"].update(noise=rng.choice(BAD_VALUES))),
        ("test_ratio", lambda d: d["dataset"].update(test_ratio=rng.choice(BAD_VALUES))),
        ("dataset seed", lambda d: d["dataset"].update(seed=rng.choice(BAD_VALUES))),
        ("spec seed", lambda d: d["spec"].update(seed=rng.choice([2**63, 2**32, -1, 1.5]))),
        ("batch", lambda d: d["config"].update(batch_size=rng.choice([0, 10**9, 2**70, 2.5]))),
        ("lr", lambda d: d["config"].update(lr=rng.choice([1e7, 1e309, -1, "0.1", True]))),
        ("l2", lambda d: d["config"].update(l2=rng.choice([1e7, float("nan"), "x", None]))),
        ("optimizer", lambda d: d["config"].update(optimizer=rng.choice(["lbfgs", 3, None]))),
        ("options", lambda d: d["config"].update(optimizer_options=rng.choice(_OPTIONS))),
        ("loss", lambda d: d["config"].update(loss=rng.choice(["mse", "hinge", "log", "x"]))),
        ("hidden", lambda d: d["spec"].update(hidden=rng.choice(_HIDDEN))),
        ("activation", lambda d: d["spec"].update(activation=rng.choice(["softmax", 1, "?"]))),
        ("features", lambda d: d["spec"].update(features=rng.choice(_FEATURES))),
        ("output", lambda d: d["spec"].update(output=rng.choice(["softmax", "relu", "tanh"]))),
        ("params shape", lambda d: d["params"][0].pop()),
        ("params huge", lambda d: _set(d, ("params", 0, 0), rng.choice([[1e7], [1e300]]))),
        ("point coord", lambda d: _set(d, ("points", "X", 0), rng.choice(_POSITIONS))),
        ("point label", lambda d: _set(d, ("points", "y", 0), rng.choice(BAD_VALUES))),
        ("version", lambda d: d.update(version=rng.choice([0, 1, 3, "2", 2.0, True, None]))),
        ("v1 no network", lambda d: d.update(version=1)),
        ("huge int", lambda d: _set(d, rng.choice(_paths(d)[1:]), HUGE)),
        ("deep", lambda d: _set(d, rng.choice(_paths(d)[1:]), DEEP)),
        ("drop key", lambda d: _drop(d, rng.choice(_paths(d)[1:]))),
    ]
    benign: list[tuple[str, Callable[[dict], None]]] = [
        ("ok lr", lambda d: d["config"].update(lr=rng.choice([0.001, 0.5, 3, 1e6]))),
        ("ok optimizer", lambda d: d["config"].update(**rng.choice(_GOOD_OPTIMIZERS))),
        ("ok batch", lambda d: d["config"].update(batch_size=rng.choice([1, 7, 100_000]))),
        ("ok seed", lambda d: d["spec"].update(seed=rng.choice([0, 2**31 - 1]))),
        ("ok settings", lambda d: d["dataset"].update(noise=0.3, test_ratio=0.0, seed=7)),
        ("ok domain", lambda d: d["dataset"].update(domain=[-1e6, 1e6])),
    ]
    return rng.choice(benign if rng.random() < 0.3 else choices)


_GOOD_OPTIMIZERS: list[dict] = [
    {"optimizer": "adam", "optimizer_options": {"betas": [0.8, 0.9]}},
    {"optimizer": "momentum", "optimizer_options": {}},
    {"optimizer": "sgd", "optimizer_options": {"momentum": 0.5, "nesterov": True}},
    {"optimizer": "rmsprop", "optimizer_options": {"alpha": 0.9}},
    {"optimizer": "adagrad", "optimizer_options": {}},
]


_OPTIONS: list[Any] = [
    {"momentum": 0.5}, {"momentum": -1}, {"betas": [0.9, 1.5]}, {"betas": "x"}, {"eps": 1e309},
    {"nesterov": "yes"}, {"rho": 0.9}, [], {"weight_decay": 1e400}, {"alpha": 0.99},
]  # fmt: skip
_HIDDEN: list[Any] = [[4.5], ["4"], [True], [0], [99], [4] * 9, "4", 4, [[4]], [2**70]]
_FEATURES: list[Any] = [[], ["x1", "x1"], ["zz"], [1], "x1", [["x1"]], ["x"], None]
_POSITIONS: list[Any] = [[1e7, 0], [1e309, 0], [0], ["a", 0], [0, 0, 0], 5, None, [True, 0]]


def _drop(raw: Any, path: tuple) -> None:
    node = raw
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]


def _random_leaf(rng: random.Random, raw: dict) -> None:
    _set(raw, rng.choice(_paths(raw)[1:]), copy.deepcopy(rng.choice(BAD_VALUES)))


def _text_damage(rng: random.Random, text: str) -> tuple[str, str]:
    """Damage the JSON text itself: flips, truncation, literals, nesting."""
    data = bytearray(text.encode("utf-8"))
    kind = rng.choice(["flip", "truncate", "literal", "nesting", "empty", "not-utf8"])
    if kind == "flip":
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == "truncate":
        del data[rng.randrange(len(data)) :]
    elif kind == "literal":
        spots = [i for i, c in enumerate(data) if chr(c) in "0123456789"]
        i = rng.choice(spots)
        data[i : i + 1] = rng.choice([b"NaN", b"Infinity", b"-Infinity", b"1e309", b"9" * 5000])
    elif kind == "nesting":
        depth = rng.choice([1000, 5000, 100_000])
        data = bytearray(b'{"format": "nnviz-session", "version": 2, "points": ')
        data += b"[" * depth + b"]" * depth + b"}"
    elif kind == "empty":
        data = bytearray()
    else:
        data[rng.randrange(len(data))] = 0xFF
    return kind, bytes(data).decode("utf-8", errors="surrogateescape")


def session_cases(seed: int, n: int) -> Iterator[tuple[str, bytes]]:
    """``n`` seeded (description, file bytes) pairs, most of them damaged sessions."""
    rng = random.Random(seed)
    for _ in range(n):
        preset = rng.choice(BASE_PRESETS)
        text = base_session(preset)
        roll = rng.random()
        if roll < 0.2:
            kind, out = _text_damage(rng, text)
            yield f"{preset}/text:{kind}", out.encode("utf-8", errors="surrogateescape")
            continue
        raw = json.loads(text)
        if roll < 0.35:
            kind = "leaf"
            _random_leaf(rng, raw)
        else:
            kind, mutate = _targeted(rng)
            mutate(raw)
        depth = rng.choice([200, 999, 3000])
        out = json.dumps(raw).replace(f'"{HUGE}"', "9" * 4400)
        out = out.replace(f'"{DEEP}"', "[" * depth + "0" + "]" * depth)
        yield f"{preset}/{kind}", out.encode("utf-8")


# ----- CSV -----------------------------------------------------------------------------------
def base_csv(kind: str, rng: random.Random, rows: int = 40) -> list[list[str]]:
    """A valid CSV table (header first) of one kind: binary, multiclass, regression or curve."""
    X = np.round(np.asarray([[rng.uniform(-5, 5) for _ in range(2)] for _ in range(rows)]), 3)
    if kind == "curve":
        return [["x", "y"]] + [[repr(a), repr(round(b, 4))] for a, b in X.tolist()]
    labels = {
        "binary": lambda i: str(i % 2),
        "multiclass": lambda i: str(i % 4),
        "regression": lambda i: repr(round(rng.uniform(-2, 2), 4) + 0.5),
    }[kind]
    return [["x1", "x2", "label"]] + [[repr(a), repr(b), labels(i)] for i, (a, b) in enumerate(X)]


_CELLS = [
    "1e400", "-1e400", "1e308", "1e7", "-2e6", "1000001", "nan", "NaN", "inf", "-Infinity", "",
    "abc", "0x10", "1,5", "9" * 5000, "-" + "9" * 5000, "9" * 100_000, "2.5", "7", "-1", "1e-400",
]  # fmt: skip


def _csv_damage(rng: random.Random, table: list[list[str]]) -> tuple[str, str]:
    """Damage one CSV table; returns (what, text)."""
    kind = rng.choice(["cell", "cell", "columns", "blank", "bom", "mixed", "truncate", "bytes"])
    rows = [list(r) for r in table]
    r = rng.randrange(1, len(rows))
    if kind == "cell":
        rows[r][rng.randrange(len(rows[r]))] = rng.choice(_CELLS)
    elif kind == "columns":
        rows[r] = rows[r][:-1] if rng.random() < 0.5 else [*rows[r], "1"]
    elif kind == "blank":
        rows.insert(r, [])
    elif kind == "mixed":
        rows[r][-1] = rng.choice(["0.5", "3", "-1", "1e3"])
    text = "\n".join(",".join(row) for row in rows) + "\n"
    if kind == "bom":
        text = "\ufeff" + text
    elif kind == "truncate":
        text = text[: rng.randrange(len(text))]
    elif kind == "bytes":
        text = text.replace(",", rng.choice([";", "\t", '"', ",,"]), rng.randint(1, 3))
    return kind, text


def csv_cases(seed: int, n: int) -> Iterator[tuple[str, str]]:
    """``n`` seeded (description, CSV text) pairs, most of them damaged."""
    rng = random.Random(seed)
    for _ in range(n):
        kind = rng.choice(["binary", "multiclass", "regression", "curve"])
        what, text = _csv_damage(rng, base_csv(kind, rng))
        yield f"{kind}/{what}", text


OPTIMIZER_NAMES = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
