"""Bring the translation files in line with the seeds (``sync`` command)."""

from __future__ import annotations

from dataclasses import dataclass

from ..files import write_if_changed
from ..model import Document
from ..pipeline import Paths, load
from .catalog import catalog_entries, load_catalog, render_catalog


@dataclass(frozen=True)
class SyncResult:
    written: list[str]
    stale: int
    obsolete: int


def sync(paths: Paths) -> SyncResult:
    documents, _ = load(paths)
    results = [sync_document(paths, doc) for doc in documents]
    return SyncResult(
        [path for r in results for path in r.written],
        sum(r.stale for r in results),
        sum(r.obsolete for r in results),
    )


def sync_document(paths: Paths, doc: Document) -> SyncResult:
    """Write one document's translation file (a skeleton if it has none)."""
    catalog = load_catalog(paths.editorial, doc.meta.name)
    entries, obsolete = catalog_entries(doc.segments, catalog)
    stale = sum(1 for e in entries if e.get("status") == "stale")
    main_lang = "en" if all(s.source_lang == "en" for s in doc.segments) else "ja"
    text = render_catalog(doc.meta.name, main_lang, entries, obsolete, catalog.doc_notes)
    written = [str(catalog.path.relative_to(paths.root))] if write_if_changed(catalog.path, text) else []
    return SyncResult(written, stale, len(obsolete))
