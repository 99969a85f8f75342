"""One catalogue for the sentences the pure core shows users (gettext-style, no Qt).

Write a user-facing sentence as ``_("diverged at epoch {epoch}", epoch=n)``: the template
(with named fields, never an f-string) is the message id, looked up in the current language's
catalogue, then filled in. A translation only adds a catalogue file
``resources/i18n/<lang>/LC_MESSAGES/nnviz.mo``; no code changes. The Qt side translates its
own strings with ``tr()`` (see ``app/i18n.py``) and calls ``set_language`` here too, and so does
the training process, so every sentence the user reads is in one language.
"""

from __future__ import annotations

import gettext
from pathlib import Path
from typing import Any

DOMAIN = "nnviz"
_catalogue: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def catalogue_folder() -> Path:
    """Where compiled catalogues live (shipped in the wheel with the other resources)."""
    from resources import resource_path

    return resource_path("i18n")


def set_language(language: str) -> bool:
    """Use ``language`` (e.g. ``"zh_CN"``); English when no catalogue exists. True if found."""
    global _catalogue, _language
    if language in ("", "en", "C"):
        _catalogue, _language = gettext.NullTranslations(), "en"
        return True
    try:
        found = gettext.translation(DOMAIN, str(catalogue_folder()), languages=[language])
    except OSError:
        _catalogue, _language = gettext.NullTranslations(), "en"
        return False
    _catalogue, _language = found, language
    return True


def language() -> str:
    """The language sentences come out in now."""
    return _language


def _(template: str, /, **fields: Any) -> str:
    """The sentence ``template`` in the current language, with its named fields filled in."""
    text = _catalogue.gettext(template)
    return text.format(**fields) if fields else text


def n_(singular: str, plural: str, n: int, /, **fields: Any) -> str:
    """Like ``_`` for a sentence whose wording depends on a count ``n`` (``{n}`` is filled)."""
    text = _catalogue.ngettext(singular, plural, n)
    return text.format(n=n, **fields)


def capitalised(text: str) -> str:
    """``text`` with its first letter made a capital: a label's words reused as a title.

    One template then serves both (``_("training loss")`` in a legend, capitalised over a
    panel), so a translator sees it once; languages without capitals are left as they are.
    """
    return text[:1].upper() + text[1:]
