"""Figures (editorial/figures.yml) and the timeline (editorial/timeline.yml):
amounts and dated events, each with the passages that state them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem
from ..model import Document
from .refs import Passage, PassageLookup, line_of, load_records, pair

UNITS = ("USD", "GBP", "percent", "years", "multiple", "people", "months", "count", "year")
DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{2}-\d{2})$")


@dataclass(frozen=True)
class Figure:
    id: str
    value: float
    unit: str
    label_ja: str
    label_en: str
    passages: tuple[Passage, ...]
    note_ja: str = ""  # an editor's note, in both languages
    note_en: str = ""

    def label(self, lang: str) -> str:
        return self.label_ja if lang == "ja" else self.label_en

    def note(self, lang: str) -> str:
        return self.note_ja if lang == "ja" else self.note_en


@dataclass(frozen=True)
class Event:
    date: str
    label_ja: str
    label_en: str
    passages: tuple[Passage, ...]

    def label(self, lang: str) -> str:
        return self.label_ja if lang == "ja" else self.label_en


def _labelled(path: Path, key: str, fields: set[str], required: tuple[str, ...], documents: list[Document]):
    """Common part of both files: records with a bilingual label and passages."""
    lookup = PassageLookup(documents)
    for where, raw, problems in load_records(path, key, fields, required):
        label = raw.get("label") or {}
        if not (pair(label, "ja") and pair(label, "en")):
            problems.append(Problem(path, f"{where}: needs label.ja and label.en", line_of(path, where.strip("'"))))
        passages = lookup.resolve(raw.get("passages") or [], path, where, problems)
        if not passages:
            problems.append(Problem(path, f"{where}: lists no passage"))
        yield where, raw, problems, pair(label, "ja"), pair(label, "en"), tuple(passages)


def load_figures(path: Path, documents: list[Document]) -> list[Figure]:
    figures = []
    fields = {"id", "value", "unit", "label", "passages", "note"}
    for where, raw, problems, ja, en, passages in _labelled(
        path, "figures", fields, ("id", "value", "unit"), documents
    ):
        try:
            value = float(raw["value"])
        except ValueError:
            problems.append(Problem(path, f"{where}: value '{raw['value']}' is not a number"))
            continue
        if raw["unit"] not in UNITS:
            problems.append(Problem(path, f"{where}: unit must be one of {', '.join(UNITS)}"))
        note = raw.get("note") or {}
        if note and not (pair(note, "ja") and pair(note, "en")):
            problems.append(Problem(path, f"{where}: a note needs note.ja and note.en", line_of(path, "note:")))
        figures.append(
            Figure(str(raw["id"]), value, str(raw["unit"]), ja, en, passages, pair(note, "ja"), pair(note, "en"))
        )
    return figures


def load_timeline(path: Path, documents: list[Document]) -> list[Event]:
    events = []
    for where, raw, problems, ja, en, passages in _labelled(
        path, "events", {"date", "label", "passages"}, ("date",), documents
    ):
        if not DATE.match(str(raw["date"])):
            problems.append(Problem(path, f"{where}: date must be YYYY, YYYY-MM, YYYY-MM-DD or MM-DD"))
        events.append(Event(str(raw["date"]), ja, en, passages))
    return sorted(events, key=lambda e: e.date if e.date[:4].isdigit() else "0000-" + e.date)
