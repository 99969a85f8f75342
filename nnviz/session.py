"""Versioned JSON session files (.nnviz): everything the user made, as data only.

Nothing in a session is ever executed or unpickled: it is plain JSON, validated field by field.
Writes are atomic (temp file + fsync + rename), so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nnviz.data.atomic import write_atomic
from nnviz.data.point_set import PointSet
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig

FORMAT = "nnviz-session"
VERSION = 2
MAX_BYTES = 50_000_000


class SessionError(ValueError):
    """A file that cannot be opened as a session, with a message for the user."""


@dataclass(frozen=True)
class Session:
    """Everything needed to bring a session back: data, network, weights, settings, layout."""

    points: PointSet
    spec: NetworkSpec
    config: TrainConfig
    params: tuple[np.ndarray, ...]
    dataset: dict[str, Any] = field(default_factory=dict)  # preset name, noise, ratio, seed
    epoch: int = 0
    view: dict[str, Any] = field(default_factory=dict)  # layout, edge mode, … (strings only)


def to_json_dict(s: Session) -> dict[str, Any]:
    """The JSON-safe dict written to disk."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "points": s.points.to_dict(),
        "spec": s.spec.to_dict(),
        "config": asdict(s.config),
        "params": [np.asarray(p).tolist() for p in s.params],
        "dataset": dict(s.dataset),
        "epoch": int(s.epoch),
        "view": dict(s.view),
    }


def save_session(path: str | os.PathLike, s: Session) -> None:
    """Write a session atomically: a temp file in the same folder, then one rename."""
    text = json.dumps(to_json_dict(s), indent=1, allow_nan=False)
    write_atomic(path, text)


def load_session(path: str | os.PathLike) -> Session:
    """Read and validate a session file; any problem raises one SessionError."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SessionError(f"{path.name} is too large to be an nnviz session")
        raw = json.loads(path.read_text(encoding="utf-8"))
    except SessionError:
        raise
    except (OSError, UnicodeDecodeError) as exc:
        raise SessionError(f"could not read {path.name}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise SessionError(
            f"{path.name} is not a valid session file (broken JSON at line {exc.lineno})"
        ) from None
    return from_json_dict(raw, path.name)


def from_json_dict(raw: Any, name: str = "the file") -> Session:
    """Validate a decoded session, migrating older versions first."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise SessionError(f"{name} is not an nnviz session file")
    version = raw.get("version")
    if not isinstance(version, int) or version < 1:
        raise SessionError(f"{name} has an unknown session version {version!r}")
    if version > VERSION:
        raise SessionError(
            f"{name} was saved by a newer nnviz (version {version}); please update nnviz to open it"
        )
    raw = migrate(raw)
    try:
        return _build(raw)
    except SessionError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise SessionError(f"{name} is damaged: {_reason(exc)}") from None


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring an older session up to the current version, one step at a time."""
    raw = dict(raw)
    if raw["version"] == 1:
        # Version 1 kept the architecture under "network" and had no view state.
        raw["spec"] = raw.pop("network")
        raw.setdefault("view", {})
        raw["version"] = 2
    return raw


def _build(raw: dict[str, Any]) -> Session:
    points = PointSet.from_dict(raw["points"])
    spec = NetworkSpec.from_dict(_dict(raw["spec"], "spec"))
    config = _config(_dict(raw["config"], "config"))
    net = spec.build()
    params = tuple(np.asarray(p, dtype=float) for p in raw["params"])
    if len(params) != len(net.params) or any(
        p.shape != q.shape for p, q in zip(params, net.params, strict=True)
    ):
        raise SessionError("the saved weights do not match the saved network")
    if not all(np.all(np.isfinite(p)) for p in params):
        raise SessionError("the saved weights contain NaN or infinite values")
    view = _dict(raw.get("view", {}), "view")
    epoch = int(raw.get("epoch", 0))
    return Session(
        points, spec, config, params, _dict(raw.get("dataset", {}), "dataset"), max(epoch, 0), view
    )


def _config(d: dict[str, Any]) -> TrainConfig:
    known = {k: d[k] for k in TrainConfig.__dataclass_fields__ if k in d}
    if "optimizer_options" in known:
        known["optimizer_options"] = _dict(known["optimizer_options"], "optimizer options")
    return TrainConfig(**known).validated()


def _dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SessionError(f"the {what} section is not a table of settings")
    return value


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"the {exc.args[0]!r} section is missing"
    return str(exc)
