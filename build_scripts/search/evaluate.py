"""Search evaluation in the real site: each query of tests/search_queries.yml
is typed into the search box of its language's site in headless Chromium,
and the result links are scored against the expected passages.

Relevance: a result link is relevant to an expected passage when it leads to
that passage (its anchor) or to the section holding it (engines that index by
heading, like Material's stock search; the page itself is the section of the
passages above its first heading). A page link that only heads a group of
anchored results on the same page is not counted as a result of its own.
  hit rate@10   share of queries with a relevant link among the first 10
  recall@10     share of expected passages reached by the first 10 links
                (out of at most 10 per query)
  MRR           mean of 1 / rank of the first relevant link
Queries of kind "none" must find nothing; they are scored apart.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import statistics
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from ..model import Document

PLACEHOLDER = {"ja": "検索キーワードを入力してください", "en": "Type to start searching"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass(frozen=True)
class Query:
    text: str
    lang: str
    kind: str
    expected: tuple[str, ...]  # "seed:segment"


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(q["query"], q["lang"], q["kind"], tuple(q["expected"])) for q in data["queries"]]


def run_queries(page, site_url: str, queries: list[Query]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(lang, query) -> result links as (page path, anchor), in the order shown."""
    results = {}
    for lang in ("ja", "en"):
        prefix = "/" if lang == "ja" else "/en/"
        page.goto(site_url + prefix)
        box = page.locator(".md-search__input")
        box.click()
        meta = page.locator(".md-search-result__meta")
        meta.filter(has_text=PLACEHOLDER[lang]).wait_for(timeout=30000)
        for query in (q for q in queries if q.lang == lang):
            box.fill("")
            box.type(query.text, delay=5)
            box.press("End")  # a keyup, as when an input method commits the text
            page.wait_for_function(
                "([el, placeholder]) => el.textContent.trim() && el.textContent.trim() !== placeholder",
                arg=[meta.element_handle(), PLACEHOLDER[lang]],
            )
            # our worker marks the list with the query it answers: wait for this one's
            page.wait_for_function(
                "([q]) => { const r = document.querySelector('.md-search-result');"
                " return !r.hasAttribute('data-search-query') || r.getAttribute('data-search-query') === q; }",
                arg=[query.text],
            )
            page.wait_for_timeout(120)
            hrefs = page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")
            results[(lang, query.text)] = _locations(hrefs, site_url + prefix)
            box.fill("")
            box.press("End")
    return results


def _locations(hrefs: list[str], base: str) -> list[tuple[str, str]]:
    seen, out = set(), []
    root = urlsplit(base).path
    for href in hrefs:
        parts = urlsplit(href)
        path = unquote(parts.path)
        path = path[len(root) :] if path.startswith(root) else path
        key = (path, parts.fragment)
        if key not in seen:
            seen.add(key)
            out.append(key)
    anchored = {path for path, anchor in out if anchor}
    return [(path, anchor) for path, anchor in out if anchor or path not in anchored]


def section_map(documents: list[Document]) -> dict[str, tuple[str, str]]:
    """seed:segment -> (page path, id of the heading above it)."""
    sections = {}
    for doc in documents:
        heading = ""
        for seg in doc.segments:
            if seg.kind == "heading":
                heading = seg.id
            sections[f"{doc.meta.name}:{seg.id}"] = (f"documents/{doc.meta.slug}/", heading)
    return sections


@dataclass(frozen=True)
class Scores:
    queries: int
    hit_rate: float
    recall: float
    mrr: float
    none_correct: int
    none_total: int
    misses: tuple[str, ...]


def score(queries: list[Query], results: dict, sections: dict, lang: str, k: int = 10) -> Scores:
    hits, recalls, ranks, misses = [], [], [], []
    none_total = none_correct = 0
    for query in (q for q in queries if q.lang == lang):
        links = results[(lang, query.text)]
        if query.kind == "none":
            none_total += 1
            none_correct += not links
            if links:
                misses.append(f"{query.text} (should find nothing)")
            continue
        reached, first = set(), 0
        for rank, (path, anchor) in enumerate(links[:k], start=1):
            covered = {e for e in query.expected if _relevant(path, anchor, e, sections)}
            if covered and not first:
                first = rank
            reached |= covered
        hits.append(bool(first))
        recalls.append(min(1.0, len(reached) / min(len(set(query.expected)), k)))
        ranks.append(1 / first if first else 0.0)
        if not first:
            misses.append(query.text)
    return Scores(
        queries=len(hits),
        hit_rate=statistics.mean(hits) if hits else 0.0,
        recall=statistics.mean(recalls) if recalls else 0.0,
        mrr=statistics.mean(ranks) if ranks else 0.0,
        none_correct=none_correct,
        none_total=none_total,
        misses=tuple(misses),
    )


def _relevant(path: str, anchor: str, expected: str, sections: dict) -> bool:
    page, heading = sections[expected]
    if path != page:
        return False
    segment = expected.split(":", 1)[1]
    return anchor in (segment, heading)


def evaluate(site_url: str, queries: list[Query], documents: list[Document], chromium: str) -> dict[str, Scores]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        results = run_queries(page, site_url, queries)
        browser.close()
    sections = section_map(documents)
    return {lang: score(queries, results, sections, lang) for lang in ("ja", "en")}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Serve a built site on 127.0.0.1 (a free port) while the block runs; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()
