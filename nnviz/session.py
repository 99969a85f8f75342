"""Versioned JSON session files (.nnviz): everything the user made, as data only.

Nothing in a session is ever executed or unpickled: it is plain JSON, validated field by field
(``session_schema``) before anything in the app changes.
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
from nnviz.data.limits import shown
from nnviz.data.point_set import PointSet
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from nnviz.session_fields import SessionError, got, need
from nnviz.session_schema import (
    read_config,
    read_dataset,
    read_epoch,
    read_params,
    read_points,
    read_spec,
    read_view,
)
from nnviz.text import _

FORMAT = "nnviz-session"
VERSION = 2
MAX_BYTES = 50_000_000


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
    """Read and validate a session file; any problem raises one SessionError (and only that)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SessionError(_("{file} is too large to be an nnviz session", file=path.name))
        raw = json.loads(path.read_text(encoding="utf-8"), parse_float=_float, parse_int=_int)
    except SessionError:
        raise
    except (OSError, UnicodeDecodeError) as exc:
        raise SessionError(
            _("could not read {file}: {reason}", file=path.name, reason=exc)
        ) from None
    except json.JSONDecodeError as exc:
        raise SessionError(
            _(
                "{file} is not a valid session file (broken JSON at line {lineno})",
                file=path.name,
                lineno=exc.lineno,
            )
        ) from None
    except ValueError:  # Python refuses to read integers of more than 4,300 digits
        raise SessionError(
            _("{file} is damaged: a number has thousands of digits", file=path.name)
        ) from None
    except RecursionError:
        raise SessionError(
            _("{file} is damaged: its data is nested too deeply", file=path.name)
        ) from None
    return from_json_dict(raw, path.name)


# Numbers are read by Python functions, not by the decoder's C code alone: the app opens files
# on a worker thread, and the C decoder keeps Python's interpreter lock for the whole file
# (100,000 points: 0.25-0.9 s in which the GUI thread cannot run). A Python call per number
# lets the GUI thread in every few milliseconds; the values are the same.
def _float(text: str) -> float:
    return float(text)


def _int(text: str) -> int:
    return int(text)  # ValueError beyond 4,300 digits, as the decoder's own


def from_json_dict(raw: Any, name: str = "the file") -> Session:
    """Validate a decoded session completely, migrating older versions first.

    Raises
    ------
    SessionError
        The only exception: its message names the first bad field and its path, e.g.
        ``dataset.domain: expected two finite numbers lo < hi …, got "abc"``.
    """
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise SessionError(_("{name} is not an nnviz session file", name=name))
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SessionError(
            _("{name} has an unknown session version {version}", name=name, version=got(version))
        )
    if version > VERSION:
        raise SessionError(
            _(
                "{name} was saved by a newer nnviz (version {version}); please update "
                "nnviz to open it",
                name=name,
                version=got(version),
            )
        )
    try:
        return _build(migrate(raw))
    except SessionError as exc:
        raise SessionError(_("{name} is damaged: {exc}", name=name, exc=exc)) from None
    except UNEXPECTED as exc:  # a check we missed must still be one clear refusal
        raise SessionError(
            _(
                "{name} is damaged ({type_name}: {exc})",
                name=name,
                type_name=type(exc).__name__,
                exc=shown(exc),
            )
        ) from None


UNEXPECTED = (KeyError, TypeError, ValueError, OverflowError, RecursionError, AttributeError)


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring an older session up to the current version, one step at a time."""
    raw = dict(raw)
    if raw["version"] == 1:
        # Version 1 kept the architecture under "network" and had no view state.
        raw["spec"] = need(raw, "network")
        del raw["network"]
        raw.setdefault("view", {})
        raw["version"] = 2
    return raw


def _build(raw: dict[str, Any]) -> Session:
    """Read every section; the first bad field raises SessionError naming its path."""
    points = read_points(need(raw, "points"))
    spec = read_spec(need(raw, "spec"), points)
    config = read_config(need(raw, "config"), spec, points.kind)
    params = read_params(need(raw, "params"), spec, config)
    dataset = read_dataset(raw.get("dataset", {}))
    view = read_view(raw.get("view", {}))
    epoch = read_epoch(raw.get("epoch", 0))
    return Session(points, spec, config, params, dataset, epoch, view)
