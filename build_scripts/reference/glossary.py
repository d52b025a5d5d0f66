"""The glossary (editorial/glossary.yml): terms, their variants, and where
the texts use them. Occurrences are computed, never listed by hand.

Japanese forms are matched as substrings, longest first, each character
claimed once (so 推論モデル wins over 推論 inside it); English forms as whole
words, case-insensitively.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field

from ..errors import InputError, Problem
from ..schema.editorial import Loaded
from .matching import FormIndex
from .refs import duplicate_ids


@dataclass(frozen=True)
class Term:
    id: str
    ja: str
    en: str
    reading: str
    ja_forms: tuple[str, ...]
    en_forms: tuple[str, ...]
    short_ja: str
    short_en: str
    definition_ja: str
    definition_en: str
    related: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # passages (DOC:ID) where a form means something else
    line: int = field(default=0, compare=False)  # where it is defined in glossary.yml
    search_ja: tuple[str, ...] = ()  # words readers type for it that the texts do not use (search only)
    search_en: tuple[str, ...] = ()


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...] = ()
    forms: FormIndex = field(default_factory=FormIndex, repr=False)

    @classmethod
    def of(cls, terms: list[Term]) -> Glossary:
        ja = [(form, t) for t in terms for form in t.ja_forms]
        en = [(form, t) for t in terms for form in t.en_forms]
        return cls(tuple(terms), FormIndex.of(ja, en))

    def by_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}

    def find_ja(self, text: str) -> list[tuple[int, int, Term]]:
        """(start, end, term) of each Japanese term use, longest match first."""
        return self.forms.find_ja(text)

    def find_en(self, text: str) -> list[tuple[int, int, Term]]:
        return self.forms.find_en(text)


def reading_order(terms) -> list[Term]:
    """Japanese dictionary (gojūon) order: by reading, in hiragana, with voiced
    kana sorting beside their plain ones (NFKD splits off the dakuten); then headword."""

    def key(term: Term):
        reading = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in term.reading or term.ja)
        return unicodedata.normalize("NFKD", reading), term.ja

    return sorted(terms, key=key)


def load_glossary(loaded: Loaded) -> Glossary:
    """The terms of editorial/glossary.yml (validated by its declaration in schema/editorial.py)."""
    records = loaded.data["terms"]
    terms = [
        Term(
            id=str(raw["id"]),
            ja=str(raw["ja"]),
            en=str(raw["en"]),
            reading=str(raw["reading"]),
            ja_forms=tuple(dict.fromkeys([str(raw["ja"]), *map(str, raw["variants"]["ja"])])),
            en_forms=tuple(dict.fromkeys([str(raw["en"]), *map(str, raw["variants"]["en"])])),
            short_ja=str(raw["short"]["ja"]),
            short_en=str(raw["short"]["en"]),
            definition_ja=str(raw["definition"]["ja"]),
            definition_en=str(raw["definition"]["en"]),
            related=tuple(raw["related"]),
            exclude=tuple(raw["exclude"]),
            line=raw.line,
            search_ja=tuple(map(str, raw["search_terms"]["ja"])),
            search_en=tuple(map(str, raw["search_terms"]["en"])),
        )
        for raw in records
    ]
    problems = duplicate_ids(records, loaded.path, "term")
    known = {t.id for t in terms}
    for term in terms:
        for other in term.related:
            if other not in known:
                close = difflib.get_close_matches(other, sorted(known), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                problems.append(
                    Problem(loaded.path, f"term '{term.id}': related term '{other}' does not exist{hint}", other.line)
                )
    if problems:
        raise InputError(problems)
    return Glossary.of(terms)
