"""People, organisations and products (editorial/people.yml) and the
passages that mention them, found by the names the texts use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem
from ..model import Document
from .matching import FormIndex
from .refs import Passage, PassageLookup, load_records, pair

FIELDS = {"id", "kind", "ja", "en", "names", "description"}
KINDS = ("person", "organisation", "product")  # the sections of the people page, in order


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    ja: str
    en: str
    names_ja: tuple[str, ...]
    names_en: tuple[str, ...]
    description_ja: str
    description_en: str

    def name(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en

    def description(self, lang: str) -> str:
        return self.description_ja if lang == "ja" else self.description_en


def load_people(path: Path) -> list[Entity]:
    people = []
    for where, raw, problems in load_records(path, "entities", FIELDS, ("id", "kind", "ja", "en")):
        if raw["kind"] not in KINDS:
            problems.append(Problem(path, f"{where}: kind must be one of {', '.join(KINDS)}"))
        names, description = raw.get("names") or {}, raw.get("description") or {}
        people.append(
            Entity(
                id=str(raw["id"]),
                kind=str(raw["kind"]),
                ja=str(raw["ja"]),
                en=str(raw["en"]),
                names_ja=tuple(dict.fromkeys([str(raw["ja"]), *map(str, names.get("ja") or [])])),
                names_en=tuple(dict.fromkeys([str(raw["en"]), *map(str, names.get("en") or [])])),
                description_ja=pair(description, "ja"),
                description_en=pair(description, "en"),
            )
        )
    return people


def passages_by_person(documents: list[Document], people: list[Entity]) -> dict[str, list[Passage]]:
    """Every entity's passages in reading order (one index, so that the
    longest name wins: "OpenAI Foundation" is not also "OpenAI")."""
    forms = FormIndex.of(
        [(n, e.id) for e in people for n in e.names_ja], [(n, e.id) for e in people for n in e.names_en]
    )
    lookup = PassageLookup(documents)
    result: dict[str, list[Passage]] = {e.id: [] for e in people}
    for passage in lookup.all():
        for key in forms.keys_in(passage[1].ja, passage[1].en):
            result[key].append(passage)
    return result
