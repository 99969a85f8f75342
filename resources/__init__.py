"""Shipped resources (presets, lessons, themes); ``resource_path`` is the one way to find them."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a file shipped in the ``resources`` package (works installed or in a checkout)."""
    return Path(str(files(__name__).joinpath(*parts)))
