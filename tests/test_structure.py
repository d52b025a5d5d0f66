"""The structure found in each real seed, against counts verified by reading
the texts (and cross-checked with grep: 14 lines start with ◆ in 001, 60
speaker labels and 20 English continuation paragraphs, 27 "--- Qn." markers
in 003, 15 sentence-end-plus-space paragraph breaks in 004)."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from build_scripts.pipeline import Paths, load

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def documents():
    docs = list(load(Paths(ROOT)).documents)
    return {d.meta.name[:3]: d for d in docs}


def kinds(doc) -> Counter:
    return Counter(s.kind for s in doc.segments)


def test_seeds_are_byte_identical_to_the_published_checksums():
    listed = (ROOT / "seeds" / "SHA256SUMS").read_text().split("\n")
    sums = dict(reversed(line.split()) for line in listed if line.strip())
    assert len(sums) == 5
    for name, digest in sums.items():
        assert hashlib.sha256((ROOT / "seeds" / name).read_bytes()).hexdigest() == digest, name
    if SHARED.exists():
        assert (SHARED / "SHA256SUMS").read_text() == (ROOT / "seeds" / "SHA256SUMS").read_text()


def test_podcast_summary_sections_lists_and_run_in_headings(documents):
    doc = documents["000"]
    assert kinds(doc) == Counter(paragraph=54, heading=11, item=8)
    headings = [(s.marker, s.level, s.ja) for s in doc.segments if s.kind == "heading"]
    assert [m for m, _, _ in headings if m] == ["1.", "II.", "III.", "1.", "2.", "3.", "IV.", "V."]
    # the roman sections are level 2; the numbered points inside III are level 3
    assert [lvl for m, lvl, _ in headings if m in ("II.", "III.", "IV.", "V.")] == [2, 2, 2, 2]
    assert ("2.", 3, "OpenAI が他の企業 (Oracle、AMD) に注文を割り当てるのはなぜですか?") in headings
    # a heading run into its paragraph with only a space between them
    assert ("IV.", 2, "チャット vs. 検索:未解決の経済問題") in headings
    assert any(s.ja == "「利益率拡大の黄金時代」" and s.kind == "heading" for s in doc.segments)
    items = [s for s in doc.segments if s.kind == "item"]
    assert [s.marker for s in items] == ["-", "-", "-", "1.", "2.", "-", "-", "-"]
    assert items[3].ja == "「当社の収入はあなたが報告したよりもはるかに高いです。」"


def test_blog_post_contents_list_becomes_navigation(documents):
    doc = documents["001"]
    assert doc.toc == (
        "はじめに:OpenAIのサム・アルトマンCEOがBlackRock社のイベントに登場",
        "アルトマン発言の要旨:AIは準公共サービス化するか",
        "アルトマン発言をどう読むか:AI企業CEOからの「現場報告」",
        "インタビュー内容全文の翻訳",
    )
    headings = [s.ja for s in doc.segments if s.kind == "heading"]
    assert headings == [*doc.toc[:3], "[追補]3.19 アルトマン発言への反応", doc.toc[3]]
    # the contents list is not body text: "目次" is no passage
    assert not any(s.ja == "目次" for s in doc.segments)


def test_blog_post_attributed_paragraphs_lists_metadata(documents):
    doc = documents["001"]
    count = kinds(doc)
    assert count["attributed"] == 14
    assert count["title"] == 1 and count["meta"] == 3 and count["note"] == 1
    assert count["paragraph"] == 37  # 71 body lines less title, meta, contents, headings, ◆, items
    items = [(s.marker, s.ja[:6]) for s in doc.segments if s.kind == "item"]
    assert items == [
        ("1", "原理は共有さ"),
        ("2", "AI同士の差"),
        ("3", "民主的プロセ"),
        ("・", "AIが使えな"),
        ("・", "AIの利用量"),
        ("・", "AIの規制が"),
    ]
    assert [s.ja for s in doc.segments if s.kind == "meta"] == ["2026.3.14", "[追記] 2026.3.19", "© rev.com"]


def test_a16z_article_headings_bullets_and_byline(documents):
    doc = documents["002"]
    assert kinds(doc) == Counter(title=1, meta=1, heading=6, item=7, paragraph=24)
    assert doc.segments[0].kind == "title"
    assert [s.ja for s in doc.segments if s.kind == "meta"] == ["執筆:龍玥"]
    assert [s.ja.split(":")[0] for s in doc.segments if s.kind == "item"] == [
        "インフラへの攻撃的投資",
        "エネルギーの将来像",
        "Soraの戦略的位置付け",
        "「AI科学者」の到来",
        "戦略的転換",
        "著作権の新モデル",
        "商用化と信頼",
    ]


def test_thread_questions_and_answers(documents):
    doc = documents["003"]
    assert kinds(doc) == Counter(meta=1, paragraph=1, question=27, answer=35)
    questions = [s for s in doc.segments if s.kind == "question"]
    assert [s.id for s in questions] == [f"q{n}" for n in range(1, 28)]
    answers = Counter(s.marker for s in doc.segments if s.kind == "answer")
    assert answers["Q5"] == 3 and answers["Q9"] == 3 and answers["Q2"] == 2 and answers["Q1"] == 1
    # the question mark of Q26 is followed by more question, not by the answer
    q26 = next(s for s in questions if s.id == "q26")
    assert q26.ja.endswith("OpenAIは、理論的には世界を変える力を持っているわけですから。")
    # a space inside 「…」 is part of the quotation, not a paragraph break
    assert "こなしてしまう。 しかも" in next(s.ja for s in doc.segments if s.id == "q1-a1")


def test_statement_paragraphs_separated_only_by_spaces(documents):
    doc = documents["004"]
    assert kinds(doc) == Counter(paragraph=16)
    assert doc.segments[0].ja == "いくつかの点を明確にしておきたいと思います。"
    assert doc.segments[-1].ja.endswith("市場がそれに対処するでしょう。")


def test_boilerplate_is_dropped_and_reported(documents):
    dropped = {(d.doc[:3], d.rule) for doc in documents.values() for d in doc.dropped}
    assert ("000", "thread-reader-loading") in dropped and ("004", "thread-reader-loading") in dropped
    assert ("003", "counters") in dropped and ("003", "thread-reader-controls") in dropped
    assert ("002", "techflow-site") in dropped and ("002", "repeated-header") in dropped
    texts = [d.text for doc in documents.values() for d in doc.dropped]
    assert len(texts) == 21
    assert "1/2" in texts and "75" in texts and "Twitter英語アカウント:https://x.com/BlockFlow_News" in texts
