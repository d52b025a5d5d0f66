"""Document metadata (editorial/documents.yml): title, date, kind, speakers,
source, translators and summary per document, as DocMeta records.

The file is validated by its declaration in schema/editorial.py (DOCUMENTS);
here the validated entries become the records the pipeline uses.
"""

from __future__ import annotations

import re

from ..model import DocMeta
from ..schema.options import Fields


def _pair(value) -> tuple[str, str]:
    """(ja, en) of a metadata field: one text for both languages, or ``{ja, en}``."""
    if isinstance(value, dict):
        return str(value.get("ja") or ""), str(value.get("en") or "")
    return (str(value), str(value)) if value else ("", "")


def default_slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def doc_meta(name: str, raw: Fields | None, fallback_title: str, order: int) -> DocMeta:
    """Metadata for a document; a seed without metadata gets what it implies."""
    if not raw:
        return DocMeta(
            name=name, slug=default_slug(name), title_ja=fallback_title, title_en="", order=order, from_metadata=False
        )
    title_ja, title_en = _pair(raw.get("title"))
    source = raw.get("source") or ""
    source_ja, source_en = _pair(source if not isinstance(source, dict) else {k: source.get(k) for k in ("ja", "en")})
    fields = {
        f"{key}_{lang}": text
        for key in ("date", "kind", "speakers", "translators", "summary")
        for lang, text in zip(("ja", "en"), _pair(raw.get(key)), strict=True)
    }
    return DocMeta(
        name=name,
        slug=str(raw.get("slug") or name),
        title_ja=title_ja or fallback_title,
        title_en=title_en,
        **fields,
        source_ja=source_ja,
        source_en=source_en,
        source_url=str(source.get("url") or "") if isinstance(source, dict) else "",
        order=raw.get("order") if raw.get("order") is not None else order,
        speaker_names={str(label): (str(v["ja"]), str(v["en"])) for label, v in raw["speaker_names"].items()},
    )
