"""The home page (the documents, the reading aids) and the translation status
page, in each language."""

from __future__ import annotations

import yaml
from jinja2 import Environment
from markupsafe import Markup

from ..model import Document, other
from ..source.text import has_japanese
from ..translation.progress import STATUSES, coverage, overall, percent, status_counts
from . import edit_links
from .escape import html_text
from .urls import pdf_href


def render_home(documents: list[Document], lang: str, env: Environment, ui: dict, reference_links=()) -> str:
    """``reference_links``: the reading aids to list, each {"url", "title", "count"}."""
    entries = [
        {
            "slug": d.meta.slug,
            "title": html_text(d.title(lang)),
            "alt_title": html_text(d.titles()[other(lang)] or ""),
            "kind": html_text(
                (d.meta.kind_en or d.meta.kind_ja) if lang == "en" else (d.meta.kind_ja or d.meta.kind_en)
            ),
            "date": (d.meta.date_en or d.meta.date_ja) if lang == "en" else (d.meta.date_ja or d.meta.date_en),
            "summary": html_text((d.meta.summary_en if lang == "en" else d.meta.summary_ja) or ""),
            "segments": len(d.segments),
            "coverage": percent(coverage(d)),
        }
        for d in documents
    ]
    front = {"title": ui[lang]["site_title"], **edit_links.page_meta(edit_links.HOME_SOURCE)}
    return env.get_template("home.md.j2").render(
        lang=lang,
        ui=ui[lang],
        entries=entries,
        reference=list(reference_links),
        pdf_href=pdf_href(lang, 0),
        front_matter=Markup(yaml.safe_dump(front, allow_unicode=True, sort_keys=False)),
    )


def render_status(documents: list[Document], lang: str, env: Environment, ui: dict) -> str:
    rows = []
    for doc in documents:
        counts = status_counts(doc)
        rows.append(
            {
                "slug": doc.meta.slug,
                "title": doc.title(lang),
                "counts": counts,
                "total": len(doc.segments),
                "coverage": percent(coverage(doc)),
            }
        )
    total, done, share = overall(documents)
    dropped = [
        {"doc": f"seeds/{d.doc}.txt", "rule": d.rule, "text": d.text, "ja": has_japanese(d.text)}
        for doc in documents
        for d in doc.dropped
    ]
    front = {"title": ui[lang]["status_title"], **edit_links.page_meta(edit_links.STATUS_SOURCE)}
    return env.get_template("status.md.j2").render(
        ui=ui[lang],
        rows=rows,
        statuses=STATUSES,
        total=total,
        done=done,
        overall=share,
        dropped=dropped,
        front_matter=Markup(yaml.safe_dump(front, allow_unicode=True, sort_keys=False)),
    )
