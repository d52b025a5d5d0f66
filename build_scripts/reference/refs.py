"""References from editorial data to passages, written ``DOC:ID`` (seed name
and segment id, e.g. ``001_814190bd2886a73f:t0312``), resolved against the
documents so that a typo fails the build with the file and line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import Problem
from ..model import Document, Segment

Passage = tuple[Document, Segment]


class PassageLookup:
    def __init__(self, documents: Iterable[Document]):
        self._by_ref = {f"{doc.meta.name}:{seg.id}": (doc, seg) for doc in documents for seg in doc.segments}
        self._order = {ref: n for n, ref in enumerate(self._by_ref)}

    def resolve(self, refs, path: Path, where: str, problems: list[Problem]) -> list[Passage]:
        """The passages of ``refs`` (text from a data file, each with its ``line``);
        each unknown one becomes a problem at its line."""
        found = []
        for ref in refs:
            passage = self._by_ref.get(ref)
            if passage is None:
                line = getattr(ref, "line", None) or None
                problems.append(Problem(path, f"{where}: unknown passage '{ref}' (write DOC:ID)", line))
            else:
                found.append(passage)
        return found

    def in_reading_order(self, passages) -> list[Passage]:
        unique = {ref_of(p): p for p in passages}
        return [unique[r] for r in sorted(unique, key=self._order.__getitem__)]

    def all(self) -> list[Passage]:
        return list(self._by_ref.values())


def ref_of(passage: Passage) -> str:
    doc, seg = passage
    return f"{doc.meta.name}:{seg.id}"


def duplicate_ids(records, path: Path, kind: str) -> list[Problem]:
    """An id used by two records of a data file: a problem at the second."""
    seen: dict[str, int] = {}
    problems = []
    for record in records:
        ident = str(record["id"])
        if ident in seen:
            message = f"{kind} '{ident}': id used twice (the first at line {seen[ident]})"
            problems.append(Problem(path, message, record.line))
        seen.setdefault(ident, record.line)
    return problems
