"""The app's language: Qt's translator for ``tr()`` strings and the core's catalogue, together.

English is built in. Switching installs the compiled Qt catalogue
``resources/i18n/nnviz_<lang>.qm`` when it exists (Qt then sends every widget a LanguageChange
event), tells the pure core (``nnviz.text``) and the lessons, and is remembered.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSettings, QTranslator, Signal

from nnviz import text

LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}


def system_language() -> str:
    """The system locale's language if nnviz speaks it (zh_* → zh_CN), else English."""
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def qt_catalogue(language: str) -> str:
    """Where the compiled Qt catalogue of ``language`` lives (it may not exist)."""
    from resources import resource_path

    return str(resource_path("i18n", f"nnviz_{language}.qm"))


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
        self.current = language
        if remember and self.settings is not None:
            self.settings.setValue("language", language)
        self.changed.emit(language)
