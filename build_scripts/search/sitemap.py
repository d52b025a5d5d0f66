"""Where the passages are on the built site: a result link becomes the
passages it reaches (ours: passages; stock Material and Pagefind: sections,
a heading reaching every passage up to the next one; a page of either
language site is the same document)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from ..model import LANGS, Document, site_root
from .metrics import Hit


@dataclass(frozen=True)
class DocumentPage:
    seed: str
    ids: tuple[str, ...]  # passage ids in page order
    headings: frozenset[str]
    section: dict[str, str] = field(hash=False)  # passage id -> id of the heading above it ("" before the first)


class SiteMap:
    """Maps a result link to the passages it reaches (the pages are those of ``documents``)."""

    def __init__(self, documents: Iterable[Document]):
        self.pages: dict[str, DocumentPage] = {}
        for doc in documents:
            heading, section = "", {}
            for seg in doc.segments:
                if seg.kind == "heading":
                    heading = seg.id
                section[seg.id] = heading
            self.pages[f"documents/{doc.meta.slug}/"] = DocumentPage(
                doc.meta.name,
                tuple(seg.id for seg in doc.segments),
                frozenset(seg.id for seg in doc.segments if seg.kind == "heading"),
                section,
            )

    def keys(self) -> set[str]:
        return {f"{page.seed}:{pid}" for page in self.pages.values() for pid in page.ids}

    def hit(self, href: str, sections: bool) -> Hit:
        path, anchor = page_and_anchor(href)
        page = self.pages.get(path)
        label = f"{path}#{anchor}" if anchor else path
        if page is None:
            return Hit((), label)
        if anchor in page.headings and sections:
            reached = [pid for pid in page.ids if page.section[pid] == anchor]
        elif anchor in page.section:
            reached = [anchor]
        elif not anchor:
            reached = [pid for pid in page.ids if page.section[pid] == ""] if sections else ["title"]
        else:  # an anchor that is no passage: a passage result that reaches nothing judged
            reached = [f"#{anchor}"]
        return Hit(tuple(f"{page.seed}:{pid}" for pid in reached), f"{page.seed}:{anchor or 'title'}")


def page_and_anchor(href: str) -> tuple[str, str]:
    """(page path below its language's root, anchor) of a result link: a document page
    of either language site is the same document."""
    parts = urlsplit(href)
    path = unquote(parts.path).lstrip("/")
    for lang in LANGS:
        root = site_root(lang)
        if root and path.startswith(root):
            path = path[len(root) :]
    return path, unquote(parts.fragment)
