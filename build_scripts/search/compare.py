"""How Japanese search should segment text, decided by measurement.

The Japanese queries of tests/search_queries.yml are run, outside the browser,
against the Japanese passages with four ways of matching a query to a passage
(each query part must match; no ranking, no synonyms, no fallback):

  substring    each part occurs in the passage as typed (NFKC, lower case):
               what our worker does
  sudachi-A    SudachiPy (core dictionary), short units: every token of the
               query is a token of the passage, index and query segmented alike
  sudachi-C    the same with SudachiPy's long units (compounds kept whole)
  bigram       every character bigram of the query occurs in the passage
               (an n-gram index, as n-gram search engines do)

Printed per approach: recall of the expected passages, the share of queries
finding at least one, queries that must find nothing and did, and precision
(the share of matched passages that are expected; low = noise).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Callable, Iterator

from sudachipy import Dictionary, SplitMode  # requirements-bench.txt

from ..pipeline import Paths, load
from .judged import exact_words_path, load_exact_words

JAPANESE = "\u3040-\u30ff\u3400-\u9fff"
# as the worker does: a space between Japanese and Latin letters or digits means nothing
SPACE_BY_JAPANESE = re.compile(rf"(?<=[a-z0-9%$.])\s+(?=[{JAPANESE}])|(?<=[{JAPANESE}])\s+(?=[a-z0-9$])")


def normalise(text: str) -> str:
    """NFKC, lower case, spaces between Japanese and Latin dropped (worker.js's normalise)."""
    return SPACE_BY_JAPANESE.sub("", unicodedata.normalize("NFKC", text).lower())


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def matchers() -> dict[str, Callable[[str], Callable[[str], bool]]]:
    """approach -> (query -> (passage text -> matches?))."""
    tokenizer = Dictionary(dict="core").tokenizer()

    def tokens(text: str, mode) -> set[str]:
        return {t.normalized_form().lower() for t in tokenizer.tokenize(normalise(text), mode) if t.surface().strip()}

    cache: dict[tuple[str, str], set[str]] = {}

    def passage_tokens(text: str, mode) -> set[str]:
        key = (text, str(mode))
        if key not in cache:
            cache[key] = tokens(text, mode)
        return cache[key]

    def by_tokens(mode):
        def make(query: str):
            wanted = set().union(*(tokens(part, mode) for part in query.split()))
            return lambda text: wanted <= passage_tokens(text, mode)

        return make

    def substring(query: str):
        parts = normalise(query).split()
        return lambda text: all(p in normalise(text) for p in parts)

    def bigram(query: str):
        grams = set().union(*(_bigrams(p) for p in normalise(query).split()))
        return lambda text: grams <= _bigrams(normalise(text))

    return {
        "substring": substring,
        "sudachi-A": by_tokens(SplitMode.A),
        "sudachi-C": by_tokens(SplitMode.C),
        "bigram": bigram,
    }


def compare(paths: Paths) -> Iterator[str]:
    documents = load(paths).documents
    passages = {f"{d.meta.name}:{s.id}": s.shown("ja")[0] for d in documents for s in d.segments}
    queries = [q for q in load_exact_words(exact_words_path(paths.root)) if q.lang == "ja"]
    queries = [q for q in queries if q.cls != "synonym"]  # synonyms are the glossary's job in every approach
    yield f"segmentation: {len(queries)} Japanese queries against {len(passages)} passages (no ranking)"
    yield f"{'approach':>10} {'recall':>7} {'found':>6} {'none ok':>8} {'precision':>9}  misses"
    for name, make in matchers().items():
        recalls, found, precisions, misses, none_ok, none_total = [], 0, [], [], 0, 0
        for query in queries:
            test = make(query.text)
            matched = {ref for ref, text in passages.items() if test(text)}
            if query.none:
                none_total += 1
                none_ok += not matched
                continue
            expected = set(query.relevant)
            recalls.append(len(matched & expected) / len(expected))
            found += bool(matched & expected)
            precisions.append(len(matched & expected) / len(matched) if matched else 0.0)
            if not matched & expected:
                misses.append(query.text)
        yield (
            f"{name:>10} {statistics.mean(recalls):>7.3f} {found / len(recalls):>6.3f} {none_ok:>4}/{none_total:<3} "
            f"{statistics.mean(precisions):>9.3f}  {', '.join(misses[:6])}{' …' if len(misses) > 6 else ''}"
        )
