"""Merge resources/i18n/nnviz.pot into every language's nnviz.po, keeping what is translated.

A template new to the code gets an empty translation, or, when it reads almost like one that
was removed, that old translation marked ``fuzzy`` (a guess a translator confirms; fuzzy
entries are not compiled). A removed template stays at the end of the file as an obsolete
``#~`` entry, so no translation is ever lost. References and format flags follow the .pot.
Running it twice changes nothing. ``--init LANG`` starts the catalogue of a new language.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import sys
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "compile_messages", Path(__file__).resolve().parent / "compile_messages.py"
)
assert _SPEC is not None and _SPEC.loader is not None
po = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("compile_messages", po)
_SPEC.loader.exec_module(po)

ROOT = po.ROOT
POT = po.I18N / f"{po.DOMAIN}.pot"
FUZZY_CUTOFF = 0.8  # how alike a new template must read to a removed one to reuse its words
PLURAL_FORMS = {"zh_CN": "nplurals=1; plural=0;"}  # other languages: gettext's usual two
HEADER = """\
Project-Id-Version: nnviz
Language: {language}
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit
Plural-Forms: {plural_forms}
"""


def merge(template: list, old: list) -> list:
    """The new catalogue: the template's entries with ``old``'s translations, then obsolete ones."""
    header = next(e for e in old if e.msgid == "" and not e.obsolete)
    plurals = po.n_plurals(old)
    known = {e.msgid: e for e in old if e.msgid}
    wanted = [e for e in template if e.msgid]
    wanted_ids = {e.msgid for e in wanted}
    # Old translations nothing asks for any more: kept as obsolete, offered as fuzzy guesses.
    spare = {k: e for k, e in known.items() if k not in wanted_ids and any(e.msgstr)}
    merged = [header]
    for new in wanted:
        forms = 1 if new.msgid_plural is None else plurals
        flags = [f for f in new.flags if f != "fuzzy"]
        entry = po.Entry(new.msgid, new.msgid_plural, [""] * forms, new.references, flags)
        was = known.get(new.msgid)
        if was is not None and (was.msgid_plural is None) == (new.msgid_plural is None):
            entry.comments = was.comments
            entry.previous = was.previous if was.fuzzy else None
            entry.msgstr = (was.msgstr + [""] * forms)[:forms]
            entry.flags = (["fuzzy"] if was.fuzzy else []) + flags
        else:
            guess = difflib.get_close_matches(new.msgid, list(spare), n=1, cutoff=FUZZY_CUTOFF)
            if guess:
                source = spare[guess[0]]
                entry.msgstr = ([source.msgstr[0]] * forms)[:forms]
                entry.flags, entry.previous = ["fuzzy", *flags], source.msgid
        merged.append(entry)
    for msgid, was in spare.items():
        merged.append(
            po.Entry(msgid, was.msgid_plural, was.msgstr, [], [], was.comments, obsolete=True)
        )
    return merged


def render(entries: list) -> str:
    """The .po file's text."""
    return "\n".join(po.render_entry(e) for e in entries)


def new_catalogue(language: str) -> list:
    """An empty catalogue of ``language``: only its header."""
    plural_forms = PLURAL_FORMS.get(language, "nplurals=2; plural=(n != 1);")
    text = HEADER.format(language=language, plural_forms=plural_forms)
    return [po.Entry("", None, [text], [], [], [f"nnviz's sentences in {language}."])]


def update(root: Path, language: str | None = None) -> list[Path]:
    """Merge the .pot into every .po (and start ``language``'s if it has none yet)."""
    template = po.parse((root / POT).read_text(encoding="utf-8"))
    paths = po.catalogues(root)
    if language is not None:
        path = root / po.I18N / language / "LC_MESSAGES" / f"{po.DOMAIN}.po"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(new_catalogue(language)), encoding="utf-8")
            paths = po.catalogues(root)
    for path in paths:
        merged = merge(template, po.parse(path.read_text(encoding="utf-8")))
        text = render(merged)
        if path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        live = [e for e in merged if e.msgid and not e.obsolete]
        todo = sum(not e.finished for e in live)
        print(f"{path.parent.parent.name}: {len(live)} messages, {todo} to translate → {path}")
    return paths


def main(argv: list[str] | None = None) -> int:
    """Merge under ``--root``; ``--init LANG`` first creates that language's catalogue."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--init", metavar="LANG", default=None)
    args = parser.parse_args(argv)
    update(args.root, args.init)
    return 0


if __name__ == "__main__":
    sys.exit(main())
