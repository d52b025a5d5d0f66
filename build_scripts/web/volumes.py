"""The PDF book's volumes: one book while the publication is small, volumes
by year once it outgrows one.

Why by year: a reader looks for a text by when it was said, the metadata
gives a year for most documents, and a year's volume, once its year is over,
no longer changes. Why at most ``VOLUME`` documents and about 250 pages
(``VOLUME_SIZE``): what one binding holds comfortably, and what one process
lays out in about a minute and 1 GB; a year with more is split into parts as
even as the documents' sizes allow (2026 (1/2), 2026 (2/2)), in editorial
order. Every document also has a PDF of its own, so a volume is a
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
VOLUME_SIZE = 500_000  # the most characters (both languages) in one book: about 250 pages


@dataclass(frozen=True)
class Volume:
    key: str  # "" (the one book), "2026", "2026-2", "undated"
    label: dict[str, str]  # per language, what a title adds: "", "2026", "2026 (2/3)", "undated"
    documents: tuple[Document, ...]

    @property
    def file(self) -> str:
        """Its file name at the site root."""
        return PDF_NAME if not self.key else PDF_NAME.replace(".pdf", f"-{self.key}.pdf")


def size(doc: Document) -> int:
    """What a document weighs in a volume: the characters of its two
    languages (about 2,000 make a page of the parallel text)."""
    return sum(len(seg.ja) + len(seg.en) for seg in doc.segments)


def volumes(documents: Iterable[Document], limit: int | None = None) -> list[Volume]:
    """The volumes, oldest year first, the undated last (``limit``: VOLUME
    documents; and at most VOLUME_SIZE characters, about 250 pages)."""
    documents, limit = list(documents), limit or VOLUME
    if len(documents) <= limit and sum(map(size, documents)) <= VOLUME_SIZE:
        return [Volume("", {"ja": "", "en": ""}, tuple(documents))]
    years: dict[str, list[Document]] = {}
    for doc in documents:
        years.setdefault(year_key(doc), []).append(doc)
    out = []
    for year in sorted(years, key=lambda y: (y == "undated", y)):
        parts = _split(years[year], limit)
        names = {"ja": "日付なし", "en": "undated"} if year == "undated" else {"ja": f"{year}年", "en": year}
        for n, part in enumerate(parts):
            suffix = "" if len(parts) == 1 else f" ({n + 1}/{len(parts)})"
            key = year if len(parts) == 1 else f"{year}-{n + 1}"
            out.append(Volume(key, {lang: name + suffix for lang, name in names.items()}, part))
    return out


def _split(docs: list[Document], limit: int) -> list[tuple[Document, ...]]:
    """A year's documents in runs, in editorial order: as many as the count
    needs, each of about the same number; or, where the size needs more,
    each of about the same size (and never more than ``limit`` documents)."""
    sizes = [size(doc) for doc in docs]
    by_count, by_size = math.ceil(len(docs) / limit), math.ceil(sum(sizes) / VOLUME_SIZE)
    if by_count >= by_size:
        return [tuple(docs[len(docs) * n // by_count : len(docs) * (n + 1) // by_count]) for n in range(by_count)]
    share, runs, run, done = sum(sizes) / by_size, [], [], 0
    for doc, weight in zip(docs, sizes, strict=True):
        run.append(doc)
        done += weight
        if done >= share * (len(runs) + 1) or len(run) == limit:
            runs.append(tuple(run))
            run = []
    return [*runs, tuple(run)] if run else runs


def volume_files(documents: Iterable[Document]) -> dict[str, str]:
    """Document name -> the file of the volume it is in."""
    return {doc.meta.name: volume.file for volume in volumes(documents) for doc in volume.documents}
