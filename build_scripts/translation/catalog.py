"""Translation files (catalogues): one per document, read into records and
written back.

The file format is declared once in schema/editorial.py (CATALOG): unknown
keys, wrong types and unknown statuses are reported there with file and line.
Here the validated entries become records, and the checks that need the whole
file (an id used twice) are made.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError, Problem
from ..files import YAML_LOADER, dump_yaml
from ..model import Note, Status
from ..schema.editorial import CATALOG, Loaded, load, parse, span
from ..schema.options import Fields


@dataclass(frozen=True)
class Entry:
    """One recorded segment of a translation file."""

    id: str
    kind: str
    source: str
    translation: str = ""
    status: Status = Status.PENDING
    previous_source: str = ""
    notes: tuple[Note, ...] = ()
    allow: tuple[tuple[str, str], ...] = ()  # (check, reason)
    line: int = 0  # the line of its `- id:`
    end_line: int = 0  # the entry's last line


@dataclass(frozen=True)
class Catalog:
    """A document's translation file: its entries in reading order, and its
    text as read (so that writers edit it without reading it again)."""

    path: Path
    entries: tuple[Entry, ...] = ()
    obsolete: tuple[Entry, ...] = ()
    doc_notes: tuple[Note, ...] = ()
    text: str | None = None  # None: the file does not exist
    data: Fields | None = None  # the validated data, with lines (for checks of the English)

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}


def catalog_path(folder: Path, doc: str) -> Path:
    """The translation file of seed ``doc`` in the translations folder."""
    return folder / f"{doc}.yml"


def load_catalog(path: Path) -> Catalog:
    if not path.exists():
        return Catalog(path)
    loaded = load(path, CATALOG)
    entries = tuple(_entry(item, loaded) for item in loaded.data["segments"])
    obsolete = tuple(_entry(item, loaded) for item in loaded.data["obsolete"])
    problems, seen = [], {}
    for item in loaded.data["segments"]:
        if item["id"] in seen:
            problems.append(
                Problem(path, f"segment '{item['id']}' appears twice (the first at line {seen[item['id']]})", item.line)
            )
        seen.setdefault(item["id"], item.line)
    if problems:
        raise InputError(problems)
    return Catalog(path, entries, obsolete, notes(loaded.data["notes"]), loaded.text, loaded.data)


def notes(items) -> tuple[Note, ...]:
    return tuple(Note(str(n["ja"]), str(n["en"])) for n in items)


def _entry(item: Fields, loaded: Loaded) -> Entry:
    status = item.get("status") or (Status.TRANSLATED if item["translation"] else Status.PENDING)
    first, last = span(item.node, loaded.lines)
    return Entry(
        id=str(item["id"]),
        kind=str(item["kind"]),
        source=str(item["source"]),
        translation=str(item["translation"]),
        status=Status(status),
        previous_source=str(item["previous_source"]),
        notes=notes(item["notes"]),
        allow=tuple((str(a["check"]), str(a["reason"])) for a in item["allow"]),
        line=first,
        end_line=last,
    )


# -- writing translation files ----------------------------------------------

CATALOG_HEADER = """\
# Translation file for seeds/{doc}.txt (generated skeleton, edited by hand).
#
# Each entry is one passage of the source, in reading order:
#   id           stable id; the passage's anchor on the site (#id). Never change it.
#   source       the source text as the build last saw it (do not edit: the build
#                compares it with the seed to find translations that went stale)
#   translation  the translation (English for Japanese sources). Edit this.
#   status       pending | draft | translated | reviewed | stale
#   notes        editor's notes, each with `ja:` and `en:` text
#   allow        a check this entry is exempt from, with a written `reason:`
# Transcript turns (English original) carry their published Japanese in the
# seed itself; their entries exist for ids and notes only.
# After a seed changes, `python -m build_scripts sync` updates `source`, marks
# changed translations `stale` and keeps the old text in `previous_source`.
"""


def catalog_entries(segments, catalog: Catalog) -> tuple[list[dict], list[dict]]:
    """The entries a translation file should hold for ``segments``."""
    recorded = catalog.by_id()
    current_ids = {s.id for s in segments}
    entries = []
    for seg in segments:
        old = recorded.get(seg.id)
        entry: dict = {"id": seg.id, "kind": seg.kind, "source": seg.source}
        if old and old.translation and (old.previous_source or old.source != seg.source):
            # kept until the translator has brought the translation up to date
            entry["previous_source"] = old.previous_source or old.source
        if seg.status.editable or (old and old.translation):
            translation = old.translation if old else ""
            entry["translation"] = translation
            changed = bool(old) and old.source != seg.source and bool(translation)
            status = Status.STALE if changed else (old.status if old and translation else Status.PENDING)
            entry["status"] = str(status)
        if old and old.notes:
            entry["notes"] = [{"ja": n.ja, "en": n.en} for n in old.notes]
        if old and old.allow:
            entry["allow"] = [{"check": check, "reason": reason} for check, reason in old.allow]
        entries.append(entry)
    obsolete = [_entry_dict(e) for e in catalog.obsolete]
    obsolete += [_entry_dict(e) for e in catalog.entries if e.id not in current_ids and e.translation]
    return entries, obsolete


def _entry_dict(entry: Entry) -> dict:
    data: dict = {"id": entry.id, "kind": entry.kind, "source": entry.source}
    if entry.translation:
        data["translation"] = entry.translation
    data["status"] = str(entry.status)
    if entry.notes:
        data["notes"] = [{"ja": n.ja, "en": n.en} for n in entry.notes]
    return data


def render_catalog(doc: str, source_lang: str, entries: list[dict], obsolete: list[dict], doc_notes=()) -> str:
    data: dict = {"doc": doc, "source_lang": source_lang}
    if doc_notes:
        data["notes"] = [{"ja": n.ja, "en": n.en} for n in doc_notes]
    data["segments"] = entries
    if obsolete:
        data["obsolete"] = obsolete
    body = dump_yaml(data)
    # a blank line between entries makes the file easy to read and to diff
    body = body.replace("\n- id:", "\n\n- id:").replace("\n  - id:", "\n\n  - id:")
    return CATALOG_HEADER.format(doc=doc) + body


ENTRY_ORDER = ("id", "kind", "source", "previous_source", "translation", "status", "notes", "allow")


def update_entries(catalog: Catalog, changes: dict[str, dict[str, str | None]]) -> str:
    """The text of a translation file with some fields of some entries set
    (``None`` removes a field), every other line kept byte for byte.

    Translation files are edited by hand, so re-dumping a whole file would
    restyle lines nobody changed; only the changed fields are written (in the
    writer's style, ``dump_yaml``) in place. The result is parsed again and
    must hold exactly the old data plus the changes.
    """
    text = catalog.text or ""
    node = parse(catalog.path, text)
    lines = text.split("\n")
    edits: list[tuple[int, int, list[str]]] = []  # 0-based [start, end) -> new lines
    segments = next((v for k, v in node.value if k.value == "segments"), None) if node else None
    for item in getattr(segments, "value", None) or []:
        fields = {str(key.value): (key, value) for key, value in item.value}
        ident = fields.get("id", (None, None))[1]
        wanted = changes.get(getattr(ident, "value", None))
        if not wanted:
            continue
        indent = " " * item.start_mark.column
        for name, value in wanted.items():
            new = [] if value is None else [indent + line for line in dump_yaml({name: value}).splitlines()]
            if name in fields:
                key, value_node = fields[name]
                edits.append((key.start_mark.line, span(value_node, lines)[1], new))
            elif new:
                before = [f for f in ENTRY_ORDER[: ENTRY_ORDER.index(name)] if f in fields]
                at = span(fields[before[-1]][1], lines)[1] if before else item.start_mark.line + 1
                edits.append((at, at, new))
    for start, end, new in sorted(edits, reverse=True):
        lines[start:end] = new
    updated = "\n".join(lines)
    _verify_update(catalog.path, yaml.load(text, Loader=YAML_LOADER), updated, changes)
    return updated


def _verify_update(path: Path, old: Any, text: str, changes: dict[str, dict[str, str | None]]) -> None:
    expected = [dict(entry) for entry in old.get("segments") or []]
    for entry in expected:
        for name, value in changes.get(str(entry.get("id")), {}).items():
            if value is None:
                entry.pop(name, None)
            else:
                entry[name] = value
    try:
        new = yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as err:
        raise InputError([Problem(path, f"the update would break the file ({err}); nothing was written")]) from None
    rest = {k: v for k, v in new.items() if k != "segments"} == {k: v for k, v in old.items() if k != "segments"}
    if new.get("segments") != expected or not rest:
        raise InputError([Problem(path, "could not update the entries in place; nothing was written")])
