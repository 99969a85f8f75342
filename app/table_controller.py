"""Connects the feature-table view to ``nnviz.engine.feature_table``: knobs in, lamps out."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal

from app.i18n import tr
from app.views.table_items import data_word
from app.views.table_view import KNOB_RANGE, LABELS, THRESHOLD, TableView
from nnviz.engine.feature_table import FeatureTable, load_table, train_table_perceptron


class TableController(QObject):
    """Holds one table and one setting of its knobs; the view only draws what it is handed.

    The lesson player calls ``load(name)`` (``table.load``) and ``set_knobs(weights, b)``
    (``table.knobs``); ``lamps_changed`` carries the 0/1 lamps after every change.
    """

    lamps_changed = Signal(list)
    message = Signal(str)

    def __init__(self, view: TableView, table: str = "fruit") -> None:
        super().__init__(view)
        self.view = view
        self.table: FeatureTable | None = None
        self.weights: dict[str, float] = {}
        self.threshold = 0.0
        view.knob_changed.connect(self._on_knob_changed)
        view.preset_requested.connect(self._on_preset_requested)
        view.train_requested.connect(self._on_train_requested)
        view.table_requested.connect(self._on_table_requested)
        self.message.connect(view.show_message)
        self.load(table)

    # ----- the lesson player's requests ------------------------------------------------------
    def load(self, name: str) -> bool:
        """Show the shipped table ``name``, every knob at 0; False (and a message) if unknown."""
        try:
            table = load_table(name)
        except ValueError as exc:
            self.message.emit(str(exc))
            return False
        self.table = table
        detectors = list(table.detectors or {})
        targets = list(table.rows)
        if table.labels is not None:
            targets.insert(0, LABELS)
        self.view.show_table(
            table.name, table.title, table.rows, table.features, table.X, detectors, targets
        )
        self.view.show_message(" ", error=False)
        self._apply(dict.fromkeys(table.features, 0.0), 0.0)
        return True

    def set_knobs(self, weights: Mapping[str, float], threshold: float) -> bool:
        """Turn the knobs (features not named stay as they are); a bad value changes nothing."""
        assert self.table is not None
        new = dict(self.weights)
        for name, value in weights.items():
            if name not in new:
                self.message.emit(
                    tr("no feature called {name} in table {table}").format(
                        name=repr(name), table=self.table.name
                    )
                )
                return False
            new[name] = value
        for name, value in [*new.items(), (THRESHOLD, threshold)]:
            if not _in_range(value):
                self.message.emit(
                    tr("{name} = {value}: a knob takes a number from −5 to 5").format(
                        name=name, value=repr(value)
                    )
                )
                return False
        self._apply(new, float(threshold))
        return True

    def preset(self, name: str) -> bool:
        """The lesson's own detector ``name`` from the table file."""
        assert self.table is not None
        knobs = (self.table.detectors or {}).get(name)
        if knobs is None:
            self.message.emit(
                tr("table {table} has no {name} detector").format(
                    table=self.table.name, name=repr(name)
                )
            )
            return False
        ok = self.set_knobs(knobs.weights, knobs.threshold)
        if ok:
            self._tell(
                tr("{name} detector: lit for {rows}").format(
                    name=data_word(name), rows=self._lit_rows()
                )
            )
        return ok

    def train(self, target: str) -> bool:
        """Learn the knobs by the perceptron rule: light ``target`` only ("" = the labels)."""
        assert self.table is not None
        if target == LABELS and self.table.labels is not None:
            labels = self.table.labels
        elif target in self.table.rows:
            labels = self.table.one_vs_rest(target)
        else:
            self.message.emit(
                tr("no example called {target} to train for").format(target=repr(target))
            )
            return False
        knobs, epochs = train_table_perceptron(self.table, labels)
        if not self.set_knobs(knobs.weights, knobs.threshold):
            return False
        if list(self.lamps()) == list(labels):
            said = tr("trained: settled after {epochs} passes; lit for {rows}")
        else:
            said = tr("trained: did not settle after {epochs} passes; lit for {rows}")
        self._tell(said.format(epochs=epochs, rows=self._lit_rows()))
        return True

    # ----- numbers ---------------------------------------------------------------------------
    def scores(self) -> list[float]:
        """Σ w·x − b for every row at the current knobs."""
        assert self.table is not None
        return self.table.scores(self.weights, self.threshold).tolist()

    def lamps(self) -> list[int]:
        """1 for every row whose lamp is lit at the current knobs."""
        assert self.table is not None
        return self.table.lamps(self.weights, self.threshold)

    def _apply(self, weights: dict[str, float], threshold: float) -> None:
        self.weights, self.threshold = weights, threshold
        self.view.show_knobs(weights, threshold)
        lamps = self.lamps()
        self.view.show_scores(self.scores(), lamps)
        assert self.table is not None
        self.view.show_weights_row([weights[f] for f in self.table.features], threshold)
        self.lamps_changed.emit(lamps)

    def _lit_rows(self) -> str:
        assert self.table is not None
        lit = [data_word(r) for r, on in zip(self.table.rows, self.lamps(), strict=True) if on]
        return ", ".join(lit) or tr("nothing")

    def _tell(self, text: str) -> None:
        self.view.show_message(text, error=False)

    # ----- from the view ---------------------------------------------------------------------
    def _on_knob_changed(self, name: str, value: float) -> None:
        if name == THRESHOLD:
            self.set_knobs({}, value)
        else:
            self.set_knobs({name: value}, self.threshold)

    def _on_preset_requested(self, name: str) -> None:
        self.preset(name)

    def _on_train_requested(self, target: str) -> None:
        self.train(target)

    def _on_table_requested(self, name: str) -> None:
        if self.table is None or name != self.table.name:
            self.load(name)


def _in_range(value: object) -> bool:
    """A real, finite number within the knobs' range (True and False are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return False
    return math.isfinite(float(value)) and -KNOB_RANGE <= value <= KNOB_RANGE
