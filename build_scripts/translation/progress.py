"""What remains to translate, per document (``status`` command), and the
counts behind the translation status page, so that the command and the site
never disagree."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Document, Status

TODO = (Status.PENDING, Status.STALE, Status.DRAFT)  # what a translator still has to do, in that order


@dataclass(frozen=True)
class DocProgress:
    name: str
    slug: str
    catalog: str
    total: int
    counts: dict[str, int]
    coverage: str  # percent, as on the status page
    todo: dict[str, tuple[str, ...]]  # status -> segment ids, for pending, stale, draft


def status_counts(doc: Document) -> dict[str, int]:
    counts: dict[str, int] = {}
    for seg in doc.segments:
        counts[seg.status] = counts.get(seg.status, 0) + 1
    return counts


def coverage(doc: Document) -> float:
    """Share of segments readable in both languages (not pending or stale)."""
    done = sum(1 for s in doc.segments if s.status.done)
    return done / len(doc.segments) if doc.segments else 1.0


def percent(share: float) -> str:
    """Whole percent, never rounded up to 100 while something is missing."""
    value = int(share * 1000) / 10
    return f"{value:g}"


def progress(documents: list[Document]) -> list[DocProgress]:
    return [
        DocProgress(
            name=doc.meta.name,
            slug=doc.meta.slug,
            catalog=doc.catalog,
            total=len(doc.segments),
            counts={str(s): n for s in Status if (n := status_counts(doc).get(s, 0))},
            coverage=percent(coverage(doc)),
            todo={str(s): ids for s in TODO if (ids := tuple(seg.id for seg in doc.segments if seg.status == s))},
        )
        for doc in documents
    ]


def overall(documents: list[Document]) -> tuple[int, int, str]:
    """All segments, those readable in both languages, and their share (as the status page)."""
    total = sum(len(d.segments) for d in documents)
    done = sum(round(coverage(d) * len(d.segments)) for d in documents)
    return total, done, percent(done / total if total else 1.0)
