"""The application's start: the language the window is built in."""

import pytest
from PySide6.QtCore import QSettings

from app.application import first_language, make_application, make_window
from app.cli import parse_args
from app.i18n import system_language
from nnviz import text


@pytest.fixture
def settings(tmp_path):
    """Settings in a file of this test's own."""
    return QSettings(str(tmp_path / "nnviz.ini"), QSettings.Format.IniFormat)


def test_the_first_language_is_asked_then_remembered_then_the_systems(settings):
    """--lang wins; else the remembered choice; else the system's; headless: English."""
    assert first_language(None, settings) == system_language()
    settings.setValue("language", "zh_CN")
    assert first_language(None, settings) == "zh_CN"
    assert first_language("en", settings) == "en"
    for junk in ("fr", ["zh_CN"], 3):
        settings.setValue("language", junk)
        assert first_language(None, settings) == system_language()
    assert first_language(None, None) == "en"
    assert first_language("zh_CN", None) == "zh_CN"


def test_the_window_is_built_in_the_language_it_starts_in(qtbot, tmp_path, monkeypatch):
    """--lang zh_CN: the bowl's title, made while the window is built, is Chinese at once."""
    monkeypatch.setenv("HOME", str(tmp_path))  # the window autosaves on close
    make_application()
    window = make_window(parse_args(["--lang", "zh_CN", "--no-restore"]), interactive=False)
    qtbot.addWidget(window)
    try:
        title = window.landscape.explorer.race.surface.title
        assert text.language() == "zh_CN"
        assert title == text._("Quadratic bowl (condition number {condition:g})", condition=10.0)
        text.set_language("en")
        assert title != text._("Quadratic bowl (condition number {condition:g})", condition=10.0)
    finally:
        window.language.set("en", remember=False)
        window.close()
