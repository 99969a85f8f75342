"""Switching the app's language in a test (and always back), and the catalogue's words."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication

from app.i18n import Language


@contextmanager
def chinese(language: Language | None = None) -> Iterator[Language]:
    """Speak 简体中文 (the committed .qm) inside the block, English again after it."""
    language = language or Language()
    language.set("zh_CN", remember=False)
    try:
        yield language
    finally:
        language.set("en", remember=False)


def zh(source: str) -> str:
    """``source`` as the installed catalogue says it (read from the .qm, never typed here).

    Called inside ``chinese()``; a source with no translation would come back unchanged,
    which the assertion turns into a failure.
    """
    said = QCoreApplication.translate("", source)
    assert said != source, f"{source!r} has no Chinese translation"
    return said
