"""Navigation and listings for hundreds of documents: groups of at most 25
by year, kind and runs; a page's pruned branch that stays the same size
whatever the corpus; the latest documents on the home page; reference
entries that count, rather than list, passages past a few documents."""

from __future__ import annotations

import pytest

from build_scripts.model import DocMeta, Document, Seed, Segment, Status
from build_scripts.web.navigation import LIMIT, document_date, group_documents, navigation, navigation_order
from build_scripts.web.reference_pages import REF_DOCUMENTS, grouped_passages
from build_scripts.web.summary_pages import latest
from build_scripts.web.templating import load_ui

UI = load_ui()
KINDS = [("声明(Xへの投稿)", "Statement (a post on X)"), ("ブログ記事", "Blog post"), ("", "")]


def doc(n: int, date_ja: str = "", date_en: str = "", kind: tuple[str, str] = ("", "")) -> Document:
    name = f"{n:03d}_doc"
    meta = DocMeta(
        name=name,
        slug=f"doc-{n}",
        title_ja=f"資料{n}",
        title_en=f"Document {n}",
        date_ja=date_ja,
        date_en=date_en,
        kind_ja=kind[0],
        kind_en=kind[1],
        order=n,
    )
    segment = Segment(name, "p1", "paragraph", "ja", f"本文{n}", f"Text {n}", Status.TRANSLATED)
    return Document(meta=meta, seed=Seed(name, f"seeds/{name}.txt", f"本文{n}", ""), segments=(segment,))


def corpus(size: int) -> list[Document]:
    """Documents over five years and three kinds, a fifth of them undated."""
    out = []
    for n in range(size):
        year = 2021 + n % 5
        date = "" if n % 5 == 4 else f"{year}年{n % 12 + 1}月{n % 28 + 1}日"
        out.append(doc(n, date_ja=date, kind=KINDS[n % 3]))
    return out


@pytest.mark.parametrize(
    ("ja", "en", "expected"),
    [
        ("2026年3月14日(追記 2026年3月19日)", "14 March 2026 (addendum 19 March 2026)", (2026, 3, 14)),
        ("", "12 February 2025", (2025, 2, 12)),
        ("", "March 2024", (2024, 3, 0)),
        ("2023-07-01", "", (2023, 7, 1)),
        ("日付なし(対談は10月8日)", "undated (the conversation took place on 8 October)", None),
        ("", "", None),
    ],
)
def test_the_date_is_read_as_the_metadata_writes_it(ja, en, expected):
    assert document_date(doc(1, ja, en)) == expected


def test_a_short_list_stays_flat():
    documents = corpus(LIMIT)
    assert group_documents(documents, UI) is None
    nav = navigation(documents, None, UI, "en")
    assert nav[1] == {"Documents": ["documents/index.md", *(f"documents/doc-{n}.md" for n in range(LIMIT))]}


def _check(group, seen: list, depth: int = 0) -> int:
    """Every level of a group holds at most LIMIT entries; returns the depth."""
    assert 0 < len(group.documents) + len(group.groups) <= LIMIT, group.key
    seen.extend(group.documents)
    return max([depth, *(_check(g, seen, depth + 1) for g in group.groups)])


@pytest.mark.parametrize("size", [26, 300, 5000])
def test_groups_hold_at_most_the_limit_and_every_document_once(size):
    documents = corpus(size)
    groups = group_documents(documents, UI)
    assert groups and len(groups) <= LIMIT
    seen: list = []
    for group in groups:
        _check(group, seen)
    assert sorted(d.meta.name for d in seen) == sorted(d.meta.name for d in documents)
    keys = []

    def collect(g):
        keys.append(g.key)
        for child in g.groups:
            collect(child)

    for g in groups:
        collect(g)
    assert len(keys) == len(set(keys))
    expected = ["2024", "2023", "2022", "2021", "undated"]
    assert [g.key for g in groups] == [k for k in expected if k in {g.key for g in groups}]


def test_years_newest_first_then_kinds_then_runs_with_titles_in_both_languages():
    groups = group_documents(corpus(300), UI)
    assert [g.title["ja"] for g in groups] == ["2024年", "2023年", "2022年", "2021年", "日付なし"]
    assert [g.title["en"] for g in groups] == ["2024", "2023", "2022", "2021", "Undated"]
    year = groups[0]  # 60 documents: split by kind, other kinds last
    assert [g.title["en"] for g in year.groups] == ["Blog post", "Statement", "Other"]
    assert [g.title["ja"] for g in year.groups] == ["ブログ記事", "声明", "その他"]
    undated = groups[-1]
    assert len(undated.all()) == 60
    nav = navigation(corpus(300), None, UI, "ja")
    sections = nav[1]["資料" if "資料" in nav[1] else "Documents"]
    assert sections[0] == "documents/index.md"
    assert list(sections[1]) == ["2024年"]


def test_runs_of_one_kind_are_numbered_and_even():
    documents = [doc(n, date_en=f"{n % 28 + 1} May 2020", kind=KINDS[0]) for n in range(60)]
    (year,) = group_documents(documents, UI)
    assert [g.title["en"] for g in year.groups] == ["1–10", "11–20", "21–30", "31–40", "41–50", "51–60"]
    assert [g.title["ja"] for g in year.groups][:2] == ["1〜10", "11〜20"]
    assert all(len(g.documents) == 10 for g in year.groups)


def _branch(groups, target) -> int:
    """Entries a pruned navigation shows on ``target``'s page: every entry
    on the path from the top to its document, with their siblings."""
    shown, level = 0, groups
    while level is not None:
        shown += len(level)
        inside = next((g for g in level if hasattr(g, "all") and target in g.all()), None)
        level = None if inside is None else list(inside.documents) + list(inside.groups)
    return shown


def test_a_page_shows_a_branch_of_the_same_size_at_any_scale():
    for size in (100, 1000, 5000):
        documents = corpus(size)
        groups = group_documents(documents, UI)
        worst = max(_branch(groups, d) for d in documents[:: max(1, size // 200)])
        assert worst <= 4 * LIMIT, (size, worst)
    assert navigation_order(corpus(5), UI) == corpus(5)


def test_home_shows_the_latest_by_date_then_the_last_added():
    documents = [doc(1, "2024年1月1日"), doc(2), doc(3, "2025年5月1日"), doc(4), doc(5, "2024年12月1日")]
    assert [d.meta.order for d in latest(documents, 4)] == [3, 5, 1, 4]


def test_reference_entries_count_the_passages_past_a_few_documents():
    documents = [doc(n) for n in range(REF_DOCUMENTS + 5)]
    passages = [(d, s) for d in documents for s in d.segments * 2]
    groups = grouped_passages(passages, "en", "../")
    assert [g["more"] for g in groups] == [False] * REF_DOCUMENTS + [True]
    assert groups[-1]["documents"] == 5 and groups[-1]["passages"] == 10
    assert groups[0]["url"] == "../documents/doc-0/" and len(groups[0]["passages"]) == 2
    assert grouped_passages(passages[: 2 * REF_DOCUMENTS], "en", "../")[-1]["more"] is False


TRICKY = """# Title

<div class="a">
<div>inner</div>
</div>

<div class="open">
not closed here

</div>

<span>inline, so Markdown's</span> *own*

<p class="x">one</p>
<p>two</p>

rawhtml0123456789abcdefx0 typed by a contributor

<ul>
<li>**kept as is**</li>
</ul>"""


def test_html_blocks_skip_markdown_and_give_the_same_bytes(project):
    """rawhtml.py: every generated page (and a page of awkward blocks) is
    converted to the same bytes with its whole HTML blocks swapped out."""
    import markdown

    from build_scripts.pipeline import Paths, load
    from build_scripts.web.generate import generate
    from build_scripts.web.rawhtml import restore, stash

    pages = [p for path, p in generate(load(Paths(project)), cache=False).pages.items() if path.endswith(".md")]
    swapped = 0
    for text in [*(p.split("---\n", 2)[2] for p in pages), TRICKY]:
        convert = markdown.Markdown(extensions=["attr_list", "toc"]).convert
        stashed, blocks = stash(text)
        swapped += len(blocks)
        assert restore(convert(stashed), blocks) == convert(text)
    assert swapped > 500
    assert len(stash(TRICKY)[1]) == 3  # the nested div, the paragraphs, the list: not the open div, not the span


def test_home_lists_all_up_to_ten_then_the_latest_and_the_index():
    from build_scripts.web.summary_pages import HOME_LATEST, render_home
    from build_scripts.web.templating import environment

    few = [doc(n, f"2024年{n + 1}月1日") for n in range(10)]
    page = render_home(few, "en", environment(), UI)
    assert page.count('class="doc-card"') == 10 and "All documents (10)" in page
    many = [doc(n, f"2024年{n % 12 + 1}月1日") for n in range(40)]
    page = render_home(many, "en", environment(), UI)
    assert page.count('class="doc-card"') == HOME_LATEST and 'href="documents/">All documents (40)' in page
    assert "Latest documents" in page and 'href="documents/doc-11/"' in page  # December, the latest month


def test_the_book_is_one_volume_up_to_twenty_documents_then_a_volume_a_year():
    from build_scripts.web.urls import PDF_NAME
    from build_scripts.web.volumes import VOLUME, volume_files, volumes

    assert [v.file for v in volumes(corpus(VOLUME))] == [PDF_NAME]
    documents = corpus(200)  # 40 a year over five years, the undated among them
    books = volumes(documents)
    assert [v.key for v in books][:3] == ["2021-1", "2021-2", "2022-1"] and books[-1].key.startswith("undated")
    assert all(0 < len(v.documents) <= VOLUME for v in books)
    assert sorted(d.meta.name for v in books for d in v.documents) == sorted(d.meta.name for d in documents)
    for v in books:  # a year split evenly, in editorial order
        year = [b for b in books if b.key.split("-")[0] == v.key.split("-")[0]]
        assert max(len(b.documents) for b in year) - min(len(b.documents) for b in year) <= 1
        assert [d.meta.order for d in v.documents] == sorted(d.meta.order for d in v.documents)
    assert books[0].label == {"ja": "2021年 (1/2)", "en": "2021 (1/2)"}
    assert books[0].file == PDF_NAME.replace(".pdf", "-2021-1.pdf")
    assert volume_files(documents)[documents[0].meta.name] == books[0].file


def test_a_year_too_large_for_one_volume_is_split_by_size():
    from dataclasses import replace

    from build_scripts.web.volumes import VOLUME_SIZE, size, volumes

    def heavy(n: int, chars: int) -> Document:
        d = doc(n, date_ja="2026年1月1日")
        return replace(d, segments=(replace(d.segments[0], ja="あ" * chars, en="a" * chars),))

    # eight documents, one year, 2.4 volumes of text: three volumes, in order, each about a third
    documents = [heavy(n, VOLUME_SIZE // 5 if n % 2 else VOLUME_SIZE // 10) for n in range(8)]
    books = volumes(documents)
    assert [v.key for v in books] == ["2026-1", "2026-2", "2026-3"]
    assert [d for v in books for d in v.documents] == documents
    assert all(sum(map(size, v.documents)) <= VOLUME_SIZE * 1.2 for v in books)


def test_the_home_page_links_each_volume_and_a_document_page_its_own_pdf_and_volume():
    import re

    from build_scripts.web.pages import render_pages
    from build_scripts.web.volumes import volume_files, volumes

    documents = corpus(45)
    pages = render_pages(documents)
    books = volumes(documents)
    for lang, prefix in (("ja", ""), ("en", "../")):
        assert re.findall(r'href="([^"]+\.pdf)"', pages[f"index.{lang}.md"]) == [prefix + v.file for v in books]
    files = volume_files(documents)
    for d in documents[:12]:
        links = re.findall(r'href="([^"]+\.pdf)"', pages[f"documents/{d.meta.slug}.en.md"])
        assert links == [f"../../../pdf/{d.meta.slug}.pdf", f"../../../{files[d.meta.name]}"]
