"""Finding named things (terms, people, topic keywords) in passage text.

Japanese forms are matched as substrings, longest first, each character
claimed once (so 推論モデル wins over 推論 inside it); English forms as whole
words, case-insensitively. One rule for the glossary, people and topics, so
that "mentions X" means the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FormIndex:
    """Forms (surface strings) of keys (a term, a person, a topic)."""

    ja: tuple[tuple[str, Hashable], ...] = ()
    en_pattern: re.Pattern | None = None
    en_keys: dict[str, Hashable] = field(default_factory=dict)
    # Japanese forms by first character, as positions in ``ja`` (longest-first
    # order): a text only tries the forms that can start in it.
    ja_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _found: dict = field(default_factory=dict, compare=False, repr=False)  # text -> matches

    @classmethod
    def of(cls, ja: Iterable[tuple[str, Hashable]], en: Iterable[tuple[str, Hashable]]) -> FormIndex:
        ja_sorted = tuple(sorted(((f, k) for f, k in ja if f), key=lambda x: -len(x[0])))
        en_keys: dict[str, Hashable] = {}
        for form, key in sorted(en, key=lambda x: len(x[0])):
            if form:
                en_keys.setdefault(form.lower(), key)
        by_first: dict[str, list[int]] = {}
        for position, (form, _) in enumerate(ja_sorted):
            by_first.setdefault(form[0], []).append(position)
        first = {ch: tuple(positions) for ch, positions in by_first.items()}
        return cls(ja_sorted, english_pattern(en_keys, ignore_case=False), en_keys, first)

    def find_ja(self, text: str) -> list[tuple[int, int, Hashable]]:
        """(start, end, key) of each Japanese form in text, longest match first."""
        cached = self._found.get(text)
        if cached is not None:
            return cached
        candidates = sorted({p for ch in set(text) & self.ja_by_first.keys() for p in self.ja_by_first[ch]})
        claimed = [False] * len(text)
        found = []
        for form, key in (self.ja[p] for p in candidates):
            start = text.find(form)
            while start >= 0:
                end = start + len(form)
                if not any(claimed[start:end]):
                    claimed[start:end] = [True] * (end - start)
                    found.append((start, end, key))
                start = text.find(form, end)
        found.sort(key=lambda x: x[0])
        self._found[text] = found
        return found

    def find_en(self, text: str) -> list[tuple[int, int, Hashable]]:
        if self.en_pattern is None:
            return []
        cached = self._found.get(("en", text))
        if cached is None:
            cached = self._found[("en", text)] = self._match_en(text)
        return cached

    def _match_en(self, text: str) -> list[tuple[int, int, Hashable]]:
        # Matching the lower-cased text against lower-case forms is several
        # times faster than a case-insensitive alternation of hundreds of forms.
        lower = text.lower()
        if len(lower) != len(text):  # a character whose lower case is longer: positions would shift
            pattern = re.compile(self.en_pattern.pattern, re.IGNORECASE)
            return [(m.start(), m.end(), self.en_keys[m.group(0).lower()]) for m in pattern.finditer(text)]
        return [(m.start(), m.end(), self.en_keys[m.group(0)]) for m in self.en_pattern.finditer(lower)]

    def keys_in(self, ja: str, en: str) -> set:
        """Every key named in either language of a passage."""
        return {k for *_, k in self.find_ja(ja)} | {k for *_, k in self.find_en(en)}


def english_pattern(forms, ignore_case: bool = True) -> re.Pattern | None:
    """Any of the English forms as whole words, longest first (case-insensitive
    unless the caller lower-cases both sides itself)."""
    if not forms:
        return None
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # A form may start or end with a non-word character ("@sama"), so the
    # boundary is "no word character or hyphen next to it".
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE if ignore_case else 0)
