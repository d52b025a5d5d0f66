"""The home page (the documents, the reading aids) and the translation status
page, in each language."""

from __future__ import annotations

import yaml
from jinja2 import Environment
from markupsafe import Markup

from ..model import Document, Status, other
from ..source.text import has_japanese
from ..translation.progress import coverage, overall, percent, status_counts
from . import edit_links
from .escape import html_text
from .navigation import document_date, kind_key, kind_names, navigation_order, year_key
from .urls import asset_href, pdf_href
from .volumes import volumes

HOME_ALL = 10  # the home page lists every document up to this many; beyond, the latest few
HOME_LATEST = 6


def document_entry(d: Document, lang: str, up: str = "") -> dict:
    """A document as a card of the home page and the documents index (``up``:
    from the page to the site root of its language)."""
    return {
        "url": f"{up}documents/{d.meta.slug}/",
        "title": html_text(d.title(lang)),
        "alt_title": html_text(d.titles()[other(lang)] or ""),
        "kind": html_text((d.meta.kind_en or d.meta.kind_ja) if lang == "en" else (d.meta.kind_ja or d.meta.kind_en)),
        "date": (d.meta.date_en or d.meta.date_ja) if lang == "en" else (d.meta.date_ja or d.meta.date_en),
        "summary": html_text((d.meta.summary_en if lang == "en" else d.meta.summary_ja) or ""),
        "segments": len(d.segments),
        "coverage": percent(coverage(d)),
        "year": year_key(d),
        "kind_key": kind_key(d) or "-",
    }


def latest(documents: list[Document], count: int) -> list[Document]:
    """The ``count`` latest documents: by date, newest first; then the undated,
    the last added (the highest editorial order) first."""
    dated = [(document_date(d), d) for d in documents]
    ordered = sorted(dated, key=lambda p: (p[0] is not None, p[0] or (0, 0, 0), p[1].meta.order), reverse=True)
    return [d for _, d in ordered[:count]]


def render_home(documents: list[Document], lang: str, env: Environment, ui: dict, reference_links=()) -> str:
    """``reference_links``: the reading aids to list, each {"url", "title", "count"}.
    Up to HOME_ALL documents, all of them in editorial order; beyond, the
    latest few and the documents index."""
    shown = documents if len(documents) <= HOME_ALL else latest(documents, HOME_LATEST)
    front = {"title": ui[lang]["site_title"], **edit_links.page_meta(edit_links.HOME_SOURCE)}
    return env.get_template("home.md.j2").render(
        lang=lang,
        ui=ui[lang],
        entries=[document_entry(d, lang) for d in shown],
        all_shown=len(shown) == len(documents),
        index_link=ui[lang]["home_all"].format(count=len(documents)),
        reference=list(reference_links),
        books=[{"href": pdf_href(lang, 0, v.file), "label": v.label[lang]} for v in volumes(documents)],
        front_matter=Markup(yaml.safe_dump(front, allow_unicode=True, sort_keys=False)),
    )


def render_index(documents: list[Document], lang: str, env: Environment, ui: dict) -> str:
    """The documents index: every document, in the order of the navigation,
    with the filter (documents.js) over them."""
    u = ui[lang]
    ordered = navigation_order(documents, ui)
    entries = [document_entry(d, lang, "../") for d in ordered]
    years = list(dict.fromkeys(e["year"] for e in entries))
    years.sort(key=lambda y: (y == "undated", -int(y) if y != "undated" else 0))
    kinds: dict[str, str] = {}
    for d in ordered:
        kinds.setdefault(kind_key(d) or "-", kind_names(d)[lang] or u["nav_other_kind"])
    front = {"title": u["index_title"], **edit_links.page_meta(edit_links.HOME_SOURCE)}
    return env.get_template("documents.md.j2").render(
        lang=lang,
        ui=u,
        entries=entries,
        years=[(y, u["nav_undated"] if y == "undated" else u["nav_year"].format(year=y)) for y in years],
        kinds=sorted(kinds.items(), key=lambda kn: (kn[0] == "-", kn[1])),
        count=u["filter_count"].replace("{total}", str(len(entries))),
        script=asset_href(lang, 1, "documents.js"),
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
        statuses=list(Status),
        total=total,
        done=done,
        overall=share,
        dropped=dropped,
        front_matter=Markup(yaml.safe_dump(front, allow_unicode=True, sort_keys=False)),
    )
