"""People, organisations and products (editorial/people.yml) and the
passages that mention them, found by the names the texts use."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..model import Document
from ..schema.editorial import PEOPLE_KINDS, Loaded
from .matching import FormIndex
from .refs import Passage, PassageLookup, duplicate_ids

KINDS = PEOPLE_KINDS  # the sections of the people page, in order


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
    search_ja: tuple[str, ...] = ()  # words readers type for it that the texts do not use (search only)
    search_en: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en

    def description(self, lang: str) -> str:
        return self.description_ja if lang == "ja" else self.description_en


def load_people(loaded: Loaded) -> list[Entity]:
    """The entities of editorial/people.yml (validated by its declaration in schema/editorial.py)."""
    records = loaded.data["entities"]
    problems = duplicate_ids(records, loaded.path, "entity")
    if problems:
        raise InputError(problems)
    return [
        Entity(
            id=str(raw["id"]),
            kind=str(raw["kind"]),
            ja=str(raw["ja"]),
            en=str(raw["en"]),
            names_ja=tuple(dict.fromkeys([str(raw["ja"]), *map(str, raw["names"]["ja"])])),
            names_en=tuple(dict.fromkeys([str(raw["en"]), *map(str, raw["names"]["en"])])),
            description_ja=str(raw["description"]["ja"]),
            description_en=str(raw["description"]["en"]),
            search_ja=tuple(map(str, raw["search_terms"]["ja"])),
            search_en=tuple(map(str, raw["search_terms"]["en"])),
        )
        for raw in records
    ]


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
