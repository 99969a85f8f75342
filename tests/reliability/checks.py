"""Independent re-validation of an accepted session: every field the app relies on."""

from __future__ import annotations

import numbers
from collections import Counter
from typing import Any

import numpy as np

MAX_COORD = 1e6
MAX_SEED = 2**31 - 1


def _real(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def _whole(value: Any, low: int, high: int) -> bool:
    ok = isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_)
    return ok and low <= value <= high


def problems(s: Any) -> list[str]:
    """What is wrong with a loaded session (empty if every field is valid)."""
    from nnviz import commands as cmd
    from nnviz.engine.trainer import WEIGHT_LIMIT, Trainer
    from nnviz.lab_fit import fit_config_to_spec, fit_spec_to_data

    out: list[str] = []
    X, y, test, _ = s.points.all_arrays()
    if not (np.all(np.isfinite(X)) and np.all(np.abs(X) <= MAX_COORD)):
        out.append("points.X: not finite or beyond the bound")
    if s.points.kind == "regression" and not np.all(np.abs(y) <= MAX_COORD):
        out.append("points.y: targets beyond the bound")
    sp = s.spec
    if not (all(isinstance(f, str) for f in sp.features) and isinstance(sp.activation, str)):
        out.append("spec.names: not strings")
    if not all(_whole(n, 1, 8) for n in sp.hidden) or not _whole(sp.seed, 0, MAX_SEED):
        out.append(f"spec.hidden/seed: {sp.hidden!r}, {sp.seed!r}")
    if not isinstance(sp.bias, bool) or not _whole(sp.input_dim, 1, 2):
        out.append("spec.bias/input_dim: wrong type")
    c = s.config
    if not (_real(c.lr) and np.isfinite(c.lr) and 0 <= c.lr <= 1e6):
        out.append(f"config.lr: {c.lr!r}")
    if not _whole(c.batch_size, 1, 100_000):
        out.append(f"config.batch_size: {c.batch_size!r}")
    for name in ("l1", "l2"):
        v = getattr(c, name)
        if not (_real(v) and np.isfinite(v) and 0 <= v <= 1e6):
            out.append(f"config.{name}: {v!r}")
    empty = np.zeros((0, s.points.dim))
    data = cmd.DataArrays(empty, np.zeros(0), empty, np.zeros(0), s.points.kind,
                          s.points.n_classes, s.points.dim)  # fmt: skip
    try:
        if fit_spec_to_data(sp, data) != sp:
            out.append("spec: does not fit the points (the app would change it)")
        if fit_config_to_spec(c, sp, s.points.kind) != c:
            out.append("config.loss: does not fit the spec (the app would change it)")
        net = sp.build()
        Trainer(net, (np.zeros((0, len(sp.features))), np.zeros(0)), None, c)
    except Exception as exc:  # noqa: BLE001 - any refusal here is a finding
        out.append(f"worker: would refuse it: {type(exc).__name__}: {exc}"[:200])
        return out
    shapes = [p.shape for p in net.params]
    if [np.shape(p) for p in s.params] != shapes:
        out.append("params: shapes do not fit the spec")
    elif not all(np.all(np.isfinite(p)) and np.all(np.abs(p) < WEIGHT_LIMIT) for p in s.params):
        out.append("params: not finite or beyond the weight limit")
    out += dataset_problems(s.dataset)
    if not _whole(s.epoch, 0, 10**12):
        out.append(f"epoch: {s.epoch!r}")
    return out


def dataset_problems(d: dict) -> list[str]:
    """What is wrong with the dataset settings table the data controls will read."""
    out = []
    dom = d.get("domain", [-6.0, 6.0])
    ok = isinstance(dom, list | tuple) and len(dom) == 2 and all(_real(v) for v in dom)
    if not (ok and all(abs(v) <= MAX_COORD for v in dom) and dom[0] < dom[1]):
        out.append(f"dataset.domain: {dom!r}"[:80])
    noise = d.get("noise", 0.0)
    if not (_real(noise) and 0 <= noise <= 1):
        out.append(f"dataset.noise: {noise!r}"[:80])
    ratio = d.get("test_ratio", 0.5)
    if not (_real(ratio) and 0 <= ratio < 1):
        out.append(f"dataset.test_ratio: {ratio!r}"[:80])
    if not _whole(d.get("seed", 0), 0, MAX_SEED):
        out.append(f"dataset.seed: {d.get('seed')!r}"[:80])
    for key in ("name", "preset"):
        if d.get(key) is not None and not isinstance(d[key], str):
            out.append(f"dataset.{key}: {d[key]!r}"[:80])
    for key in ("n", "k"):
        if key in d and not _whole(d[key], 1, 100_000):
            out.append(f"dataset.{key}: {d[key]!r}"[:80])
    return out


def summary(outcomes: Counter) -> str:
    """One line per outcome kind, most frequent first (printed for the report)."""
    return "\n".join(f"{n:5d}  {kind}" for kind, n in outcomes.most_common())
