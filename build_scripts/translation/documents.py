"""Document metadata (editorial/documents.yml): title, date, kind, speakers,
source and translators per document, validated at the edge."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..files import read_yaml, text_of
from ..model import DocMeta

META_KEYS = {
    "slug",
    "order",
    "title",
    "date",
    "kind",
    "speakers",
    "source",
    "translators",
    "summary",
    "speaker_names",
}


def load_metadata(path: Path) -> dict[str, dict]:
    """Raw per-document metadata keyed by seed name (validated in ``doc_meta``)."""
    data = read_yaml(path, default={}) or {}
    docs = data.get("documents") if isinstance(data, dict) else None
    if docs is None:
        return {}
    if not isinstance(docs, dict):
        raise InputError([Problem(path, "'documents' must map seed names to metadata")])
    problems = []
    for name, meta in docs.items():
        if not isinstance(meta, dict):
            problems.append(Problem(path, f"document '{name}': metadata must be a mapping"))
            continue
        unknown = set(meta) - META_KEYS
        if unknown:
            problems.append(Problem(path, f"document '{name}': unknown field(s) {', '.join(sorted(unknown))}"))
    if problems:
        raise InputError(problems)
    return docs


def _pair(value: Any) -> tuple[str, str]:
    if isinstance(value, dict):
        return text_of(value.get("ja")), text_of(value.get("en"))
    return text_of(value), text_of(value)


def doc_meta(name: str, raw: dict | None, fallback_title: str, order: int) -> DocMeta:
    """Metadata for a document; a seed without metadata gets what it implies."""
    if not raw:
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        return DocMeta(name=name, slug=slug, title_ja=fallback_title, title_en="", order=order, from_metadata=False)
    title_ja, title_en = _pair(raw.get("title"))
    date_ja, date_en = _pair(raw.get("date"))
    kind_ja, kind_en = _pair(raw.get("kind"))
    speakers_ja, speakers_en = _pair(raw.get("speakers"))
    source = raw.get("source") or {}
    translators_ja, translators_en = _pair(raw.get("translators"))
    summary_ja, summary_en = _pair(raw.get("summary"))
    return DocMeta(
        name=name,
        slug=str(raw.get("slug") or name),
        title_ja=title_ja or fallback_title,
        title_en=title_en,
        date_ja=date_ja,
        date_en=date_en,
        kind_ja=kind_ja,
        kind_en=kind_en,
        speakers_ja=speakers_ja,
        speakers_en=speakers_en,
        source_ja=text_of(source.get("ja")) if isinstance(source, dict) else text_of(source),
        source_en=text_of(source.get("en")) if isinstance(source, dict) else text_of(source),
        source_url=text_of(source.get("url")) if isinstance(source, dict) else "",
        translators_ja=translators_ja,
        translators_en=translators_en,
        summary_ja=summary_ja,
        summary_en=summary_en,
        order=int(raw.get("order") or order),
    )


def speaker_names(raw: dict | None) -> dict[str, tuple[str, str]]:
    """Transcript label -> (Japanese name, English name) from the metadata."""
    names = (raw or {}).get("speaker_names") or {}
    return {label: _pair(value) for label, value in names.items()}
