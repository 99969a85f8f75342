"""Connects the gears view to ``nnviz.graph.gears``: a formula and an x in, gears and turns out."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Signal

from app.i18n import tr
from app.views.gears_view import GearsView
from app.views.knob_items import parse_number
from nnviz.graph.gears import GearTrain, gear_train

X_LIMIT = 100.0  # the x box takes −100 … 100 (where the formula is defined)


class GearsController(QObject):
    """Holds the gear train for one formula at one x and how far the input gear has turned.

    The lesson player calls ``set_formula(outer, inner)``, ``set_x(x)`` and ``turn(radians)``.
    """

    message = Signal(str)

    def __init__(self, view: GearsView, outer: str = "sin", inner: str = "log", x: float = 2.0):
        super().__init__(view)
        self.view = view
        self.gears: GearTrain = gear_train(outer, inner, x)
        self.turned = 0.0
        view.formula_chosen.connect(self._on_formula_chosen)
        view.x_typed.connect(self._on_x_typed)
        view.turn_changed.connect(self._on_turn_changed)
        self.message.connect(view.show_message)
        self._show()

    def set_formula(self, outer: str, inner: str) -> bool:
        """Draw outer(inner(x)) at the current x (or x = 2 if it is not defined there)."""
        for x in (self.gears.x, 2.0):
            try:
                self.gears = gear_train(outer, inner, x)
            except ValueError as exc:
                error = str(exc)
                continue
            self._show()
            return True
        self.message.emit(error)
        self._show()  # the chooser goes back to what is drawn
        return False

    def set_x(self, x: float) -> bool:
        """Take the slopes at ``x``; an x where the formula is undefined changes nothing."""
        try:
            gears = gear_train(self.gears.outer, self.gears.inner, float(x))
        except (TypeError, ValueError) as exc:
            self.message.emit(str(exc))
            self._show()
            return False
        self.gears = gears
        self.view.show_message(" ")
        self._show()
        return True

    def turn(self, radians: float) -> None:
        """Turn the input gear to ``radians``; the others follow by the ratios."""
        if not math.isfinite(radians):
            return
        self.turned = float(radians)
        self.view.show_angles(self.gears.angles(self.turned), self.turned)

    def _show(self) -> None:
        g = self.gears
        formula = (g.outer, g.inner)
        self.view.show_gears(formula, g.x, g.centres(), g.radii(), g.values, g.ratios)
        self.turn(self.turned)

    def _on_formula_chosen(self, outer: str, inner: str) -> None:
        self.set_formula(outer, inner)

    def _on_x_typed(self, text: str) -> None:
        value, why = parse_number(text, -X_LIMIT, X_LIMIT)
        if value is None:
            self.message.emit(tr("x: {why}; it stays {x}").format(why=why, x=f"{self.gears.x:g}"))
            self._show()
            return
        self.set_x(value)

    def _on_turn_changed(self, radians: float) -> None:
        self.turn(radians)
