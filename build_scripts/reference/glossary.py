"""The glossary (editorial/glossary.yml): terms, their variants, and where
the texts use them. Occurrences are computed, never listed by hand.

Japanese forms are matched as substrings, longest first, each character
claimed once (so 推論モデル wins over 推論 inside it); English forms as whole
words, case-insensitively.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem
from ..files import read_yaml
from .matching import FormIndex
from .refs import pair


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


def load_glossary(path: Path) -> Glossary:
    data = read_yaml(path, default=None)
    if data is None:
        return Glossary()
    problems, terms, seen = [], [], set()
    for index, raw in enumerate((data or {}).get("terms") or [], start=1):
        ident = str((raw or {}).get("id") or "")
        where = f"term '{ident}'" if ident else f"term #{index}"
        if not ident or not raw.get("ja") or not raw.get("en"):
            problems.append(Problem(path, f"{where}: needs 'id', 'ja' and 'en'"))
            continue
        if ident in seen:
            problems.append(Problem(path, f"{where}: id used twice"))
        seen.add(ident)
        short, definition = raw.get("short") or {}, raw.get("definition") or {}
        missing = [
            name
            for name, value in (
                ("short.ja", pair(short, "ja")),
                ("short.en", pair(short, "en")),
                ("definition.ja", pair(definition, "ja")),
                ("definition.en", pair(definition, "en")),
                ("reading", str(raw.get("reading") or "")),
            )
            if not value
        ]
        if missing:
            problems.append(Problem(path, f"{where}: no {', '.join(missing)} (every term needs both languages)"))
        variants = raw.get("variants") or {}
        terms.append(
            Term(
                id=ident,
                ja=str(raw["ja"]),
                en=str(raw["en"]),
                reading=str(raw.get("reading") or ""),
                ja_forms=tuple(dict.fromkeys([str(raw["ja"]), *map(str, variants.get("ja") or [])])),
                en_forms=tuple(dict.fromkeys([str(raw["en"]), *map(str, variants.get("en") or [])])),
                short_ja=pair(short, "ja"),
                short_en=pair(short, "en"),
                definition_ja=pair(definition, "ja"),
                definition_en=pair(definition, "en"),
                related=tuple(map(str, raw.get("related") or [])),
                exclude=tuple(map(str, raw.get("exclude") or [])),
            )
        )
    known = {t.id for t in terms}
    for term in terms:
        for other in term.related:
            if other not in known:
                problems.append(Problem(path, f"term '{term.id}': related term '{other}' does not exist"))
    if problems:
        raise InputError(problems)
    return Glossary.of(terms)
