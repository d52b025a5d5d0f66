"""A PDF per document (``site/pdf/<slug>.pdf``), built in parallel and cached.

Each document's PDF is its chapter of the book, laid out on its own, with a
short colophon after it. Its cache key is a hash of its HTML (which holds
the document model, its translation, the templates and the CSS) and of
``render.code_version()`` (the book's code, WeasyPrint, the fonts): a changed
translation makes one new key, so one PDF is laid out again. Beside each PDF
the cache keeps its layout: on which page of the chapter each passage
starts, which the volumes use for their index instead of laying themselves
out twice (book/build.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..files import Cache
from .chapters import Chapter
from .render import anchor_pages, in_parallel, layout, pdf_bytes, render


@dataclass(frozen=True)
class Laid:
    """A document's layout: its chapter's pages, and where each anchor is."""

    pages: int  # pages of the chapter (the colophon after it not counted)
    anchors: dict[str, int]  # anchor -> page of the chapter (1-based)


@dataclass(frozen=True)
class Made:
    data: bytes
    laid: Laid
    cached: bool


def document_html(ch: Chapter, number: int, paper: str) -> str:
    return render("document.html.j2", paper, ch=ch, number=number)


def lay_out(html: str, end: str) -> tuple[bytes, Laid]:
    """Lay out one document's HTML: its PDF, and its layout (``end``: the
    anchor that closes the chapter)."""
    document = layout(html)
    anchors = anchor_pages(document)
    chapter_pages = anchors.get(end, len(document.pages))
    laid = Laid(chapter_pages, {a: p for a, p in anchors.items() if p <= chapter_pages})
    return pdf_bytes(document), laid


def _lay_out(job: tuple[str, str]) -> tuple[bytes, Laid]:
    return lay_out(*job)


def make_documents(jobs: dict[str, tuple[str, str]], cache: Cache, code: str) -> dict:
    """``jobs``: name -> (HTML, end anchor). Name -> Made, the misses laid out
    in parallel (render.in_parallel)."""
    made, misses = {}, {}
    for name, (html, _) in jobs.items():
        key = Cache.key(code, html)
        data, laid = cache.get(key), cache.get(Cache.key(key, "layout"))
        if data is not None and laid is not None:
            made[name] = Made(data, _laid(laid), cached=True)
        else:
            misses[name] = key
    results = in_parallel(_lay_out, {name: jobs[name] for name in misses}, lambda job: len(job[0]))
    for name, (data, laid) in results.items():
        cache.put(misses[name], data)
        cache.put(Cache.key(misses[name], "layout"), json.dumps([laid.pages, laid.anchors]).encode())
        made[name] = Made(data, laid, cached=False)
    return made


def _laid(raw: bytes) -> Laid:
    pages, anchors = json.loads(raw)
    return Laid(pages, anchors)
