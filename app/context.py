"""What a controller may use of the window: a narrow context instead of the whole window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.document import Document
    from nnviz.commands import Command
    from nnviz.snapshot import Snapshot


@dataclass(frozen=True)
class Highlighter:
    """The cross-view highlights a controller may set (the traced point, a neuron, edges)."""

    point: Callable[[tuple[float, ...] | None], None]  # ring a position on the data canvas
    network: Callable[[set, set], None]  # light neurons (layer, i) and edges (layer, i, j)
    neuron: Callable[[tuple[int, int] | None, str], None]  # the canvas shows that neuron


@dataclass(frozen=True)
class Context:
    """Everything a controller needs from the app, and nothing more."""

    send: Callable[[Command], None]  # a command value to the training process
    say: Callable[..., None]  # say(text, error=False): one line in the status bar
    warn: Callable[[str], None]  # a message the user must not miss
    show_panel: Callable[[str], None]  # bring a panel forward by its key
    latest: Callable[[], Snapshot | None]  # the newest training snapshot
    document: Document  # the user's points and their undo history
    highlight: Highlighter
