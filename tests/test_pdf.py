"""The PDFs, read as a reader and a printer would: the book and each
document's own PDF, built once by the site build; fonts embedded (a Japanese
one among them), every document's first and last passage in both languages,
every glossary headword, page numbers in the contents and the index that are
the pages where those things are, tagged with a language per passage, text
that extracts in reading order, the cache (an edit lays out only what it
touches, and gives the bytes a clean build gives), PNG pages kept in
test-artifacts/pdf/ to look at. And the print stylesheet of the site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from urllib.parse import urljoin

import pytest

from build_scripts.book import build as book
from build_scripts.book.chapters import chapter
from build_scripts.book.index import with_locators
from build_scripts.book.render import BookError, render
from build_scripts.files import Cache
from build_scripts.pipeline import Paths, load
from build_scripts.publish import SiteBuildError, build_site
from build_scripts.web.urls import PDF_NAME

from .conftest import ARTIFACTS, copy_project, run_cli
from .test_site import elements

pytestmark = pytest.mark.slow

# Used when the project has no glossary yet, so that the glossary and its
# index are always exercised; the real editorial/glossary.yml wins.
FALLBACK_GLOSSARY = """\
terms:
  - id: inference
    ja: 推論
    en: inference
    reading: すいろん
    short: {ja: 学習済みモデルを使うこと, en: using a trained model}
    definition:
      ja: 学習済みのAIモデルに入力を与えて出力を得る計算。
      en: The computation of running a trained AI model on an input to get an output.
  - id: data-centre
    ja: データセンター
    en: data centre
    reading: でーたせんたー
    variants: {en: [data centres, data center, data centers]}
    short: {ja: 計算機を集めた施設, en: a building full of computers}
    definition:
      ja: 多数のサーバーと電源・冷却設備を収めた施設。
      en: A facility housing many servers with their power and cooling.
  - id: compute
    ja: 計算資源
    en: compute
    reading: けいさんしげん
    variants: {ja: [コンピューティングパワー, 計算能力]}
    short: {ja: AIの計算に使う能力, en: computing capacity for AI}
    definition:
      ja: AIの学習と推論に使う計算能力(チップ、サーバー、データセンター)。
      en: The computing capacity used to train and run AI (chips, servers, data centres).
"""


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    """Text without whitespace or hyphens (line breaks and hyphenation differ
    between the source and the laid-out page), case-folded."""
    return re.sub(r"[\s\-‐­]+", "", text).casefold()


def loose(text: str) -> str:
    """A regex that finds ``text`` across line breaks and hyphenation."""
    chars = [re.escape(c) for c in re.sub(r"\s+", "", text)]
    return r"[\s\-‐]*".join(chars)


COLUMNS = ("0", "298")  # where the Japanese and the English column start on an A4 page (pt)


def column(pdf: str, x: str, *pages: str) -> str:
    """The text of one column (half an A4 page) of the given pages."""
    return run("pdftotext", *pages, "-x", x, "-y", "0", "-W", "297", "-H", "842", pdf, "-")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A copy of the project and its site, built once with ``site`` (PDF included)."""
    base = tmp_path_factory.mktemp("pdf")
    project = copy_project(base / "project")
    glossary = project / "editorial" / "glossary.yml"
    if not glossary.exists():
        glossary.write_text(FALLBACK_GLOSSARY, encoding="utf-8")
    site = base / "site"
    result = run_cli(project, "site", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr[-3000:]
    pdf = site / PDF_NAME
    count = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(pdf))).group(1))
    pages = [run("pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-") for n in range(1, count + 1)]
    # The parallel text's columns, each read on its own: whole-page text
    # interleaves their lines.
    columns = [column(str(pdf), x) for x in COLUMNS]
    return {"project": project, "site": site, "pdf": pdf, "pages": pages, "columns": columns}


def column_texts(built, number: int) -> list[str]:
    """Page ``number``: its whole text and each column's, squeezed."""
    pdf, n = str(built["pdf"]), str(number)
    crops = [column(pdf, x, "-f", n, "-l", n) for x in COLUMNS]
    return [squeeze(t) for t in (built["pages"][number - 1], *crops)]


def part(built, running_head: str) -> int:
    """The first page of a part of the book: the first page headed by its
    running head (the contents page only names it)."""
    return next(n for n, text in enumerate(built["pages"], 1) if text.lstrip().startswith(running_head))


def test_the_site_build_makes_the_pdfs_and_both_languages_link_to_them(built):
    site, pdf = built["site"], built["pdf"]
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert pdf.stat().st_mode & 0o044 == 0o044, "the PDF must be readable by the web server"
    assert len(built["pages"]) > 20
    assert "A4" in run("pdfinfo", str(pdf))
    documents = list(load(Paths(built["project"])).documents)
    for rel in ("index.html", "en/index.html"):
        hrefs = re.findall(r'<a href="([^"]*\.pdf)"', (site / rel).read_text(encoding="utf-8"))
        assert [urljoin(f"http://x/{rel}", h) for h in hrefs] == [f"http://x/{PDF_NAME}"], rel
    for doc in documents:
        own = site / "pdf" / f"{doc.meta.slug}.pdf"
        assert own.read_bytes().startswith(b"%PDF-"), own
        for prefix in ("", "en/"):
            rel = f"{prefix}documents/{doc.meta.slug}/index.html"
            hrefs = re.findall(r'<a href="([^"]*\.pdf)"', (site / rel).read_text(encoding="utf-8"))
            targets = [urljoin(f"http://x/{rel}", h) for h in hrefs]
            assert targets == [f"http://x/pdf/{doc.meta.slug}.pdf", f"http://x/{PDF_NAME}"], rel


def test_a_document_pdf_is_its_chapter_of_the_book(built):
    """The same passages in the same order, as many pages as the chapter
    takes in the book, tagged and titled like the book."""
    documents = list(load(Paths(built["project"])).documents)
    doc = min(documents, key=lambda d: len(d.segments))
    own = built["site"] / "pdf" / f"{doc.meta.slug}.pdf"
    info = run("pdfinfo", str(own))
    assert re.search(r"^Tagged:\s+yes$", info, re.M) and "CreationDate" not in info, info
    assert re.search(r"^Title:\s+" + re.escape(chapter(doc).title_ja), info, re.M), info
    text = squeeze(run("pdftotext", str(own), "-"))
    body = [s for s in doc.segments if s.kind != "title" and s.ja and s.en]
    places = [text.find(squeeze(s.ja)[:30]) for s in body]
    assert -1 not in places and places == sorted(places)
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])
    first = next(n for n, t in enumerate(built["pages"], 1) if squeeze(chapter(doc).title_ja) in squeeze(t) and n > 3)
    assert squeeze(body[-1].en)[-30:] in squeeze("".join(built["pages"][first + pages - 2 : first + pages]))


def test_every_font_is_embedded_and_one_is_japanese(built):
    rows = run("pdffonts", str(built["pdf"])).splitlines()[2:]
    assert rows
    fonts = [(row.split()[0], row.split()[-5]) for row in rows]  # name, emb
    assert all(emb == "yes" for _, emb in fonts), fonts
    assert any("CJK-JP" in name for name, _ in fonts), fonts


def test_first_and_last_passage_of_every_document_in_both_languages(built):
    texts = [squeeze(t) for t in (*built["columns"], "".join(built["pages"]))]
    documents = list(load(Paths(built["project"])).documents)
    missing = []
    for doc in documents:
        body = [s for s in doc.segments if s.kind != "title"]
        for seg in (body[0], body[-1]):
            for lang in ("ja", "en"):
                passage = squeeze(getattr(seg, lang))
                for fragment in (passage[:40], passage[-40:]):
                    if not any(fragment in text for text in texts):
                        missing.append(f"{doc.meta.name} {seg.id} {lang}: {fragment}")
    assert not missing, "\n".join(missing)


def test_every_glossary_headword(built):
    glossary = load(Paths(built["project"])).reference.glossary
    assert glossary.terms
    start = part(built, "用語集")
    text = squeeze("".join(built["pages"][start - 1 :]))
    missing = [t.id for t in glossary.terms if squeeze(t.ja) not in text or squeeze(t.en) not in text]
    assert not missing


def contents_number(contents: str, title: str) -> int:
    match = re.search(loose(title) + r"[\s.]*?(\d+)(?=\s|$)", contents)
    assert match, f"{title!r} not in the contents"
    return int(match.group(1))


def test_contents_page_numbers_are_the_pages_of_the_headings(built):
    contents = " ".join(built["pages"][1:3])  # the contents follow the cover
    documents = list(load(Paths(built["project"])).documents)
    checked = 0
    for doc in documents:
        ch = chapter(doc)
        number = contents_number(contents, ch.title_en)
        assert squeeze(ch.title_ja) in squeeze(built["pages"][number - 1]), f"{ch.title_en}: not on page {number}"
        for row in ch.sections[:2]:
            number = contents_number(contents, row.seg.en)
            head = built["pages"][number - 1]
            assert squeeze(row.seg.ja)[:20] in squeeze(head), f"{row.seg.en}: not on page {number}"
            checked += 1
    for part in ("Glossary", "Colophon"):
        number = contents_number(contents, part)
        assert squeeze(part) in squeeze(built["pages"][number - 1])
    assert checked >= 6


def index_numbers(index: str, en: str) -> list[int]:
    match = re.search(r"(?<![\w-])" + loose(en) + r"(?![\w-])[^\d]{0,60}?((?:\d+(?:–\d+)?,?\s*)+)", index)
    assert match, f"{en!r} not in the index"
    return [int(n) for n in re.findall(r"\d+", match.group(1))]


def test_index_page_numbers_are_the_pages_of_the_passages(built):
    project = built["project"]
    start, end = part(built, "索引"), part(built, "奥付")
    index = " ".join(built["pages"][start - 1 : end]).replace("\u00ad", "")
    reference = load(Paths(project)).reference
    glossary = reference.glossary
    people = {p.id: p for p in reference.people}
    sample = [(t.en, t.ja_forms + t.en_forms) for t in glossary.terms[:6]]
    for ident in ("satya-nadella", "ben-horowitz", "brad-gerstner", "tyler-cowen"):
        if ident in people:
            sample.append((people[ident].en, people[ident].names_ja + people[ident].names_en))
    assert len(sample) >= 5
    for name, forms in sample:
        numbers = index_numbers(index, name)
        assert numbers, name
        for number in numbers:
            texts = column_texts(built, number)
            assert any(squeeze(form) in text for form in forms for text in texts), f"{name} is not on page {number}"


def test_pages_rendered_for_a_reader_to_look_at(built):
    out = ARTIFACTS / "pdf"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    transcript = next(n for n, t in enumerate(built["pages"], 1) if re.search(r"Sam Altman\s+\d\d:\d\d", t))
    wanted = {1, 2, 3, 4, transcript, part(built, "用語集"), part(built, "索引"), len(built["pages"])}
    for number in sorted(wanted):
        run("pdftoppm", "-r", "60", "-png", "-f", str(number), "-l", str(number), str(built["pdf"]), str(out / "page"))
    pngs = sorted(out.glob("page-*.png"))
    assert len(pngs) == len(wanted)
    own = built["site"] / "pdf" / "altman-a16z-conversation.pdf"  # a document's own PDF: first and last page
    run("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(own), str(out / "document-first"))
    last = re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(own)))[1]
    run("pdftoppm", "-r", "60", "-png", "-f", last, "-l", last, str(own), str(out / "document-last"))
    pngs += sorted(out.glob("document-*.png"))
    assert len(pngs) == len(wanted) + 2
    assert all(p.stat().st_size > 5000 for p in pngs)


def structure_languages(pdf) -> tuple[str, list[tuple[str, str | None]]]:
    """The catalog's /Lang, and (structure type, its own /Lang) of every
    element of the structure tree, read with pypdf."""
    from pypdf import PdfReader

    catalog = PdfReader(pdf).trailer["/Root"]
    found, todo = [], [catalog["/StructTreeRoot"]]
    while todo:
        node = todo.pop().get_object()
        if not hasattr(node, "get"):
            continue  # a marked-content id
        if "/S" in node:
            lang = node.get("/Lang")
            found.append((str(node["/S"]), None if lang is None else str(lang)))
        kids = node.get("/K")
        todo.extend(kids if isinstance(kids, list) else [] if kids is None else [kids])
    return str(catalog.get("/Lang")), found


def test_the_book_is_tagged_with_the_language_of_each_passage(built):
    info = run("pdfinfo", str(built["pdf"]))
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    assert re.search(r"^Title:.*Sam Altman on AI infrastructure", info, re.M), info
    root, elements = structure_languages(built["pdf"])
    assert root == "ja"
    assert {"/Document", "/H1", "/Table", "/TR", "/TD", "/P"} <= {s for s, _ in elements}
    rows = [row for doc in load(Paths(built["project"])).documents for g in chapter(doc).groups for row in g]
    pairs = [row for row in rows if len(row.cells) == 2]
    cells = {lang: sum(1 for s, own in elements if s == "/TD" and own == lang) for lang in ("ja", "en")}
    # every passage's two cells, each with its language (a cell split over two pages counts twice)
    assert cells["ja"] >= len(pairs) and cells["en"] >= len(pairs), (cells, len(pairs))


def test_text_extraction_gives_each_passage_japanese_then_english(built):
    """pdftotext of the whole book (no columns cut out): each passage's
    Japanese as one run of text, then its English, not their lines
    interleaved. A passage longer than a page breaks, and its halves are
    each in order on their page: those few are allowed (at most 2%)."""
    text = squeeze("".join(built["pages"]))
    documents = load(Paths(built["project"])).documents
    checked, wrong = 0, []
    for doc in documents:
        for row in (r for g in chapter(doc).groups for r in g):
            seg = row.seg
            if len(row.cells) != 2 or not (seg.ja and seg.en):
                continue
            ja, en = text.find(squeeze(seg.ja)), text.find(squeeze(seg.en))
            checked += 1
            if not 0 <= ja < en:
                wrong.append(f"{doc.meta.name} {seg.id}: {seg.en[:50]}")
    assert checked > 200
    assert len(wrong) <= checked // 50, "\n".join(wrong)


def test_us_letter(built, tmp_path):
    out = tmp_path / "letter.pdf"
    result = run_cli(
        built["project"],
        "pdf",
        "--document",
        "altman-statement-government-guarantees",
        "--paper",
        "letter",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert "612 x 792 pts (letter)" in run("pdfinfo", str(out))
    result = run_cli(built["project"], "pdf", "--document", "no-such-document", "-o", str(out))
    assert result.returncode != 0 and "no document 'no-such-document'" in result.stderr


def laid_out(report) -> list[str]:
    return sorted(w.path.name for w in (*report.books, *report.documents) if not w.cached)


def test_volumes_and_an_edit_that_lays_out_only_its_document_and_its_volume(built, tmp_path, monkeypatch):
    """Volumes of at most two documents (the real limit is 20, for a test
    that lays out little): by year, the undated split evenly, each with the
    glossary and the index of its own documents. The documents' PDFs come
    from the site build's cache; a translation edit lays out that document
    and its volume only, with the bytes a clean build gives."""
    monkeypatch.setattr("build_scripts.web.volumes.VOLUME", 2)
    project = load(Paths(built["project"]))
    report = book.build_pdfs(project, tmp_path / "volumes")
    keys = ("2025", "2026", "undated-1", "undated-2")
    assert laid_out(report) == sorted(PDF_NAME.replace(".pdf", f"-{key}.pdf") for key in keys)
    assert [w.passes for w in report.books] == [1, 1, 1, 1], "laid out twice: the documents' pages were not the book's"
    used = project.reference.term_passages
    for w, (file, data) in zip(report.books, book.book_data(project), strict=True):
        assert w.path.name == file
        assert re.search(r"^Title:.*(2025|2026|undated)", run("pdfinfo", str(w.path)), re.M)
        cover = squeeze(run("pdftotext", "-f", "1", "-l", "1", str(w.path), "-"))
        inside = [d for d in project.documents if squeeze(chapter(d).title_ja) in cover]
        assert [d.meta.name for d in inside] == [ch.doc.meta.name for ch in data.chapters]
        names = {ch.doc.meta.name for ch in data.chapters}
        # its index: only entries with a passage in its own chapters, pointing there
        anchors = {row.anchor for ch in data.chapters for g in ch.groups for row in g}
        entries = [e for section in with_locators(data.index, dict.fromkeys(anchors, 1)) for e in section.entries]
        assert entries and all(e.locators and {x.start for x in e.locators} <= anchors for e in entries)
        # its glossary: the terms its documents use
        assert 0 < len(data.glossary) < len(project.reference.glossary.terms)
        assert all({doc.meta.name for doc, _ in used[t.id]} & names for t in data.glossary)

    before = {w.path.name: w.path.read_bytes() for w in report.documents}
    edited = project.document("004_56ac1acf06381cac")
    own = f"{edited.meta.slug}.pdf"
    catalog = Paths(built["project"]).catalog(edited.seed.name)
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace("I would like to clarify", "Let me clarify", 1), encoding="utf-8")
    try:
        changed = load(Paths(built["project"]))
        report = book.build_pdfs(changed, tmp_path / "edited")
        again = book.build_pdfs(changed, tmp_path / "again")
        clean = book.build_document(changed, edited.meta.slug, tmp_path / "clean.pdf")  # no cache
    finally:
        catalog.write_text(text, encoding="utf-8")
    assert laid_out(report) == sorted([own, PDF_NAME.replace(".pdf", "-undated-2.pdf")])
    assert [w.passes for w in report.books] == [1, 1, 1, 1]
    assert laid_out(again) == []
    after = {w.path.name: w.path.read_bytes() for w in report.documents}
    assert {name for name in after if after[name] != before[name]} == {own}
    assert after[own] == clean.path.read_bytes()
    assert "letmeclarify" in squeeze(run("pdftotext", str(tmp_path / "edited" / "pdf" / own), "-"))

    # the same folder again, the publication back in one book (the real limit): the volumes go,
    # and a document PDF no document has any more goes too
    monkeypatch.setattr("build_scripts.web.volumes.VOLUME", 20)
    stray = tmp_path / "volumes" / "pdf" / "a-removed-document.pdf"
    stray.write_bytes(b"%PDF-1.7")
    book.build_pdfs(project, tmp_path / "volumes")
    assert sorted(p.name for p in (tmp_path / "volumes").glob("*.pdf")) == [PDF_NAME]
    assert sorted(p.name for p in (tmp_path / "volumes" / "pdf").glob("*.pdf")) == sorted(
        f"{d.meta.slug}.pdf" for d in project.documents
    )


def test_a_date_only_from_source_date_epoch(built, tmp_path, monkeypatch):
    """Without it (the site build) a PDF has no date; with it, that date, in
    the metadata and the colophon (a reproducible build's)."""
    assert "CreationDate" not in run("pdfinfo", str(built["pdf"]))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")  # 2 December 2025
    written = book.build_document(
        load(Paths(built["project"])), "altman-statement-government-guarantees", tmp_path / "d.pdf"
    )
    assert re.search(r"^CreationDate:.*2025", run("pdfinfo", str(written.path)), re.M)
    assert "2december2025" in squeeze(run("pdftotext", str(written.path), "-"))


def test_the_cache_keeps_what_builds_use_and_drops_what_none_used_for_a_week(tmp_path):
    cache = book.RecordingCache(tmp_path, "pdf")
    for key in ("used", "stale", "recent"):
        cache.put(Cache.key(key), key.encode())
    cache.folder.joinpath("ab").mkdir()
    cache.folder.joinpath("ab", ".abc.tmp").write_bytes(b"half")  # an interrupted write
    week = book.KEEP_DAYS * 86400
    for key, age in (("used", week * 3), ("stale", week + 60), ("recent", week - 60)):
        os.utime(cache.path(Cache.key(key)), (time.time() - age,) * 2)
    os.utime(cache.folder / "ab" / ".abc.tmp", (time.time() - 7200,) * 2)
    later = book.RecordingCache(tmp_path, "pdf")
    assert later.get(Cache.key("used")) == b"used"
    assert book.prune(later) == 2
    assert [later.get(Cache.key(k)) for k in ("used", "stale", "recent")] == [b"used", None, b"recent"]
    assert time.time() - cache.path(Cache.key("used")).stat().st_mtime < 60  # marked as used now
    assert not (cache.folder / "ab" / ".abc.tmp").exists()


def test_source_text_stays_text_in_the_book(tmp_path):
    project = copy_project(tmp_path / "project", seeds=False)
    hostile = "<script>alert(1)</script> と <img src=x onerror=alert(1)> と {{ 7*7 }} の文。\n\n二つ目の段落です。\n"
    (project / "seeds" / "hostile.txt").write_text(hostile, encoding="utf-8")
    project = load(Paths(project))
    html = "".join(
        render("document.html.j2", "a4", ch=chapter(doc), number=n) for n, doc in enumerate(project.documents, 1)
    )
    tags = elements(html)
    assert not {tag for tag, _ in tags} & {"script", "img"}
    assert not [a for _, attrs in tags for a in attrs if a.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "{{ 7*7 }}" in html


def test_a_failed_pdf_keeps_the_previous_site(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the old site", encoding="utf-8")

    def broken(project, target, paper="a4", cache_dir=None):
        (target / PDF_NAME).write_bytes(b"%PDF-half")
        raise BookError("no fonts")

    monkeypatch.setattr("build_scripts.publish.build_pdfs", broken)
    with pytest.raises(SiteBuildError, match="PDFs failed"):
        build_site(Paths(project), site)
    assert (site / "index.html").read_text(encoding="utf-8") == "the old site"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


@pytest.mark.browser
def test_printing_a_page_gives_a_clean_two_column_document(page, site_server, artifacts):
    doc = "/documents/altman-blackrock-infrastructure-summit/"
    page.goto(site_server.url + doc)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".view-control", "#p2 .seg-link"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    left, right = (page.locator("#p2 .seg-cell").nth(i).bounding_box() for i in (0, 1))
    assert abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"]
    page.screenshot(path=str(artifacts / "print-document-ja.png"), full_page=False)
    page.pdf(path=str(artifacts / "print-document-ja.pdf"), prefer_css_page_size=True)
    # the reader's choice of one language holds on paper too
    page.evaluate("localStorage.setItem('bilingual-view', 'en')")
    page.goto(site_server.url + "/en" + doc)
    page.emulate_media(media="print")
    assert page.locator("#p2 .col-en").is_visible() and not page.locator("#p2 .col-ja").is_visible()
    page.pdf(path=str(artifacts / "print-document-en-only.pdf"), prefer_css_page_size=True)
