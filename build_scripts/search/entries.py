"""What the index holds: records, each with a text in each language.

- Every passage of every document, with its Japanese and its English (one
  record serves both sites: each searches both texts, and ranks a match in
  its own language first). A passage not yet translated has one text.
- Every entry of the reference pages (a glossary term, a person or
  organisation, a topic, a figure, a timeline event), both languages.
- Every paragraph of a hand-written page (about…), in its page's language
  only, on that language's site only.

Document passages come first, reference entries after them: the worker
tells the two apart by position (``Entries.passages``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import LANGS, Document
from ..reference.apparatus import Reference

# Passages that name their subject weigh more: a title, a heading, a question.
KIND_BOOST = {"title", "heading", "question"}


@dataclass(frozen=True)
class Record:
    url: str  # page path below the language's site root, e.g. documents/<slug>/
    anchor: str  # "" for the page itself
    ref: str  # DOC:ID of a passage, "" for the rest
    title: dict[str, str]  # the page's title in each language
    section: dict[str, str]  # the heading above it (a passage) or its entry's name
    text: dict[str, str]  # the text in each language ("" where there is none)
    boost: bool = False
    site: str = ""  # "ja" or "en": found on that site only (a hand-written page)
    concepts: frozenset[str] = field(default_factory=frozenset)
    leader: int = -1  # a passage: the record of the heading or question it follows (see ``leaders``)


@dataclass(frozen=True)
class Entries:
    records: list[Record]
    passages: int  # records[:passages] are document passages


# What a passage follows, whose subject it shares: the answers of an interview's
# question, the interviewee's turns after the interviewer's. A reader who finds the
# question wants its answer. (A section's passages after its heading were tried too:
# recall the same, precision 0.02 lower on the judged sets; a heading names a subject
# that its passages need not all be about.)
LEADS = {"question": ("answer",)}
INTERVIEWER = "interviewer"


def document_records(documents: list[Document]) -> list[Record]:
    out = []
    for doc in documents:
        url, titles = f"documents/{doc.meta.slug}/", doc.titles()
        titles = {lang: titles[lang] or doc.title(lang) for lang in LANGS}
        section = {lang: "" for lang in LANGS}
        leader, leads = -1, ()  # the last leader and the kinds that follow it
        for seg in doc.segments:
            anchor = "" if seg.kind == "title" else seg.id
            text = {"ja": seg.ja, "en": seg.en}
            asks = seg.kind == "turn" and seg.speaker == INTERVIEWER
            # an interviewer's turn follows only as the next paragraph of the same question
            follows = seg.kind in leads and not (asks and seg.turn_start)
            out.append(
                Record(
                    url,
                    anchor,
                    f"{doc.meta.name}:{seg.id}",
                    titles,
                    dict(section) if seg.kind != "heading" else {lang: "" for lang in LANGS},
                    text,
                    boost=seg.kind in KIND_BOOST,
                    leader=leader if follows else -1,
                )
            )
            if asks or seg.kind in LEADS:
                leader, leads = len(out) - 1, ("turn",) if asks else LEADS[seg.kind]
            elif not follows:
                leader, leads = -1, ()
            if seg.kind == "heading":
                section = {lang: seg.shown(lang)[0] for lang in LANGS}
    return out


def leaders(records: list[Record]) -> list[list[int]]:
    """[leader, first follower, count] of each run of passages that follow a leader."""
    out: list[list[int]] = []
    for i, r in enumerate(records):
        if r.leader < 0:
            continue
        if out and out[-1][0] == r.leader and out[-1][1] + out[-1][2] == i:
            out[-1][2] += 1
        else:
            out.append([r.leader, i, 1])
    return out


def reference_records(reference: Reference, titles: dict[str, dict[str, str]]) -> list[Record]:
    """One record per reference entry; ``titles``: page key -> title per language."""
    out = []
    for t in reference.glossary.terms:
        out.append(
            Record(
                "glossary/",
                t.id,
                "",
                titles["glossary"],
                {"ja": t.ja, "en": t.en},
                {
                    "ja": " ".join((t.ja, *t.ja_forms, t.definition_ja)),
                    "en": " ".join((t.en, *t.en_forms, t.definition_en)),
                },
                concepts=frozenset({f"@g:{t.id}"}),
            )
        )
    for e in reference.people:
        out.append(
            Record(
                "people/",
                e.id,
                "",
                titles["people"],
                {"ja": e.ja, "en": e.en},
                {"ja": " ".join((*e.names_ja, e.description_ja)), "en": " ".join((*e.names_en, e.description_en))},
                concepts=frozenset({f"@p:{e.id}"}),
            )
        )
    for topic in reference.topics:
        out.append(
            Record(
                f"topics/{topic.id}/",
                "",
                "",
                {"ja": topic.ja, "en": topic.en},
                {"ja": topic.ja, "en": topic.en},
                {"ja": f"{topic.ja} {topic.description_ja}", "en": f"{topic.en} {topic.description_en}"},
                concepts=frozenset({f"@t:{topic.id}"}),
            )
        )
    for f in reference.figures:
        out.append(
            Record("figures/", f.id, "", titles["figures"], {"ja": "", "en": ""}, {"ja": f.label_ja, "en": f.label_en})
        )
    for n, e in enumerate(reference.events, start=1):
        out.append(
            Record(
                "timeline/",
                f"event-{n}",
                "",
                titles["timeline"],
                {"ja": e.date, "en": e.date},
                {"ja": e.label_ja, "en": e.label_en},
            )
        )
    return out


def page_records(pages: dict[str, list]) -> list[Record]:
    """Hand-written pages: lang -> [(url, title, [(anchor, heading, text)])]."""
    out = []
    for lang, entries in pages.items():
        for url, title, paragraphs in entries:
            for anchor, heading, text in paragraphs:
                out.append(Record(url, anchor, "", {lang: title}, {lang: heading}, {lang: text}, site=lang))
    return out


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
