"""Bring the translation files in line with the seeds (``sync`` command).

A file is written only when what it holds changes: a hand-edited file whose
entries are already right keeps its bytes (its own quoting and line breaks).
When a recorded passage's id is gone because its text now lies in another
passage (better recognition joined two lines, say), its translation and notes
are carried over to that passage, marked stale unless the text is the same,
and the move is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..files import YAML_LOADER, write_if_changed
from ..model import Document, Status
from ..source.segment import Move, find_moves
from .catalog import Catalog, catalog_entries, render_catalog


@dataclass(frozen=True)
class SyncResult:
    written: list[str]
    stale: int
    obsolete: int
    moves: list[str] = field(default_factory=list)  # "doc: p7 -> h3 (…)", one per carried translation


def sync(project) -> SyncResult:
    results = [sync_document(project, doc) for doc in project.documents]
    return SyncResult(
        [path for r in results for path in r.written],
        sum(r.stale for r in results),
        sum(r.obsolete for r in results),
        [move for r in results for move in r.moves],
    )


def catalog_text(doc: Document, catalog: Catalog) -> tuple[str, int, int, list[str]]:
    """The translation file ``doc`` should have, its stale and obsolete counts,
    and the moves it carries over."""
    entries, obsolete = catalog_entries(doc.segments, catalog)
    moves = find_moves(
        [(s.id, s.source) for s in doc.segments],
        [(e.id, e.source) for e in catalog.entries if e.translation or e.notes],
    )
    reported = carry_over(entries, obsolete, moves, catalog)
    stale = sum(1 for e in entries if e.get("status") == Status.STALE)
    main_lang = "en" if all(s.source_lang == "en" for s in doc.segments) else "ja"
    text = render_catalog(doc.meta.name, main_lang, entries, obsolete, catalog.doc_notes)
    return text, stale, len(obsolete), [f"{doc.meta.name}: {line}" for line in reported]


def sync_document(project, doc: Document) -> SyncResult:
    """Write one document's translation file (a skeleton if it has none)."""
    catalog = project.catalogs[doc.meta.name]
    text, stale, obsolete, moves = catalog_text(doc, catalog)
    written = []
    if not _same_data(catalog, text) and write_if_changed(catalog.path, text, current=catalog.text):
        written.append(project.paths.relative(catalog.path))
    return SyncResult(written, stale, obsolete, moves)


def carry_over(entries: list[dict], obsolete: list[dict], moves: list[Move], catalog: Catalog) -> list[str]:
    """Give each moved passage's translation and notes to the passage that now
    holds its text; returns one line per move for the report."""
    recorded = {e.id: e for e in catalog.entries}
    by_id = {entry["id"]: entry for entry in entries}
    moved = {move.old for move in moves}
    obsolete[:] = [entry for entry in obsolete if entry["id"] not in moved]
    report = []
    for new in dict.fromkeys(move.new for move in moves):
        olds = [recorded[m.old] for m in moves if m.new == new]
        target, own = by_id[new], recorded.get(new)
        pieces = ([own] if own and own.translation else []) + olds
        exact = len(pieces) == 1 and all(m.same_text for m in moves if m.new == new)
        translations = [p.translation for p in pieces if p.translation]
        if translations:
            target["translation"] = " ".join(translations)
            target["status"] = str(pieces[0].status if exact else Status.STALE)
            if not exact:
                target["previous_source"] = "\n".join(p.source for p in pieces)
        notes = [{"ja": n.ja, "en": n.en} for p in pieces for n in p.notes]
        if notes:
            target["notes"] = notes
        how = "same text" if exact else "now part of a longer passage; marked stale"
        report.append(f"{', '.join(o.id for o in olds)} -> {new}: translation and notes carried over ({how})")
    return report


def _same_data(catalog: Catalog, text: str) -> bool:
    """The rendered file says exactly what the file as read says (then its own
    quoting and line breaks are kept)."""
    if catalog.text is None:
        return False
    return yaml.load(catalog.text, Loader=YAML_LOADER) == yaml.load(text, Loader=YAML_LOADER)
