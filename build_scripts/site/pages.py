"""Every generated page of both language sites, and the site navigation."""

from __future__ import annotations

from ..model import LANGS, Document
from .document_page import render_document
from .reference_pages import reference_links, render_reference_pages
from .summary_pages import render_home, render_status
from .templating import environment, load_ui


def render_pages(documents: list[Document], speakers: dict[str, dict], reference=None) -> dict[str, str]:
    """Every generated page: docs-relative path -> Markdown text."""
    env, ui = environment(), load_ui()
    glossary = reference.glossary if reference is not None else None
    pages = {}
    for lang in LANGS:
        links = reference_links(reference, lang, ui) if reference is not None else []
        pages[f"index.{lang}.md"] = render_home(documents, lang, env, ui, links)
        pages[f"status.{lang}.md"] = render_status(documents, lang, env, ui)
        for doc in documents:
            names = speakers.get(doc.meta.name, {})
            pages[f"documents/{doc.meta.slug}.{lang}.md"] = render_document(doc, lang, env, ui, names, glossary)
    if reference is not None:
        pages.update(render_reference_pages(reference, ui))
    return pages


def navigation(documents: list[Document], reference=None) -> list:
    """The site navigation (MkDocs ``nav``), documents in editorial order."""
    nav: list = [{"Home": "index.md"}, {"Documents": [f"documents/{d.meta.slug}.md" for d in documents]}]
    if reference is not None:
        nav.append({"Topics": "topics/index.md"})  # the topic pages are listed there
        if reference.glossary.terms:
            nav.append({"Glossary": "glossary/index.md"})
        nav += [
            {"People and organisations": "people/index.md"},
            {"Figures": "figures/index.md"},
            {"Timeline": "timeline/index.md"},
        ]
    return nav + [{"Translation status": "status.md"}, {"About": "about.md"}]
