"""A dock's title bar as ordinary widgets, so its type follows the window's (presentation) font.

Qt draws a dock's own title in the font the platform gave docks when the dock was made, and
never again in a bigger one: in presentation mode "Controls" stayed at 11 px while everything
around it grew to 20 px. This bar is a label and two buttons, sized from the current font.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QStyle, QToolButton, QWidget

from app.i18n import tr, worded
from app.views.elided_label import ElidedLabel


class DockTitle(QWidget):
    """The dock's name, then "float" and "close" buttons, all scaled with the font."""

    def __init__(self, dock: QDockWidget) -> None:
        super().__init__(dock)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 2, 2)
        row.setSpacing(2)
        self.label = ElidedLabel(dock.windowTitle())  # a narrow dock cuts its name with …
        dock.windowTitleChanged.connect(self.label.setText)
        row.addWidget(self.label, 1)
        self.float_button = self._button(QStyle.StandardPixmap.SP_TitleBarNormalButton)
        worded(self.float_button, "setToolTip", lambda: tr("Float this panel in its own window"))
        self.float_button.clicked.connect(lambda: dock.setFloating(not dock.isFloating()))
        self.close_button = self._button(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        worded(self.close_button, "setToolTip", lambda: tr("Close this panel (View menu shows it)"))
        self.close_button.clicked.connect(dock.close)
        for button in (self.float_button, self.close_button):
            row.addWidget(button)
        dock.featuresChanged.connect(self._show_buttons)
        self._show_buttons(dock.features())
        self._fit_buttons()

    def _button(self, icon: QStyle.StandardPixmap) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(self.style().standardIcon(icon))
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard belongs to the views
        return button

    def _show_buttons(self, features: QDockWidget.DockWidgetFeature) -> None:
        feature = QDockWidget.DockWidgetFeature
        self.float_button.setVisible(bool(features & feature.DockWidgetFloatable))
        self.close_button.setVisible(bool(features & feature.DockWidgetClosable))

    def _fit_buttons(self) -> None:
        """Buttons and icons as tall as a line of the current type."""
        side = self.fontMetrics().height()
        for button in (self.float_button, self.close_button):
            button.setIconSize(QSize(side * 2 // 3, side * 2 // 3))
            button.setFixedSize(side + 4, side + 4)

    def changeEvent(self, event: QEvent) -> None:
        """A new font (presentation mode): resize the buttons with it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_buttons()
