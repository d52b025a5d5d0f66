"""The search boxes a reader types into, driven in headless Chromium: Material's
(ours and stock, the same box) and Pagefind's JavaScript API. See evaluate.py
for what is measured and how results become passages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import site_root
from .metrics import Hit

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
# of the result list's mutations, the number of groups the worker returned, and
# whether its list is complete (ours sends the first groups, then the whole list:
# worker.js FIRST_GROUPS).
MATERIAL_PROBE = """(() => {
  const s = window.__probe = {armed: false, waiting: false, keyup: 0, latency: 0, done: 0, groups: 0, complete: false,
    placeholder: ""};
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => {
        const d = e.data;
        if (d && d.type === 3 && d.data && Array.isArray(d.data.items)) {
          s.groups = d.data.items.length;
          s.complete = !d.data.partial;
        }
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
        done = page.evaluate(
            "() => { window.__probe.armed = true; window.__probe.complete = false; return window.__probe.done; }"
        )
        self.box.fill(text)
        self.box.press("End")
        page.wait_for_function("(n) => window.__probe.done > n", arg=done, timeout=TIMEOUT_MS)
        latency = page.evaluate("() => window.__probe.latency")
        # the results are read from the whole list, as a reader scrolling sees them
        page.wait_for_function("() => window.__probe.complete", timeout=TIMEOUT_MS)
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
