"""The app's language: Qt's translator for ``tr()`` strings and the core's catalogue, together.

English is built in. Switching installs the compiled Qt catalogue
``resources/i18n/nnviz_<lang>.qm`` when it exists (Qt then sends every widget a LanguageChange
event), tells the pure core (``nnviz.text``) and the lessons, and is remembered.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSettings, QTranslator, Signal

from nnviz import text

LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}

# Every Qt-side string is one call: ``tr("Learning rate")``. pyside6-lupdate finds the bare
# ``tr(`` calls and files them all under one context (the empty one), so the same English
# words are translated once; a ``disambiguation`` tells apart two meanings of one word, and
# ``n`` picks the plural form (``tr("%n points", "", n)``).
CONTEXT = ""


def tr(source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the current language (Qt's catalogue; English when it has no entry)."""
    return QCoreApplication.translate(CONTEXT, source, disambiguation, n)


# Texts set once at construction are re-set on a language switch: ``worded`` remembers how
# to make each one (a function that calls ``tr``) and which setter receives it.
_worded: list[tuple[weakref.ref[Any], str, Callable[[], str]]] = []


def worded(target: QObject, setter: str, make: Callable[[], str]) -> None:
    """Set ``target.<setter>(make())`` now, and again whenever the language changes.

    ``worded(label, "setText", lambda: tr("Learning rate"))``; the entry is dropped when the
    widget is deleted.
    """
    getattr(target, setter)(make())
    _worded.append((weakref.ref(target), setter, make))


def reword_all() -> int:
    """Re-set every remembered text in the current language; how many are still alive."""
    alive = []
    for ref, setter, make in _worded:
        target = ref()
        if target is None:
            continue
        try:
            getattr(target, setter)(make())
        except RuntimeError:  # the C++ widget is gone though Python still held a wrapper
            continue
        alive.append((ref, setter, make))
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


class Language(QObject):
    """The current language; ``changed`` tells the views that re-word themselves."""

    changed = Signal(str)

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.current = "en"
        self._translator: QTranslator | None = None

    def start(self, asked: str | None = None) -> None:
        """The language at start: the command line's, else the remembered one, else the system's."""
        remembered = self.settings.value("language") if self.settings is not None else None
        choice = asked or (remembered if isinstance(remembered, str) else None)
        self.set(choice or system_language(), remember=asked is None and remembered is None)

    def set(self, language: str, remember: bool = True) -> None:
        """Switch now, without a restart; an unknown language is refused with ValueError."""
        if language not in LANGUAGES:
            choices = ", ".join(LANGUAGES)
            raise ValueError(f"nnviz speaks {choices}; {language!r} is not one of them")
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        if language != "en" and app is not None:
            translator = QTranslator(self)
            if translator.load(qt_catalogue(language)):
                app.installTranslator(translator)
                self._translator = translator
        text.set_language(language)
        switches.switched.emit(language)
        self.current = language
        reword_all()
        if remember and self.settings is not None:
            self.settings.setValue("language", language)
        self.changed.emit(language)
