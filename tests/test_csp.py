"""The Content-Security-Policy (build_scripts/web/csp.py).

In the built site: the policy is the first element of every page's <head>,
and each inline script and style in a page is allowed by its hash (and
nothing else is allowed in line). In Chromium: every page of both language
sites loads with no violation and no console error, and search, the language
switcher, the view control, glossary tooltips and printing still work under
the policy. A page whose text carries a script in line has it blocked.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from build_scripts.search.evaluate import PLACEHOLDER, serve
from build_scripts.web import csp

DOC = "/documents/altman-interview-27-questions/"
TERM_DOC = "/documents/altman-nadella-podcast-summary/"
# one page of each type, in both languages: the walk over the site must meet them all
PAGE_TYPES = {
    "home": "",
    "document": "documents/altman-blackrock-infrastructure-summit/",
    "glossary": "glossary/",
    "topic": "topics/power-energy/",
    "topics": "topics/",
    "people": "people/",
    "figures": "figures/",
    "timeline": "timeline/",
    "status": "status/",
    "about": "about/",
}
META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">')

# --- the policy in the built files -------------------------------------------------------------


class _Inline(HTMLParser):
    """Inline scripts (with their type) and styles, and the attributes a
    policy without 'unsafe-inline' blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[str | None, str]] = []
        self.styles: list[str] = []
        self.attributes: list[str] = []
        self._open: tuple[str, str | None, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.attributes += [
            f"<{tag} {k}>"
            for k, v in attrs
            if k == "style" or k.startswith("on") or (v or "").strip().lower().startswith("javascript:")
        ]
        if tag == "style" or (tag == "script" and "src" not in a):
            self._open = (tag, a.get("type"), [])

    def handle_data(self, data):
        if self._open:
            self._open[2].append(data)

    def handle_endtag(self, tag):
        if self._open and self._open[0] == tag:
            text = "".join(self._open[2])
            if tag == "script":
                self.scripts.append((self._open[1], text))
            else:
                self.styles.append(text)
            self._open = None


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        assert name not in parsed, f"{name} twice"
        parsed[name] = values
    return parsed


def page_policy(html: str) -> dict[str, list[str]]:
    head = re.search(r"<head>", html)
    assert head, "no <head>"
    meta = META.match(html, head.end())
    assert meta, "the policy is not the first element of <head>"
    assert html.count('http-equiv="Content-Security-Policy"') == 1
    return directives(meta.group(1))


@pytest.mark.slow
def test_every_page_carries_the_policy_first_and_hashes_exactly_its_inline_code(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 70 and built_site / "404.html" in pages
    hashed = 0
    for path in pages:
        name = str(path.relative_to(built_site))
        html = path.read_text(encoding="utf-8")
        policy = page_policy(html)
        # the charset must still be declared within the first 1024 bytes
        charset = b'<meta charset="utf-8">'
        assert 0 < html.encode("utf-8").find(charset) <= 1024 - len(charset), name
        assert policy["default-src"] == ["'self'"] and policy["worker-src"] == ["'self'"], name
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], name
        assert not [v for values in policy.values() for v in values if v.startswith("'unsafe-")], name
        found = _Inline()
        found.feed(html)
        found.close()
        assert not found.attributes, f"{name}: {found.attributes} would be blocked"
        data = {t for t, _ in found.scripts if t is not None and t != "module"}
        assert data <= {"application/json"}, f"{name}: scripts of type {data}"
        scripts = {sha256(text) for t, text in found.scripts if t is None or t == "module"}
        styles = {sha256(text) for text in found.styles}
        assert set(policy["script-src"]) == {"'self'"} | scripts, name
        assert set(policy["style-src"]) == {"'self'"} | styles, name
        hashed += len(scripts)
    assert hashed >= 2 * len(pages), "Material's inline scripts were not found"


@pytest.mark.slow
def test_our_first_paint_script_is_a_file(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>", 1)[0]
    assert '<script src="assets/parallel-early.js"></script>' in head
    assert "bilingual-view" not in "".join(re.findall(r"<script>(.*?)</script>", html, re.S))
    assert "bilingual-view" in (built_site / "assets" / "parallel-early.js").read_text(encoding="utf-8")


# --- the hook on its own ------------------------------------------------------------------------

THEME = (
    '<!doctype html><html><head><meta charset="utf-8"><script>var a=1</script>'
    '<script id="__config" type="application/json">{"x": 1}</script><style>p{color:red}</style></head>'
    "<body><article>{content}</article><script>var b=2\r\n</script></body></html>"
)


def test_the_hash_is_the_one_browsers_compute():
    # the example of the CSP specification (https://www.w3.org/TR/CSP3/#grammardef-hash-source)
    assert csp.source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    # the parser turns CR LF into LF before the browser hashes
    assert csp.source_hash("a\r\nb\rc") == csp.source_hash("a\nb\nc")


def test_the_theme_is_hashed_and_the_content_is_not():
    content = '<p>text</p><script>window.__pwned = 1</script><p onclick="x()" style="color:red">x</p>'
    html, blocked = csp.with_policy(THEME.replace("{content}", content), content)
    policy = page_policy(html)
    assert policy["script-src"] == ["'self'", csp.source_hash("var a=1"), csp.source_hash("var b=2\n")]
    assert policy["style-src"] == ["'self'", csp.source_hash("p{color:red}")]
    assert blocked.scripts == ["window.__pwned = 1"]
    assert blocked.attributes == ["<p onclick>", "<p style>"]
    # the page is otherwise unchanged
    assert META.sub("", html, count=1) == THEME.replace("{content}", content)


def test_data_blocks_and_scripts_with_a_source_need_no_hash():
    assert csp.runs(None) and csp.runs("module") and csp.runs("text/javascript; charset=utf-8")
    assert not csp.runs("application/json") and not csp.runs("text/plain")
    found = csp.find_inline('<script src="a.js"></script><script type="application/ld+json">{}</script>')
    assert found.scripts == [] and found.styles == []


def test_under_serve_scripts_in_line_are_allowed_for_live_reload():
    page = THEME.replace("{content}", "")
    assert "'unsafe-inline'" not in csp.with_policy(page)[0]
    csp.on_startup(command="serve", dirty=False)
    try:
        html = csp.on_post_template(page, template_name="404.html", config=None)
    finally:
        csp.on_startup(command="build", dirty=False)
    policy = page_policy(html)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]  # no hash: it would void 'unsafe-inline'
    assert policy["style-src"] == ["'self'", csp.source_hash("p{color:red}")]
    assert csp.on_post_template("<urlset/>", template_name="sitemap.xml", config=None) == "<urlset/>"


def test_a_page_whose_content_cannot_be_told_apart_is_refused():
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="content"):
        csp.with_policy(THEME.replace("{content}", "<p>a</p>"), "<p>b</p>")
    with pytest.raises(PluginError, match="already"):
        csp.with_policy(csp.with_policy(THEME)[0])


# --- in Chromium ------------------------------------------------------------------------------

RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
  {directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber,
   sample: e.sample}));
"""


class Watch:
    """The CSP violations and console errors of a page, per document."""

    def __init__(self, page) -> None:
        self.page = page
        self.errors: list[str] = []
        page.add_init_script(RECORD)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: uncaught {error}"))

    def _console(self, message) -> None:
        if message.type != "error":
            return
        # Material asks the folder of each page's <link rel=alternate> for a sitemap.xml
        # (mkdocs-static-i18n's alternates are pages, so these are 404s): not the policy's doing
        url = message.location.get("url", "")
        if message.text.startswith("Failed to load resource") and url.endswith("/sitemap.xml"):
            return
        self.errors.append(f"{self.page.url}: {message.text}")

    def problems(self) -> list:
        found = self.page.evaluate("window.__violations || []") + self.errors
        self.errors = []
        return found

    def assert_clean(self) -> None:
        problems = self.problems()
        assert not problems, problems


@pytest.fixture
def watched(page):
    return Watch(page)


TABS = 6  # pages loaded side by side: the wait after load is spent once per batch, not per page


@pytest.mark.browser
@pytest.mark.slow
def test_every_page_of_both_sites_loads_without_a_violation(page, watched, built_site, site_server):
    paths = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    urls = ["404.html" if p == "404.html" else p.removesuffix("index.html") for p in paths]
    for lang in ("", "en/"):
        missing = [kind for kind, path in PAGE_TYPES.items() if lang + path not in urls]
        assert not missing, f"no {missing} page on the {lang or 'ja/'} site"
    foreign = []
    tabs = [(page, watched)]
    for _ in range(TABS - 1):  # more tabs of the same context, watched and fenced like the first
        tab = page.context.new_page()
        tab.on(
            "request",
            lambda r: None if r.url.startswith((site_server.url, "data:", "blob:")) else foreign.append(r.url),
        )
        tabs.append((tab, Watch(tab)))
    problems = {}
    for start in range(0, len(urls), TABS):
        batch = list(zip(urls[start : start + TABS], tabs, strict=False))  # the last batch is short
        for url, (tab, _) in batch:
            tab.goto(f"{site_server.url}/{url}", wait_until="commit")
        for _, (tab, _) in batch:
            tab.wait_for_load_state("load")  # the page, its styles and images
        page.wait_for_timeout(150)  # Material's bundle at work after load (tooltips, sitemap fetches)
        for url, (_, watch) in batch:
            found = watch.problems()
            if found:
                problems[url] = found
    assert not foreign, f"requests left the site: {foreign}"
    assert not problems, problems


@pytest.mark.browser
@pytest.mark.slow
def test_search_works_under_the_policy(page, watched, site_server):
    page.goto(site_server.url + "/")
    box = page.locator(".md-search__input")
    box.click()
    page.locator(".md-search-result__meta").filter(has_text=PLACEHOLDER["ja"]).wait_for()
    box.type("ムーアの法則")
    box.press("End")  # Japanese text is typed without key events; Material searches on keyup
    page.locator(".md-search-result__link[href*='#q9']").first.wait_for()
    watched.assert_clean()  # the worker started and answered
    page.locator(".md-search-result__link[href*='#q9']").first.click()
    page.wait_for_url(re.compile(r"#q9"))
    mark = page.locator("mark[data-md-highlight]").first
    mark.wait_for()
    assert "ムーアの法則" in mark.text_content()
    watched.assert_clean()
    page.goto(site_server.url + "/en/")
    box.click()
    page.locator(".md-search-result__meta").filter(has_text=PLACEHOLDER["en"]).wait_for()
    box.type("Moore")
    box.press("End")
    page.locator(".md-search-result__item .md-search-result__link").first.wait_for()
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_the_language_switcher_and_the_view_control_work_under_the_policy(page, watched, site_server):
    page.goto(site_server.url + DOC + "#p3")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/en" + DOC + "#p3")
    watched.assert_clean()
    page.get_by_label("English only").check()
    assert page.locator("#q1 .col-en").is_visible() and not page.locator("#q1 .col-ja").is_visible()
    # the stored view is applied by parallel-early.js in <head>, even with parallel.js missing
    page.route("**/assets/parallel.js", lambda route: route.abort())
    page.goto(site_server.url + DOC)
    assert page.locator("html").get_attribute("data-view") == "en"
    assert not page.locator("#q1 .col-ja").is_visible()
    assert [p.split(": ", 1)[1] for p in watched.problems()] == ["Failed to load resource: net::ERR_FAILED"]
    page.unroute("**/assets/parallel.js")
    page.goto(site_server.url + DOC)
    page.get_by_role("radio", name="日英対訳").check()
    assert page.locator("#q1 .col-en").is_visible() and page.locator("#q1 .col-ja").is_visible()
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_tooltips_and_printing_work_under_the_policy(page, watched, site_server):
    page.goto(site_server.url + TERM_DOC)
    term = page.locator("a.term[href$='#warm-shell']").first
    title = term.get_attribute("title")
    assert title
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(".md-tooltip--active, .md-tooltip2--active").first
    tooltip.wait_for()
    assert title in tooltip.text_content()
    watched.assert_clean()
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".view-control", "#p2 .seg-link"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    assert page.locator("#p2 .col-en").is_visible() and page.locator("#p2 .col-ja").is_visible()
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_a_script_in_the_text_of_a_page_is_blocked(altered_site, browser):
    """docs/hostile.ja.md of the altered site: conftest.HOSTILE_PAGE."""
    site = altered_site.site
    # the build says so (and --strict would stop on it)
    assert re.search(
        r"WARNING .*csp: hostile\.ja\.md has 1 inline script\(s\), 1 <style> element\(s\), <img onerror>",
        altered_site.log,
    ), altered_site.log[-2000:]
    html = (site / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned = 1;</script>" in html  # left in the page as it was written
    assert csp.source_hash("window.__pwned = 1;") not in page_policy(html)["script-src"]
    with serve(site) as url:
        context = browser.new_context()
        page = context.new_page()
        watch = Watch(page)
        page.goto(url + "/hostile/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("getComputedStyle(document.body).display") != "none"
        # the theme's own inline scripts, allowed by hash, still ran
        assert page.evaluate("typeof __md_get") == "function"
        violations = page.evaluate("window.__violations")
        blocked = sorted((v["directive"], v["blocked"]) for v in violations)
        assert blocked == [("script-src-attr", "inline"), ("script-src-elem", "inline"), ("style-src-elem", "inline")]
        assert any("Content Security Policy" in e for e in watch.errors)
        context.close()
