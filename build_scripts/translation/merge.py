"""Join parsed blocks with the editorial data into segments."""

from __future__ import annotations

from ..model import Block, Segment, Status
from ..source.text import URL, has_japanese
from .catalog import Catalog, Entry


def merge(doc: str, blocks: list[Block], ids: list[str], catalog: Catalog) -> list[Segment]:
    entries = catalog.by_id()
    return [_segment(doc, block, ident, entries.get(ident)) for block, ident in zip(blocks, ids, strict=True)]


def _segment(doc: str, block: Block, ident: str, entry: Entry | None) -> Segment:
    notes = entry.notes if entry else ()
    common = dict(
        doc=doc,
        id=ident,
        kind=block.kind,
        level=block.level,
        marker=block.marker,
        speaker=block.speaker,
        timestamp=block.timestamp,
        turn_start=block.turn_start,
        label=block.label,
        label_ja=block.label_ja,
        notes=notes,
    )
    if block.source_lang == "en" and (block.paired or not block.text):
        # A bilingual transcript's turn: English original, Japanese published with it.
        status = Status.ORIGINAL if block.paired and block.text else Status.PENDING
        return Segment(source_lang="en", ja=block.paired, en=block.text, status=status, **common)
    if block.source_lang == "en":
        # An English-language source: its Japanese comes from the translation file.
        if URL.fullmatch(block.text):
            return Segment(source_lang="en", ja=block.text, en=block.text, status=Status.ORIGINAL, **common)
        return Segment(source_lang="en", ja=_translation(entry), en=block.text, status=_status(block, entry), **common)
    if not has_japanese(block.text):
        # A URL, a date, a name: the same in both languages.
        return Segment(source_lang="ja", ja=block.text, en=block.text, status=Status.ORIGINAL, **common)
    return Segment(source_lang="ja", ja=block.text, en=_translation(entry), status=_status(block, entry), **common)


def _translation(entry: Entry | None) -> str:
    return entry.translation if entry else ""


def _status(block: Block, entry: Entry | None) -> Status:
    if entry is None or not entry.translation:
        return Status.PENDING
    if entry.source != block.text or entry.status is Status.STALE:
        return Status.STALE
    return entry.status if entry.status is not Status.PENDING else Status.TRANSLATED
