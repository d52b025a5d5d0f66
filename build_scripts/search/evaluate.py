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
  layout and paint not included).
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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..model import LANGS, Document
from ..site.urls import site_root
from .judged import JudgedQuery
from .metrics import Hit, QueryScore, first_screen_recall, score_query

PLACEHOLDER = {"ja": "検索キーワードを入力してください", "en": "Type to start searching"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
ENGINES = ("ours", "stock", "pagefind")
SECTION_ENGINES = {"stock", "pagefind"}
PAGEFIND_PAGES = 10  # page results whose data is read
PAGEFIND_SUBRESULTS = 3  # sub-results Pagefind's UI shows per page
FIRST_LINE_PX = 24  # a result counts as seen when its first line is on the screen
TIMEOUT_MS = 60000  # generous: the 100x corpus loads a large index
SEARCH_PATHS = ("/search/", "/assets/search/", "/assets/javascripts/workers/search", "/assets/javascripts/lunr/")


# --- where the passages are on the built site -------------------------------------------------


@dataclass(frozen=True)
class DocumentPage:
    seed: str
    ids: tuple[str, ...]  # passage ids in page order
    headings: frozenset[str]
    section: dict[str, str] = field(hash=False)  # passage id -> id of the heading above it ("" before the first)


class SiteMap:
    """Maps a result link to the passages it reaches (the pages are those of ``documents``)."""

    def __init__(self, documents: Iterable[Document]):
        self.pages: dict[str, DocumentPage] = {}
        for doc in documents:
            heading, section = "", {}
            for seg in doc.segments:
                if seg.kind == "heading":
                    heading = seg.id
                section[seg.id] = heading
            self.pages[f"documents/{doc.meta.slug}/"] = DocumentPage(
                doc.meta.name,
                tuple(seg.id for seg in doc.segments),
                frozenset(seg.id for seg in doc.segments if seg.kind == "heading"),
                section,
            )

    def keys(self) -> set[str]:
        return {f"{page.seed}:{pid}" for page in self.pages.values() for pid in page.ids}

    def hit(self, href: str, sections: bool) -> Hit:
        path, anchor = page_and_anchor(href)
        page = self.pages.get(path)
        label = f"{path}#{anchor}" if anchor else path
        if page is None:
            return Hit((), label)
        if anchor in page.headings and sections:
            reached = [pid for pid in page.ids if page.section[pid] == anchor]
        elif anchor in page.section:
            reached = [anchor]
        elif not anchor:
            reached = [pid for pid in page.ids if page.section[pid] == ""] if sections else ["title"]
        else:  # an anchor that is no passage: a passage result that reaches nothing judged
            reached = [f"#{anchor}"]
        return Hit(tuple(f"{page.seed}:{pid}" for pid in reached), f"{page.seed}:{anchor or 'title'}")


def page_and_anchor(href: str) -> tuple[str, str]:
    """(page path below its language's root, anchor) of a result link: a document page
    of either language site is the same document."""
    parts = urlsplit(href)
    path = unquote(parts.path).lstrip("/")
    for lang in LANGS:
        root = site_root(lang)
        if root and path.startswith(root):
            path = path[len(root) :]
    return path, unquote(parts.fragment)


# --- what a query showed ----------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    href: str
    visible: bool  # on the first screen, without scrolling the result list


@dataclass(frozen=True)
class Shown:
    """One query's results as shown (group headers left out) and its latency."""

    links: tuple[Link, ...]
    latency_ms: float

    @property
    def hrefs(self) -> list[str]:
        return [link.href for link in self.links]


# Installed before Material's scripts: timestamps of the committing keyup and
# of the result list's mutations, and the number of groups the worker returned.
MATERIAL_PROBE = """(() => {
  const s = window.__probe = {armed: false, waiting: false, keyup: 0, latency: 0, done: 0, groups: 0, placeholder: ""};
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => {
        const d = e.data;
        if (d && d.type === 3 && d.data && Array.isArray(d.data.items)) s.groups = d.data.items.length;
      });
    }
  };
  document.addEventListener("keyup", (e) => {
    if (s.armed && e.target && e.target.matches && e.target.matches(".md-search__input")) {
      s.armed = false; s.waiting = true; s.keyup = e.timeStamp;
    }
  }, true);
  const watch = () => {
    const box = document.querySelector(".md-search-result");
    if (!box) return;
    const meta = box.querySelector(".md-search-result__meta");
    new MutationObserver(() => {
      const text = meta.textContent.trim();
      if (s.waiting && text && text !== s.placeholder) {
        s.latency = performance.now() - s.keyup; s.waiting = false; s.done += 1;
      }
    }).observe(box, {childList: true, subtree: true, characterData: true});
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch); else watch();
})()"""

MATERIAL_READ = """(line) => {
  const wrap = document.querySelector(".md-search__scrollwrap") || document.documentElement;
  const clip = wrap.getBoundingClientRect();
  const top = Math.max(clip.top, 0), bottom = Math.min(clip.bottom, window.innerHeight);
  const items = [...document.querySelectorAll(".md-search-result__list > .md-search-result__item")];
  const links = items.flatMap((li) => [...li.querySelectorAll("a.md-search-result__link")].map((a, i) => {
    const article = a.querySelector("article");
    const score = article ? parseFloat(article.getAttribute("data-md-score")) : NaN;
    const header = i === 0 && !!(article && article.querySelector("h1")) && score === 0;
    const r = a.getBoundingClientRect();
    const folded = !!a.closest("details:not([open])");  // "N more on this page", closed
    const visible = !folded && r.height > 0 && r.top >= top - 1 && r.top + Math.min(r.height, line) <= bottom + 1;
    return {href: a.href, header, visible};
  }));
  return {items: items.length, links};
}"""


# Material renders more results when the list comes to its end (it samples the
# scroll position once per animation frame): when the list is already at its
# end, scroll up and let a frame pass first.
SCROLL_TO_END = """async () => {
  const w = document.querySelector(".md-search__scrollwrap");
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  if (w.scrollTop > 0) { w.scrollTop = 0; await frame(); }
  w.scrollTop = w.scrollHeight;
  await frame();
}"""


class MaterialSearch:
    """Material's search box on one language's site (ours or stock: the same box)."""

    sections = False

    def __init__(self, page, site_url: str, lang: str):
        self.page, self.lang = page, lang
        self.url = f"{site_url}/{site_root(lang)}"
        page.add_init_script(MATERIAL_PROBE)
        self.box = page.locator(".md-search__input")
        self.meta = page.locator(".md-search-result__meta")

    def load(self) -> None:
        self.page.goto(self.url)

    def start(self) -> None:
        """Focus the search box and wait until the engine is ready."""
        self.box.click()
        self.page.evaluate("(p) => { window.__probe.placeholder = p; }", PLACEHOLDER[self.lang])
        self.meta.filter(has_text=PLACEHOLDER[self.lang]).wait_for(timeout=TIMEOUT_MS)

    def search(self, text: str, hit: Callable[[str], Hit] | None = None) -> Shown:
        page = self.page
        if self.box.input_value():  # clear, and let Material show its placeholder again
            self.box.fill("")
            self.box.press("End")
            page.wait_for_function(
                "(p) => document.querySelector('.md-search-result__meta').textContent.trim() === p"
                " && !document.querySelector('.md-search-result__list').children.length",
                arg=PLACEHOLDER[self.lang],
                timeout=TIMEOUT_MS,
            )
        done = page.evaluate("() => { window.__probe.armed = true; return window.__probe.done; }")
        self.box.fill(text)
        self.box.press("End")
        page.wait_for_function("(n) => window.__probe.done > n", arg=done, timeout=TIMEOUT_MS)
        latency = page.evaluate("() => window.__probe.latency")
        first = page.evaluate(MATERIAL_READ, FIRST_LINE_PX)
        links = [Link(x["href"], x["visible"]) for x in first["links"] if not x["header"]]
        visible = {x.href for x in links if x.visible}
        scrolled = False
        # Material renders 10 groups, then more as the list is scrolled to its end.
        while first["items"] < page.evaluate("() => window.__probe.groups") and (
            hit is None or sum(hit(x.href).is_passage for x in links) < 10
        ):
            page.evaluate(SCROLL_TO_END)
            page.wait_for_function(
                "(n) => document.querySelectorAll('.md-search-result__list > .md-search-result__item').length > n",
                arg=first["items"],
                timeout=TIMEOUT_MS,
            )
            first = page.evaluate(MATERIAL_READ, FIRST_LINE_PX)
            links = [Link(x["href"], x["href"] in visible) for x in first["links"] if not x["header"]]
            scrolled = True
        if scrolled:
            page.evaluate("() => { document.querySelector('.md-search__scrollwrap').scrollTop = 0; }")
        return Shown(tuple(links), latency)


PAGEFIND_SEARCH = """async ([q, pages, subs]) => {
  if (!window.__pagefind) {
    window.__pagefind = await import("/pagefind/pagefind.js");
    await window.__pagefind.init();
  }
  const start = performance.now();
  const found = await window.__pagefind.search(q);
  const data = await Promise.all(found.results.slice(0, pages).map((r) => r.data()));
  const latency = performance.now() - start;
  const hrefs = [];
  for (const d of data) {
    const all = d.sub_results || [];
    const root = all.length && all[0].url === d.url;
    if (root) hrefs.push(d.url);
    const rest = root ? all.slice(1) : all;
    const most = [...rest].sort((a, b) => b.locations.length - a.locations.length);
    const best = new Set(most.slice(0, subs).map((s) => s.url));
    for (const s of rest) if (best.has(s.url)) hrefs.push(s.url);
    if (!all.length) hrefs.push(d.url);
  }
  return {hrefs: hrefs.map((h) => new URL(h, location.href).href), latency};
}"""


class PagefindSearch:
    """Pagefind's JavaScript API, from a page of one language's site."""

    sections = True

    def __init__(self, page, site_url: str, lang: str):
        self.page = page
        self.url = f"{site_url}/{site_root(lang)}"

    def load(self) -> None:
        self.page.goto(self.url)

    def start(self) -> None:
        """Nothing to do: Pagefind loads with the first query."""

    def search(self, text: str, hit: Callable[[str], Hit] | None = None) -> Shown:
        out = self.page.evaluate(PAGEFIND_SEARCH, [text, PAGEFIND_PAGES, PAGEFIND_SUBRESULTS])
        return Shown(tuple(Link(h, False) for h in out["hrefs"]), out["latency"])


def open_search(page, site_url: str, lang: str) -> MaterialSearch:
    """The search box of ``lang``'s site on ``page``, loaded and ready for queries."""
    box = MaterialSearch(page, site_url, lang)
    box.load()
    box.start()
    return box


def make_engine(name: str, page, site_url: str, lang: str):
    engine = PagefindSearch(page, site_url, lang) if name == "pagefind" else MaterialSearch(page, site_url, lang)
    engine.sections = name in SECTION_ENGINES
    return engine


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
