"""Japanese words, read by SudachiPy at build time (the worker has no dictionary).

Two things travel from the dictionary to the worker, both computed from the
corpus's own Japanese:

- Spelling groups (表記ゆれ): the written forms that Sudachi gives one
  normalised form (売上 and 売り上げ, ロイヤリティ and ロイヤリティー, 当り and
  当たり, 潰れ and 潰れる), each group listing the forms the texts use, the
  dictionary's own form, and the forms with fewer okurigana that the
  dictionary reads as the same word (売上げ, 当り). A query part holding one of
  them is also tried with the others.
- Function words: the hiragana words of the corpus (particles, auxiliaries,
  conjugation endings, formal nouns), its pronouns and conjunctions. The
  worker drops them from a query (…はどうなる, …をどう見ている), so that they
  never block a match.

sudachidict-small: its normalised forms on this corpus are those of the core
dictionary but for a few loanwords and names (see tests/test_search_normalise.py),
at about half the size on disk.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable

from .normalise import normalise

CONTENT = {"名詞", "動詞", "形容詞", "形状詞", "副詞", "接頭辞", "接尾辞"}
FUNCTION = {"助詞", "助動詞", "接続詞", "連体詞", "代名詞", "感動詞"}
HIRAGANA = re.compile(r"[\u3041-\u3096ー]+")
KANJI_THEN_KANA = re.compile(r"(?<=[\u3400-\u9fff々])[\u3041-\u3096]+")
DIGITS = re.compile(r"[\d.,]+")


@functools.lru_cache(maxsize=1)
def _tokenizer():
    from sudachipy import Dictionary

    return Dictionary(dict="small").tokenizer()


def _morphemes(text: str):
    from sudachipy import SplitMode

    tokenizer = _tokenizer()
    for mode in (SplitMode.C, SplitMode.A):
        yield from tokenizer.tokenize(text, mode)


def analyse(texts: Iterable[str]) -> tuple[list[list[str]], list[str]]:
    """(spelling groups, function words) of the Japanese ``texts``, all normalised."""
    groups: dict[str, set[str]] = defaultdict(set)
    function: set[str] = set()
    for text in texts:
        for m in _morphemes(text):
            surface, pos = m.surface(), m.part_of_speech()
            norm = normalise(surface)
            if not norm.strip():
                continue
            if pos[0] in FUNCTION or HIRAGANA.fullmatch(norm):
                if pos[0] != "補助記号":
                    function.add(norm)
                continue
            if pos[0] not in CONTENT or pos[1] == "数詞" or DIGITS.fullmatch(m.normalized_form()):
                continue
            key = m.normalized_form()
            groups[key].add(norm)
    out = []
    for key, forms in groups.items():
        forms = forms | {normalise(key)} | _shorter_okurigana(key)
        forms = {f for f in forms if len(f) >= 2 and f not in function}
        if len(forms) >= 2:
            out.append(sorted(forms, key=lambda f: (-len(f), f)))
    return sorted(out), sorted(function)


@functools.cache
def _shorter_okurigana(word: str) -> frozenset[str]:
    """Forms of ``word`` with okurigana left out that the dictionary reads as
    the same word (当たり → 当り, 売り上げ → 売上げ, 売上)."""
    runs = [m.span() for m in KANJI_THEN_KANA.finditer(word)]
    if not runs or len(runs) > 3:
        return frozenset()
    candidates = set()
    for mask in range(1, 1 << len(runs)):
        out, last = [], 0
        for i, (start, end) in enumerate(runs):
            out.append(word[last:start])
            # drop the run's first kana (当たり → 当り) unless it is the last kana of the word
            out.append(word[start + 1 : end] if mask & (1 << i) else word[start:end])
            last = end
        out.append(word[last:])
        candidates.add("".join(out))
    for run in runs:  # and every run dropped whole (売り上げ → 売上)
        candidates.add(word[: run[0]] + word[run[1] :])
    found = set()
    for candidate in candidates - {word}:
        morphemes = list(_tokenizer().tokenize(candidate))
        if len(morphemes) == 1 and morphemes[0].normalized_form() == word:
            found.add(normalise(candidate))
    return frozenset(found)
