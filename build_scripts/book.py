"""The publication as a PDF book (WeasyPrint), made from the document model.

cover → contents → per document (title, metadata, editor's notes, parallel
text in two columns) → glossary → index (terms, people, topics) → colophon.

Page numbers in the contents, the notes and the index are CSS
``target-counter()`` values, so they are the pages WeasyPrint laid out. The
index is laid out in a second pass: the first pass (the same book without the
index entries, which come after every page they point to) tells on which page
each passage starts, so that an entry lists each page once and runs of pages
as ranges ("12–14"). Source text is only ever a value in the autoescaped
template.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import tempfile
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import editorial
from .errors import PublicationError
from .glossary import Term, reading_order
from .model import Document, Note, Segment
from .pipeline import Paths, load
from .reference import Reference, load_reference
from .render import TEMPLATES, Cell, cells, environment, titles

PAPERS = {"a4": "A4", "letter": "letter"}
Passage = tuple[Document, Segment]


class BookError(PublicationError):
    """The PDF could not be made."""


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


@dataclass(frozen=True)
class Locator:
    """A page reference in the index: a page, or a run of pages."""

    start: str  # anchor on the first page
    end: str = ""  # anchor on the last page of a run


@dataclass(frozen=True)
class IndexEntry:
    ja: str
    en: str
    anchors: tuple[str, ...]  # every passage, in reading order
    locators: tuple[Locator, ...] = ()
    note: str = ""  # e.g. the reading of a glossary term


@dataclass(frozen=True)
class IndexSection:
    id: str
    ja: str
    en: str
    entries: tuple[IndexEntry, ...]


@dataclass(frozen=True)
class BookData:
    chapters: tuple[Chapter, ...]
    glossary: tuple[Term, ...]
    index: tuple[IndexSection, ...]


@dataclass(frozen=True)
class BookResult:
    path: Path
    pages: int
    size: int
    seconds: float


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


def chapter(doc: Document, speakers: dict[str, tuple[str, str]]) -> Chapter:
    names = titles(doc)
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
            ja_name, en_name = speakers.get(seg.label, (seg.label_ja or seg.label, seg.label))
            speaker = {"ja": ja_name or seg.label_ja or seg.label, "en": en_name or seg.label}
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


def _entries(items: Iterable[tuple[str, str, str, list[Passage]]]) -> tuple[IndexEntry, ...]:
    entries = []
    for ja, en, note, passages in items:
        anchors = tuple(dict.fromkeys(anchor_of(doc, seg) for doc, seg in passages))
        if anchors:
            same = _plain(ja) == _plain(en)  # "Amazon(AWS)" beside "Amazon (AWS)" says nothing new
            entries.append(IndexEntry("" if same else ja, en, anchors, note=note))
    return tuple(sorted(entries, key=lambda e: (e.en.casefold(), e.ja)))


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def index_sections(reference: Reference) -> tuple[IndexSection, ...]:
    """Terms (the glossary), people and organisations, topics: each entry with
    the passages the site lists for it (reference.py)."""
    terms, people, topics = reference.term_passages, reference.person_passages, reference.topic_passages
    names = "人名・組織名", "People and organisations"
    specs = (
        ("index-terms", "用語", "Terms", [(t.ja, t.en, t.reading, terms[t.id]) for t in reference.glossary.terms]),
        ("index-people", *names, [(x.ja, x.en, "", people[x.id]) for x in reference.people]),
        ("index-topics", "話題", "Topics", [(t.ja, t.en, "", topics[t.id]) for t in reference.topics]),
    )
    return tuple(IndexSection(ident, ja, en, _entries(items)) for ident, ja, en, items in specs if items)


def with_locators(sections: tuple[IndexSection, ...], page_of: dict[str, int]) -> tuple[IndexSection, ...]:
    """Each entry's pages once, consecutive pages as a run (from the first layout)."""
    out = []
    for section in sections:
        entries = []
        for entry in section.entries:
            first_on_page: dict[int, str] = {}
            for anchor in entry.anchors:
                page = page_of.get(anchor)
                if page is not None:
                    first_on_page.setdefault(page, anchor)
            locators, run = [], []
            for page in sorted(first_on_page):
                if run and page != run[-1] + 1:
                    locators.append(_locator(run, first_on_page))
                    run = []
                run.append(page)
            if run:
                locators.append(_locator(run, first_on_page))
            entries.append(IndexEntry(entry.ja, entry.en, entry.anchors, tuple(locators), entry.note))
        out.append(IndexSection(section.id, section.ja, section.en, tuple(entries)))
    return tuple(out)


def _locator(run: list[int], first_on_page: dict[int, str]) -> Locator:
    if len(run) == 1:
        return Locator(first_on_page[run[0]])
    return Locator(first_on_page[run[0]], first_on_page[run[-1]])


def version(root: Path) -> str:
    """``git describe --always --dirty`` of the project, or "unknown"."""
    try:
        result = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=root, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "unknown"


def build_date() -> datetime.date:
    """Today, or the date of SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


def render_html(data: BookData, paper: str, built: datetime.date, described: str, index_pass: bool) -> str:
    return (
        environment()  # the site's (render.py): autoescape, strict, the same filters
        .get_template("book.html.j2")
        .render(
            book=data,
            paper=PAPERS[paper],
            date_ja=f"{built.year}年{built.month}月{built.day}日",
            date_en=f"{built.day} {built:%B} {built.year}",
            date_iso=built.isoformat(),
            version=described,
            index_pass=index_pass,
            stylesheet=(TEMPLATES / "book.css").read_text(encoding="utf-8"),
        )
    )


def book_data(paths: Paths) -> BookData:
    documents, _ = load(paths)
    metadata = editorial.load_metadata(paths.metadata)
    reference = load_reference(paths.editorial, documents)
    chapters = tuple(chapter(doc, editorial.speaker_names(metadata.get(doc.meta.name))) for doc in documents)
    return BookData(chapters, tuple(reading_order(reference.glossary.terms)), index_sections(reference))


def layout(html: str):
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDF needs

    return HTML(string=html, base_url=str(TEMPLATES)).render()


def anchor_pages(document) -> dict[str, int]:
    """Anchor -> page number (1-based) in a laid-out WeasyPrint document."""
    pages = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def build_book(paths: Paths, output: Path, paper: str = "a4") -> BookResult:
    """Write the PDF book to ``output`` (atomically: a failure leaves no file)."""
    if paper not in PAPERS:
        raise BookError(f"unknown paper size '{paper}' (use one of: {', '.join(PAPERS)})")
    start = time.perf_counter()
    data = book_data(paths)
    built, described = build_date(), version(paths.root)
    first = layout(render_html(data, paper, built, described, index_pass=False))
    final_data = BookData(data.chapters, data.glossary, with_locators(data.index, anchor_pages(first)))
    document = layout(render_html(final_data, paper, built, described, index_pass=True))
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    os.close(fd)
    try:
        document.write_pdf(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a web server must read it
        os.replace(tmp, output)
    except OSError as err:
        raise BookError(f"could not write {output}: {err}") from err
    finally:
        Path(tmp).unlink(missing_ok=True)
    return BookResult(output, len(document.pages), output.stat().st_size, time.perf_counter() - start)
