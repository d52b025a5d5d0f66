"""Exchange with computer-assisted translation (CAT) tools: export the
corpus as PO, XLIFF, TMX or TBX, and import translations back from PO or
XLIFF. Every file is written and read by translate-toolkit's storage classes
(no XML or PO text is put together here).

- PO / XLIFF, for translating: one unit per translatable passage (Japanese
  source), keyed ``DOC:ID`` (PO msgctxt; XLIFF ``<file original="DOC">`` and
  unit id ``ID``), source, translation, the editor's notes, the location in
  the translation file, and *fuzzy* (XLIFF: state needs-…, not approved) for a draft or a
  stale translation (PO also carries a stale passage's previous source).
- TMX: the aligned corpus as translation memory: every passage readable in
  both languages (reviewed, translated, or published with the source).
- TBX: the glossary (editorial/glossary.yml): each term in both languages,
  with its variants and definitions.

Import (PO / XLIFF) changes only what the translator changed, through the
translation file writer (translation/catalog.py), so the diff is exactly those entries.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from translate.storage import po, tbx, tmx, xliff

from ..errors import InputError, Problem, fail
from ..files import write_if_changed
from ..model import Document, Segment, Status
from ..reference.glossary import Glossary
from ..translation.catalog import Entry, update_entries
from .jsonl import export_jsonl

FORMATS = ("jsonl", "po", "xliff", "tmx", "tbx")
IMPORT_FORMATS = ("po", "xliff")
EXTENSIONS = {".po": "po", ".pot": "po", ".xlf": "xliff", ".xliff": "xliff", ".tmx": "tmx", ".tbx": "tbx"}
PROJECT = "altman-infrastructure-reader"


# -- export ------------------------------------------------------------------


def export(project, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise fail(fmt, f"unknown export format (one of {', '.join(FORMATS)})")
    documents = list(project.documents)
    if fmt == "tbx":
        return export_tbx(project.reference.glossary)
    if fmt == "jsonl":
        return export_jsonl(documents, project.reference).encode("utf-8")
    if fmt == "tmx":
        return export_tmx(documents)
    return export_po(documents, project.catalogs) if fmt == "po" else export_xliff(documents, project.catalogs)


def translatable(doc: Document) -> list[Segment]:
    """The passages a translator works on: Japanese source, not published with a translation."""
    return [s for s in doc.segments if s.source_lang == "ja" and s.status.editable]


def aligned(doc: Document) -> list[Segment]:
    """The passages a translation memory holds: both languages, trusted, different."""
    return [s for s in doc.segments if s.status.done and s.ja and s.en and s.ja != s.en]


def _notes(doc: Document, seg: Segment) -> list[str]:
    notes = [f"{seg.kind} on /documents/{doc.meta.slug}/#{seg.id}"]
    notes += [f"Editor's note: {note.en}" for note in seg.notes]
    return notes


def _location(doc: Document, seg: Segment) -> str:
    line = doc.entry_lines.get(seg.id, (0, 0))[0]
    return f"{doc.catalog}:{line}" if doc.catalog and line else doc.catalog or f"seeds/{doc.meta.name}.txt"


def export_po(documents: list[Document], catalogs: dict) -> bytes:
    store = po.pofile()
    store.init_headers(
        charset="UTF-8",
        encoding="8bit",
        project_id_version=PROJECT,
        pot_creation_date="",
        language="en",
        x_source_language="ja",
    )
    for doc in documents:
        entries = catalogs[doc.meta.name].by_id()
        for seg in translatable(doc):
            unit = store.addsourceunit(seg.source)
            unit.setcontext(f"{doc.meta.name}:{seg.id}")
            unit.target = seg.translation
            for note in _notes(doc, seg):
                unit.addnote(note, origin="developer")
            unit.addnote(f"status: {seg.status}", origin="translator")
            unit.addlocation(_location(doc, seg))
            if seg.status.fuzzy and seg.translation:
                unit.markfuzzy(True)
                entry = entries.get(seg.id)
                if seg.status is Status.STALE and entry and entry.previous_source:
                    unit.prev_source = entry.previous_source
    return bytes(store)


def export_xliff(documents: list[Document], catalogs: dict) -> bytes:
    store = xliff.xlifffile(sourcelanguage="ja", targetlanguage="en")
    for doc in documents:
        for seg in translatable(doc):
            unit = store.addsourceunit(seg.source, filename=doc.meta.name, createifmissing=True)
            unit.setid(seg.id)
            for note in _notes(doc, seg):
                unit.addnote(note, origin="developer")
            unit.addlocation(_location(doc, seg))
            if not seg.translation:
                continue
            unit.settarget(seg.translation, lang="en")
            if seg.status.fuzzy:
                unit.set_state_n(unit.S_NEEDS_REVIEW if seg.status is Status.STALE else unit.S_NEEDS_TRANSLATION)
                unit.markapproved(False)
            else:
                unit.set_state_n(unit.S_SIGNED_OFF if seg.status is Status.REVIEWED else unit.S_TRANSLATED)
    return bytes(store)


def export_tmx(documents: list[Document]) -> bytes:
    store = tmx.tmxfile(sourcelanguage="ja", targetlanguage="en")
    for doc in documents:
        for seg in aligned(doc):
            other = "ja" if seg.source_lang == "en" else "en"
            store.addtranslation(
                seg.source, seg.source_lang, seg.translation, other, context=f"{doc.meta.name}:{seg.id}"
            )
    return bytes(store)


def export_tbx(glossary: Glossary) -> bytes:
    store = tbx.tbxfile(sourcelanguage="ja", targetlanguage="en")
    for term in glossary.terms:
        unit = store.addsourceunit(term.ja)
        unit.setid(term.id)
        unit.set_source_terms(list(term.ja_forms))
        unit.set_target_terms(list(term.en_forms), lang="en")
        _define(unit, unit.source_dom, term.definition_ja)
        _define(unit, unit.target_dom, term.definition_en)
        if term.reading:
            unit.addnote(f"reading: {term.reading}", origin="reading")
    return bytes(store)


def _define(unit: tbx.tbxunit, language: etree._Element, text: str) -> None:
    """A definition in a language's own ``<langSet>`` (before its terms, as
    TBX wants), through the store's element tree."""
    node = etree.Element(unit.namespaced("descrip"), type="definition")
    node.text = text
    language.insert(0, node)


# -- import ------------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    changed: dict[str, list[str]]  # translation file -> ids whose translation changed
    confirmed: dict[str, list[str]]  # ... ids of draft/stale translations confirmed unchanged
    units: int  # units read


def format_of(path: Path, given: str | None) -> str:
    fmt = given or EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise fail(path, f"cannot tell the format from the extension: give --format ({', '.join(IMPORT_FORMATS)})")
    if fmt not in IMPORT_FORMATS:
        raise fail(path, f"{fmt} files are exports only: import a PO or XLIFF file")
    return fmt


def read_units(path: Path, fmt: str) -> list[tuple[str, str, str, bool]]:
    """(``DOC:ID``, source, target, fuzzy) of every unit with a target."""
    raw = path.read_bytes()
    try:
        store = po.pofile(io.BytesIO(raw)) if fmt == "po" else xliff.xlifffile(io.BytesIO(raw))
    except Exception as err:  # translate-toolkit raises whatever its parser raises
        raise fail(path, f"not a readable {fmt.upper()} file: {err}") from None
    units = []
    for unit in store.units:
        if unit.isheader() or not unit.istranslatable():
            continue
        if fmt == "po":
            key = unit.getcontext()
        else:
            doc, _, ident = unit.getid().rpartition("\x04")
            key = f"{doc}:{ident}"
        units.append((key, str(unit.source or ""), str(unit.target or "").strip(), _fuzzy(unit, fmt)))
    return units


def _fuzzy(unit, fmt: str) -> bool:
    """PO: the fuzzy flag. XLIFF: the target's ``state`` when the tool sets
    one (``needs-…`` is unfinished; OmegaT and others write "translated"
    without ``approved="yes"``), else not approved."""
    if fmt == "xliff":
        target = unit.getlanguageNode(lang=None, index=1)
        state = target.get("state") if target is not None else None
        if state:
            return state.startswith("needs-")
    return bool(unit.isfuzzy())


def import_file(project, path: Path, fmt: str | None = None) -> Imported:
    fmt = format_of(path, fmt)
    units = read_units(path, fmt)
    paths = project.paths
    documents = {d.meta.name: d for d in project.documents}
    problems: list[Problem] = []
    updates: dict[str, dict[str, tuple[str, Status]]] = {}  # doc -> id -> (translation, status)
    for key, source, target, fuzzy in units:
        name, _, ident = key.rpartition(":")
        doc = documents.get(name)
        if not name or doc is None:
            where = f"unit '{key}'" if key else "a unit without a DOC:ID context"
            problems.append(Problem(path, f"{where}: no document '{name}' (there is no seeds/{name}.txt)"))
            continue
        catalog = project.catalogs[name]
        rel = paths.relative(catalog.path)
        entry = catalog.by_id().get(ident)
        seg = next((s for s in doc.segments if s.id == ident), None)
        if entry is None or seg is None:
            problems.append(Problem(path, f"unit '{key}': {rel} has no segment '{ident}'"))
            continue
        if seg not in translatable(doc):
            problems.append(Problem(path, f"unit '{key}': an original passage (published in both languages)"))
            continue
        if source.strip() != entry.source:
            problems.append(
                Problem(path, f"unit '{key}': its source differs from {rel} (the seed changed?): export again")
            )
            continue
        status = _imported_status(entry, target, fuzzy)
        if status:
            updates.setdefault(name, {})[ident] = (target, status)
    if problems:
        raise InputError(problems)
    changed: dict[str, list[str]] = {}
    confirmed: dict[str, list[str]] = {}
    texts = {}
    for name, by_id in updates.items():
        catalog = project.catalogs[name]
        rel = paths.relative(catalog.path)
        fields: dict[str, dict[str, str | None]] = {}
        for entry in catalog.entries:
            if entry.id not in by_id:
                continue
            target, status = by_id[entry.id]
            (changed if target != entry.translation else confirmed).setdefault(rel, []).append(entry.id)
            fields[entry.id] = {"translation": target, "status": str(status)}
            if entry.previous_source and status is not Status.DRAFT:
                fields[entry.id]["previous_source"] = None  # the translation is up to date again
        texts[catalog.path] = (update_entries(catalog, fields), catalog.text)
    for path_, (text, current) in texts.items():  # every file prepared before any is written
        write_if_changed(path_, text, current=current)
    return Imported(changed, confirmed, len(units))


def _imported_status(entry: Entry, target: str, fuzzy: bool) -> Status | None:
    """The entry's new status, or None when the unit changes nothing.

    A changed translation is ``translated`` (``draft`` while still fuzzy): a
    reviewed one changed by a translator is no longer reviewed. An unchanged
    draft or stale translation the translator confirmed (no longer fuzzy)
    becomes ``translated``. An emptied target never deletes a translation."""
    if not target:
        return None
    if target != entry.translation:
        return Status.DRAFT if fuzzy else Status.TRANSLATED
    if not fuzzy and entry.status.fuzzy:
        return Status.TRANSLATED
    return None
