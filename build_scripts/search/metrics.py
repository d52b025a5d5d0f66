"""Search quality from ranked results and graded judgments: pure functions, no browser.

A query's results come in the order the reader sees them, each already mapped
(by search/evaluate.py) to the passages it reaches: one passage for an engine
that returns passages, every passage under a heading for one that returns
sections, none for a result that is not a passage at all (a reference page or
a hand-written page). Passages are "seed:id" keys, as in the judged sets.

The passage ranking keeps the passage results in order; a result that reaches
only passages already reached is a duplicate and takes no rank (the same
passage counts once, at its first rank). A section result is one rank: it
gains the best grade among the passages it newly reaches, and recall counts
every relevant passage it reaches.

For one query, over the first K = 10 passage results:
  recall@10   relevant passages reached / min(number of relevant passages, 10)
              (capped at 1: a section can reach more than 10)
  nDCG@10     DCG = sum over ranks i of (2^g_i - 1) / log2(i + 1), g = 2, 1 or 0;
              divided by the DCG of the grades sorted best first, at most 10
  precision   relevant results / results, among those passage results
              (undefined when there is none: averaged over the queries, `none`
              queries included, that have one)
  zero-hit    no relevant passage among them
  none query  (no relevant passage exists) correct when there is no result at all
Non-passage results above the first passage result are counted apart.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

K = 10


@dataclass(frozen=True)
class Hit:
    """One result as shown: the passages it reaches (none: not a passage result)."""

    passages: tuple[str, ...] = ()
    label: str = ""  # what the reader saw (its link), for reports

    @property
    def is_passage(self) -> bool:
        return bool(self.passages)


@dataclass(frozen=True)
class Ranked:
    """A passage result that took a rank: the passages it newly reached and its grade."""

    rank: int
    passages: frozenset[str]
    grade: int
    label: str


def passage_ranking(hits: Sequence[Hit], relevant: Mapping[str, int]) -> list[Ranked]:
    """The passage results in order, duplicates dropped, each with its gain."""
    seen: set[str] = set()
    out: list[Ranked] = []
    for hit in hits:
        if not hit.is_passage:
            continue
        new = frozenset(hit.passages) - seen
        if not new:
            continue
        seen |= new
        grade = max(relevant.get(p, 0) for p in new)
        out.append(Ranked(len(out) + 1, new, grade, hit.label))
    return out


def dcg(grades: Iterable[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 1) for i, g in enumerate(grades, start=1))


def recall_at(ranking: Sequence[Ranked], relevant: Mapping[str, int], k: int) -> float:
    """Relevant passages reached by the first ``k`` ranked results / min(|relevant|, k)."""
    wanted = {p for p, g in relevant.items() if g > 0}
    if not wanted or k <= 0:
        return 0.0
    reached = set().union(*(r.passages for r in ranking[:k])) & wanted
    return min(1.0, len(reached) / min(len(wanted), k))


def ndcg_at(ranking: Sequence[Ranked], relevant: Mapping[str, int], k: int = K) -> float:
    ideal = dcg(sorted((g for g in relevant.values() if g > 0), reverse=True)[:k])
    return dcg(r.grade for r in ranking[:k]) / ideal if ideal else 0.0


def above_first_passage(hits: Sequence[Hit]) -> int:
    """Non-passage results shown above the first passage result (all of them when there is none)."""
    n = 0
    for hit in hits:
        if hit.is_passage:
            break
        n += 1
    return n


@dataclass(frozen=True)
class QueryScore:
    text: str
    cls: str
    graded: bool  # has relevant passages (else a `none` query)
    results: int  # every result shown, passage or not
    passage_results: int  # passage results within the first K
    recall: float
    ndcg: float
    precision: float | None  # None: no passage result
    zero_hit: bool
    none_ok: bool  # a `none` query that found nothing (False for graded queries)
    above_first: int
    first_relevant: int  # rank of the first relevant passage result (0: none in the first K)
    top: tuple[str, ...]  # the first ranked results' labels, for failure reports


def score_query(text: str, cls: str, hits: Sequence[Hit], relevant: Mapping[str, int], k: int = K) -> QueryScore:
    ranking = passage_ranking(hits, relevant)
    top = ranking[:k]
    graded = any(g > 0 for g in relevant.values())
    first = next((r.rank for r in top if r.grade > 0), 0)
    return QueryScore(
        text=text,
        cls=cls,
        graded=graded,
        results=len(hits),
        passage_results=len(top),
        recall=recall_at(ranking, relevant, k) if graded else 0.0,
        ndcg=ndcg_at(ranking, relevant, k) if graded else 0.0,
        precision=sum(r.grade > 0 for r in top) / len(top) if top else None,
        zero_hit=graded and not first,
        none_ok=not graded and not hits,
        above_first=above_first_passage(hits),
        first_relevant=first,
        top=tuple(r.label for r in top[:3]),
    )


def first_screen_recall(visible: Sequence[Hit], relevant: Mapping[str, int]) -> float:
    """Recall over the results a reader sees without scrolling: relevant passages
    reached by the visible results / min(|relevant|, number of visible results).
    A non-passage result takes a place on the screen like any other."""
    return recall_at(passage_ranking(visible, relevant), relevant, len(visible)) if visible else 0.0


@dataclass(frozen=True)
class Summary:
    queries: int  # graded queries
    recall: float
    ndcg: float
    precision: float  # mean over the queries (`none` ones too) with at least one passage result
    precise_queries: int  # how many those are
    zero_hit: int
    mrr: float
    none_ok: int
    none_total: int
    above_first_mean: float  # over the graded queries that found anything
    above_first_max: int
    above_three: int  # queries with more than three non-passage results above the first passage
    failing: tuple[str, ...]  # zero-hit queries, and `none` queries that found something

    @property
    def hit_rate(self) -> float:
        return 1 - self.zero_hit / self.queries if self.queries else 0.0


def _mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def summarise(scores: Sequence[QueryScore]) -> Summary:
    graded = [s for s in scores if s.graded]
    nones = [s for s in scores if not s.graded]
    precise = [s.precision for s in scores if s.precision is not None]
    shown = [s.above_first for s in graded if s.results]
    failing = [s.text for s in graded if s.zero_hit]
    failing += [f"{s.text} (should find nothing)" for s in nones if not s.none_ok]
    return Summary(
        queries=len(graded),
        recall=_mean([s.recall for s in graded]),
        ndcg=_mean([s.ndcg for s in graded]),
        precision=_mean(precise),
        precise_queries=len(precise),
        zero_hit=sum(s.zero_hit for s in graded),
        mrr=_mean([1 / s.first_relevant if s.first_relevant else 0.0 for s in graded]),
        none_ok=sum(s.none_ok for s in nones),
        none_total=len(nones),
        above_first_mean=_mean(shown),
        above_first_max=max(shown, default=0),
        above_three=sum(n > 3 for n in shown),
        failing=tuple(failing),
    )


def by_class(scores: Sequence[QueryScore]) -> dict[str, Summary]:
    classes: dict[str, list[QueryScore]] = {}
    for s in scores:
        classes.setdefault(s.cls, []).append(s)
    return {cls: summarise(group) for cls, group in classes.items()}
