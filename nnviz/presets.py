"""Demo presets shipped in resources/presets: a dataset, a network and training settings."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from nnviz.text import _, language
from resources import resource_path

DEFAULT_PRESET = "circle"


@dataclass(frozen=True)
class Preset:
    """One ready-to-train demo (title and description in the language current when loaded)."""

    name: str
    title: str
    description: str
    dataset: dict[str, Any]
    spec: NetworkSpec
    config: TrainConfig = field(default_factory=TrainConfig)


def preset_names() -> list[str]:
    """File names of every shipped preset, the default first (the app's own keys)."""
    names = sorted(p.stem for p in resource_path("presets").glob("*.json"))
    return [DEFAULT_PRESET] + [n for n in names if n != DEFAULT_PRESET]


def slug(title: str) -> str:
    """A title as a command-line name: 'Curve fit (six knobs)' → 'curve-fit-six-knobs'."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


@cache
def preset_catalogue() -> tuple[tuple[str, str, str], ...]:
    """(command-line name, title, file name) of every preset, in preset_names() order.

    The command-line name is the slug of the title the app shows, so both say the same.
    """
    out = []
    for name in preset_names():
        raw = json.loads(resource_path("presets", f"{name}.json").read_text(encoding="utf-8"))
        out.append((slug(raw["title"]), raw["title"], name))
    return tuple(out)


def resolve_preset(name: str) -> str:
    """The file name of the preset called ``name``: its title (any case), the title's slug,
    or its older file name (kept as an alias, e.g. 'blobs' for 'three-classes')."""
    key = slug(name)
    for cli, _title, file in preset_catalogue():
        if key in (cli, slug(file)):
            return file
    choices = ", ".join(cli for cli, _, _ in preset_catalogue())
    raise ValueError(
        _("unknown preset {name!r}; choose one of {choices}", name=name, choices=choices)
    )


def load_preset(name: str, seed: int | None = None) -> Preset:
    """Read a preset by any of its names (optionally overriding its seed); an unknown name
    raises ValueError listing the choices."""
    path = resource_path("presets", f"{resolve_preset(name)}.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    dim = 1 if raw["spec"]["features"][0] == "x" else 2
    spec = NetworkSpec.from_dict({**raw["spec"], "input_dim": dim})
    config = TrainConfig(**raw.get("config", {})).validated()
    dataset = dict(raw["dataset"])
    if seed is not None:
        spec = replace(spec, seed=int(seed))
        dataset["seed"] = int(seed)
    title, description = shown_words(raw, "title"), shown_words(raw, "description")
    return Preset(raw["name"], title, description, dataset, spec, config)


def shown_words(raw: dict[str, Any], key: str) -> str:
    """A preset's ``key`` ("title" or "description") in the current language.

    The English words are the preset's identity (its command-line name is the title's slug);
    a translation sits beside them as ``key_<language>`` (``title_zh_CN``), English if absent.
    """
    return str(raw.get(f"{key}_{language()}", raw[key]))
