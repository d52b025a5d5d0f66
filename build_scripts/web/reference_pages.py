"""Pages of the reference apparatus, in both languages: glossary, topics
(an index and one page per topic), people and organisations, figures and
timeline. Render only: what concerns which passage is reference/apparatus.py's work."""

from __future__ import annotations

import re
import unicodedata
from itertools import groupby

import yaml
from markupsafe import Markup, escape

from ..model import LANGS, other
from ..reference.apparatus import Reference
from ..reference.glossary import reading_order
from ..reference.people import KINDS
from ..reference.refs import Passage
from .charts import format_amount, log_bars, timeline
from .edit_links import page_meta
from .templating import environment

GOJUON = "あかさたなはまやらわ"
EXCERPT = 110
FIGURE_GROUPS = (
    ("money", "group_money", ("USD", "GBP")),
    ("share", "group_share", ("percent", "multiple")),
    ("time", "group_time", ("years", "months", "year")),
    ("count", "group_count", ("people", "count")),
)


def excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


REF_DOCUMENTS = 8  # an entry lists the passages of this many documents; the rest are counted


def grouped_passages(passages: list[Passage], lang: str, up: str) -> list[dict]:
    """Passages grouped by document (in reading order), with links from a page
    ``up`` from the root. Past REF_DOCUMENTS documents, one last group counts
    the rest (``more``): a term used in every one of hundreds of documents
    would otherwise make a page of megabytes (the search finds them all)."""
    out = []
    for doc, items in groupby(passages, key=lambda p: p[0]):
        items = list(items)
        if len(out) == REF_DOCUMENTS:
            out.append({"more": True, "documents": 0, "passages": 0})
        if len(out) > REF_DOCUMENTS:
            out[-1]["documents"] += 1
            out[-1]["passages"] += len(items)
            continue
        url = f"{up}documents/{doc.meta.slug}/"
        rows = []
        for _, seg in items:
            text, text_lang = seg.shown(lang)
            rows.append({"id": seg.id, "url": f"{url}#{seg.id}", "excerpt": excerpt(text), "lang": text_lang})
        out.append({"more": False, "title": doc.title(lang), "url": url, "passages": rows})
    return out


REF = re.compile(r"(?<![0-9A-Za-z_])(\d{3}_[0-9a-f]{16}):([A-Za-z0-9-]+)")  # ASCII only: kana may touch it


def link_refs(text: str, documents: dict, up: str) -> Markup:
    """A data file's note with its DOC:ID references as links to the passages."""

    def link(match: re.Match) -> str:
        doc = documents.get(match.group(1))
        if doc is None:
            return str(escape(match.group(0)))
        title, ident = escape(doc.meta.title_en or doc.meta.title_ja), escape(match.group(2))
        return f'<a href="{up}documents/{doc.meta.slug}/#{ident}" title="{title}">#{ident}</a>'

    return Markup(REF.sub(link, str(escape(text))))


def _front(title: str, source: str) -> Markup:
    """Front matter: the title, and the data file to edit (edit_links)."""
    meta = {"title": title, **page_meta(f"editorial/{source}")}
    return Markup(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False))


# ── glossary ────────────────────────────────────────────────────────────────


def gojuon_row(reading: str) -> str:
    """The kana row (あ, か, さ…) a reading sorts under."""
    base = unicodedata.normalize("NFKD", reading[:1])[:1]
    base = chr(ord(base) - 0x60) if "ァ" <= base <= "ヶ" else base  # katakana -> hiragana
    row = "あ"
    for head in GOJUON:
        if base >= head:
            row = head
    return row if "ぁ" <= base <= "ゖ" else "#"


def glossary_groups(reference: Reference, lang: str) -> list[dict]:
    terms = (
        reading_order(reference.glossary.terms)
        if lang == "ja"
        else sorted(reference.glossary.terms, key=lambda t: t.en.casefold())
    )
    by_id = reference.glossary.by_id()
    groups = []
    for key, items in groupby(terms, key=lambda t: gojuon_row(t.reading) if lang == "ja" else t.en[:1].upper()):
        entries = []
        for t in items:
            passages = reference.term_passages[t.id]
            variants = [{"text": v, "lang": "ja"} for v in t.ja_forms[1:]]
            variants += [{"text": v, "lang": "en"} for v in t.en_forms[1:]]
            entries.append(
                {
                    "id": t.id,
                    "head": t.ja if lang == "ja" else t.en,
                    "alt": t.en if lang == "ja" else t.ja,
                    "reading": t.reading,
                    "short": t.short_ja if lang == "ja" else t.short_en,
                    "definition": t.definition_ja if lang == "ja" else t.definition_en,
                    "definition_alt": t.definition_en if lang == "ja" else t.definition_ja,
                    "variants": variants,
                    "related": [{"id": r, "head": by_id[r].ja if lang == "ja" else by_id[r].en} for r in t.related],
                    "count": len(passages),
                    "passages": grouped_passages(passages, lang, "../"),
                }
            )
        anchor = f"idx-{GOJUON.index(key) if key in GOJUON else key.lower()}"
        groups.append({"key": key, "anchor": anchor, "entries": entries})
    return groups


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


# ── the pages ───────────────────────────────────────────────────────────────


def render_reference_pages(reference: Reference, ui: dict) -> dict[str, str]:
    """docs-relative path -> Markdown, both languages."""
    env = environment()
    pages = {}
    for lang in LANGS:
        u = ui[lang]
        common = {"lang": lang, "other": other(lang), "ui": u}
        if reference.glossary.terms:
            pages[f"glossary/index.{lang}.md"] = env.get_template("glossary.md.j2").render(
                **common,
                front_matter=_front(u["glossary_title"], "glossary.yml"),
                groups=glossary_groups(reference, lang),
            )
        pages.update(_topic_pages(reference, lang, env, common))
        pages[f"people/index.{lang}.md"] = _people_page(reference, lang, env, common)
        pages[f"figures/index.{lang}.md"] = _figures_page(reference, lang, env, common)
        pages[f"timeline/index.{lang}.md"] = env.get_template("timeline.md.j2").render(
            **common,
            front_matter=_front(u["timeline_title"], "timeline.yml"),
            svg=timeline(reference.events, lang, u["timeline_chart"]),
            events=[
                {"date": e.date, "label": e.label(lang), "passages": grouped_passages(list(e.passages), lang, "../")}
                for e in reference.events
            ],
        )
    return pages


def _topic_pages(reference: Reference, lang: str, env, common: dict) -> dict[str, str]:
    u, pages, listing = common["ui"], {}, []
    for topic in reference.topics:
        passages = reference.topic_passages[topic.id]
        view = {
            "id": topic.id,
            "name": topic.name(lang),
            "alt": topic.name(other(lang)),
            "description": topic.description(lang),
            "count": len(passages),
            "passages": grouped_passages(passages, lang, "../../"),
        }
        listing.append(view)
        pages[f"topics/{topic.id}.{lang}.md"] = env.get_template("topic.md.j2").render(
            **common, front_matter=_front(view["name"], "topics.yml"), topic=view
        )
    pages[f"topics/index.{lang}.md"] = env.get_template("topics.md.j2").render(
        **common, front_matter=_front(u["topics_title"], "topics.yml"), topics=listing
    )
    return pages


def _people_page(reference: Reference, lang: str, env, common: dict) -> str:
    u, kinds = common["ui"], []
    for kind in KINDS:
        entries = [
            {
                "id": e.id,
                "name": e.name(lang),
                "alt": e.name(other(lang)),
                "description": e.description(lang),
                "passages": grouped_passages(reference.person_passages[e.id], lang, "../"),
            }
            for e in reference.people
            if e.kind == kind
        ]
        if entries:
            kinds.append({"id": kind, "title": u[f"kind_{kind}"], "entries": entries})
    return env.get_template("people.md.j2").render(
        **common, front_matter=_front(u["people_title"], "people.yml"), kinds=kinds
    )


def _figures_page(reference: Reference, lang: str, env, common: dict) -> str:
    u = common["ui"]
    charts = [
        {"svg": log_bars(reference.figures, "USD", lang, u["chart_usd"]), "caption": u["chart_usd"]},
        {"svg": log_bars(reference.figures, "multiple", lang, u["chart_multiple"]), "caption": u["chart_multiple"]},
    ]
    documents = {doc.meta.name: doc for doc in reference.documents}
    groups = []
    for ident, title, units in FIGURE_GROUPS:
        figures = sorted(
            (f for f in reference.figures if f.unit in units), key=lambda f: (units.index(f.unit), -f.value)
        )
        groups.append(
            {
                "id": ident,
                "title": u[title],
                "figures": [
                    {
                        "id": f.id,
                        "value": format_amount(f.value, f.unit, lang),
                        "label": f.label(lang),
                        "note": link_refs(f.note(lang), documents, "../"),
                        "passages": grouped_passages(list(f.passages), lang, "../"),
                    }
                    for f in figures
                ],
            }
        )
    return env.get_template("figures.md.j2").render(
        **common,
        front_matter=_front(u["figures_title"], "figures.yml"),
        charts=[c for c in charts if c["svg"]],
        groups=groups,
    )
