"""Search as a reader uses it: typed into the real site in headless Chromium.

The evaluation (tests/search_queries.yml, scored by build_scripts.search_eval)
must reach recall@10 ≥ 0.95 in both languages; the benchmark prints the same
figures next to Material's stock search.
"""

from __future__ import annotations

import gzip
import re

import pytest

from build_scripts.pipeline import Paths, load
from build_scripts.search.evaluate import PLACEHOLDER, Query, load_queries, run_queries, score, section_map

from .conftest import ROOT

QUERIES = load_queries(ROOT / "tests" / "search_queries.yml")
TARGET = 0.95


@pytest.fixture(scope="module")
def documents():
    return list(load(Paths(ROOT)).documents)


def test_query_set_is_large_and_varied():
    kinds = {q.kind for q in QUERIES}
    assert len(QUERIES) >= 60
    assert {q.lang for q in QUERIES} == {"ja", "en"}
    assert {"compound", "katakana", "none"} <= kinds
    assert sum(q.kind == "none" for q in QUERIES) >= 4


def test_expected_passages_exist(documents):
    sections = section_map(documents)
    unknown = [(q.text, e) for q in QUERIES for e in q.expected if e not in sections]
    assert not unknown


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_search_finds_what_readers_type(page, site_server, documents, artifacts, lang):
    queries = [q for q in QUERIES if q.lang == lang]
    results = run_queries(page, site_server.url, queries)
    scores = score(queries, results, section_map(documents), lang)
    (artifacts / f"search-eval-{lang}.txt").write_text(f"{scores}\n", encoding="utf-8")
    assert scores.recall >= TARGET, scores
    assert scores.hit_rate >= TARGET, scores
    assert scores.none_correct == scores.none_total, scores.misses


@pytest.mark.parametrize(
    "text", ["推論チップ", "民主的プロセス", "ムーアの法則", "公共サービス", "レート制限", "Stargate", "Stargate 向け"]
)
def test_the_queries_stock_search_failed_are_found(page, site_server, text):
    results = run_queries(page, site_server.url, [Query(text, "ja", "issue", ())])
    assert results[("ja", text)], f"{text} found nothing"


def test_each_site_searches_its_own_language(page, site_server):
    results = run_queries(
        page, site_server.url, [Query("データセンター", "ja", "", ()), Query("data centre", "en", "", ())]
    )
    ja, en = results[("ja", "データセンター")], results[("en", "data centre")]
    assert ja and en
    # paths are relative to the language's own site: /en/ links would show
    # as "en/…" on the Japanese site, Japanese links as "/…" on the English one
    assert not any(path.startswith("en/") for path, _ in ja)
    assert not any(path.startswith("/") for path, _ in en)
    # no duplicated results
    assert len(set(ja)) == len(ja) and len(set(en)) == len(en)


def _search(page, url: str, text: str, lang: str = "ja"):
    page.goto(url)
    box = page.locator(".md-search__input")
    box.click()
    page.locator(".md-search-result__meta").filter(has_text=PLACEHOLDER[lang]).wait_for()
    box.type(text)
    box.press("End")
    return page.locator(".md-search-result__item .md-search-result__link")


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


def test_english_results_are_english_passages(page, site_server):
    links = _search(page, site_server.url + "/en/", "Moore", "en")
    links.first.wait_for()
    texts = page.locator(".md-search-result__article").all_text_contents()
    assert texts and not any(re.search(r"[\u3040-\u30ff]", t) for t in texts)


FIRST_QUERY_BUDGET = 150 * 1024  # gzipped bytes, at 1x


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
    size = sum(len(gzip.compress(r.response().body())) for r in fetched.values())
    assert size <= FIRST_QUERY_BUDGET, (size, sorted(fetched))


def test_the_search_box_says_when_the_index_cannot_load(page, site_server):
    page.route("**/assets/search/lexicon.json", lambda route: route.fulfill(status=503, body="unavailable"))
    page.goto(site_server.url + "/")
    box = page.locator(".md-search__input")
    box.click()
    box.type("電力")
    box.press("End")
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="検索インデックスを読み込めませんでした").wait_for(timeout=10000)
