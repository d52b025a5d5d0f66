"""Translation files (catalogues): one per document, reading, validating and writing.

Validation happens here, at the edge: every problem in a data file is
collected, with file and line where YAML gives one, before the build stops.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..files import MarkedYaml, mapping_items, read_yaml_marked, text_of
from ..model import Note

STATUSES = ("pending", "draft", "translated", "reviewed", "stale", "original")
EDITABLE_STATUSES = ("pending", "draft", "translated", "reviewed", "stale")
ENTRY_KEYS = {"id", "kind", "source", "previous_source", "translation", "status", "notes", "allow"}


@dataclass(frozen=True)
class Entry:
    """One recorded segment of a translation file."""

    id: str
    kind: str
    source: str
    translation: str = ""
    status: str = "pending"
    previous_source: str = ""
    notes: tuple[Note, ...] = ()
    allow: tuple[dict, ...] = ()
    line: int = 0  # the line of its `- id:`
    end_line: int = 0  # the entry's last line


@dataclass(frozen=True)
class Catalog:
    """A document's translation file: its entries in reading order."""

    path: Path
    entries: tuple[Entry, ...] = ()
    obsolete: tuple[Entry, ...] = ()
    doc_notes: tuple[Note, ...] = ()

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}


@dataclass
class _Collector:
    path: Path
    problems: list[Problem] = field(default_factory=list)

    def add(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, message, line))


def catalog_path(root: Path, doc: str) -> Path:
    return root / "translations" / f"{doc}.yml"


def load_catalog(root: Path, doc: str) -> Catalog:
    path = catalog_path(root, doc)
    marked = read_yaml_marked(path, default=None)
    data = marked.data
    if data is None:
        return Catalog(path)
    lines = _entry_lines(marked)
    check = _Collector(path)
    if not isinstance(data, dict):
        raise InputError([Problem(path, "a translation file must be a mapping with 'segments:'")])
    entries = _entries(data.get("segments") or [], check, lines)
    obsolete = _entries(data.get("obsolete") or [], check, lines)
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            check.add(f"segment id '{entry.id}' appears twice", entry.line)
        seen.add(entry.id)
    doc_notes = _notes(data.get("notes"), check, None)
    if check.problems:
        raise InputError(check.problems)
    return Catalog(path, tuple(entries), tuple(obsolete), doc_notes)


def _entry_lines(marked: MarkedYaml) -> dict[str, tuple[int, int]]:
    """First and last line of each entry (its ``- id:`` line first), so that
    messages and edit links can point at it."""
    found: dict[str, tuple[int, int]] = {}
    top = mapping_items(marked.node)
    for key in ("segments", "obsolete"):
        for item in getattr(top.get(key), "value", None) or []:
            ident = mapping_items(item).get("id")
            if ident is not None and isinstance(ident.value, str):
                found.setdefault(ident.value, marked.span(item))
    return found


def _entries(raw: Any, check: _Collector, lines: dict[str, tuple[int, int]]) -> list[Entry]:
    if not isinstance(raw, list):
        check.add("'segments' must be a list of entries")
        return []
    entries = []
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not item.get("id"):
            check.add(f"entry #{index} has no 'id'")
            continue
        ident = str(item["id"])
        line, end_line = lines.get(ident, (None, 0))
        unknown = set(item) - ENTRY_KEYS
        if unknown:
            check.add(f"segment '{ident}': unknown field(s) {', '.join(sorted(unknown))}", line)
        status = item.get("status") or ("translated" if item.get("translation") else "pending")
        if status not in STATUSES:
            check.add(
                f"segment '{ident}': status '{status}' is not one of {', '.join(EDITABLE_STATUSES)}",
                line,
            )
        allow = item.get("allow") or []
        for rule in allow:
            if not isinstance(rule, dict) or not rule.get("check") or not str(rule.get("reason", "")).strip():
                check.add(f"segment '{ident}': each 'allow' needs a 'check' and a written 'reason'", line)
        entries.append(
            Entry(
                id=ident,
                kind=str(item.get("kind") or ""),
                source=text_of(item.get("source")),
                translation=text_of(item.get("translation")),
                status=status,
                previous_source=text_of(item.get("previous_source")),
                notes=_notes(item.get("notes"), check, line, ident),
                allow=tuple(a for a in allow if isinstance(a, dict)),
                line=line or 0,
                end_line=end_line,
            )
        )
    return entries


def _notes(raw: Any, check: _Collector, line: int | None, ident: str = "") -> tuple[Note, ...]:
    if not raw:
        return ()
    where = f"segment '{ident}': " if ident else ""
    if not isinstance(raw, list):
        check.add(f"{where}'notes' must be a list", line)
        return ()
    notes = []
    for note in raw:
        if not isinstance(note, dict) or not text_of(note.get("ja")) or not text_of(note.get("en")):
            check.add(f"{where}each note needs both 'ja' and 'en' text", line)
            continue
        notes.append(Note(text_of(note["ja"]), text_of(note["en"])))
    return tuple(notes)


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
        if seg.status != "original" or (old and old.translation):
            translation = old.translation if old else ""
            entry["translation"] = translation
            changed = bool(old) and old.source != seg.source and bool(translation)
            status = "stale" if changed else (old.status if old and translation else "pending")
            entry["status"] = status
        if old and old.notes:
            entry["notes"] = [{"ja": n.ja, "en": n.en} for n in old.notes]
        if old and old.allow:
            entry["allow"] = [dict(a) for a in old.allow]
        entries.append(entry)
    obsolete = [_entry_dict(e) for e in catalog.obsolete]
    obsolete += [_entry_dict(e) for e in catalog.entries if e.id not in current_ids and e.translation]
    return entries, obsolete


def _entry_dict(entry: Entry) -> dict:
    data: dict = {"id": entry.id, "kind": entry.kind, "source": entry.source}
    if entry.translation:
        data["translation"] = entry.translation
    data["status"] = entry.status
    if entry.notes:
        data["notes"] = [{"ja": n.ja, "en": n.en} for n in entry.notes]
    return data


def render_catalog(doc: str, source_lang: str, entries: list[dict], obsolete: list[dict], doc_notes=()) -> str:
    from ..files import dump_yaml

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


def update_entries(path: Path, changes: dict[str, dict[str, str | None]]) -> str:
    """The text of translation file ``path`` with some fields of some entries
    set (``None`` removes a field), every other line kept byte for byte.

    Translation files are edited by hand, so re-dumping a whole file would
    restyle lines nobody changed; only the changed fields are written (in the
    writer's style, ``dump_yaml``) in place. The result is parsed again and
    must hold exactly the old data plus the changes.
    """
    from ..files import dump_yaml

    marked = read_yaml_marked(path)
    lines = list(marked.lines)
    edits: list[tuple[int, int, list[str]]] = []  # 0-based [start, end) -> new lines
    for item in getattr(mapping_items(marked.node).get("segments"), "value", None) or []:
        fields = {str(key.value): (key, value) for key, value in item.value}
        ident = fields.get("id", (None, None))[1]
        wanted = changes.get(getattr(ident, "value", None))
        if not wanted:
            continue
        indent = " " * item.start_mark.column
        for name, value in wanted.items():
            new = [] if value is None else [indent + line for line in dump_yaml({name: value}).splitlines()]
            if name in fields:
                key, node = fields[name]
                edits.append((key.start_mark.line, marked.span(node)[1], new))
            elif new:
                before = [f for f in ENTRY_ORDER[: ENTRY_ORDER.index(name)] if f in fields]
                at = marked.span(fields[before[-1]][1])[1] if before else item.start_mark.line + 1
                edits.append((at, at, new))
    for start, end, new in sorted(edits, reverse=True):
        lines[start:end] = new
    text = "\n".join(lines)
    _verify_update(path, marked.data, text, changes)
    return text


def _verify_update(path: Path, old: Any, text: str, changes: dict[str, dict[str, str | None]]) -> None:
    import yaml

    from ..files import YAML_LOADER

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
