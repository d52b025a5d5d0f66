"""References from editorial data to passages, written ``DOC:ID`` (seed name
and segment id, e.g. ``001_814190bd2886a73f:t0312``), resolved against the
documents so that a typo fails the build with the file and line."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from ..model import Document, Segment

Passage = tuple[Document, Segment]


class PassageLookup:
    def __init__(self, documents: list[Document]):
        self._by_ref = {f"{doc.meta.name}:{seg.id}": (doc, seg) for doc in documents for seg in doc.segments}
        self._order = {ref: n for n, ref in enumerate(self._by_ref)}

    def resolve(self, refs, path: Path, where: str, problems: list[Problem]) -> list[Passage]:
        """The passages of ``refs``; each unknown one becomes a problem naming its line."""
        found = []
        for ref in refs:
            passage = self._by_ref.get(ref)
            if passage is None:
                problems.append(Problem(path, f"{where}: unknown passage '{ref}' (write DOC:ID)", line_of(path, ref)))
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


def line_of(path: Path, needle: str) -> int | None:
    """The first line of a data file holding ``needle`` (for error messages)."""
    try:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
            if needle in line:
                return number
    except OSError:
        pass
    return None


def known_fields(raw: dict, allowed: set[str], path: Path, where: str, problems: list[Problem]) -> None:
    """A misspelt field name would otherwise be silently ignored."""
    for name in raw:
        if name not in allowed:
            problems.append(
                Problem(
                    path,
                    f"{where}: unknown field '{name}' (known: {', '.join(sorted(allowed))})",
                    line_of(path, f"{name}:"),
                )
            )


def pair(value, key: str) -> str:
    return str((value or {}).get(key) or "").strip() if isinstance(value, dict) else ""


def load_records(path: Path, key: str, allowed: set[str], required: tuple[str, ...]):
    """Yield (where, raw, problems) for each record under ``key`` of a data
    file, after checking field names and required fields; the caller raises
    ``InputError(problems)`` at the end if any were found."""
    from ..files import read_yaml

    data = read_yaml(path, default=None) or {}
    problems: list[Problem] = []
    records = data.get(key) if isinstance(data, dict) else None
    if data and not isinstance(records, list):
        problems.append(Problem(path, f"expected a list under '{key}:'"))
        records = []
    seen = set()
    for index, raw in enumerate(records or [], start=1):
        if not isinstance(raw, dict):
            problems.append(Problem(path, f"entry #{index} is not a mapping"))
            continue
        ident = str(raw.get("id") or raw.get("date") or "")
        where = f"'{ident}'" if ident else f"entry #{index}"
        known_fields(raw, allowed, path, where, problems)
        missing = [name for name in required if not raw.get(name)]
        if missing:
            line = line_of(path, ident) if ident else None
            problems.append(Problem(path, f"{where}: missing {', '.join(missing)}", line))
            continue
        if "id" in raw:
            if ident in seen:
                problems.append(Problem(path, f"{where}: id used twice", line_of(path, f"id: {ident}")))
            seen.add(ident)
        yield where, raw, problems
    if problems:
        from ..errors import InputError

        raise InputError(problems)
