"""The built site: strict build, no text lost, untrusted text stays text,
reproducible output, a sixth seed published without code changes."""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_scripts.files import read_seed
from build_scripts.pipeline import Paths, load
from build_scripts.source.boilerplate import strip_boilerplate
from build_scripts.source.transcript import EN_LABEL, JA_LABEL
from build_scripts.web.generate import generate

from .conftest import HOSTILE_SEED, ROOT, copy_project, expected_differences, mkdocs_build, run_cli, site_differences

pytestmark = pytest.mark.slow

MARKERS = re.compile(r"^(?:---|[-・◆↓]|Q\d+\.|[IVX]+\.|\d{1,2}\.(?!\d)|\d{1,2}(?=\s))\s*")
TIMESTAMP = re.compile(r"\(\d{2}:\d{2}\)")
CJK = "\u3000-\u9fff\uff00-\uffef"
PIECE = re.compile(rf"[。？！「」『』（）]|[?!](?=\s|$)|(?<=[.?!])\s+|(?<=[{CJK}])\s+|\s+(?=[{CJK}])|\s+-{{1,3}}\s+")


def page_text(path: Path) -> str:
    """The visible text of a built page, without any whitespace."""
    body = path.read_text(encoding="utf-8")
    body = body[body.find("<article") : body.find("</article>")]
    body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def seed_sentences(path: Path) -> list[str]:
    """Every sentence of a seed except its declared boilerplate and the
    transcript's speaker labels (which the page shows as names and times)."""
    rules = load(Paths(ROOT)).rules
    lines, _ = strip_boilerplate(read_seed(path), rules)
    sentences = []
    for line in lines:
        line = line.strip(" \u3000")
        if not line or EN_LABEL.fullmatch(line) or JA_LABEL.fullmatch(line) or line in ("-", "アルトマン:"):
            continue
        line = TIMESTAMP.sub(" ", line)
        # Sentences, cut further at brackets and at spaces next to Japanese
        # (where scraped text ran paragraphs and headings together), so that
        # each piece lies within one passage on the page.
        for part in PIECE.split(line):
            part = MARKERS.sub("", (part or "").strip())
            part = re.sub(r"\s+", "", part)
            if len(part) >= 2:
                sentences.append(part)
    return sentences


def test_no_text_is_lost(built_site):
    documents = list(load(Paths(ROOT)).documents)
    missing = []
    for doc in documents:
        text = page_text(built_site / "documents" / doc.meta.slug / "index.html")
        for sentence in seed_sentences(Path(doc.seed.path)):
            if sentence not in text:
                missing.append(f"{doc.meta.name}: {sentence[:60]}")
    assert not missing, "\n".join(missing)


def test_the_real_site_has_both_languages(built_site):
    documents = list(load(Paths(ROOT)).documents)
    for doc in documents:
        for prefix, lang in (("", "ja"), ("en/", "en")):
            page = built_site / prefix / "documents" / doc.meta.slug / "index.html"
            body = page.read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in body
            assert body.count('class="seg ') >= len(doc.segments) - 1


class _Elements(HTMLParser):
    """Collects the tags and attributes of a fragment of HTML."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(fragment: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(fragment)
    return parser.tags


def test_hostile_seed_stays_text(altered_site):
    for prefix in ("", "en/"):
        page = (altered_site.site / prefix / "documents" / "hostile" / "index.html").read_text(encoding="utf-8")
        article = page[page.find("<article") : page.find("</article>")]
        tags = elements(article)
        names = {tag for tag, _ in tags}
        assert not names & {"script", "img", "strong", "abbr", "iframe"}
        attributes = {name for _, attrs in tags for name in attrs}
        assert not {a for a in attributes if a.startswith("on")}
        assert not any("evil" in (attrs.get("class") or "") for _, attrs in tags)
        assert not any((attrs.get("href") or "").startswith("javascript") for _, attrs in tags)
        text = html.unescape(re.sub(r"<[^>]+>", "", article))
        for line in HOSTILE_SEED.strip().splitlines():
            assert line.lstrip("# ") in text, line  # every line is shown, as typed
        assert "site_name:" not in text  # the snippet was not included


EDITED = "004_56ac1acf06381cac"


def test_an_incremental_build_equals_a_clean_one(built_site, tmp_path):
    """The session's clean build left its cache; a copy of the project with
    that cache and one translation edited is built again. Its pages come
    from the cache except those the edit touches, they are the pages a build
    without any cache makes, and the site differs from the clean build
    exactly where those pages and the search index differ."""
    before = built_site.parent / "project"
    project = copy_project(tmp_path / "project")
    shutil.copytree(before / ".cache", project / ".cache")
    catalog = project / "editorial" / "translations" / f"{EDITED}.yml"
    text = catalog.read_text(encoding="utf-8")
    text = text.replace("I would like to clarify", "INCREMENTAL: I would like to clarify", 1)
    catalog.write_text(text, encoding="utf-8")

    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    page = site / "en" / "documents" / "altman-statement-government-guarantees" / "index.html"
    assert "INCREMENTAL: I would like" in page.read_text(encoding="utf-8")

    clean = generate(load(Paths(project)), cache=False).pages
    assert generate(load(Paths(project))).pages == clean  # the cache gives what a clean build makes
    changed = expected_differences(before, project)
    assert {"documents/altman-statement-government-guarantees/index.html"} <= changed
    assert site_differences(site, built_site) == changed
    # rendered again: the document's two pages, and the reference pages (one
    # entry of the cache) if they list the edited passage
    rendered = re.search(r"pages generated \((\d+) rendered, \d+ from the cache\)", result.stderr)
    kinds = ("glossary/", "topics/", "people/", "figures/", "timeline/")
    reference = any(p.removeprefix("en/").startswith(kinds) for p in changed)
    assert rendered and int(rendered[1]) == 2 + reference, result.stderr[-3000:]


def test_sixth_seed_without_metadata_is_published(altered_site):
    site = altered_site.site
    for prefix in ("", "en/"):
        page = (site / prefix / "documents" / "005-new" / "index.html").read_text(encoding="utf-8")
        assert "<title>新しい資料の題名" in page
        assert page.count('data-status="pending"') == 3  # the title and two paragraphs
        assert "一つ目の段落です。まだ翻訳はありません。" in page
    assert "Translation pending" in (site / "en" / "documents" / "005-new" / "index.html").read_text()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "documents/005-new/" in home
    # the build warned only about the hostile hand-written page: the new seed is clean under --strict
    warnings = [line for line in altered_site.log.splitlines() if "WARNING" in line or "ERROR" in line]
    assert warnings and all("csp: hostile.ja.md" in line for line in warnings), warnings


def test_export_jsonl_is_the_corpus_in_reading_order(project):
    result = run_cli(project, "export", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    documents = list(load(Paths(project)).documents)
    assert len(records) == sum(len(d.segments) for d in documents)
    required = {"doc", "id", "kind", "speaker", "timestamp", "source_lang", "ja", "en", "status", "notes"}
    assert all(required <= set(r) for r in records)
    first_turn = next(r for r in records if r["kind"] == "turn")
    assert first_turn["speaker"] == "Interviewee" and first_turn["timestamp"] == "00:00"
    assert first_turn["source_lang"] == "en" and first_turn["ja"].startswith("…もう一つは")
    assert [r["id"] for r in records if r["doc"].startswith("003")][:3] == ["m1", "p1", "q1"]
    ids = [(r["doc"], r["id"]) for r in records]
    assert len(ids) == len(set(ids))


def test_status_page_in_both_languages(built_site):
    documents = list(load(Paths(ROOT)).documents)
    for prefix, heading, label in (
        ("", "翻訳の状況", "両言語で読める箇所"),
        ("en/", "Translation status", "Passages readable"),
    ):
        page = (built_site / prefix / "status" / "index.html").read_text(encoding="utf-8")
        assert heading in page and label in page
        for doc in documents:
            assert f'documents/{doc.meta.slug}/"' in page
        total = sum(len(d.segments) for d in documents)
        assert f"({total} / {total} " in page  # coverage 100%: nothing pending or stale
        assert "Share this thread" in page  # dropped boilerplate is listed for review
