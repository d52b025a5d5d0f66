"""What remains to translate, per document (``status`` command).

The numbers are the translation status page's: the same counts and the same
coverage (render.py), so the command and the site never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Document
from .render import STATUSES, coverage
from .render import _counts as status_counts
from .render import _percent as percent

TODO = ("pending", "stale", "draft")  # what a translator still has to do, in that order


@dataclass(frozen=True)
class DocProgress:
    name: str
    slug: str
    catalog: str
    total: int
    counts: dict[str, int]
    coverage: str  # percent, as on the status page
    todo: dict[str, tuple[str, ...]]  # status -> segment ids, for pending, stale, draft


def progress(documents: list[Document]) -> list[DocProgress]:
    return [
        DocProgress(
            name=doc.meta.name,
            slug=doc.meta.slug,
            catalog=doc.catalog,
            total=len(doc.segments),
            counts={s: n for s in STATUSES if (n := status_counts(doc).get(s, 0))},
            coverage=percent(coverage(doc)),
            todo={s: ids for s in TODO if (ids := tuple(seg.id for seg in doc.segments if seg.status == s))},
        )
        for doc in documents
    ]


def overall(documents: list[Document]) -> tuple[int, str]:
    """All segments, and the share readable in both languages (as the status page)."""
    total = sum(len(d.segments) for d in documents)
    done = sum(round(coverage(d) * len(d.segments)) for d in documents)
    return total, percent(done / total if total else 1.0)
