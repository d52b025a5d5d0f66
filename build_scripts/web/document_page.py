"""The page of one document in one language: its passages side by side.

MkDocs with mkdocs-static-i18n's suffix layout turns ``x.ja.md`` into the
Japanese page (site root) and ``x.en.md`` into the English page (``/en/``).
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from jinja2 import Environment
from markupsafe import Markup

from ..model import LANGS, Document, Segment, Status, other
from ..reference.glossary import Glossary
from ..source.text import has_japanese
from . import edit_links
from .escape import attribute, html_text, markdown_inline
from .passages import PassageWriter
from .terms import TermMarker
from .urls import PDF_NAME, document_pdf_href, pdf_href


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


UNMARKED_KINDS = ("title", "heading", "meta")  # headings become the page's contents; no links there


def cells(seg: Segment, lang: str, marker=None) -> tuple[Cell, ...]:
    """The segment's language cells, page language first; ``marker`` (a
    terms.TermMarker) links glossary terms."""
    if marker is not None and seg.kind not in UNMARKED_KINDS:
        ref = f"{seg.doc}:{seg.id}"
        text_html = lambda text, lang: marker.html(text, lang, ref)  # noqa: E731
    else:
        text_html = lambda text, _lang: html_text(text)  # noqa: E731
    if seg.status is Status.ORIGINAL and seg.ja == seg.en:
        # a URL, a date line, a name: one cell, the same in both languages
        text_lang = "ja" if has_japanese(seg.ja) else "en"
        return (Cell("both", text_lang, html_text(seg.ja), original=True),)
    out = []
    for column in (lang, other(lang)):
        text = seg.ja if column == "ja" else seg.en
        original = column == seg.source_lang or seg.status is Status.ORIGINAL
        if text:
            stale = seg.status is Status.STALE and column != seg.source_lang
            out.append(Cell(column, column, text_html(text, column), stale=stale, original=original))
        else:
            # never an empty cell: the source text, marked as pending
            out.append(Cell(column, seg.source_lang, html_text(seg.source), pending=True))
    return tuple(out)


def segment_view(doc: Document, seg: Segment, lang: str, ui: dict, marker=None, edit: str = "") -> SegmentView:
    row = cells(seg, lang, marker)
    heading = None
    if seg.kind == "heading":
        heading = _heading_line(seg, row[0], ui)
    speaker = None
    if seg.kind == "turn" and seg.turn_start:
        speaker = doc.speaker(seg)
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
    doc: Document, lang: str, env: Environment, ui: dict, glossary: Glossary | None = None, book: str = PDF_NAME
) -> str:
    """``book``: the file of the book (or volume) the document is in."""
    body = [s for s in doc.segments if s.kind != "title"]
    marker = None
    if glossary is not None and glossary.terms:
        marker = TermMarker(glossary, "../../glossary/", {code: ui[code]["term_tip_suffix"] for code in LANGS})
    views = [segment_view(doc, s, lang, ui[lang], marker, edit_links.passage_href(doc, s.id)) for s in body]
    writer = PassageWriter(lang, ui[lang], {code: ui[code]["editor_note"] for code in LANGS})
    names = doc.titles()
    front = {"title": doc.title(lang), "description": _description(doc, lang)}
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
        note_labels={code: ui[code]["editor_note"] for code in LANGS},
        pdf_href=pdf_href(lang, 2, book),
        document_pdf_href=document_pdf_href(lang, 2, doc.meta.slug),
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
    return (meta.summary_en if lang == "en" else meta.summary_ja) or doc.title(lang)


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
