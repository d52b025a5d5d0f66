"""Exports of the document model. JSONL: one object per segment, reading order."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..model import Document

FORMATS = ("jsonl",)


def jsonl_records(documents: Iterable[Document], reference=None) -> Iterator[dict]:
    """One record per segment; with the reference apparatus, also the topics
    it is tagged with and the glossary terms and people it mentions."""
    tags: dict[tuple[str, str], dict[str, list[str]]] = {}
    if reference is not None:
        for field, index in (
            ("topics", reference.topic_passages),
            ("terms", reference.term_passages),
            ("people", reference.person_passages),
        ):
            for key, passages in index.items():
                for doc, seg in passages:
                    tags.setdefault((doc.meta.name, seg.id), {}).setdefault(field, []).append(key)
    for doc in documents:
        for position, seg in enumerate(doc.segments, start=1):
            yield {
                "doc": doc.meta.name,
                "slug": doc.meta.slug,
                "position": position,
                "id": seg.id,
                "kind": seg.kind,
                "level": seg.level,
                "marker": seg.marker,
                "speaker": seg.label if seg.kind == "turn" else "",
                "speaker_ja": seg.label_ja if seg.kind == "turn" else "",
                "timestamp": seg.timestamp,
                "source_lang": seg.source_lang,
                "ja": seg.ja,
                "en": seg.en,
                "status": seg.status,
                "notes": [{"ja": n.ja, "en": n.en} for n in seg.notes],
                **(
                    {f: tags.get((doc.meta.name, seg.id), {}).get(f, []) for f in ("topics", "terms", "people")}
                    if reference is not None
                    else {}
                ),
            }


def export_jsonl(documents: Iterable[Document], reference=None) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in jsonl_records(documents, reference))
