"""Bring the translation files in line with the seeds (``sync`` command)."""

from __future__ import annotations

from dataclasses import dataclass

from ..files import write_if_changed
from ..model import Document, Status
from .catalog import Catalog, catalog_entries, render_catalog


@dataclass(frozen=True)
class SyncResult:
    written: list[str]
    stale: int
    obsolete: int


def sync(project) -> SyncResult:
    results = [sync_document(project, doc) for doc in project.documents]
    return SyncResult(
        [path for r in results for path in r.written],
        sum(r.stale for r in results),
        sum(r.obsolete for r in results),
    )


def catalog_text(doc: Document, catalog: Catalog) -> tuple[str, int, int]:
    """The translation file ``doc`` should have, and its stale and obsolete counts."""
    entries, obsolete = catalog_entries(doc.segments, catalog)
    stale = sum(1 for e in entries if e.get("status") == Status.STALE)
    main_lang = "en" if all(s.source_lang == "en" for s in doc.segments) else "ja"
    return render_catalog(doc.meta.name, main_lang, entries, obsolete, catalog.doc_notes), stale, len(obsolete)


def sync_document(project, doc: Document) -> SyncResult:
    """Write one document's translation file (a skeleton if it has none)."""
    catalog = project.catalogs[doc.meta.name]
    text, stale, obsolete = catalog_text(doc, catalog)
    changed = write_if_changed(catalog.path, text, current=catalog.text)
    return SyncResult([project.paths.relative(catalog.path)] if changed else [], stale, obsolete)
