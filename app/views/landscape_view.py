"""The landscape view: loss surfaces, gradient-descent paths, the optimizer race, one knob."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.views.landscape_controls import LandscapeControls
from app.views.landscape_curve_plot import CurvePlot
from app.views.landscape_surface_plot import SurfacePlot
from app.views.plot_export import export_scene
from app.views.plot_style import type_px
from app.views.steady_label import SteadyLabel
from nnviz.landscape.picture import LandscapePicture


class LandscapeView(QWidget):
    """Draws LandscapePictures; every control leaves as a request signal on ``controls``."""

    def __init__(
        self,
        racers: list[tuple[str, str, tuple[int, int, int]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.picture: LandscapePicture | None = None
        self.view3d = None  # the 3-D surface, made the first time it is asked for
        self.staged = False
        self.outer = QVBoxLayout(self)
        self.controls = c = LandscapeControls(racers)
        self.outer.addWidget(c)
        self.split = split = QSplitter()
        split.setChildrenCollapsible(False)
        self.surface = SurfacePlot()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.surface)
        self.middle_panel = middle = QWidget()
        self.middle = QVBoxLayout(middle)
        self.middle.setContentsMargins(0, 0, 0, 0)
        self.curve = CurvePlot()
        self.middle.addWidget(self.curve, 1)
        self.probe = QWidget()  # the knob, Δx, fog and Walk, under the 1-D plot
        self.probe.setLayout(c.probe_row())
        self.middle.addWidget(self.probe)
        # Texts that change while training (a few times a second): steady labels, which ask the
        # window for a new layout only when they need a new size.
        self.readout = SteadyLabel(grow=True)  # the same sentence with new numbers: never shrinks
        self.readout.setWordWrap(True)
        self.middle.addWidget(self.readout)
        self.caption = SteadyLabel("Click the surface to start the race from there.")
        self.narration = SteadyLabel()
        text = QWidget()
        words = QVBoxLayout(text)
        for label in (self.caption, self.narration):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.label.setAlignment(Qt.AlignmentFlag.AlignTop)
            words.addWidget(label)
        words.addStretch(1)
        self.words = _scrolling(text)
        for w, stretch in ((self.stack, 5), (middle, 3), (self.words, 3)):
            split.addWidget(w)
            split.setStretchFactor(split.count() - 1, stretch)
        split.setSizes([520, 330, 300])
        self.words.setMinimumWidth(220)
        self.outer.addWidget(split, 1)
        self.side: QSplitter | None = None
        c.log_toggled.connect(self._on_log_toggled)
        c.glyph_toggled.connect(self._on_glyph_toggled)
        self.set_presentation(False)

    # ----- stage mode ------------------------------------------------------------------------
    def set_staged(self, on: bool) -> None:
        """On stage the plots take the whole height: controls and narration go to one column.

        The column on the right stacks the 1-D probe and the controls above the narration;
        each half scrolls, so nothing is cut however large the type.
        """
        if on == self.staged:
            return
        self.staged = on
        if on:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(2, 2, 2, 2)
            for w in (self.probe, self.readout, self.controls):  # the walk and Δx first
                column.addWidget(w)
            column.addStretch(1)
            self.side = QSplitter(Qt.Orientation.Vertical)
            self.side.setChildrenCollapsible(False)
            self.side.addWidget(_scrolling(box))
            self.split.replaceWidget(2, self.side)  # the narration moves into the column
            self.side.addWidget(self.words)
            self.outer.setContentsMargins(0, 0, 0, 0)
        else:
            self.outer.insertWidget(0, self.controls)
            self.middle.addWidget(self.probe)
            self.middle.addWidget(self.readout)
            self.split.replaceWidget(2, self.words)
            self.side.deleteLater()
            self.side = None
            self.outer.setContentsMargins(9, 9, 9, 9)
        self._share_width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On stage, the columns keep their shares as the window changes size."""
        super().resizeEvent(event)
        if self.staged:
            self._share_width()

    def _share_width(self) -> None:
        """Surface about 45 %, the 1-D plot 27 %, the column the rest (never below its need)."""
        if not self.staged:
            self.split.setSizes([520, 330, 300])
            return
        width = max(self.split.width(), 1)
        need = self.side.widget(0).widget().minimumSizeHint().width() + 24  # + the scroll bar
        side = max(round(0.28 * width), need)
        rest = width - side
        self.split.setSizes([round(0.62 * rest), rest - round(0.62 * rest), side])

    # ----- local drawing options (no request leaves the view) --------------------------------
    def _on_glyph_toggled(self, key: str, on: bool) -> None:
        self.surface.show_glyphs[key] = on
        if self.picture is not None:
            self.surface.show_paths(self.picture)

    def _on_log_toggled(self, on: bool) -> None:
        self.surface.log = on
        if self.view3d is not None:
            self.view3d.log = on
        if self.picture is not None and self.picture.surface is not None:
            self.surface.show_surface(self.picture.surface)
            if self.view3d is not None:
                self.view3d.show_picture(self.picture, force=True)

    def show_3d(self, widget: QWidget | None, note: str = "") -> None:
        """Put the 3-D surface in front (``widget``), or back to 2-D with ``note`` saying why."""
        if widget is not None:
            if self.view3d is None:
                self.view3d = widget
                self.stack.addWidget(widget)
            self.view3d.log = self.surface.log
            self.stack.setCurrentWidget(widget)
            if self.picture is not None:
                self.view3d.show_picture(self.picture, force=True)
        else:
            self.stack.setCurrentWidget(self.surface)
        if note:
            self.readout.setText(note)

    # ----- drawing ---------------------------------------------------------------------------
    def show_picture(self, pic: LandscapePicture) -> None:
        """Draw a frame; the surface is redrawn only when it changed."""
        old = self.picture
        if old is None or old.surface is not pic.surface:
            self.surface.show_surface(pic.surface)
        self.surface.show_paths(pic)
        if pic.curve is not None:
            self.curve.show_curve(pic.curve)
            c = pic.curve
            gap = c.secant_slope - c.derivative
            self.readout.setText(
                tr(
                    "secant Δy/Δx = {secant}   {derivative_label} = {derivative}   "
                    "(Δx = {dx}, difference {gap})"
                ).format(
                    secant=f"{c.secant_slope:.5g}",
                    derivative_label=c.derivative_label,
                    derivative=f"{c.derivative:.5g}",
                    dx=f"{c.dx:.3g}",
                    gap=f"{gap:.2g}",
                )
            )
        else:
            self.curve.clear_curve()
        for part in (self.middle_panel, self.probe, self.readout):
            part.setVisible(pic.one_d_panel)
        self.controls.show_race_controls(pic.one_d_panel)
        self.controls.show_legend(pic.legend)
        self.caption.setText(pic.caption)  # steady labels: a text that did not change is skipped
        self.narration.setText("<br>".join(pic.narration))
        if self.view3d is not None and self.stack.currentWidget() is self.view3d:
            self.view3d.show_picture(pic)
        self.picture = pic

    def set_presentation(self, on: bool) -> None:
        """Thicker paths; plot and caption type from the window's font (no second scaling)."""
        px = type_px()
        self.surface.set_presentation(on, px)
        self.curve.set_presentation(on, px)
        for label in (self.caption, self.narration, self.readout):
            label.setFont(QFont())  # the window's type, which presentation mode enlarges
        if self.picture is not None:
            self.surface.show_paths(self.picture)

    def export_image(self, path: str) -> None:
        """Save the view: ``.svg`` as the surface plot in vectors, anything else as a PNG."""
        if str(path).lower().endswith(".svg"):
            export_scene(self.surface.scene(), str(path), "nnviz loss landscape")
        elif not self.grab().save(str(path)):
            raise OSError(f"could not write {path}")


def _scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that follows its width (it scrolls vertically)."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    return scroll
