"""The search metrics (build_scripts/search/metrics.py) on hand-made rankings,
and the judged sets they are computed against (build_scripts/search/judged.py)."""

from __future__ import annotations

import math

import pytest

from build_scripts.pipeline import Paths, load
from build_scripts.search.evaluate import SiteMap, page_and_anchor
from build_scripts.search.judged import (
    exact_words_path,
    load_exact_words,
    load_relevance,
    load_relevance_sets,
    spread,
)
from build_scripts.search.metrics import (
    Hit,
    by_class,
    first_screen_recall,
    ndcg_at,
    passage_ranking,
    score_query,
    summarise,
)

from .conftest import ROOT

L3 = math.log2(3)


def p(*keys: str) -> Hit:
    """A passage result (a section result when it reaches several passages)."""
    return Hit(tuple(keys), "+".join(keys))


REF = Hit((), "glossary/#term")  # a reference page: not a passage result


def test_a_perfect_ranking_scores_one():
    s = score_query("q", "control", [p("d:a"), p("d:b")], {"d:a": 2, "d:b": 1})
    assert (s.recall, s.ndcg, s.precision, s.zero_hit, s.first_relevant) == (1.0, 1.0, 1.0, False, 1)


def test_ndcg_is_graded_and_discounted_by_rank():
    s = score_query("q", "control", [p("d:b"), p("d:a")], {"d:a": 2, "d:b": 1})
    # DCG = (2^1-1)/log2(2) + (2^2-1)/log2(3); ideal = 3/1 + 1/log2(3)
    assert s.ndcg == pytest.approx((1 + 3 / L3) / (3 + 1 / L3))
    assert s.recall == 1.0


def test_an_irrelevant_result_pushes_the_relevant_one_down():
    s = score_query("q", "control", [p("d:x"), p("d:a")], {"d:a": 2})
    assert s.ndcg == pytest.approx((3 / L3) / 3)
    assert s.precision == 0.5
    assert s.first_relevant == 2


def test_the_same_passage_twice_counts_once_at_its_first_rank():
    once = score_query("q", "c", [p("d:a"), p("d:b")], {"d:a": 2, "d:b": 1})
    twice = score_query("q", "c", [p("d:a"), p("d:a"), p("d:b")], {"d:a": 2, "d:b": 1})
    assert (twice.ndcg, twice.precision, twice.passage_results) == (once.ndcg, once.precision, 2)


def test_non_passage_results_are_left_out_and_counted_above_the_first_passage():
    s = score_query("q", "c", [REF, REF, p("d:a"), REF, p("d:b")], {"d:a": 1})
    assert s.above_first == 2
    assert s.passage_results == 2 and s.results == 5
    assert s.ndcg == 1.0  # the passage ranking starts at d:a
    assert s.precision == 0.5


def test_a_section_is_one_rank_reaching_every_passage_under_its_heading():
    relevant = {"d:a": 1, "d:b": 2, "d:c": 1}
    s = score_query("q", "c", [p("d:h1", "d:a", "d:b"), p("d:x")], relevant)
    assert s.passage_results == 2
    assert s.recall == pytest.approx(2 / 3)
    assert s.ndcg == pytest.approx(3 / (3 + 1 / L3 + 1 / 2))  # the section gains its best new grade
    assert s.precision == 0.5


def test_a_section_gains_only_from_passages_not_reached_before():
    ranking = passage_ranking([p("d:a", "d:b"), p("d:a"), p("d:a", "d:c")], {"d:a": 2, "d:c": 1})
    assert [(r.rank, sorted(r.passages), r.grade) for r in ranking] == [(1, ["d:a", "d:b"], 2), (2, ["d:c"], 1)]


def test_only_the_first_ten_passage_results_count():
    relevant = {"d:rel": 2}
    hits = [p(f"d:x{i}") for i in range(10)] + [p("d:rel")]
    s = score_query("q", "c", hits, relevant)
    assert (s.recall, s.ndcg, s.zero_hit, s.passage_results) == (0.0, 0.0, True, 10)
    assert s.precision == 0.0


def test_recall_is_out_of_at_most_ten_relevant_passages():
    relevant = {f"d:r{i}": 1 for i in range(14)}
    all_found = score_query("q", "c", [p(f"d:r{i}") for i in range(10)], relevant)
    half = score_query("q", "c", [p(f"d:r{i}") for i in range(5)], relevant)
    assert all_found.recall == 1.0 and half.recall == 0.5
    assert all_found.ndcg == 1.0  # the ideal is capped at 10 grades too


def test_recall_is_capped_when_sections_reach_more_than_ten():
    relevant = {f"d:r{i}": 1 for i in range(12)}
    s = score_query("q", "c", [p(*relevant)], relevant)
    assert s.recall == 1.0


def test_ideal_dcg_sorts_the_grades():
    graded, equal = {"d:a": 2, "d:b": 1}, {"d:a": 1, "d:b": 1}
    hits = [p("d:b"), p("d:a")]
    assert ndcg_at(passage_ranking(hits, graded), graded) < 1.0
    assert ndcg_at(passage_ranking(hits, equal), equal) == 1.0


def test_a_none_query_is_right_only_with_no_result_at_all():
    assert score_query("q", "none", [], {}).none_ok
    wrong = score_query("q", "none", [REF], {})
    assert not wrong.none_ok and not wrong.graded and not wrong.zero_hit
    assert wrong.precision is None  # no passage result
    assert score_query("q", "none", [p("d:a")], {}).precision == 0.0


def test_first_screen_recall_counts_only_what_fits_on_the_screen():
    relevant = {"d:a": 1, "d:b": 1, "d:c": 1}
    assert first_screen_recall([REF, p("d:a")], relevant) == 0.5  # two places on the screen, one relevant
    assert first_screen_recall([p("d:a"), p("d:b"), p("d:c"), p("d:x")], relevant) == 1.0
    assert first_screen_recall([p("d:a")], {"d:a": 1}) == 1.0
    assert first_screen_recall([], relevant) == 0.0


def test_summary_averages_and_lists_the_failing_queries():
    scores = [
        score_query("good", "control", [p("d:a")], {"d:a": 2}),
        score_query("miss", "spelling", [p("d:x"), REF], {"d:a": 2}),
        score_query("empty", "spelling", [], {"d:a": 2}),
        score_query("none-ok", "none", [], {}),
        score_query("none-bad", "none", [REF, REF, REF, REF, REF], {}),
        score_query("crowded", "topic", [REF, REF, REF, REF, p("d:a")], {"d:a": 1}),
    ]
    s = summarise(scores)
    assert s.queries == 4
    assert s.recall == pytest.approx(2 / 4)
    assert s.precision == pytest.approx((1 + 0 + 1) / 3)  # "empty" has no passage result
    assert s.precise_queries == 3
    assert s.zero_hit == 2 and s.hit_rate == 0.5
    assert (s.none_ok, s.none_total) == (1, 2)
    assert s.failing == ("miss", "empty", "none-bad (should find nothing)")
    assert (s.above_first_max, s.above_three) == (4, 1)
    assert s.mrr == pytest.approx((1 + 0 + 0 + 1) / 4)
    classes = by_class(scores)
    assert set(classes) == {"control", "spelling", "none", "topic"}
    assert classes["spelling"].zero_hit == 2


# --- the judged sets and where their passages are ----------------------------------------------


@pytest.fixture(scope="module")
def sitemap():
    return SiteMap(load(Paths(ROOT)).documents)


def test_every_judged_passage_exists(sitemap):
    keys = sitemap.keys()
    sets = load_relevance_sets(ROOT)
    unknown = [(q.text, k) for qs in sets.values() for q in qs for k in q.relevant if k not in keys]
    unknown += [(q.text, k) for q in load_exact_words(exact_words_path(ROOT)) for k in q.relevant if k not in keys]
    assert not unknown


def test_the_judged_sets_are_graded_by_class():
    sets = load_relevance_sets(ROOT)
    for lang, queries in sets.items():
        assert all(q.lang == lang for q in queries)
        assert len(queries) >= 60
        assert sum(q.none for q in queries) >= 4
        assert {"control", "other-script", "spelling", "amount", "near-words", "question", "topic"} <= {
            q.cls for q in queries
        }
        assert all(set(q.relevant.values()) <= {1, 2} for q in queries)


def test_a_set_that_breaks_the_rules_is_refused(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("lang: ja\nqueries:\n- query: x\n  class: topic\n  relevant: {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="none"):
        load_relevance(path)
    path.write_text("lang: ja\nqueries:\n- query: x\n  class: topic\n  relevant: {d:p1: 3}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="1 or 2"):
        load_relevance(path)


def test_the_budget_subset_is_fixed_and_spread_over_the_classes():
    queries = load_relevance_sets(ROOT)["ja"]
    subset = spread(queries, 20)
    assert subset == spread(queries, 20) and len(subset) == 20
    assert len({q.cls for q in subset}) >= 7


@pytest.mark.parametrize(
    ("href", "sections", "reached"),
    [
        ("http://h/documents/{slug}/?h=x#p12", False, ["p12"]),
        ("http://h/en/documents/{slug}/#p12", True, ["p12"]),
        ("http://h/documents/{slug}/?h=x#", False, ["title"]),
        ("http://h/documents/{slug}/", False, ["title"]),
    ],
)
def test_a_link_reaches_its_passage(sitemap, href, sections, reached):
    slug, page = next((path.split("/")[1], page) for path, page in sitemap.pages.items() if "blackrock" in path)
    hit = sitemap.hit(href.format(slug=slug), sections)
    assert hit.passages == tuple(f"{page.seed}:{r}" for r in reached)


def test_a_heading_link_of_a_section_engine_reaches_its_section(sitemap):
    path, page = next((path, page) for path, page in sitemap.pages.items() if "blackrock" in path)
    section = sitemap.hit(f"http://h/{path}#h2", sections=True).passages
    assert section[0] == f"{page.seed}:h2" and len(section) > 1
    assert all(page.section[key.split(":", 1)[1]] == "h2" for key in section)
    assert sitemap.hit(f"http://h/{path}#h2", sections=False).passages == (f"{page.seed}:h2",)
    top = sitemap.hit(f"http://h/{path}", sections=True).passages
    assert f"{page.seed}:title" in top and f"{page.seed}:h2" not in top


def test_other_pages_are_not_passages(sitemap):
    assert not sitemap.hit("http://h/glossary/?h=x#compute", True).is_passage
    assert not sitemap.hit("http://h/en/topics/chips/", False).is_passage
    assert page_and_anchor("http://h/en/documents/a%20b/#q9-a2") == ("documents/a b/", "q9-a2")
