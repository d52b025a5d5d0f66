"""The site navigation, for five documents or five hundred.

A list of documents longer than ``LIMIT`` is split into groups: by year
(newest first, the undated last), a year still longer by kind, and a group
still longer into numbered runs of documents (runs of runs where needed).
Each group is a section of the navigation one level down, and Material's
``navigation.prune`` gives each page only the branch it is in: a page's
navigation holds the top level, the groups beside its own and the
documents of its own group, whatever the size of the corpus. A list of at
most ``LIMIT`` documents (the publication today) stays one flat list.

Dates and kinds are the metadata's own text (editorial/documents.yml):
the year is read from the date as written (``2026年3月14日``, ``14 March
2026``, ``2026-03-14``), the kind is the kind's text up to its first
parenthesis. A document without either goes to "undated" or "other".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import LANGS, Document

LIMIT = 25  # the longest list of documents (or groups) the navigation shows at one level
RUN = 10  # documents in a numbered run: a run's documents carry long titles, its siblings short ones
MONTHS = "january february march april may june july august september october november december".split()
_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")
_JA = re.compile(r"(?<!\d)((?:19|20)\d{2})年(?:\s*(\d{1,2})月(?:\s*(\d{1,2})日)?)?")
_EN = re.compile(
    rf"(?:(?<!\d)(\d{{1,2}})\s+)?(?:({'|'.join(MONTHS)})\s+)?(?<!\d)((?:19|20)\d{{2}})(?!\d)", re.IGNORECASE
)
_KIND_END = re.compile(r"\s*[(（:：].*", re.S)


def document_date(doc: Document) -> tuple[int, int, int] | None:
    """(year, month, day) of a document as its metadata writes it (0 where a
    part is not given), from the first date in its date text; None if undated."""
    for text in (doc.meta.date_ja, doc.meta.date_en):
        found = _first_date(text)
        if found:
            return found
    return None


def _first_date(text: str) -> tuple[int, int, int] | None:
    candidates = []
    if m := _ISO.search(text):
        candidates.append((m.start(), (int(m[1]), int(m[2]), int(m[3]))))
    if m := _JA.search(text):
        candidates.append((m.start(), (int(m[1]), int(m[2] or 0), int(m[3] or 0))))
    if m := _EN.search(text):
        month = MONTHS.index(m[2].lower()) + 1 if m[2] else 0
        candidates.append((m.start(), (int(m[3]), month, int(m[1]) if m[1] and month else 0)))
    # the first date in the text; of two at one place, the more precise
    return min(candidates, key=lambda c: (c[0], -sum(map(bool, c[1]))))[1] if candidates else None


def kind_names(doc: Document) -> dict[str, str]:
    """The document's kind in each language, without its parenthesis ("Statement")."""
    meta = doc.meta
    names = {"ja": _KIND_END.sub("", meta.kind_ja).strip(), "en": _KIND_END.sub("", meta.kind_en).strip()}
    return {lang: names[lang] or names["en" if lang == "ja" else "ja"] for lang in LANGS}


def kind_key(doc: Document) -> str:
    """A document's kind as a key ("summary-of-a-podcast"; "" without a kind)."""
    name = kind_names(doc)
    return re.sub(r"\W+", "-", name["en"].casefold() or name["ja"]).strip("-")


def year_key(doc: Document) -> str:
    date = document_date(doc)
    return str(date[0]) if date else "undated"


@dataclass(frozen=True)
class Group:
    """A section of the navigation: its title per language, and either
    documents or groups."""

    key: str  # stable and unique: "2026", "undated/other", "undated/other/26"
    title: dict[str, str]
    documents: tuple[Document, ...] = ()
    groups: tuple[Group, ...] = ()

    def all(self) -> list[Document]:
        return list(self.documents) + [d for g in self.groups for d in g.all()]


def group_documents(documents: Iterable[Document], ui: dict) -> list[Group] | None:
    """The documents' groups, in navigation order; None when they fit in one list."""
    documents = list(documents)
    if len(documents) <= LIMIT:
        return None
    years: dict[int | None, list[Document]] = {}
    for doc in documents:
        year = year_key(doc)
        years.setdefault(None if year == "undated" else int(year), []).append(doc)
    groups = []
    for year in sorted(years, key=lambda y: (y is None, -(y or 0))):
        key = str(year) if year else "undated"
        title = {lang: ui[lang]["nav_year"].format(year=year) if year else ui[lang]["nav_undated"] for lang in LANGS}
        groups.append(_split_by_kind(key, title, years[year], ui))
    return groups


def _split_by_kind(key: str, title: dict[str, str], documents: list[Document], ui: dict) -> Group:
    if len(documents) <= LIMIT:
        return Group(key, title, tuple(documents))
    kinds: dict[str, list[Document]] = {}
    names: dict[str, dict[str, str]] = {}
    for doc in documents:
        ident = kind_key(doc)
        kinds.setdefault(ident, []).append(doc)
        names.setdefault(ident, kind_names(doc))
    if len(kinds) == 1:  # one kind: the year is split into runs
        return _runs(key, title, documents, ui)
    children = []
    for ident in sorted(kinds, key=lambda k: (k == "", k)):  # by name, "other" last
        name = names[ident] if ident else {lang: ui[lang]["nav_other_kind"] for lang in LANGS}
        children.append(_runs(f"{key}/{ident or '-'}", name, kinds[ident], ui))
    return Group(key, title, groups=tuple(children))


def _runs(
    key: str, title: dict[str, str], documents: list[Document], ui: dict, first: int = 1, top: bool = True
) -> Group:
    """A group of at most LIMIT documents, or of numbered runs of them (of
    RUN documents, or runs of such runs)."""
    if len(documents) <= (LIMIT if top else RUN):
        return Group(key, title, tuple(documents))
    size = RUN
    while -(-len(documents) // size) > LIMIT:  # at most LIMIT runs a level
        size *= LIMIT
    size = -(-len(documents) // -(-len(documents) // size))  # runs of even length
    runs = []
    for start in range(0, len(documents), size):
        part = documents[start : start + size]
        low, high = first + start, first + start + len(part) - 1
        name = {lang: ui[lang]["nav_run"].format(first=low, last=high) for lang in LANGS}
        runs.append(_runs(f"{key}/{low}", name, part, ui, low, top=False))
    return Group(key, title, groups=tuple(runs))


def navigation_order(documents: Iterable[Document], ui: dict) -> list[Document]:
    """Every document in the order the navigation shows them."""
    documents = list(documents)
    groups = group_documents(documents, ui)
    return documents if groups is None else [d for g in groups for d in g.all()]


def _nav_entries(groups: list[Group] | None, documents: list[Document], lang: str) -> list:
    if groups is None:
        return [f"documents/{d.meta.slug}.md" for d in documents]
    return [{g.title[lang]: _group_entries(g, lang)} for g in groups]


def _group_entries(group: Group, lang: str) -> list:
    return [f"documents/{d.meta.slug}.md" for d in group.documents] + [
        {g.title[lang]: _group_entries(g, lang)} for g in group.groups
    ]


def navigation(documents: list[Document], reference, ui: dict, lang: str) -> list:
    """The site navigation (MkDocs ``nav``) of the ``lang`` site. The
    documents' section opens with the documents index (Material's
    ``navigation.indexes`` makes it the section's own link)."""
    groups = group_documents(documents, ui)
    nav: list = [
        {"Home": "index.md"},
        {"Documents": ["documents/index.md", *_nav_entries(groups, documents, lang)]},
    ]
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
