"""The book's chapters: one per document, its metadata, numbered editor's
notes and the parallel text as rows kept together across page breaks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Note, Segment
from ..web.document_page import Cell, cells


@dataclass(frozen=True)
class Row:
    """One passage of the parallel text: Japanese | English (or one cell)."""

    anchor: str
    seg: Segment
    cells: tuple[Cell, ...]
    speaker: dict | None = None
    notes: tuple[int, ...] = ()  # numbers of the document's notes on this passage


@dataclass(frozen=True)
class NumberedNote:
    number: int
    anchor: str  # the note's own anchor
    target: str  # the passage it is about
    note: Note


@dataclass(frozen=True)
class Chapter:
    doc: Document
    anchor: str
    title_ja: str
    title_en: str
    meta: tuple[tuple[str, str, str, str], ...]  # (label ja, label en, value ja, value en)
    doc_notes: tuple[Note, ...]
    notes: tuple[NumberedNote, ...]
    groups: tuple[tuple[Row, ...], ...]  # rows kept together: a heading with the passage after it

    @property
    def running_ja(self) -> str:
        return running_title(self.title_ja, 34)

    @property
    def running_en(self) -> str:
        return running_title(self.title_en or self.title_ja, 60)

    @property
    def sections(self) -> tuple[Row, ...]:
        """The document's top-level headings, for the contents."""
        return tuple(r for g in self.groups for r in g if r.seg.kind == "heading" and r.seg.level <= 2)


META_LABELS = (
    ("date", "日付", "Date"),
    ("kind", "種類", "Kind"),
    ("speakers", "話し手", "Speakers"),
    ("source", "出典", "Source"),
    ("translators", "翻訳", "Translation"),
)


def anchor_of(doc: Document, seg: Segment) -> str:
    if seg.kind == "title":
        return chapter_anchor(doc)
    return f"{doc.meta.slug}--{seg.id}"


def chapter_anchor(doc: Document) -> str:
    return f"doc--{doc.meta.slug}"


def chapter(doc: Document) -> Chapter:
    names = doc.titles()
    meta = doc.meta
    rows_meta = []
    for key, label_ja, label_en in META_LABELS:
        ja, en = getattr(meta, f"{key}_ja"), getattr(meta, f"{key}_en")
        if ja or en:
            rows_meta.append((label_ja, label_en, ja or en, en or ja))
    if meta.source_url:
        rows_meta.append(("原文の所在", "Original at", meta.source_url, meta.source_url))
    rows_meta.append(("原本ファイル", "Source file", f"seeds/{doc.seed.name}.txt", f"seeds/{doc.seed.name}.txt"))
    notes: list[NumberedNote] = []
    rows: list[Row] = []
    for seg in doc.segments:
        if seg.kind == "title":
            continue
        anchor = anchor_of(doc, seg)
        numbers = []
        for note in seg.notes:
            number = len(notes) + 1
            notes.append(NumberedNote(number, f"{doc.meta.slug}--note{number}", anchor, note))
            numbers.append(number)
        speaker = None
        if seg.kind == "turn" and seg.turn_start:
            speaker = doc.speaker(seg)
        rows.append(Row(anchor, seg, cells(seg, "ja"), speaker, tuple(numbers)))
    return Chapter(
        doc=doc,
        anchor=chapter_anchor(doc),
        title_ja=names["ja"],
        title_en=names["en"],
        meta=tuple(rows_meta),
        doc_notes=doc.notes,
        notes=tuple(notes),
        groups=tuple(keep_together(rows)),
    )


def running_title(title: str, limit: int) -> str:
    """A title short enough for the running header: the part before its
    colon if there is one, else the title cut at ``limit`` characters."""
    head = re.split(r"\s*[:：]\s*", title, maxsplit=1)[0]
    if 6 <= len(head) < len(title):
        title = head
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def keep_together(rows: list[Row]) -> list[tuple[Row, ...]]:
    """Group each heading (and a question, a turn's speaker line) with the
    passage after it, so that none ends a page alone."""
    groups: list[list[Row]] = []
    open_group = False
    for row in rows:
        if open_group:
            groups[-1].append(row)
        else:
            groups.append([row])
        open_group = row.seg.kind in ("heading", "question")
    return [tuple(g) for g in groups]
