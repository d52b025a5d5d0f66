"""Bring the translation files in line with the seeds (``sync`` command)."""

from __future__ import annotations

from dataclasses import dataclass

from . import editorial
from .files import write_if_changed
from .pipeline import Paths, load


@dataclass(frozen=True)
class SyncResult:
    written: list[str]
    stale: int
    obsolete: int


def sync(paths: Paths) -> SyncResult:
    documents, _ = load(paths)
    written, stale, obsolete_count = [], 0, 0
    for doc in documents:
        catalog = editorial.load_catalog(paths.editorial, doc.meta.name)
        entries, obsolete = editorial.catalog_entries(doc.segments, catalog)
        stale += sum(1 for e in entries if e.get("status") == "stale")
        obsolete_count += len(obsolete)
        main_lang = "en" if all(s.source_lang == "en" for s in doc.segments) else "ja"
        text = editorial.render_catalog(doc.meta.name, main_lang, entries, obsolete, catalog.doc_notes)
        if write_if_changed(catalog.path, text):
            written.append(str(catalog.path.relative_to(paths.root)))
    return SyncResult(written, stale, obsolete_count)
