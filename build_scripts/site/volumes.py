"""The PDF book's volumes: one book while the publication is small, volumes
by year once it outgrows one.

Why by year: a reader looks for a text by when it was said, the metadata
gives a year for most documents, and a year's volume, once its year is over,
no longer changes. Why at most ``VOLUME`` documents: a book of 20 documents
is about 350 pages, as much as one binding holds and one layout makes in
about a minute; a year with more is split evenly (2026 (1/2), 2026 (2/2)), in
editorial order. Every document also has a PDF of its own, so a volume is a
reader's convenience, not the only way to print a text.

The site (each document page links its volume) and the book (which lays out
the volumes) both take the volumes from here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Document
from .navigation import year_key
from .urls import PDF_NAME

VOLUME = 20  # the most documents in one book


@dataclass(frozen=True)
class Volume:
    key: str  # "" (the one book), "2026", "2026-2", "undated"
    label: dict[str, str]  # per language, what a title adds: "", "2026", "2026 (2/3)", "undated"
    documents: tuple[Document, ...]

    @property
    def file(self) -> str:
        """Its file name at the site root."""
        return PDF_NAME if not self.key else PDF_NAME.replace(".pdf", f"-{self.key}.pdf")


def volumes(documents: Iterable[Document], limit: int | None = None) -> list[Volume]:
    """The volumes, oldest year first, the undated last (``limit``: VOLUME)."""
    documents, limit = list(documents), limit or VOLUME
    if len(documents) <= limit:
        return [Volume("", {"ja": "", "en": ""}, tuple(documents))]
    years: dict[str, list[Document]] = {}
    for doc in documents:
        years.setdefault(year_key(doc), []).append(doc)
    out = []
    for year in sorted(years, key=lambda y: (y == "undated", y)):
        docs = years[year]
        parts = math.ceil(len(docs) / limit)
        for n in range(parts):
            # even parts: sizes differ by one at most
            part = tuple(docs[len(docs) * n // parts : len(docs) * (n + 1) // parts])
            names = {"ja": "日付なし", "en": "undated"} if year == "undated" else {"ja": f"{year}年", "en": year}
            suffix = "" if parts == 1 else f" ({n + 1}/{parts})"
            key = year if parts == 1 else f"{year}-{n + 1}"
            out.append(Volume(key, {lang: name + suffix for lang, name in names.items()}, part))
    return out


def volume_files(documents: Iterable[Document]) -> dict[str, str]:
    """Document name -> the file of the volume it is in."""
    return {doc.meta.name: volume.file for volume in volumes(documents) for doc in volume.documents}
