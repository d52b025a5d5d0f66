"""Search as a reader uses it: typed into the real site in headless Chromium.

Two judged sets, scored by build_scripts/search/metrics.py on what the search
box shows (build_scripts/search/evaluate.py drives the box):
- tests/relevance/<lang>.yml, queries in a reader's own words, graded: in each
  language recall@10 >= 0.75, nDCG@10 >= 0.65, precision >= 0.80, and every
  query that must find nothing finds nothing (issue 12);
- tests/search_queries.yml, the exact words of the texts: recall@10 >= 0.95
  over all the results, and >= 0.95 over the first screen of results.
Each language's set is typed once, on one page, and shared by the tests. The
figures of each run are written to test-artifacts/search-<set>-<lang>.txt.
"""

from __future__ import annotations

import gzip
import re
import statistics

import pytest

from build_scripts.pipeline import Paths, load
from build_scripts.search.evaluate import (
    PLACEHOLDER,
    SiteMap,
    first_screen,
    open_search,
    page_and_anchor,
    run_queries,
    score_run,
)
from build_scripts.search.judged import exact_words_path, load_exact_words, load_relevance_sets
from build_scripts.search.metrics import by_class, summarise

from .conftest import ROOT

EXACT = load_exact_words(exact_words_path(ROOT))
JUDGED = load_relevance_sets(ROOT)
EXACT_TARGET = 0.95
RECALL, NDCG, PRECISION = 0.75, 0.65, 0.80
# The judged sets' thresholds are met for nDCG@10 and precision in both languages
# (asserted), not yet for recall@10 (0.63 ja, 0.56 en: README, "Search"). Remove the
# mark when recall reaches 0.75 in each (strict: an unexpected pass fails).
ENGINE_PENDING = pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="judged-set recall@10 below 0.75 (issue 12)"
)


@pytest.fixture(scope="module")
def sitemap():
    return SiteMap(load(Paths(ROOT)).documents)


@pytest.fixture(scope="module")
def typed(browser, site_server, built_site, sitemap, artifacts):
    """(set, lang) -> (queries, run): both sets typed in sequence into our search box,
    on one page per language, once for all the tests."""
    runs = {}

    def get(name: str, lang: str):
        if lang not in runs:
            judged, exact = JUDGED[lang], [q for q in EXACT if q.lang == lang]
            texts = [q.text for q in judged + exact]
            run = run_queries(browser, site_server.url, built_site, "ours", lang, texts, sitemap)
            runs[lang] = {"judged": (judged, run.part(0, len(judged))), "exact": (exact, run.part(len(judged)))}
            for set_name, (queries, part) in runs[lang].items():
                _write_figures(artifacts / f"search-{set_name}-{lang}.txt", queries, part, sitemap)
        return runs[lang][name]

    return get


def _write_figures(path, queries, run, sitemap):
    scores = score_run(run, queries, sitemap)
    lines = [f"{summarise(scores)}", f"median latency ms: {run.median_latency()}"]
    lines += [f"  {cls}: {s}" for cls, s in by_class(scores).items()]
    screen = first_screen(run, queries, sitemap)
    lines.append(f"first-screen recall: {statistics.fmean(screen):.3f}")
    lines += [
        f"{s.text}\trecall {s.recall:.2f}\tnDCG {s.ndcg:.2f}\tprecision {s.precision}\t{list(s.top)}" for s in scores
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_query_sets_are_large_and_varied():
    kinds = {q.cls for q in EXACT}
    assert len(EXACT) >= 60
    assert {q.lang for q in EXACT} == {"ja", "en"}
    assert {"compound", "katakana", "none"} <= kinds
    assert sum(q.none for q in EXACT) >= 4
    assert all(len(queries) >= 60 for queries in JUDGED.values())


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_search_finds_the_words_readers_type(typed, sitemap, lang):
    queries, run = typed("exact", lang)
    s = summarise(score_run(run, queries, sitemap))
    assert s.recall >= EXACT_TARGET, s
    assert s.hit_rate >= EXACT_TARGET, s
    assert s.none_ok == s.none_total, s.failing


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_words_are_found_on_the_first_screen(typed, sitemap, lang):
    """Recall over the results visible at 1280x900 without scrolling the result list."""
    queries, run = typed("exact", lang)
    screen = first_screen(run, queries, sitemap)
    assert statistics.fmean(screen) >= EXACT_TARGET


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_what_search_finds_for_readers_is_right_and_ranked_well(typed, sitemap, lang):
    queries, run = typed("judged", lang)
    s = summarise(score_run(run, queries, sitemap))
    assert s.ndcg >= NDCG and s.precision >= PRECISION, s


@pytest.mark.browser
@pytest.mark.parametrize("lang", [pytest.param("ja", marks=ENGINE_PENDING), pytest.param("en", marks=ENGINE_PENDING)])
def test_search_finds_what_readers_mean(typed, sitemap, lang):
    queries, run = typed("judged", lang)
    s = summarise(score_run(run, queries, sitemap))
    assert s.recall >= RECALL, s


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_what_is_not_in_the_texts_finds_nothing(typed, sitemap, lang):
    queries, run = typed("judged", lang)
    s = summarise(score_run(run, queries, sitemap))
    assert s.none_total >= 4
    assert s.none_ok == s.none_total, s.failing


@pytest.mark.browser
@pytest.mark.parametrize(
    "text", ["推論チップ", "民主的プロセス", "ムーアの法則", "公共サービス", "レート制限", "Stargate", "Stargate 向け"]
)
def test_the_queries_stock_search_failed_are_found(page, site_server, text):
    assert open_search(page, site_server.url, "ja").search(text).links, f"{text} found nothing"


@pytest.mark.browser
def test_each_site_searches_its_own_language(page, site_server):
    ja = open_search(page, site_server.url, "ja").search("データセンター").hrefs
    en = open_search(page, site_server.url, "en").search("data centre").hrefs
    assert ja and en
    assert not any("/en/" in href for href in ja)
    assert all("/en/" in href for href in en)
    # no duplicated results
    for hrefs in (ja, en):
        places = [page_and_anchor(href) for href in hrefs]
        assert len(set(places)) == len(places)


def _search(page, url: str, text: str, lang: str = "ja"):
    page.goto(url)
    box = page.locator(".md-search__input")
    box.click()
    page.locator(".md-search-result__meta").filter(has_text=PLACEHOLDER[lang]).wait_for()
    box.type(text)
    box.press("End")
    return page.locator(".md-search-result__item .md-search-result__link")


@pytest.mark.browser
def test_a_result_leads_to_the_passage_with_the_match_highlighted(page, site_server, artifacts):
    links = _search(page, site_server.url + "/", "ムーアの法則")
    links.first.wait_for()
    page.locator(".md-search-result__link[href*='#q9']").first.click()
    page.wait_for_url(re.compile(r"#q9"))
    target = page.url.split("#", 1)[1]
    passage = page.locator(f"[id='{target}']")
    assert passage.is_visible()
    mark = page.locator("mark[data-md-highlight]").first
    mark.wait_for()
    assert "ムーアの法則" in mark.text_content()
    page.screenshot(path=str(artifacts / "search-result-landing.png"))


@pytest.mark.browser
def test_english_results_are_english_passages(page, site_server):
    links = _search(page, site_server.url + "/en/", "Moore", "en")
    links.first.wait_for()
    texts = page.locator(".md-search-result__article").all_text_contents()
    assert texts and not any(re.search(r"[\u3040-\u30ff]", t) for t in texts)


FIRST_QUERY_BUDGET = 150 * 1000  # gzipped bytes at 1x (the 150 KB)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("prefix", "lang", "text"), [("/", "ja", "データセンターの電力はどうなる"), ("/en/", "en", "data centre power")]
)
def test_nothing_loads_for_search_before_the_box_is_focused(page, site_server, prefix, lang, text):
    """A page view downloads nothing for search (our index, our worker or
    Material's index); the first query stays within its byte budget."""
    requests = []
    page.on("requestfinished", lambda r: requests.append(r))
    page.goto(site_server.url + prefix)
    page.wait_for_load_state("networkidle")
    loaded = [r.url for r in requests if "/search/" in r.url and not r.url.endswith("/page.js")]
    assert not loaded, loaded
    requests.clear()
    links = _search(page, site_server.url + prefix, text, lang)
    links.first.wait_for()
    page.wait_for_load_state("networkidle")
    fetched = {r.url: r for r in requests if "/assets/search/" in r.url}
    assert any("lexicon.json" in url for url in fetched) and any("/terms/" in url for url in fetched)
    assert not any("search_index" in r.url for r in requests)
    # a 304 (page.js revalidated from the cache when the search navigates) carries no body
    size = sum(len(gzip.compress(r.response().body())) for r in fetched.values() if r.response().status != 304)
    assert size <= FIRST_QUERY_BUDGET, (size, sorted(fetched))


@pytest.mark.browser
def test_the_search_box_says_when_the_index_cannot_load(page, site_server):
    page.route("**/assets/search/lexicon.json", lambda route: route.fulfill(status=503, body="unavailable"))
    page.goto(site_server.url + "/")
    box = page.locator(".md-search__input")
    box.click()
    box.type("電力")
    box.press("End")
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="検索インデックスを読み込めませんでした").wait_for(timeout=10000)
