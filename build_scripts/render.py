"""Render the document model to Markdown pages, one per document and language.

MkDocs with mkdocs-static-i18n's suffix layout turns ``x.ja.md`` into the
Japanese page (site root) and ``x.en.md`` into the English page (``/en/``).
Templates are Jinja2 with autoescaping: source text is only ever a value.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import edit_links
from .escape import attribute, html_text, markdown_inline
from .glossary import Glossary
from .model import Document, Segment
from .passages import PassageWriter
from .terms import TermMarker
from .text import has_japanese

LANGS = ("ja", "en")  # the first is the site's default language, at the root
TEMPLATES = Path(__file__).parent / "templates"
NUMBER_WORDS = "No One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve".split()
PDF_NAME = "altman-ai-infrastructure.pdf"  # the PDF book (book.py), once at the site root


@functools.cache
def load_ui() -> dict[str, dict[str, str]]:
    return yaml.safe_load((TEMPLATES / "ui.yml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Cell:
    """One language column of a segment."""

    column: str  # the column's language (what the view control toggles)
    text_lang: str  # the language the text is actually in
    html: Markup
    pending: bool = False
    stale: bool = False
    original: bool = False  # the text is the source (not a translation)


@dataclass(frozen=True)
class SegmentView:
    seg: Segment
    cells: tuple[Cell, ...]
    heading: Markup | None = None  # the Markdown heading line, for headings
    speaker: dict | None = None  # names per language, on a turn's first paragraph
    edit: str = ""  # where to edit it: its lines in the translation file (see edit_links.py)


def site_root(lang: str) -> str:
    """Where a language's site sits under the site root (mkdocs-static-i18n:
    the default language at the root, the others in a folder of their own)."""
    return "" if lang == LANGS[0] else f"{lang}/"


def other(lang: str) -> str:
    return "en" if lang == "ja" else "ja"


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["html"] = html_text  # escapes, keeps line breaks, links web addresses
    env.filters["number_word"] = lambda n: NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)
    env.filters["attr"] = attribute
    return env


def titles(doc: Document) -> dict[str, str]:
    title = next((s for s in doc.segments if s.kind == "title"), None)
    ja = title.ja if title else doc.meta.title_ja
    en = (title.en if title else "") or doc.meta.title_en
    return {"ja": ja, "en": en}


def page_title(doc: Document, lang: str) -> str:
    names = titles(doc)
    return names[lang] or names[other(lang)]


UNMARKED_KINDS = ("title", "heading", "meta")  # headings become the page's contents; no links there


def cells(seg: Segment, lang: str, marker=None) -> tuple[Cell, ...]:
    """The segment's language cells, page language first; ``marker`` (a
    terms.TermMarker) links glossary terms."""
    if marker is not None and seg.kind not in UNMARKED_KINDS:
        ref = f"{seg.doc}:{seg.id}"
        text_html = lambda text, lang: marker.html(text, lang, ref)  # noqa: E731
    else:
        text_html = lambda text, _lang: html_text(text)  # noqa: E731
    if seg.status == "original" and seg.ja == seg.en:
        # a URL, a date line, a name: one cell, the same in both languages
        text_lang = "ja" if has_japanese(seg.ja) else "en"
        return (Cell("both", text_lang, html_text(seg.ja), original=True),)
    out = []
    for column in (lang, other(lang)):
        text = seg.ja if column == "ja" else seg.en
        original = column == seg.source_lang or seg.status == "original"
        if text:
            stale = seg.status == "stale" and column != seg.source_lang
            out.append(Cell(column, column, text_html(text, column), stale=stale, original=original))
        else:
            # never an empty cell: the source text, marked as pending
            out.append(Cell(column, seg.source_lang, html_text(seg.source), pending=True))
    return tuple(out)


def segment_view(
    seg: Segment, lang: str, speakers: dict[str, tuple[str, str]], ui: dict, marker=None, edit: str = ""
) -> SegmentView:
    row = cells(seg, lang, marker)
    heading = None
    if seg.kind == "heading":
        heading = _heading_line(seg, row[0], ui)
    speaker = None
    if seg.kind == "turn" and seg.turn_start:
        ja_name, en_name = speakers.get(seg.label, (seg.label_ja or seg.label, seg.label))
        speaker = {"ja": ja_name or seg.label_ja or seg.label, "en": en_name or seg.label}
    return SegmentView(seg, row, heading, speaker, edit)


def _heading_line(seg: Segment, primary: Cell, ui: dict) -> Markup:
    """A Markdown heading (for the page's table of contents) with attr_list."""
    marker = f"{seg.marker} " if seg.marker else ""
    text = markdown_inline(marker + (seg.ja if primary.text_lang == "ja" else seg.en))
    hashes = "#" * max(2, min(seg.level, 4))
    attrs = f'#{seg.id} .seg-heading .col-{primary.column} lang="{primary.text_lang}"'
    if primary.pending:
        attrs += f' .is-pending data-mark="{attribute(ui["pending"])}"'
    return Markup(f"{hashes} {text} {{ {attrs} }}")


def pdf_href(lang: str, depth: int) -> str:
    """The PDF book, relative to a page ``depth`` folders below its language's root."""
    return "../" * (depth + (lang != LANGS[0])) + PDF_NAME


def groups(views: list[SegmentView]) -> list[tuple[str, list[SegmentView]]]:
    """Consecutive list items form one list; everything else stands alone."""
    out: list[tuple[str, list[SegmentView]]] = []
    for view in views:
        if view.seg.kind == "item":
            ordered = view.seg.marker.rstrip(".").isdigit()
            kind = "ol" if ordered else "ul"
            if out and out[-1][0] == kind:
                out[-1][1].append(view)
                continue
            out.append((kind, [view]))
        else:
            out.append(("seg", [view]))
    return out


def render_document(
    doc: Document, lang: str, env: Environment, ui: dict, speakers: dict, glossary: Glossary | None = None
) -> str:
    body = [s for s in doc.segments if s.kind != "title"]
    marker = None
    if glossary is not None and glossary.terms:
        marker = TermMarker(glossary, "../../glossary/", {code: ui[code]["term_tip_suffix"] for code in LANGS})
    views = [segment_view(s, lang, speakers, ui[lang], marker, edit_links.passage_href(doc, s.id)) for s in body]
    writer = PassageWriter(lang, ui[lang], {code: ui[code]["editor_note"] for code in LANGS})
    names = titles(doc)
    front = {"title": page_title(doc, lang), "description": _description(doc, lang)}
    front.update(edit_links.page_meta(doc.catalog))
    return env.get_template("document.md.j2").render(
        lang=lang,
        other=other(lang),
        ui=ui[lang],
        doc=doc,
        meta=_meta_rows(doc, lang, ui[lang]),
        title_cells=_title_cells(doc, names, lang),
        front_matter=Markup(yaml.safe_dump(front, allow_unicode=True, sort_keys=False)),
        body=_body(groups(views), writer),
        toc=_toc_links(doc, lang),
        counts=_counts(doc),
        note_labels={code: ui[code]["editor_note"] for code in LANGS},
        pdf_href=pdf_href(lang, 2),
    )


def _body(grouped: list[tuple[str, list[SegmentView]]], writer: PassageWriter) -> Markup:
    """The passages in reading order; consecutive list items in one list."""
    blocks = []
    for kind, views in grouped:
        if kind == "seg":
            view = views[0]
            blocks.append(writer.heading(view) if view.heading else writer.passage(view))
        else:
            items = "\n".join(writer.passage(view, "li") for view in views)
            blocks.append(f'<{kind} class="seg-list">\n{items}\n</{kind}>')
    return Markup("\n\n".join(blocks) + "\n")


def _title_cells(doc: Document, names: dict[str, str], lang: str) -> tuple[Cell, ...]:
    out = []
    for column in (lang, other(lang)):
        if names[column]:
            out.append(Cell(column, column, html_text(names[column])))
        else:
            out.append(Cell(column, "ja", html_text(names["ja"]), pending=True))
    return tuple(out)


def _description(doc: Document, lang: str) -> str:
    meta = doc.meta
    return (meta.summary_en if lang == "en" else meta.summary_ja) or page_title(doc, lang)


def _meta_rows(doc: Document, lang: str, ui: dict) -> list[tuple[str, Markup]]:
    meta = doc.meta
    pick = {
        "date": (meta.date_ja, meta.date_en),
        "kind": (meta.kind_ja, meta.kind_en),
        "speakers": (meta.speakers_ja, meta.speakers_en),
        "source": (meta.source_ja, meta.source_en),
        "translators": (meta.translators_ja, meta.translators_en),
    }
    rows = []
    for key, (ja, en) in pick.items():
        value = (en or ja) if lang == "en" else (ja or en)
        if value:
            rows.append((ui[f"meta_{key}"], html_text(value)))
    if meta.source_url:
        rows.append((ui["meta_url"], html_text(meta.source_url)))
    rows.append((ui["meta_seed"], html_text(f"seeds/{doc.seed.name}.txt")))
    return rows


def _toc_links(doc: Document, lang: str) -> list[tuple[str, Markup]]:
    """The seed's own contents list, as links to the headings it names."""
    by_text = {s.ja: s for s in doc.segments if s.kind == "heading"}
    links = []
    for entry in doc.toc:
        seg = by_text.get(entry)
        if seg:
            text = (seg.en or seg.ja) if lang == "en" else seg.ja
            links.append((seg.id, html_text(text)))
    return links


def _counts(doc: Document) -> dict[str, int]:
    counts: dict[str, int] = {}
    for seg in doc.segments:
        counts[seg.status] = counts.get(seg.status, 0) + 1
    return counts


def coverage(doc: Document) -> float:
    """Share of segments readable in both languages (not pending or stale)."""
    done = sum(1 for s in doc.segments if s.status in ("original", "translated", "reviewed"))
    return done / len(doc.segments) if doc.segments else 1.0


def reference_links(reference, lang: str, ui: dict) -> list[dict]:
    """The reference pages, for the home page: (url, title, how many entries)."""
    if reference is None:
        return []
    u = ui[lang]
    links = [("topics/", u["topics_title"], len(reference.topics))]
    if reference.glossary.terms:
        links.insert(0, ("glossary/", u["glossary_title"], len(reference.glossary.terms)))
    links += [
        ("people/", u["people_title"], len(reference.people)),
        ("figures/", u["figures_title"], len(reference.figures)),
        ("timeline/", u["timeline_title"], len(reference.events)),
    ]
    return [{"url": url, "title": title, "count": count} for url, title, count in links]


def render_home(documents: list[Document], lang: str, env: Environment, ui: dict, reference=None) -> str:
    entries = [
        {
            "slug": d.meta.slug,
            "title": html_text(page_title(d, lang)),
            "alt_title": html_text(titles(d)[other(lang)] or ""),
            "kind": html_text(
                (d.meta.kind_en or d.meta.kind_ja) if lang == "en" else (d.meta.kind_ja or d.meta.kind_en)
            ),
            "date": (d.meta.date_en or d.meta.date_ja) if lang == "en" else (d.meta.date_ja or d.meta.date_en),
            "summary": html_text((d.meta.summary_en if lang == "en" else d.meta.summary_ja) or ""),
            "segments": len(d.segments),
            "coverage": _percent(coverage(d)),
        }
        for d in documents
    ]
    front = {"title": ui[lang]["site_title"], **edit_links.page_meta(edit_links.HOME_SOURCE)}
    return env.get_template("home.md.j2").render(
        lang=lang,
        ui=ui[lang],
        entries=entries,
        reference=reference_links(reference, lang, ui),
        pdf_href=pdf_href(lang, 0),
        front_matter=Markup(yaml.safe_dump(front, allow_unicode=True, sort_keys=False)),
    )


STATUSES = ("original", "reviewed", "translated", "draft", "pending", "stale")


def render_status(documents: list[Document], lang: str, env: Environment, ui: dict) -> str:
    rows = []
    for doc in documents:
        counts = _counts(doc)
        rows.append(
            {
                "slug": doc.meta.slug,
                "title": page_title(doc, lang),
                "counts": counts,
                "total": len(doc.segments),
                "coverage": _percent(coverage(doc)),
            }
        )
    total = sum(len(d.segments) for d in documents)
    done = sum(round(coverage(d) * len(d.segments)) for d in documents)
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
        overall=_percent(done / total if total else 1.0),
        dropped=dropped,
        front_matter=Markup(yaml.safe_dump(front, allow_unicode=True, sort_keys=False)),
    )


def _percent(share: float) -> str:
    """Whole percent, never rounded up to 100 while something is missing."""
    value = int(share * 1000) / 10
    return f"{value:g}"


def render_pages(documents: list[Document], speakers: dict[str, dict], reference=None) -> dict[str, str]:
    """Every generated page: docs-relative path -> Markdown text."""
    env, ui = environment(), load_ui()
    glossary = reference.glossary if reference is not None else None
    pages = {}
    for lang in LANGS:
        pages[f"index.{lang}.md"] = render_home(documents, lang, env, ui, reference)
        pages[f"status.{lang}.md"] = render_status(documents, lang, env, ui)
        for doc in documents:
            names = speakers.get(doc.meta.name, {})
            pages[f"documents/{doc.meta.slug}.{lang}.md"] = render_document(doc, lang, env, ui, names, glossary)
    if reference is not None:
        from .reference_pages import render_reference_pages

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
