"""The landscape view: loss surfaces, gradient-descent paths, the optimizer race, one knob."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.views.landscape_controls import LandscapeControls
from app.views.landscape_plots import CurvePlot, SurfacePlot
from app.views.plot_export import export_scene
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
        layout = QVBoxLayout(self)
        self.controls = c = LandscapeControls(racers)
        layout.addWidget(c)
        split = QSplitter()
        self.surface = SurfacePlot()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.surface)
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        self.curve = CurvePlot()
        column.addWidget(self.curve, 1)
        column.addLayout(c.probe_row())
        self.readout = QLabel()
        self.readout.setWordWrap(True)
        column.addWidget(self.readout)
        self.caption = QLabel("Click the surface to start the race from there.")
        self.narration = QLabel()
        text = QWidget()
        words = QVBoxLayout(text)
        for label in (self.caption, self.narration):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop)
            words.addWidget(label)
        words.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(text)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        for w, stretch in ((self.stack, 5), (middle, 3), (scroll, 3)):
            split.addWidget(w)
            split.setStretchFactor(split.count() - 1, stretch)
        split.setSizes([520, 330, 300])
        scroll.setMinimumWidth(220)
        layout.addWidget(split, 1)
        c.log_toggled.connect(self._on_log_toggled)
        c.glyph_toggled.connect(self._on_glyph_toggled)
        self.set_presentation(False)

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
                f"secant Δy/Δx = {c.secant_slope:.5g}   {c.derivative_label} = "
                f"{c.derivative:.5g}   (Δx = {c.dx:.3g}, difference {gap:.2g})"
            )
        else:
            self.curve.clear_curve()
        self.controls.show_legend(pic.legend)
        self.caption.setText(pic.caption)
        self.narration.setText("<br>".join(pic.narration))
        if self.view3d is not None and self.stack.currentWidget() is self.view3d:
            self.view3d.show_picture(pic)
        self.picture = pic

    def set_presentation(self, on: bool) -> None:
        """Thicker paths and bigger captions for a lecture hall."""
        self.surface.set_presentation(on)
        self.curve.set_presentation(on)
        font = QFont()
        font.setPointSizeF(16 if on else 10.5)
        for label in (self.caption, self.narration, self.readout):
            label.setFont(font)
        if self.picture is not None:
            self.surface.show_paths(self.picture)

    def export_image(self, path: str) -> None:
        """Save the view: ``.svg`` as the surface plot in vectors, anything else as a PNG."""
        if str(path).lower().endswith(".svg"):
            export_scene(self.surface.scene(), str(path), "nnviz loss landscape")
        elif not self.grab().save(str(path)):
            raise OSError(f"could not write {path}")
