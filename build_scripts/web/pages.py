"""Every generated page of both language sites, rendered or taken from the cache.

A page's Markdown is cached under a key of everything that shapes it: the
code (every file of build_scripts/, the templates and interface strings
among them) and the page's own inputs. A document page's inputs are its
document (metadata, seed, passages, notes, the lines of its translation
file) and the glossary, whose terms it marks; the reference pages' are the
reference data and every passage they list. A translation edited in one
document renders that document's two pages again, and the reference pages
only if they list the edited passage. The home, status and documents index
pages summarise every document: they are rendered each time (milliseconds).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

from ..files import Cache, code_hash
from ..model import LANGS, Document, Seed
from ..reference.glossary import Glossary
from ..reference.topics import Topic
from .document_page import render_document
from .reference_pages import reference_links, render_reference_pages
from .summary_pages import render_home, render_index, render_status
from .templating import environment, load_ui
from .urls import PDF_NAME
from .volumes import volume_files

PACKAGE = Path(__file__).resolve().parent.parent  # build_scripts/

# Where the project lies on disk shapes no page: a seed counts by its name
# and text, a topic without the path of its data file (so that a copy of the
# project, in CI or a test, finds the same keys).
PLACELESS = {
    Seed: lambda s: (s.name, s.text),
    Topic: lambda t: tuple(getattr(t, f.name) for f in fields(t) if f.name != "origin"),
}
# In the reference pages' key a document counts by what those pages show of
# it (name, address, titles), and the glossary by its terms; each passage
# listed counts in full.
REFERENCE_BRIEF = {
    **PLACELESS,
    Document: lambda d: (d.meta.name, d.meta.slug, d.meta.title_ja, d.meta.title_en, d.titles()),
    Glossary: lambda g: g.terms,
}


class PageCache:
    """Rendered pages in a ``files.Cache`` (none: every page is rendered)."""

    def __init__(self, store: Cache | None):
        self.store = store
        self.code = code_hash(PACKAGE) if store is not None else ""
        self.rendered = 0
        self.reused = 0
        self._digests: dict[tuple[int, int], tuple[object, str]] = {}

    def digest(self, value, brief: dict | None = None) -> str:
        """``Cache.digest``, once per object (a document is part of two pages' keys)."""
        key = (id(value), id(brief))
        if key not in self._digests:
            self._digests[key] = (value, Cache.digest(value, brief))  # the value kept: its id stays its own
        return self._digests[key][1]

    def get(self, parts: tuple, render: Callable[[], str]) -> str:
        """The page under the key of the code and ``parts`` (digests and names)."""
        if self.store is None:
            self.rendered += 1
            return render()
        key = Cache.key(self.code, *parts)
        hit = self.store.get(key)
        if hit is not None:
            self.reused += 1
            return hit.decode("utf-8")
        text = render()
        self.store.put(key, text.encode("utf-8"))
        self.rendered += 1
        return text


def document_page(doc: Document, lang: str, glossary: Glossary | None, cache: PageCache, book: str = PDF_NAME) -> str:
    """The page of one document in one language (``documents/<slug>.<lang>.md``);
    ``book``: the PDF book or volume it is in (web/volumes.py)."""
    terms = glossary.terms if glossary is not None else ()
    parts = ("document", lang, cache.digest(doc, PLACELESS), cache.digest(terms), book)
    return cache.get(parts, lambda: render_document(doc, lang, environment(), load_ui(), glossary, book))


def render_pages(documents: list[Document], reference=None, cache: PageCache | None = None) -> dict[str, str]:
    """Every generated page: docs-relative path -> Markdown text."""
    cache = cache or PageCache(None)
    env, ui = environment(), load_ui()
    glossary = reference.glossary if reference is not None else None
    books = volume_files(documents)
    pages = {}
    for lang in LANGS:
        links = reference_links(reference, lang, ui) if reference is not None else []
        pages[f"index.{lang}.md"] = render_home(documents, lang, env, ui, links)
        pages[f"status.{lang}.md"] = render_status(documents, lang, env, ui)
        pages[f"documents/index.{lang}.md"] = render_index(documents, lang, env, ui)
        for doc in documents:
            book = books[doc.meta.name]
            pages[f"documents/{doc.meta.slug}.{lang}.md"] = document_page(doc, lang, glossary, cache, book)
    if reference is not None:
        rendered = cache.get(
            ("reference", cache.digest(reference, REFERENCE_BRIEF)),
            lambda: json.dumps(render_reference_pages(reference, ui), ensure_ascii=False),
        )
        pages.update(json.loads(rendered))
    return pages
