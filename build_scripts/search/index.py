"""The search index: one file per site language, read by our search worker
(docs/assets/search/worker.js), which answers Material's search box.

Each language site searches its own language: a passage is indexed with the
text the reader sees first on that site (its translation where there is
one, else the source). The glossary's forms of a term (both languages and
the sources' variants, e.g. 温室 for warm shell) travel with the index as
synonym groups.
"""

from __future__ import annotations

import json
import re

from ..model import LANGS, Document, site_root
from ..reference.glossary import Glossary

KIND_WEIGHT = {"title": 3, "heading": 2, "question": 2}
# Other pages (glossary, topics, people, about…) rank after the passages
# themselves: a reader searching a word wants the texts first, and the
# glossary entry among the results, not in place of them.
OTHER_PAGE_WEIGHT = 0.4


def build_index(documents: list[Document], lang: str, glossary: Glossary, extra_pages=()) -> dict:
    # Material resolves a result's location against the site root (config.base),
    # so the English pages carry their /en/ prefix.
    root = site_root(lang)
    pages, passages = [], []
    for doc in documents:
        page = len(pages)
        pages.append({"u": f"{root}documents/{doc.meta.slug}/", "t": doc.title(lang)})
        section = ""
        for seg in doc.segments:
            text = seg.shown(lang)[0]
            if seg.kind == "heading":
                section = text
            anchor = "" if seg.kind == "title" else seg.id
            passages.append(
                [page, anchor, section if seg.kind != "heading" else "", text, KIND_WEIGHT.get(seg.kind, 1)]
            )
    for url, title, paragraphs in extra_pages:
        page = len(pages)
        pages.append({"u": root + url, "t": title})
        for anchor, heading, text in paragraphs:
            passages.append([page, anchor, heading, text, OTHER_PAGE_WEIGHT])
    synonyms = [
        sorted({form for form in (*term.ja_forms, *term.en_forms)}, key=lambda f: (-len(f), f))
        for term in glossary.terms
    ]
    return {"lang": lang, "pages": pages, "passages": passages, "synonyms": synonyms}


def index_files(documents: list[Document], glossary: Glossary, extra_pages: dict) -> dict[str, str]:
    """docs-relative path -> JSON. Both indexes sit beside the worker at the site root
    (mkdocs-static-i18n serves static files from there for every language)."""
    files = {}
    for lang in LANGS:
        index = build_index(documents, lang, glossary, extra_pages.get(lang, ()))
        files[f"assets/search/passages-{lang}.json"] = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    # Material's search box loads search/search_index.json before it starts the
    # worker; mkdocs-static-i18n writes one only at the site root, so the English
    # site gets a minimal one of its own (our worker ignores its documents).
    files["search/search_index.en.json"] = json.dumps(
        {"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stemmer"]}, "docs": []}
    )
    return files


def markdown_paragraphs(text: str) -> list[tuple[str, str, str]]:
    """("", heading, text) of a hand-written Markdown page: enough to find the page.

    No anchors: Python-Markdown's ids for Japanese headings are not predictable.
    """
    out, heading = [], ""
    body = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        if not block:
            continue
        match = re.match(r"(#+)\s+(.*)", block)
        if match:
            heading = match[2].strip()
            continue
        plain = re.sub(r"[*_`>#]|\[([^\]]*)\]\([^)]*\)", r"\1", block)
        out.append(("", heading, re.sub(r"\s+", " ", plain)))
    return out
