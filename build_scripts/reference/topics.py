"""Topics (editorial/topics.yml): themes that recur across the documents.

A passage belongs to a topic when its Japanese contains one of the topic's
Japanese keywords or its English one of the English keywords (the matching
rules of matching.py), plus the passages listed under ``include``, minus
those under ``exclude``. Rules in data, exceptions by hand, both reviewable.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem
from ..model import Document
from ..schema.editorial import Loaded
from .matching import english_pattern
from .refs import Passage, PassageLookup, duplicate_ids


@dataclass(frozen=True)
class Topic:
    id: str
    ja: str
    en: str
    description_ja: str
    description_en: str
    keywords_ja: tuple[str, ...]
    keywords_en: tuple[str, ...]
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    origin: str = ""  # the data file, for error messages
    search_ja: tuple[str, ...] = ()  # words readers type for it that the texts do not use (search only)
    search_en: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en

    def description(self, lang: str) -> str:
        return self.description_ja if lang == "ja" else self.description_en


def load_topics(loaded: Loaded) -> list[Topic]:
    """The topics of editorial/topics.yml (validated by its declaration in schema/editorial.py)."""
    records = loaded.data["topics"]
    problems = duplicate_ids(records, loaded.path, "topic")
    if problems:
        raise InputError(problems)
    return [
        Topic(
            id=str(raw["id"]),
            ja=str(raw["ja"]),
            en=str(raw["en"]),
            description_ja=str(raw["description"]["ja"]),
            description_en=str(raw["description"]["en"]),
            keywords_ja=tuple(map(str, raw["keywords"]["ja"])),
            keywords_en=tuple(map(str, raw["keywords"]["en"])),
            include=tuple(raw["include"]),
            exclude=tuple(raw["exclude"]),
            origin=str(loaded.path),
            search_ja=tuple(map(str, raw["search_terms"]["ja"])),
            search_en=tuple(map(str, raw["search_terms"]["en"])),
        )
        for raw in records
    ]


def _matcher(topic: Topic):
    """A test "does this passage (Japanese, lower-cased English) mention the topic"."""
    ja_keywords = topic.keywords_ja
    en_keywords = [k.lower() for k in topic.keywords_en]
    pattern = english_pattern(en_keywords, ignore_case=False)

    def mentions(ja: str, en_lower: str) -> bool:
        if any(k in ja for k in ja_keywords):
            return True
        # a plain substring test first: most passages contain no keyword at all
        return any(k in en_lower for k in en_keywords) and bool(pattern.search(en_lower))

    return mentions


def passages_by_topic(documents: list[Document], topics: list[Topic]) -> dict[str, list[Passage]]:
    """Every topic's passages in reading order across documents."""
    lookup = PassageLookup(documents)
    problems: list[Problem] = []
    result = {}
    passages = [(p, p[1].en.lower()) for p in lookup.all() if p[1].kind != "title"]
    for topic in topics:
        # Presence is all a topic needs: one search per language (a keyword of
        # one topic never hides another's, unlike terms in the text)
        mentions = _matcher(topic)
        matched = [p for p, lower in passages if mentions(p[1].ja, lower)]
        where = f"topic '{topic.id}'"
        added = lookup.resolve(topic.include, Path(topic.origin), f"{where} include", problems)
        removed = {id(p[1]) for p in lookup.resolve(topic.exclude, Path(topic.origin), f"{where} exclude", problems)}
        result[topic.id] = lookup.in_reading_order([p for p in matched + added if id(p[1]) not in removed])
    if problems:
        raise InputError(problems)
    return result
