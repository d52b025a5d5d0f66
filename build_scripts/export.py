"""Exports of the document model. JSONL: one object per segment, reading order."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .model import Document

FORMATS = ("jsonl",)


def jsonl_records(documents: Iterable[Document]) -> Iterator[dict]:
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
            }


def export_jsonl(documents: Iterable[Document]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in jsonl_records(documents))
