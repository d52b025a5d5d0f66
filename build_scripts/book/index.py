"""The book's index: terms, people and organisations, topics, each with the
pages of the passages the site lists for it, consecutive pages as runs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Document, Segment
from ..reference.apparatus import Reference
from .chapters import anchor_of

Passage = tuple[Document, Segment]


@dataclass(frozen=True)
class Locator:
    """A page reference in the index: a page, or a run of pages."""

    start: str  # anchor on the first page
    end: str = ""  # anchor on the last page of a run


@dataclass(frozen=True)
class IndexEntry:
    ja: str
    en: str
    anchors: tuple[str, ...]  # every passage, in reading order
    locators: tuple[Locator, ...] = ()
    note: str = ""  # e.g. the reading of a glossary term


@dataclass(frozen=True)
class IndexSection:
    id: str
    ja: str
    en: str
    entries: tuple[IndexEntry, ...]


def _entries(items: Iterable[tuple[str, str, str, list[Passage]]]) -> tuple[IndexEntry, ...]:
    entries = []
    for ja, en, note, passages in items:
        anchors = tuple(dict.fromkeys(anchor_of(doc, seg) for doc, seg in passages))
        if anchors:
            same = _plain(ja) == _plain(en)  # "Amazon(AWS)" beside "Amazon (AWS)" says nothing new
            entries.append(IndexEntry("" if same else ja, en, anchors, note=note))
    return tuple(sorted(entries, key=lambda e: (e.en.casefold(), e.ja)))


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def index_sections(reference: Reference) -> tuple[IndexSection, ...]:
    """Terms (the glossary), people and organisations, topics: each entry with
    the passages the site lists for it (reference/apparatus.py)."""
    terms, people, topics = reference.term_passages, reference.person_passages, reference.topic_passages
    names = "人名・組織名", "People and organisations"
    specs = (
        ("index-terms", "用語", "Terms", [(t.ja, t.en, t.reading, terms[t.id]) for t in reference.glossary.terms]),
        ("index-people", *names, [(x.ja, x.en, "", people[x.id]) for x in reference.people]),
        ("index-topics", "話題", "Topics", [(t.ja, t.en, "", topics[t.id]) for t in reference.topics]),
    )
    return tuple(IndexSection(ident, ja, en, _entries(items)) for ident, ja, en, items in specs if items)


def with_locators(sections: tuple[IndexSection, ...], page_of: dict[str, int]) -> tuple[IndexSection, ...]:
    """Each entry's pages once, consecutive pages as a run (``page_of``: the
    page of each anchor, from the documents' layouts or the book's own)."""
    out = []
    for section in sections:
        entries = []
        for entry in section.entries:
            first_on_page: dict[int, str] = {}
            for anchor in entry.anchors:
                page = page_of.get(anchor)
                if page is not None:
                    first_on_page.setdefault(page, anchor)
            locators, run = [], []
            for page in sorted(first_on_page):
                if run and page != run[-1] + 1:
                    locators.append(_locator(run, first_on_page))
                    run = []
                run.append(page)
            if run:
                locators.append(_locator(run, first_on_page))
            if locators:  # a volume's index: only what is in that volume
                entries.append(IndexEntry(entry.ja, entry.en, entry.anchors, tuple(locators), entry.note))
        out.append(IndexSection(section.id, section.ja, section.en, tuple(entries)))
    return tuple(out)


def _locator(run: list[int], first_on_page: dict[int, str]) -> Locator:
    if len(run) == 1:
        return Locator(first_on_page[run[0]])
    return Locator(first_on_page[run[0]], first_on_page[run[-1]])
