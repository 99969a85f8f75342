"""Tests for session files: exact round trips, migration, and refusing bad files."""

import json

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
