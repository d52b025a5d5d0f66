"""Glossary, topics, people, figures and timeline: data, pages and links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from build_scripts.pipeline import Paths, load
from build_scripts.search.evaluate import open_search, page_and_anchor

from .conftest import ROOT, run_cli

REFERENCE_PAGES = ["glossary/", "topics/", "people/", "figures/", "timeline/"]


@pytest.fixture(scope="module")
def reference():
    return load(Paths(ROOT)).reference


def test_glossary_has_the_terms_readers_need(reference):
    terms = reference.glossary.by_id()
    assert len(terms) >= 40
    for ident in ("inference-chip", "training-chip", "stateless-api", "warm-shell"):
        term = terms[ident]
        assert term.definition_ja and term.definition_en and term.short_ja and term.short_en
    assert "温室" in terms["warm-shell"].ja_forms
    assert "reasoning" in terms["inference-chip"].definition_en


def test_every_term_occurs_and_every_topic_has_passages(reference):
    assert all(reference.term_passages[t.id] for t in reference.glossary.terms)
    assert len(reference.topics) >= 15
    thin = {
        t.id: len(reference.topic_passages[t.id]) for t in reference.topics if len(reference.topic_passages[t.id]) < 3
    }
    assert not thin


def test_a_term_that_occurs_nowhere_fails_the_build_naming_it(project):
    path = project / "editorial" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text
        + "\n  - id: quantum-annealer\n    ja: 量子アニーラ\n    en: quantum annealer\n    reading: りょうしあにーら\n"
        "    short: {ja: 説明。, en: Explained.}\n    definition: {ja: 説明。, en: Explained.}\n",
        encoding="utf-8",
    )
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert "glossary.yml" in result.stderr and "quantum-annealer" in result.stderr


def test_a_topic_pointing_at_an_unknown_passage_fails_with_file_and_line(project):
    path = project / "editorial" / "topics.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("include: []", 'include: ["000_8428ca6df8ad4a2b:p999"]', 1)
    )
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert re.search(
        r"topics\.yml:\d+: topic 'power-energy' include: unknown passage '000_8428ca6df8ad4a2b:p999'", result.stderr
    )


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_every_reference_page_exists_and_every_link_reaches_its_anchor(built_site, reference, lang_root):
    pages = [lang_root + p for p in REFERENCE_PAGES] + [f"{lang_root}topics/{t.id}/" for t in reference.topics]
    checked, broken = 0, []
    cache: dict[Path, _Links] = {}
    for page in pages:
        html = built_site / page / "index.html"
        assert html.exists(), f"missing page {page}"
        for href in _parse(html).hrefs:
            parts = urlsplit(urljoin(f"http://site/{page}", href))
            if parts.netloc != "site" or not parts.fragment:
                continue
            target = built_site / parts.path.lstrip("/") / "index.html"
            if target not in cache:
                cache[target] = _parse(target) if target.exists() else _Links()
            checked += 1
            if parts.fragment not in cache[target].ids:
                broken.append(f"{page} -> {href}")
    assert checked > 500 and not broken, broken[:10]


def test_topic_pages_list_passages_with_excerpts(built_site, reference):
    for topic in reference.topics:
        for root in ("", "en/"):
            text = (built_site / root / "topics" / topic.id / "index.html").read_text(encoding="utf-8")
            assert text.count('class="ref-excerpt"') == len(reference.topic_passages[topic.id]) >= 3


def test_glossary_order_and_index_bar(built_site):
    ja = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    en = (built_site / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="index-bar".*?>あ</a><a href="#idx-1">か</a>', ja, re.S)
    heads = re.findall(r'<span class="gloss-head" lang="en">(.*?)</span>', en)
    assert heads == sorted(heads, key=str.casefold) and len(heads) >= 40


def test_figures_and_timeline_are_drawn_as_inline_svg(built_site):
    for root in ("", "en/"):
        figures = (built_site / root / "figures" / "index.html").read_text(encoding="utf-8")
        timeline = (built_site / root / "timeline" / "index.html").read_text(encoding="utf-8")
        assert (
            figures.count('<svg class="chart chart-log"') == 2
            and "<script" not in figures.split("<svg", 1)[1].split("</svg>")[0]
        )
        assert "chart-timeline" in timeline
    assert "$1.4 trillion" in (built_site / "en" / "figures" / "index.html").read_text(encoding="utf-8")
    assert "1.4兆ドル" in (built_site / "figures" / "index.html").read_text(encoding="utf-8")


def test_hovering_a_term_shows_its_definition_and_leads_to_its_entry(page, site_server, reference, artifacts):
    page.goto(site_server.url + "/documents/altman-nadella-podcast-summary/")
    term = page.locator("a.term[href$='#warm-shell']").first
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(".md-tooltip--active, .md-tooltip2--active").first
    tooltip.wait_for()
    short = reference.glossary.by_id()["warm-shell"].short_ja
    assert short in tooltip.text_content()
    page.screenshot(path=str(artifacts / "glossary-term-tooltip.png"))
    term.click()
    page.wait_for_url("**/glossary/#warm-shell")
    assert page.locator("dt#warm-shell").is_visible()


def test_term_marking_keeps_text_whole(built_site):
    """The marked page still holds every passage's text (marking adds links, never drops characters)."""
    html = (built_site / "documents" / "altman-nadella-podcast-summary" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "『ウォームシェル』が足りない" in text and html.count('class="term"') >= 10


def test_glossary_variants_work_as_search_synonyms(page, site_server, reference):
    warm = reference.term_passages["warm-shell"]
    wanted = {seg.id for doc, seg in warm if doc.meta.slug == "altman-nadella-podcast-summary"}
    hrefs = open_search(page, site_server.url, "ja").search("温室").hrefs
    found = {anchor for path, anchor in map(page_and_anchor, hrefs) if "altman-nadella-podcast-summary" in path}
    assert wanted <= found | {""} and len(found) >= 2


def test_the_corpus_export_carries_topics_terms_and_people(project):
    import json

    result = run_cli(project, "export", "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    body = [r for r in records if r["kind"] in ("paragraph", "answer", "turn", "item", "attributed")]
    assert sum(bool(r["topics"]) for r in body) / len(body) > 0.7
    warm = next(r for r in records if r["doc"] == "000_8428ca6df8ad4a2b" and r["id"] == "p24")
    assert "warm-shell" in warm["terms"] and "data-centres" in warm["topics"]


def test_glossary_exclusions_are_honoured(reference):
    excluded = [(t, ref) for t in reference.glossary.terms for ref in t.exclude]
    assert excluded, "the glossary lists passages where a form means something else"
    for term, ref in excluded:
        listed = {f"{doc.meta.name}:{seg.id}" for doc, seg in reference.term_passages[term.id]}
        assert ref not in listed


def test_a_glossary_exclusion_naming_no_passage_fails(project):
    path = project / "editorial" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  - id: warm-shell\n", '  - id: warm-shell\n    exclude: ["000_8428ca6df8ad4a2b:p404"]\n', 1)
    )
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert "term 'warm-shell' exclude: unknown passage '000_8428ca6df8ad4a2b:p404'" in result.stderr


def test_a_figure_note_in_one_language_only_fails(project):
    path = project / "editorial" / "figures.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\n    note:\n") + 1  # the first figure's note (not the header comment)
    end = text.index("\n    passages:", start)
    path.write_text(text[:start] + '    note: "English only."' + text[end:], encoding="utf-8")
    result = run_cli(project, "build")
    message = "figure 'compute-commitment-1-4t': `note` must be a mapping (ja, en), not 'English only.'"
    assert result.returncode == 1 and message in result.stderr


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_the_home_page_leads_to_every_reference_page(built_site, lang_root):
    hrefs = set(_parse(built_site / lang_root / "index.html").hrefs)
    assert {p for p in REFERENCE_PAGES} <= hrefs
