"""Demo presets shipped in resources/presets: a dataset, a network and training settings."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from resources import resource_path

DEFAULT_PRESET = "circle"


@dataclass(frozen=True)
class Preset:
    """One ready-to-train demo."""

    name: str
    title: str
    description: str
    dataset: dict[str, Any]
    spec: NetworkSpec
    config: TrainConfig = field(default_factory=TrainConfig)


def preset_names() -> list[str]:
    """Names of every shipped preset, the default first."""
    names = sorted(p.stem for p in resource_path("presets").glob("*.json"))
    return [DEFAULT_PRESET] + [n for n in names if n != DEFAULT_PRESET]


def load_preset(name: str, seed: int | None = None) -> Preset:
    """Read a preset by name (optionally overriding its seed); unknown names list the choices."""
    path = resource_path("presets", f"{name}.json")
    if not path.is_file():
        raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(preset_names())}")
    raw = json.loads(path.read_text(encoding="utf-8"))
    dim = 1 if raw["spec"]["features"][0] == "x" else 2
    spec = NetworkSpec.from_dict({**raw["spec"], "input_dim": dim})
    config = TrainConfig(**raw.get("config", {})).validated()
    dataset = dict(raw["dataset"])
    if seed is not None:
        spec = replace(spec, seed=int(seed))
        dataset["seed"] = int(seed)
    return Preset(raw["name"], raw["title"], raw["description"], dataset, spec, config)
