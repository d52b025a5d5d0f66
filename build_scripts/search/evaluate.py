"""Search as a reader uses it, driven in headless Chromium (Playwright).

Three engines, each on a built and served site, one fresh browser page per
engine and language, the queries entered in sequence:

- ``ours`` and ``stock``: Material's search box. A query is filled into the box
  and committed with a key press (Material reads the box on keyup, as when an
  input method commits the text); the result links are read from the result
  list in the order shown, with Material's score and bounding box. Material
  groups results per page under a header link; a header whose score is 0 is
  not a match (Material's own worker adds it when only sections of the page
  matched) and is not counted as a result. When fewer than 10 results are
  rendered and the worker returned more groups, the result list is scrolled
  so that Material renders the next ones, as a reader scrolling would.
- ``pagefind``: Pagefind's JavaScript API, imported from a page of the served
  site (Pagefind picks the index of the page's <html lang>); its results are
  listed as Pagefind's own UI lists them with sub-results on: per page, the
  page itself when words matched above its first heading, then at most three
  sub-results (those with the most matches), in page order. The first 10 page
  results are read.

Results become passages (see metrics.py) by the page and anchor they link to:
``ours`` returns passages (an anchor is a passage id, the page itself is its
`title` passage); ``stock`` and ``pagefind`` return sections (an anchor is a
heading: the section reaches every passage up to the next heading; the page
itself reaches the passages above its first heading). A link to any other
page (glossary, topics, people, about…) is not a passage result.

Latency, per query (what the benchmark's median is taken over):
- Material engines: from the keyup that commits the query (the event's own
  timestamp) to the DOM mutation that shows its results in the list (the
  worker's answer and Material's rendering of the first 10 groups; style,
  layout and paint not included). Ours answers with those first groups, then
  with the whole list (worker.js); the links are read from the whole list.
- Pagefind: from calling ``pagefind.search`` to the moment the data of the
  results read (the first 10 pages) has resolved; no rendering.
Bytes: every response the page fetched for search from page load through the
first query's results: requests to search files (indexes, workers, Material's
lunr language files, Pagefind's bundle) and any request made after the search
started. Sizes are the files' bytes as served (our test server does not
compress) and as a gzip server would send them (each body compressed at
level 6, or as it is when that is smaller: Pagefind's files come compressed).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import statistics
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .engines import (
    CHROMIUM_ARGS,
    ENGINES,
    PLACEHOLDER,
    SEARCH_PATHS,
    SECTION_ENGINES,
    VIEWPORT,
    Shown,
    make_engine,
    open_search,
)
from .judged import JudgedQuery
from .metrics import QueryScore, first_screen_recall, score_query
from .sitemap import SiteMap, page_and_anchor

__all__ = ["CHROMIUM_ARGS", "ENGINES", "PLACEHOLDER", "SiteMap", "open_search", "page_and_anchor"]


# --- bytes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Transfer:
    url: str
    raw: int
    gzip: int
    at_load: bool  # fetched before the reader started searching


class RequestLog:
    """Every request the page (and its workers) made, with the phase it was made in."""

    def __init__(self, page, site: Path, engine: str):
        self.site, self.engine = site, engine
        self.searching = False
        self.requests: list[tuple[str, bool]] = []
        page.on("request", lambda r: self.requests.append((r.url, self.searching)))

    def is_search(self, url: str) -> bool:
        path = urlsplit(url).path
        if self.engine == "pagefind":
            return path.startswith("/pagefind/")
        return any(part in path for part in SEARCH_PATHS)

    def transfers(self) -> list[Transfer]:
        seen, out = set(), []
        for url, searching in list(self.requests):
            if url in seen or not url.startswith("http") or not (searching or self.is_search(url)):
                continue
            if self.engine == "pagefind" and not self.is_search(url):
                continue  # the host page's own requests are not Pagefind's
            seen.add(url)
            body = self._body(url)
            packed = min(len(body), len(gzip.compress(body, compresslevel=6)))  # compressed files go as they are
            out.append(Transfer(url, len(body), packed, not searching))
        return out

    def _body(self, url: str) -> bytes:
        path = unquote(urlsplit(url).path).lstrip("/")
        file = self.site / path
        if file.is_dir():
            file = file / "index.html"
        return file.read_bytes() if file.is_file() else b""


# --- a run: one engine, one language, a list of queries ---------------------------------------


@dataclass
class Run:
    engine: str
    lang: str
    shown: list[Shown]
    transfers: list[Transfer]  # through the first query's results
    seconds: float = 0.0
    opens: bool = True  # shown[0] is the first query on the page (it pays for loading)

    def part(self, start: int, stop: int | None = None) -> Run:
        """The results of some of the queries (one page can serve several query sets)."""
        transfers = self.transfers if start == 0 and self.opens else []
        return Run(self.engine, self.lang, self.shown[start:stop], transfers, self.seconds, start == 0 and self.opens)

    def bytes(self, compressed: bool, at_load: bool | None = None) -> int:
        return sum(t.gzip if compressed else t.raw for t in self.transfers if at_load is None or t.at_load == at_load)

    def median_latency(self) -> float | None:
        """Median over every query after the first on the page (the first pays for loading)."""
        later = [s.latency_ms for s in self.shown[1 if self.opens else 0 :]]
        return statistics.median(later) if later else None


def run_queries(
    browser, site_url: str, site: Path, engine: str, lang: str, texts: Sequence[str], sitemap: SiteMap | None = None
) -> Run:
    """Enter ``texts`` in order into ``engine`` on a fresh page of ``lang``'s site."""
    import time

    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        log = RequestLog(page, site, engine)
        driver = make_engine(engine, page, site_url, lang)
        started = time.perf_counter()
        driver.load()
        page.wait_for_load_state("networkidle")
        log.searching = True
        driver.start()
        hit = (lambda href: sitemap.hit(href, driver.sections)) if sitemap else None
        shown, transfers = [], []
        for n, text in enumerate(texts):
            shown.append(driver.search(text, hit))
            if n == 0:
                transfers = log.transfers()
        return Run(engine, lang, shown, transfers, time.perf_counter() - started)
    finally:
        context.close()


def score_run(run: Run, queries: Sequence[JudgedQuery], sitemap: SiteMap) -> list[QueryScore]:
    sections = run.engine in SECTION_ENGINES
    return [
        score_query(q.text, q.cls, [sitemap.hit(link.href, sections) for link in shown.links], q.relevant)
        for q, shown in zip(queries, run.shown, strict=True)
    ]


def first_screen(run: Run, queries: Sequence[JudgedQuery], sitemap: SiteMap) -> list[float]:
    """Per graded query: recall over the results visible without scrolling."""
    sections = run.engine in SECTION_ENGINES
    return [
        first_screen_recall([sitemap.hit(link.href, sections) for link in shown.links if link.visible], q.relevant)
        for q, shown in zip(queries, run.shown, strict=True)
        if not q.none
    ]


# --- a local server ---------------------------------------------------------------------------


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


@contextlib.contextmanager
def chromium(executable: str = "/usr/bin/chromium"):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
