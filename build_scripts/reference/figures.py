"""Figures (editorial/figures.yml) and the timeline (editorial/timeline.yml):
amounts and dated events, each with the passages that state them."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..schema.editorial import Loaded
from .refs import Passage, PassageLookup, duplicate_ids


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


def load_figures(loaded: Loaded, lookup: PassageLookup) -> list[Figure]:
    """The figures of editorial/figures.yml (validated by its declaration in schema/editorial.py)."""
    records = loaded.data["figures"]
    problems = duplicate_ids(records, loaded.path, "figure")
    figures = []
    for raw in records:
        passages = lookup.resolve(raw["passages"], loaded.path, f"figure '{raw['id']}'", problems)
        note = raw["note"] or {"ja": "", "en": ""}
        figures.append(
            Figure(
                id=str(raw["id"]),
                value=raw["value"],
                unit=str(raw["unit"]),
                label_ja=str(raw["label"]["ja"]),
                label_en=str(raw["label"]["en"]),
                passages=tuple(passages),
                note_ja=str(note["ja"]),
                note_en=str(note["en"]),
            )
        )
    if problems:
        raise InputError(problems)
    return figures


def load_timeline(loaded: Loaded, lookup: PassageLookup) -> list[Event]:
    """The events of editorial/timeline.yml, in date order (month-day dates first)."""
    problems: list = []
    events = [
        Event(
            str(raw["date"]),
            str(raw["label"]["ja"]),
            str(raw["label"]["en"]),
            tuple(lookup.resolve(raw["passages"], loaded.path, f"event '{raw['date']}'", problems)),
        )
        for raw in loaded.data["events"]
    ]
    if problems:
        raise InputError(problems)
    return sorted(events, key=lambda e: e.date if e.date[:4].isdigit() else "0000-" + e.date)
