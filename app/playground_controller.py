"""The playground's controller: edits to the points and the network become commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QObject

from app.context import Context
from app.document import Document
from app.i18n import QT_TR_NOOP, tr
from app.views.controls_view import ControlsView
from app.views.data_canvas_view import DataCanvasView
from app.views.data_controls_view import DataControlsView
from app.views.network_view import NetworkView
from nnviz import commands as cmd
from nnviz.data.point_set import PointSet
from nnviz.lessons.setup import dataset_from_rows
from nnviz.presets import Preset, load_preset, preset_names


class PlaygroundController(QObject):
    """Wires the data canvas, data controls, network graph and training controls to the lab."""

    def __init__(
        self,
        ctx: Context,
        canvas: DataCanvasView,
        data_controls: DataControlsView,
        network: NetworkView,
        controls: ControlsView,
    ) -> None:
        super().__init__()
        self.ctx, self.doc = ctx, ctx.document
        self.canvas, self.data_controls = canvas, data_controls
        self.network, self.controls = network, controls
        self.current_class = 1
        self._connect()

    def _connect(self) -> None:
        c, n, d = self.canvas, self.network, self.data_controls
        self.doc.changed.connect(self._on_points_changed)
        c.add_requested.connect(self._on_add_requested)
        c.brush_requested.connect(self._on_add_requested)
        c.remove_requested.connect(lambda i: self._edit(self.doc.remove_point, i))
        c.move_requested.connect(lambda i, new, old: self._edit(self.doc.move_point, i, new, old))
        c.message.connect(lambda text: self.ctx.say(text, about="edit"))
        c.probability.wanted.connect(lambda on: self.ctx.send(cmd.ShowProbabilityContours(on)))
        n.param_changed.connect(lambda p, i, v: self.ctx.send(cmd.SetParam(p, tuple(i), v)))
        n.spec_change_requested.connect(lambda spec: self.ctx.send(cmd.SetSpec(spec)))
        n.neuron_hovered.connect(c.set_focus_neuron)
        n.message.connect(self.ctx.say)
        self.controls.command_requested.connect(self.ctx.send)
        self.controls.spec_change_requested.connect(lambda spec: self.ctx.send(cmd.SetSpec(spec)))
        d.preset_requested.connect(self.load_preset)
        d.dataset_requested.connect(self._on_dataset_requested)
        d.clear_requested.connect(self.clear_points)
        d.class_selected.connect(self.select_class)
        d.tool_selected.connect(c.set_tool)
        d.show_test_toggled.connect(c.set_show_test)

    # ----- edits to the points ---------------------------------------------------------------
    def _edit(self, action: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Do one edit; a refused one is one red line in the status bar and changes nothing.

        A successful edit withdraws an earlier complaint about a click or an edit: it is no
        longer what just happened.
        """
        try:
            action(*args, **kwargs)
        except (ValueError, KeyError) as exc:
            self.show_points()  # undo any preview the canvas drew (e.g. a dragged point)
            self.ctx.say(str(exc).strip("'\""), error=True, about="edit")
            return False
        self.ctx.say("", about="edit")
        return True

    def _on_add_requested(self, positions, label) -> None:
        positions = np.atleast_2d(np.asarray(positions, dtype=float))
        labels = np.broadcast_to(np.asarray(label), (len(positions),))
        self._edit(self.doc.add_points, positions, labels)

    def _on_dataset_requested(self, values: dict) -> None:
        """Regenerate, or a new noise / test share: the same dataset made again."""
        s = {**self.doc.settings, **values}
        name = s.pop("name", "circle")
        options = {k: v for k, v in s.items() if k in ("n", "k")}
        self._edit(
            self.doc.generate,
            name,
            float(s.get("noise", 0.0)),
            float(s.get("test_ratio", 0.5)),
            int(s.get("seed", 0)),
            extra={"preset": s.get("preset")},
            **options,
        )

    def load_preset(self, name: str, seed: int | None = None) -> None:
        """Load a preset: its data (one undo step), then its network and settings."""
        try:
            preset = load_preset(name, seed)
        except ValueError as exc:
            self.ctx.say(str(exc), error=True)
            return
        generate_preset_points(self.doc, preset, undoable=True)
        self.ctx.send(cmd.SetSpec(preset.spec))
        self.ctx.send(cmd.SetConfig(preset.config))
        self.ctx.say(
            tr("{title}: {description}").format(title=preset.title, description=preset.description)
        )

    def load_dataset(self, name: str, options: dict[str, Any]) -> None:
        """Generated data by name with its noise, seed, test share and size (one undo step)."""
        extra = {k: v for k, v in options.items() if k in ("n", "k")}
        self._edit(
            self.doc.generate,
            name,
            float(options.get("noise", 0.0)),
            float(options.get("test_ratio", 0.5)),
            int(options.get("seed", 0)),
            **extra,
        )

    def set_points(self, rows: tuple[tuple[float, ...], ...]) -> None:
        """Hand-placed points, all for training (a lesson's toy data; one undo step)."""
        try:
            ds = dataset_from_rows(rows)
        except ValueError as exc:
            self.ctx.say(str(exc), error=True)
            return
        settings = {"name": "lesson", "noise": 0.0, "test_ratio": 0.0, "seed": 0}
        self.doc.replace(
            PointSet.from_dataset(ds, 0.0, 0),
            QT_TR_NOOP("lesson points"),
            {**settings, "domain": ds.domain},
        )

    def clear_points(self) -> None:
        """Remove every point as one undoable step."""
        empty = self.doc.points.copy()
        for i in list(empty.ids):
            empty.remove(i)
        self.doc.replace(empty, QT_TR_NOOP("clear points"))

    def select_class(self, k: int) -> None:
        """Pick the class new points get (0-based)."""
        n = max(self.doc.points.n_classes, 1)
        if not 0 <= k < n:
            self.ctx.say(
                tr("this data has {n} classes; class {k} is not available").format(n=n, k=k + 1),
                about="edit",
            )
            return
        self.ctx.say("", about="edit")  # a class that exists: the complaint no longer applies
        self.current_class = k
        self.canvas.set_current_class(k)
        self.data_controls.select_class(k)

    # ----- the points changed ----------------------------------------------------------------
    def _on_points_changed(self) -> None:
        self.show_points()
        self.ctx.send(cmd.SetData(self.doc.data_arrays()))
        self.data_controls.show_settings(self.doc.settings, self.doc.points.n_classes)

    def show_points(self) -> None:
        """Hand every point to the canvas."""
        X, y, is_test, ids = self.doc.points.all_arrays()
        self.canvas.set_points(X, y, is_test, ids, self.doc.points.kind, self.doc.points.n_classes)


def preset_menu() -> list[tuple[str, str]]:
    """(title, name) of every preset, for the data controls' menu."""
    return [(load_preset(n).title, n) for n in preset_names()]


def generate_preset_points(doc: Document, preset: Preset, undoable: bool) -> None:
    """Make a preset's points in the document (one undo step unless ``undoable`` is False)."""
    d = dict(preset.dataset)
    name = d.pop("name")
    noise, ratio = float(d.pop("noise", 0.0)), float(d.pop("test_ratio", 0.5))
    seed = int(d.pop("seed", preset.spec.seed))
    doc.generate(name, noise, ratio, seed, **d, extra={"preset": preset.name}, undoable=undoable)
