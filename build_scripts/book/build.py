"""The publication's PDFs: one per document, and the book (volumes by year
once it outgrows one, web/volumes.py), made from the document model.

A book: cover → contents → per document (title, metadata, editor's notes,
parallel text in two columns) → glossary → index (terms, people, topics) →
colophon. Page numbers in the contents, the notes and the index are CSS
``target-counter()`` values, so they are the pages WeasyPrint laid out.

The index lists each page once and runs of pages as ranges ("12–14"), so it
must know on which page each passage starts before the book is laid out.
The documents' own PDFs tell: a document's chapter is laid out there with
the same markup and CSS, from a page break, so its pages are the book's
pages of that chapter, shifted by the pages before it. The book is laid out
once with those pages; if its own pages would give another index (a page
reference's width moving a line, say), it is laid out a second time with its
own, so the index is always the book's. Source text is only ever a value in
the autoescaped templates.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from ..files import Cache
from ..reference.glossary import Term, reading_order
from ..web.urls import PDF_NAME
from ..web.volumes import volumes
from .chapters import Chapter, chapter
from .documents import Laid, document_html, lay_out, make_documents
from .index import IndexSection, index_sections, with_locators
from .render import BookError, anchor_pages, check_paper, code_version, in_parallel, layout, pdf_bytes, render, write

DOCUMENTS = "pdf"  # the folder of the documents' own PDFs, at the site root
KEEP_DAYS = 7  # a cached PDF no build has asked for in this long is removed

__all__ = ["BookError", "build_document", "build_pdfs"]


@dataclass(frozen=True)
class BookData:
    numbered: tuple[tuple[int, Chapter], ...]  # (place in the publication, chapter)
    glossary: tuple[Term, ...]
    index: tuple[IndexSection, ...]
    label: dict[str, str]  # the volume's, per language ("" for the one book)

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        return tuple(ch for _, ch in self.numbered)


@dataclass(frozen=True)
class Written:
    path: Path
    pages: int
    size: int
    cached: bool
    passes: int = 1  # layouts it took (a book: 1, or 2 when the documents' pages were not its own)


@dataclass(frozen=True)
class Report:
    books: tuple[Written, ...]
    documents: tuple[Written, ...]
    seconds: float

    def lines(self) -> list[str]:
        made = [w for w in (*self.books, *self.documents) if not w.cached]
        out = [f"{w.path}: {w.pages} pages, {w.size / 2**20:.1f} MiB" for w in self.books]
        out.append(
            f"{len(self.documents)} document PDFs and {len(self.books)} book(s) in {self.seconds:.1f} s: "
            f"{len(made)} laid out, the others unchanged (.cache/pdf)"
        )
        return out


def book_data(project, numbered: dict | None = None) -> list[tuple[str, BookData]]:
    """Each volume's file name and contents (``numbered``: document name ->
    (its place, its chapter), when already made). The one book carries the
    whole glossary; a volume, the terms its documents use (twenty pages of
    glossary in every volume would be laid out again on every edit)."""
    if numbered is None:
        numbered = {doc.meta.name: (n, chapter(doc)) for n, doc in enumerate(project.documents, start=1)}
    reference = project.reference
    glossary, index = tuple(reading_order(reference.glossary.terms)), index_sections(reference)
    books = volumes(project.documents)
    out = []
    for volume in books:
        terms = glossary
        if len(books) > 1:
            names = {d.meta.name for d in volume.documents}
            used = reference.term_passages
            terms = tuple(t for t in glossary if any(doc.meta.name in names for doc, _ in used.get(t.id, ())))
        chapters = tuple(numbered[d.meta.name] for d in volume.documents)
        out.append((volume.file, BookData(chapters, terms, index, volume.label)))
    return out


def book_html(data: BookData, paper: str) -> str:
    return render("book.html.j2", paper, book=data)


def predicted_pages(numbered, laid: dict[str, Laid]) -> dict[str, int]:
    """Anchor -> page, counted from the first chapter, from each document's
    own layout."""
    pages, offset = {}, 0
    for _, ch in numbered:
        own = laid[ch.doc.meta.name]
        pages.update((anchor, offset + page) for anchor, page in own.anchors.items())
        offset += own.pages
    return pages


def lay_out_book(job: tuple[BookData, str, dict[str, int]]) -> tuple[bytes, int, int]:
    """One book: its PDF, pages and the layouts it took."""
    data, paper, predicted = job
    index = with_locators(data.index, predicted)
    document = layout(book_html(replace(data, index=index), paper))
    own = with_locators(data.index, anchor_pages(document))
    if own == index:  # a constant shift changes no run and no first passage of a page
        return pdf_bytes(document), len(document.pages), 1
    document = layout(book_html(replace(data, index=own), paper))
    return pdf_bytes(document), len(document.pages), 2


def build_pdfs(project, target: Path, paper: str = "a4", cache_dir: Path | None = None) -> Report:
    """Every document's PDF into ``target``/pdf/ and the book's volumes into
    ``target``; laid out only what the cache (``cache_dir``/pdf) lacks."""
    check_paper(paper)
    start = time.perf_counter()
    cache = RecordingCache(cache_dir or project.paths.cache, "pdf")
    code = code_version()
    numbered = {doc.meta.name: (n, chapter(doc)) for n, doc in enumerate(project.documents, start=1)}
    jobs = {name: (document_html(ch, n, paper), f"{ch.anchor}--end") for name, (n, ch) in numbered.items()}
    made = make_documents(jobs, cache, code)
    documents = []
    for name, (_, ch) in numbered.items():
        path = target / DOCUMENTS / f"{ch.doc.meta.slug}.pdf"
        write(path, made[name].data)
        documents.append(Written(path, made[name].laid.pages, len(made[name].data), made[name].cached))
    laid = {name: m.laid for name, m in made.items()}
    books = []
    for file, data in book_data(project, numbered):
        predicted = predicted_pages(data.numbered, laid)
        key = Cache.key(code, paper, book_html(replace(data, index=with_locators(data.index, predicted)), paper))
        books.append((target / file, key, (data, paper, predicted)))
    written = tuple(_books(books, cache))
    remove_stale(target, {w.path for w in (*written, *documents)})
    prune(cache)
    return Report(written, tuple(documents), time.perf_counter() - start)


def remove_stale(target: Path, kept: set[Path]) -> None:
    """The PDFs an earlier run left in ``target`` that this one did not write: a
    removed document's, or volumes the publication no longer has (``make pdf``
    into an existing site; ``make site`` builds into a fresh folder)."""
    book = PDF_NAME.removesuffix(".pdf")
    for path in [*target.glob(f"{book}*.pdf"), *(target / DOCUMENTS).glob("*.pdf")]:
        if path not in kept:
            path.unlink()


def build_document(project, name: str, output: Path, paper: str = "a4") -> Written:
    """One document's PDF alone (``name``: its seed's name or its slug), not cached."""
    check_paper(paper)
    for number, doc in enumerate(project.documents, start=1):
        if name in (doc.meta.name, doc.meta.slug):
            ch = chapter(doc)
            data, laid = lay_out(document_html(ch, number, paper), f"{ch.anchor}--end")
            write(output, data)
            return Written(output, laid.pages, len(data), cached=False)
    raise BookError(f"no document '{name}' (give the name of its seed, seeds/<name>.txt, or its slug)")


class RecordingCache(Cache):
    """The cache, noting each key a build asks for: what ``prune`` keeps."""

    def __init__(self, folder: Path, namespace: str):
        super().__init__(folder, namespace)
        self.used: set[str] = set()

    def get(self, key: str) -> bytes | None:
        self.used.add(key)
        return super().get(key)

    def put(self, key: str, data: bytes) -> None:
        self.used.add(key)
        super().put(key, data)


def prune(cache: RecordingCache, now: float | None = None) -> int:
    """Every edit leaves a PDF (and a volume) behind in the cache: entries
    this build used are marked as used now, the others go once no build has
    used them for KEEP_DAYS (a build on Letter paper does not evict A4's).
    Returns how many were removed."""
    now = time.time() if now is None else now
    removed = 0
    for path in cache.folder.glob("*/*"):
        try:
            if path.name in cache.used:
                os.utime(path, (now, now))
                continue
            age = now - path.stat().st_mtime
        except FileNotFoundError:  # another build removed it
            continue
        if age > (3600 if path.name.startswith(".") else KEEP_DAYS * 86400):  # ".": an interrupted write's
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _books(books: list, cache: Cache) -> list[Written]:
    """The volumes: from the cache, or laid out (in parallel when several are missing)."""
    found = {}  # key -> (PDF, [pages, layouts], from the cache)
    for _, key, _ in books:
        data, meta = cache.get(key), cache.get(Cache.key(key, "pages"))
        if data is not None and meta is not None:
            found[key] = (data, json.loads(meta), True)
    missing = {key: job for _, key, job in books if key not in found}
    results = in_parallel(lay_out_book, missing, lambda job: len(job[2]))  # job[2]: a page per passage
    for key, (data, pages, passes) in results.items():
        cache.put(key, data)
        cache.put(Cache.key(key, "pages"), json.dumps([pages, passes]).encode())
        found[key] = (data, [pages, passes], False)
    out = []
    for path, key, _ in books:
        data, (pages, passes), cached = found[key]
        write(path, data)
        out.append(Written(path, pages, len(data), cached, passes))
    return out
