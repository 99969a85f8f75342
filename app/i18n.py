"""The app's language: Qt's translator for ``tr()`` strings and the core's catalogue, together.

English is built in. Switching installs the compiled Qt catalogue
``resources/i18n/nnviz_<lang>.qm`` when it exists (Qt then sends every widget a LanguageChange
event), tells the pure core (``nnviz.text``) and the lessons, and is remembered.

How a view follows a switch: a text set once goes through ``worded`` (or ``reworded``); a text
drawn from data calls ``tr`` each time it is set, and the window shows every view the newest
snapshot again after a switch (``MainWindow.reword``); a view whose words depend on more than
the snapshot (or that skips a snapshot it has drawn) defines ``reword()``, called first.
``make translations`` files every marked string in ``resources/i18n/nnviz_zh_CN.ts``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)

from nnviz import text

LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}

# Every Qt-side string is one call: ``tr("Learning rate")``. pyside6-lupdate finds the bare
# ``tr(`` calls and files them all under one context (the empty one), so the same English
# words are translated once; a ``disambiguation`` tells apart two meanings of one word.
# Numbers go in named fields filled after translating, ``tr("epoch {epoch}").format(epoch=n)``
# (never an f-string inside ``tr``: lupdate would file the unfilled text). English comes from
# the source itself, so a count that changes the English words is two messages
# (``tr("{n} neuron")`` / ``tr("{n} neurons")``).
CONTEXT = ""


def tr(source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the current language (Qt's catalogue; English when it has no entry)."""
    return QCoreApplication.translate(CONTEXT, source, disambiguation, n)


def QT_TR_NOOP(source: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark ``source`` for the catalogue without translating it now; ``tr(source)`` later.

    For words kept in a table (a panel's title, a combo box's items): the table holds the
    English source, and whoever shows it calls ``tr`` on it in the current language.
    """
    return source


# Texts set once at construction are re-set on a language switch: ``worded`` remembers how
# to make each one (a function that calls ``tr``) and which setter receives it; ``reworded``
# remembers any re-wording (a combo box's items, say). Each entry lives as long as its widget.
_worded: list[tuple[weakref.ref[Any], Callable[[Any], None]]] = []
_kept_after_pruning = [0]  # how many entries the last pruning kept


def reworded(target: QObject, apply: Callable[[Any], None]) -> None:
    """Call ``apply(target)`` now, and again whenever the language changes.

    ``apply`` receives the target (so it need not hold it, and the entry dies with it).
    """
    apply(target)
    _worded.append((weakref.ref(target), apply))
    if len(_worded) > 2 * max(_kept_after_pruning[0], 512):  # pruning costs O(entries): rarely
        forget_deleted()


def forget_deleted() -> int:
    """Drop the entries of widgets that are gone; how many entries are left.

    An entry's function often holds its window (``lambda: ... w.language ...``), and the
    registry is a module global: kept, it would keep every closed window's Python side alive
    for good. So an entry goes once its widget's C++ object is deleted, not only once
    Python lets go of the widget.
    """
    _worded[:] = [(ref, apply) for ref, apply in _worded if _alive(ref)]
    _kept_after_pruning[0] = len(_worded)
    return len(_worded)


def _alive(ref: weakref.ref[Any]) -> bool:
    target = ref()
    return target is not None and shiboken6.isValid(target)


def worded(target: QObject, setter: str, make: Callable[[], str]) -> None:
    """Set ``target.<setter>(make())`` now, and again whenever the language changes.

    ``worded(label, "setText", lambda: tr("Learning rate"))``; the entry is dropped when the
    widget is deleted.
    """
    reworded(target, lambda t: getattr(t, setter)(make()))


class RewordWhenShown:
    """Mixin for a widget with a ``reword()``: a switch of language re-words it at once if it
    is on screen, else the next time it is shown.

    A hidden widget waits: new words re-lay it out later (a posted layout request), which must
    not reach a closed window's items once they are deleted. ``reword_ready()`` may say no
    for more reasons (say, a plot whose items are gone).
    """

    _reword_waiting = False  # the language changed while the widget was hidden

    def reword(self) -> None:
        """Set the widget's words again in the current language."""

    def reword_ready(self) -> bool:
        """True if the widget's parts are there to take new words."""
        return True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._reword_waiting = not self._reword_if_shown()
        super().changeEvent(event)  # type: ignore[misc]

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._reword_waiting:
            self._reword_waiting = not self._reword_if_shown()

    def _reword_if_shown(self) -> bool:
        """Call ``reword()`` if the widget is on screen and ready; True if it was called."""
        shown = self.isVisible()  # type: ignore[attr-defined]
        if getattr(self, "closed", False) or not shown or not self.reword_ready():
            return False
        self.reword()
        return True


def reword_all() -> int:
    """Re-set every remembered text in the current language; how many are still alive."""
    alive = []
    for ref, apply in _worded:
        target = ref()
        if target is None:
            continue
        try:
            apply(target)
        except RuntimeError:  # the C++ widget is gone though Python still held a wrapper
            continue
        alive.append((ref, apply))
    _worded[:] = alive
    return len(alive)


def system_language() -> str:
    """The system locale's language if nnviz speaks it (zh_* → zh_CN), else English."""
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def qt_catalogue(language: str) -> str:
    """Where the compiled Qt catalogue of ``language`` lives (it may not exist)."""
    from resources import resource_path

    return str(resource_path("i18n", f"nnviz_{language}.qm"))


class _Switches(QObject):
    """Every switch, app-wide: for listeners that hold no Language (the training bridge)."""

    switched = Signal(str)


switches = _Switches()


def qt_translations() -> str:
    """Where Qt's own catalogues (qtbase_<lang>.qm) are installed."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


# The translators nnviz installed. The language is the whole process's (Qt's translators and
# the core's catalogue are global): a second Language object replaces them, never adds to them.
_installed: list[QTranslator] = []


def install_catalogues(language: str) -> None:
    """Qt's translators for ``language``: nnviz's own and Qt's (English: none)."""
    app = QCoreApplication.instance()
    if app is None:
        return
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        return
    # nnviz's words, then Qt's own (Yes/No, Open/Close, the file dialogs; shipped with PySide6).
    for name, folder in ((qt_catalogue(language), ""), (f"qtbase_{language}", qt_translations())):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)


class Language(QObject):
    """The current language; ``changed`` tells the views that re-word themselves."""

    changed = Signal(str)

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.current = "en"

    def start(self, asked: str | None = None) -> None:
        """The language at start: the command line's, else the remembered one, else the system's."""
        remembered = self.settings.value("language") if self.settings is not None else None
        choice = asked or (remembered if isinstance(remembered, str) else None)
        self.set(choice or system_language(), remember=asked is None and remembered is None)

    def set(self, language: str, remember: bool = True) -> None:
        """Switch now, without a restart; an unknown language is refused with ValueError."""
        if language not in LANGUAGES:
            choices = ", ".join(LANGUAGES)
            raise ValueError(
                tr("nnviz speaks {choices}; {language} is not one of them").format(
                    choices=choices, language=repr(language)
                )
            )
        text.set_language(language)  # first: a LanguageChange handler may ask the core
        install_catalogues(language)
        switches.switched.emit(language)
        self.current = language
        reword_all()
        if remember and self.settings is not None:
            self.settings.setValue("language", language)
        self.changed.emit(language)
