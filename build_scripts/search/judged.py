"""The judged query sets, loaded in one place for the tests and the benchmark.

- tests/relevance/<lang>.yml: queries in a reader's own words, each passage
  graded 2 (about it) or 1 (mentions it); class `none` must find nothing.
- tests/search_queries.yml: the older exact-word set; its `expected` passages
  contain what was typed and count as grade 1; kind `none` must find nothing.

A passage is "seed:id" (the seed's file stem and the passage id); `title` is
the document page itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..model import LANGS

GRADES = (1, 2)


@dataclass(frozen=True)
class JudgedQuery:
    text: str
    lang: str
    cls: str  # the relevance sets' class, or the exact-word set's kind
    relevant: dict[str, int] = field(default_factory=dict, hash=False)  # "seed:id" -> grade
    intent: str = ""

    @property
    def none(self) -> bool:
        return not self.relevant


def relevance_path(root: Path, lang: str) -> Path:
    return root / "tests" / "relevance" / f"{lang}.yml"


def exact_words_path(root: Path) -> Path:
    return root / "tests" / "search_queries.yml"


def load_relevance(path: Path) -> list[JudgedQuery]:
    """One language's graded set (tests/relevance/<lang>.yml)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lang = data["lang"]
    queries = []
    for item in data["queries"]:
        relevant = {str(key): int(grade) for key, grade in (item.get("relevant") or {}).items()}
        bad = {key: grade for key, grade in relevant.items() if grade not in GRADES or ":" not in key}
        if bad:
            raise ValueError(f"{path}: {item['query']!r}: grades must be 1 or 2 on seed:id keys: {bad}")
        if (item["class"] == "none") != (not relevant):
            raise ValueError(f"{path}: {item['query']!r}: class none, and only it, has no relevant passage")
        queries.append(JudgedQuery(str(item["query"]), lang, item["class"], relevant, item.get("intent", "")))
    return queries


def load_relevance_sets(root: Path) -> dict[str, list[JudgedQuery]]:
    return {lang: load_relevance(relevance_path(root, lang)) for lang in LANGS}


def load_exact_words(path: Path) -> list[JudgedQuery]:
    """The exact-word set (tests/search_queries.yml), both languages."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        JudgedQuery(str(q["query"]), q["lang"], q["kind"], dict.fromkeys(q["expected"] or (), 1))
        for q in data["queries"]
    ]


def spread(queries: list[JudgedQuery], n: int) -> list[JudgedQuery]:
    """A fixed subset of ``n`` queries spread evenly over the set (every class is
    represented, since the sets list their queries class by class)."""
    if n >= len(queries):
        return list(queries)
    return [queries[i * len(queries) // n] for i in range(n)]
