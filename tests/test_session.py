"""Tests for session files: exact round trips, migration, and refusing bad files."""

import json
import re

import numpy as np
import pytest

from nnviz.data import PointSet, make_dataset
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from nnviz.session import (
    Session,
    SessionError,
    load_session,
    save_session,
    to_json_dict,
)


def _session():
    spec = NetworkSpec(hidden=(3,), seed=2)
    net = spec.build()
    pts = PointSet.from_dataset(make_dataset("xor", n=30), 0.3, 1)
    cfg = TrainConfig(lr=0.1, optimizer="adam", l2=0.01)
    return Session(pts, spec, cfg, tuple(net.params), {"name": "xor"}, 12, {"edge_mode": "update"})


def test_round_trip_is_exact(tmp_path):
    """Save → load restores points, spec, config, weights, epoch and view state exactly."""
    s = _session()
    save_session(tmp_path / "a.nnviz", s)
    back = load_session(tmp_path / "a.nnviz")
    assert back.spec == s.spec and back.config == s.config and back.epoch == 12
    assert all(np.array_equal(a, b) for a, b in zip(back.params, s.params, strict=True))
    for a, b in zip(back.points.all_arrays(), s.points.all_arrays(), strict=True):
        assert np.array_equal(a, b)
    assert back.view == {"edge_mode": "update"}


def test_write_is_atomic(tmp_path, monkeypatch):
    """If writing fails midway, the old file is untouched and no temp file is left."""
    path = tmp_path / "a.nnviz"
    save_session(path, _session())
    before = path.read_bytes()

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        save_session(path, _session())
    assert path.read_bytes() == before and list(tmp_path.iterdir()) == [path]


def test_version_one_files_are_migrated(tmp_path):
    """A version-1 file (architecture under "network", no view) still opens."""
    raw = to_json_dict(_session())
    raw["version"] = 1
    raw["network"] = raw.pop("spec")
    raw.pop("view")
    (tmp_path / "old.nnviz").write_text(json.dumps(raw), encoding="utf-8")
    assert load_session(tmp_path / "old.nnviz").spec == _session().spec


@pytest.mark.parametrize(
    "mutate, match",
    [
        (lambda d: d.update(format="other"), "not an nnviz session"),
        (lambda d: d.update(version=99), "newer nnviz"),
        (lambda d: d.update(version="x"), "unknown session version"),
        (lambda d: d.pop("points"), "missing"),
        (lambda d: d["params"][0].pop(), "do not match"),
        (lambda d: d["config"].update(lr=-1), "learning rate"),
        (lambda d: d["spec"].update(hidden=[99]), "neurons"),
        (lambda d: d.update(config=[1, 2]), "config"),
        (lambda d: d["points"].update(X=[[0, 0]]), "malformed"),
    ],
)
def test_damaged_sessions_are_refused(tmp_path, mutate, match):
    """Every kind of damage gives one SessionError with a reason."""
    raw = to_json_dict(_session())
    mutate(raw)
    (tmp_path / "bad.nnviz").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(SessionError, match=match):
        load_session(tmp_path / "bad.nnviz")


def test_not_json_and_missing_file(tmp_path):
    """Broken JSON names the line; a missing file says it could not be read."""
    (tmp_path / "x.nnviz").write_text("{\n  oops", encoding="utf-8")
    with pytest.raises(SessionError, match="line 2"):
        load_session(tmp_path / "x.nnviz")
    with pytest.raises(SessionError, match="could not read"):
        load_session(tmp_path / "nope.nnviz")


def test_nan_weights_are_refused(tmp_path):
    """NaN weights cannot be written (allow_nan=False) nor read back."""
    raw = to_json_dict(_session())
    text = json.dumps(raw).replace(str(raw["params"][0][0][0]), "NaN", 1)
    (tmp_path / "n.nnviz").write_text(text, encoding="utf-8")
    with pytest.raises(SessionError):
        load_session(tmp_path / "n.nnviz")


def _refusal(tmp_path, text: str) -> str:
    (tmp_path / "s.nnviz").write_text(text, encoding="utf-8")
    with pytest.raises(SessionError) as err:
        load_session(tmp_path / "s.nnviz")
    assert type(err.value) is SessionError and len(str(err.value)) <= 300
    return str(err.value)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["dataset"].update(domain="abc"), "dataset.domain: expected two finite"),
        (lambda d: d["dataset"].update(domain=[3, 1]), "lo < hi"),
        (lambda d: d["dataset"].update(noise="0.1"), "dataset.noise: expected a finite number"),
        (lambda d: d["dataset"].update(test_ratio=1.0), "dataset.test_ratio"),
        (lambda d: d["dataset"].update(seed=2**63), "dataset.seed"),
        (lambda d: d["spec"].update(seed=True), "spec.seed"),
        (lambda d: d["spec"].update(hidden=[4.5]), r"spec.hidden\[0\]"),
        (lambda d: d["spec"].update(hidden=["4"]), r"spec.hidden\[0\]"),
        (lambda d: d["spec"].update(output="softmax"), "spec.output"),
        (lambda d: d["config"].update(loss="cross_entropy"), "config.loss"),
        (lambda d: d["config"].update(batch_size=10**9), "config.batch_size"),
        (lambda d: d["config"].update(optimizer="lbfgs"), "config.optimizer"),
        (lambda d: d["config"].update(optimizer_options={"momentum": 0.5}), "optimizer_options"),
        (lambda d: d["params"][0][0].__setitem__(0, 2e6), r"params\[0\]"),
        (lambda d: d["points"]["X"][0].__setitem__(0, 1e7), "within ±1e\\+06"),
        (lambda d: d.update(version=True), "unknown session version"),
    ],
)
def test_the_first_bad_field_is_named_with_its_path(tmp_path, mutate, message):
    """A refused session names the bad field's path and what was expected, in one short line."""
    raw = to_json_dict(_session())
    mutate(raw)
    assert re.search(message, _refusal(tmp_path, json.dumps(raw)))


@pytest.mark.parametrize(
    ("literal", "message"),
    [("9" * 4400, "thousands of digits"), ("1e309", "config.lr"), ("NaN", "config.lr")],
)
def test_number_literals_python_cannot_hold_are_one_session_error(tmp_path, literal, message):
    """4,300+ digit integers, 1e309 (→ inf) and NaN literals become one SessionError."""
    text = json.dumps(to_json_dict(_session())).replace('"lr": 0.1', f'"lr": {literal}')
    assert message in _refusal(tmp_path, text)


def test_deep_nesting_and_a_v1_file_without_network_are_session_errors(tmp_path):
    """RecursionError and KeyError 'network' never escape load_session."""
    deep = '{"format": "nnviz-session", "version": 2, "points": ' + "[" * 100_000
    assert "nested too deeply" in _refusal(tmp_path, deep + "]" * 100_000 + "}")
    raw = to_json_dict(_session())
    raw.update(version=1)
    assert "network: the section is missing" in _refusal(tmp_path, json.dumps(raw))


def test_a_missing_spec_field_takes_its_default(tmp_path):
    """A spec without "hidden" loads with the default layers (as from_dict always allowed)."""
    spec = NetworkSpec(seed=2)
    pts = PointSet.from_dataset(make_dataset("xor", n=30), 0.3, 1)
    s = Session(pts, spec, TrainConfig(), tuple(spec.build().params), {}, 0, {})
    raw = to_json_dict(s)
    del raw["spec"]["hidden"]
    (tmp_path / "d.nnviz").write_text(json.dumps(raw), encoding="utf-8")
    assert load_session(tmp_path / "d.nnviz").spec.hidden == (4, 2)


def test_rules_step_networks_and_early_stopping_round_trip(tmp_path):
    """A perceptron run, a hand-wired step net and early-stopping settings all save and load."""
    pts = PointSet.from_dataset(make_dataset("xor", n=30), 0.3, 1)
    linear = NetworkSpec(hidden=(), output="step", bias=False)
    wired = NetworkSpec(hidden=(2,), activation="step", output="step")
    configs = [
        TrainConfig(loss="mse", optimizer="averaged_perceptron"),
        TrainConfig(loss="mse", early_stopping=True, patience=7),
    ]
    for i, (spec, cfg) in enumerate(zip((linear, wired), configs, strict=True)):
        s = Session(pts, spec, cfg, tuple(spec.build().params), {}, 3, {})
        save_session(tmp_path / f"{i}.nnviz", s)
        back = load_session(tmp_path / f"{i}.nnviz")
        assert back.spec == spec and back.config == cfg


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["config"].update(patience=0), "config.patience: expected a number of epochs"),
        (lambda d: d["config"].update(patience=2.5), "config.patience"),
        (lambda d: d["config"].update(early_stopping=1), "config.early_stopping: expected true"),
    ],
)
def test_bad_early_stopping_settings_are_named(tmp_path, mutate, message):
    """A bad patience or early-stopping flag is refused naming its path."""
    raw = to_json_dict(_session())
    mutate(raw)
    assert re.search(message, _refusal(tmp_path, json.dumps(raw)))
