"""Compile every resources/i18n/<lang>/LC_MESSAGES/nnviz.po into the nnviz.mo gettext reads.

Pure Python, no msgfmt needed: this file also holds the small .po reader and writer that
tools/update_messages.py shares. Only finished entries are compiled (every form translated,
not marked fuzzy); the rest fall back to English at run time. The output is deterministic
(sorted keys, no hash table), so the committed .mo can be checked against a fresh compile.
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = Path("resources/i18n")
DOMAIN = "nnviz"
MAGIC = 0x950412DE  # GNU .mo, little-endian
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    """One message: its id (and plural id), its translations, and the comments around it."""

    msgid: str
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=lambda: [""])
    references: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # the translator's own "# …" lines
    previous: str | None = None  # "#| msgid": the id a fuzzy guess was taken from
    obsolete: bool = False

    @property
    def fuzzy(self) -> bool:
        """A guess waiting for a translator: never compiled."""
        return "fuzzy" in self.flags

    @property
    def finished(self) -> bool:
        """Every form translated and not fuzzy."""
        return not self.fuzzy and all(self.msgstr)


def unquote(literal: str) -> str:
    """The text of one PO string literal (``"a\\nb"`` → a, newline, b)."""
    literal = literal.strip()
    if len(literal) < 2 or literal[0] != '"' or literal[-1] != '"':
        raise ValueError(f"not a PO string: {literal!r}")
    body, out, i = literal[1:-1], [], 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            nxt = body[i + 1 : i + 2]
            if nxt not in _ESCAPES:
                raise ValueError(f"unknown escape \\{nxt} in {literal!r}")
            out.append(_ESCAPES[nxt])
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def quoted(text: str) -> str:
    """``text`` as one PO string literal (the same quoting as tools/extract_messages.py)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return '"' + escaped.replace("\n", "\\n") + '"'


_KEYWORD = re.compile(r"^(msgid_plural|msgid|msgstr(?:\[(\d+)\])?|msgctxt)\s+(\".*\")\s*$")


def parse(text: str) -> list[Entry]:
    """Every entry of a .po or .pot file, the header (msgid "") first as it stands."""
    entries: list[Entry] = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        entry = _parse_block(block.splitlines())
        if entry is not None:
            entries.append(entry)
    return entries


def _parse_block(lines: list[str]) -> Entry | None:
    entry = Entry(msgid="", msgstr=[])
    ids: dict[str, str] = {}
    strs: dict[int, str] = {}
    target: tuple[str, int] | None = None
    for raw in lines:
        line = raw.rstrip()
        if line.startswith("#~"):
            entry.obsolete, line = True, line[2:].strip()
            if not line:
                continue
        if line.startswith("#:"):
            entry.references += line[2:].split()
        elif line.startswith("#,"):
            entry.flags += [f.strip() for f in line[2:].split(",") if f.strip()]
        elif line.startswith("#|"):
            match = re.match(r"#\|\s*msgid\s+(\".*\")$", line)
            entry.previous = unquote(match.group(1)) if match else None
        elif line.startswith("#"):
            if not line.startswith("#."):
                entry.comments.append(line[1:].strip())
        elif line.startswith('"'):
            if target is None:
                raise ValueError(f"a string with no keyword before it: {line!r}")
            kind, index = target
            if kind == "msgstr":
                strs[index] += unquote(line)
            else:
                ids[kind] += unquote(line)
        elif line:
            match = _KEYWORD.match(line)
            if match is None:
                raise ValueError(f"cannot read this .po line: {line!r}")
            keyword, index, literal = match.groups()
            if keyword.startswith("msgstr"):
                target = ("msgstr", int(index or 0))
                strs[target[1]] = unquote(literal)
            else:
                target = (keyword, 0)
                ids[keyword] = unquote(literal)
    if "msgid" not in ids:
        return None  # comments only (the file's opening lines before the header)
    entry.msgid = ids["msgid"]
    entry.msgid_plural = ids.get("msgid_plural")
    entry.msgstr = [strs[i] for i in sorted(strs)] or [""]
    return entry


def render_entry(entry: Entry) -> str:
    """One entry as .po text (obsolete entries behind ``#~``)."""
    lines = [f"# {c}".rstrip() for c in entry.comments]
    lines += [f"#: {ref}" for ref in entry.references]
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    if entry.previous is not None:
        lines.append(f"#| msgid {quoted(entry.previous)}")
    body = [f"msgid {quoted(entry.msgid)}"]
    if entry.msgid_plural is None:
        body.append(_msgstr("msgstr", entry.msgstr[0], header=entry.msgid == ""))
    else:
        body.append(f"msgid_plural {quoted(entry.msgid_plural)}")
        body += [_msgstr(f"msgstr[{i}]", s) for i, s in enumerate(entry.msgstr)]
    if entry.obsolete:
        body = [f"#~ {line}" for text in body for line in text.splitlines()]
    return "\n".join(lines + body) + "\n"


def _msgstr(keyword: str, text: str, header: bool = False) -> str:
    """The header's fields one per line, as every PO tool writes them; others on one line."""
    if not header:
        return f"{keyword} {quoted(text)}"
    return "\n".join([f'{keyword} ""'] + [quoted(line) for line in text.splitlines(keepends=True)])


def header_fields(entries: list[Entry]) -> dict[str, str]:
    """The header entry's ``Name: value`` fields."""
    header = next((e for e in entries if e.msgid == "" and not e.obsolete), None)
    if header is None:
        return {}
    pairs = (line.split(":", 1) for line in header.msgstr[0].splitlines() if ":" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def n_plurals(entries: list[Entry]) -> int:
    """How many plural forms the catalogue's language has (its Plural-Forms header)."""
    match = re.search(r"nplurals\s*=\s*(\d+)", header_fields(entries).get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def compile_po(text: str) -> bytes:
    """The GNU .mo bytes of a .po file's text: the header and every finished entry."""
    entries = parse(text)
    charset = re.search(r"charset=([\w-]+)", header_fields(entries).get("Content-Type", ""))
    if charset is None or charset.group(1).lower().replace("-", "") != "utf8":
        raise ValueError("the .po header must say Content-Type: text/plain; charset=UTF-8")
    table: dict[bytes, bytes] = {}
    for e in entries:
        if e.obsolete or (e.msgid and not e.finished):
            continue
        key = e.msgid if e.msgid_plural is None else f"{e.msgid}\0{e.msgid_plural}"
        table[key.encode()] = "\0".join(e.msgstr).encode()
    return mo_bytes(table)


def mo_bytes(table: dict[bytes, bytes]) -> bytes:
    """A .mo file: header, the two offset tables, then the ids and the translations."""
    keys = sorted(table)
    header_size = 7 * 4
    ids_at = header_size + 16 * len(keys)  # after both tables of (length, offset) pairs
    ids = b"".join(k + b"\0" for k in keys)
    strs_at = ids_at + len(ids)
    key_table, str_table, id_pos, str_pos = [], [], 0, 0
    for k in keys:
        key_table += [len(k), ids_at + id_pos]
        str_table += [len(table[k]), strs_at + str_pos]
        id_pos, str_pos = id_pos + len(k) + 1, str_pos + len(table[k]) + 1
    head = struct.pack("<7I", MAGIC, 0, len(keys), header_size, header_size + 8 * len(keys), 0, 0)
    offsets = struct.pack(f"<{4 * len(keys)}I", *key_table, *str_table)
    return head + offsets + ids + b"".join(table[k] + b"\0" for k in keys)


def catalogues(root: Path) -> list[Path]:
    """Every language's .po file under resources/i18n."""
    return sorted((root / I18N).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def main(argv: list[str] | None = None) -> int:
    """Compile every .po under ``--root`` next to itself."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    for po in catalogues(args.root):
        entries = [e for e in parse(po.read_text(encoding="utf-8")) if e.msgid and not e.obsolete]
        done = sum(e.finished for e in entries)
        po.with_suffix(".mo").write_bytes(compile_po(po.read_text(encoding="utf-8")))
        print(
            f"{po.parent.parent.name}: {done}/{len(entries)} translated → {po.with_suffix('.mo')}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
