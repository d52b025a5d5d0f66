"""Better recognition must not silently change the ids of passages that are
already translated: the five real seeds keep every recorded id and its
translation, sync leaves their translation files alone, and where an id must
change, sync carries the translation and notes over and reports the move."""

from __future__ import annotations

from pathlib import Path

from build_scripts.model import Block
from build_scripts.pipeline import Paths, load
from build_scripts.source.segment import assign_ids, find_moves
from build_scripts.translation.catalog import load_catalog

from .conftest import ROOT, copy_project, run_cli

FIXTURES = ROOT / "tests" / "fixtures" / "sources"


def test_every_recorded_id_and_translation_of_the_five_seeds_survives():
    documents = list(load(Paths(ROOT)).documents)
    assert len(documents) == 5
    for doc in documents:
        catalog = load_catalog(Paths(ROOT).catalog(doc.meta.name))
        segments = {s.id: s for s in doc.segments}
        assert [e.id for e in catalog.entries] == [s.id for s in doc.segments], doc.meta.name
        for entry in catalog.entries:
            seg = segments[entry.id]
            assert (seg.kind, seg.source) == (entry.kind, entry.source), (doc.meta.name, entry.id)
            if entry.translation:
                assert seg.translation == entry.translation and seg.status == entry.status, entry.id


def test_sync_on_the_real_project_changes_no_translation_file(project):
    folder = project / "editorial" / "translations"
    before = {p.name: p.read_bytes() for p in folder.glob("*.yml")}
    result = run_cli(project, "sync")
    assert result.returncode == 0, result.stderr
    assert "0 translation files updated; 0 stale, 0 obsolete entries" in result.stdout
    assert "moved" not in result.stdout
    assert {p.name: p.read_bytes() for p in folder.glob("*.yml")} == before


def blocks(*pairs: tuple[str, str]) -> list[Block]:
    return [Block(kind, text) for kind, text in pairs]


def test_an_id_stays_when_only_the_kind_changed_or_a_mark_came_off():
    recorded = [
        ("p1", "paragraph", "2026年5月10日 取材・文:山田"),
        ("h1", "heading", "■ 見出し"),
        ("p2", "paragraph", "本文。"),
    ]
    now = blocks(("meta", "2026年5月10日 取材・文:山田"), ("heading", "見出し"), ("paragraph", "本文。"))
    assert assign_ids(now, recorded) == ["p1", "h1", "p2"]


def test_a_passage_joined_to_another_is_a_move():
    recorded = [("p1", "paragraph", "題名 | 技術"), ("li1", "item", "サンプルブログ"), ("p2", "paragraph", "本文。")]
    now = blocks(("title", "題名 | 技術 - サンプルブログ"), ("paragraph", "本文。"))
    ids = assign_ids(now, recorded)
    assert ids == ["p1", "p2"]
    moves = find_moves(list(zip(ids, (b.text for b in now), strict=True)), [(i, t) for i, _, t in recorded])
    assert [(m.old, m.new, m.same_text) for m in moves] == [("li1", "p1", False)]


OLD_CATALOG = """\
doc: 005_blog
source_lang: ja
segments:
- id: title
  kind: title
  source: サンプル技術ブログ
  translation: Sample Tech Blog
  status: reviewed
- id: p1
  kind: paragraph
  source: 自宅サーバーの電気代 | ハードウェア
  translation: The electricity bill of a home server | Hardware
  status: reviewed
- id: li1
  kind: item
  source: サンプル技術ブログ
  translation: Sample Tech Blog
  status: reviewed
  notes:
  - ja: ブログ名。
    en: The blog's name.
- id: h1
  kind: heading
  source: 2026年3月1日 14:30
  translation: 1 March 2026, 14:30
  status: reviewed
- id: h2
  kind: heading
  source: ■ 結論から言うと
  translation: ■ The short answer
  status: reviewed
- id: p2
  kind: paragraph
  source: 電気代は月3500円でした。
  translation: The bill came to ¥3,500 a month.
  status: reviewed
"""

NEW_SEED = """\
サンプル技術ブログ
自宅サーバーの電気代 | ハードウェア - サンプル技術ブログ
2026年3月1日 14:30

■ 結論から言うと

電気代は月3500円でした。
"""


def test_sync_carries_a_moved_translation_over_and_reports_it(tmp_path: Path):
    """The translation file as the old parser wrote it (the site-title line cut
    at " - ", the dateline a heading, the ■ in the heading's text), synced
    with the new recognition."""
    project = copy_project(tmp_path / "project", seeds=False)
    (project / "seeds" / "005_blog.txt").write_text(NEW_SEED, encoding="utf-8")
    (project / "editorial" / "translations" / "005_blog.yml").write_text(OLD_CATALOG, encoding="utf-8")
    preview = run_cli(project, "preview", "seeds/005_blog.txt").stdout
    assert "ids: 6 recorded; sync would carry 1 over and leave 0 obsolete\n  li1 -> p1 (text changed: stale)" in preview
    result = run_cli(project, "sync")
    assert result.returncode == 0, result.stderr
    assert (
        "moved 005_blog: li1 -> p1: translation and notes carried over (now part of a longer passage" in result.stdout
    )
    catalog = load_catalog(Paths(project).catalog("005_blog"))
    entries = catalog.by_id()
    assert [e.id for e in catalog.entries] == ["title", "p1", "h1", "h2", "p2"]
    assert [e.kind for e in catalog.entries] == ["meta", "title", "meta", "heading", "paragraph"]
    assert not catalog.obsolete  # li1's translation went to p1, not to the obsolete list
    p1 = entries["p1"]
    assert p1.translation == "The electricity bill of a home server | Hardware Sample Tech Blog"
    assert p1.status == "stale" and p1.previous_source == "自宅サーバーの電気代 | ハードウェア\nサンプル技術ブログ"
    assert [n.en for n in p1.notes] == ["The blog's name."]
    # ids kept across a change of kind (title -> meta, heading -> meta) keep their translation as it was
    assert (entries["title"].status, entries["h1"].status, entries["h1"].translation) == (
        "reviewed",
        "reviewed",
        "1 March 2026, 14:30",
    )
    assert entries["h2"].status == "stale" and entries["h2"].source == "結論から言うと"
    assert entries["p2"].status == "reviewed"
    assert "0 translation files updated" in run_cli(project, "sync").stdout


def test_an_english_source_gets_its_japanese_from_the_translation_file(tmp_path: Path):
    project = copy_project(tmp_path / "project", seeds=False)
    (project / "seeds" / "005_grid.txt").write_bytes((FIXTURES / "english_article.txt").read_bytes())
    assert run_cli(project, "sync").returncode == 0
    path = project / "editorial" / "translations" / "005_grid.yml"
    text = path.read_text(encoding="utf-8")
    assert "source_lang: en" in text
    catalog = load_catalog(Paths(project).catalog("005_grid"))
    assert (
        catalog.entries[0].source == "The Grid Is the New Bottleneck for AI" and catalog.entries[0].status == "pending"
    )
    path.write_text(text.replace("translation: ''", "translation: AIの新たなボトルネックは送電網", 1), encoding="utf-8")
    documents = list(load(Paths(project)).documents)
    title = next(d for d in documents if d.meta.name == "005_grid").segments[0]
    assert (title.source_lang, title.en, title.ja, title.status) == (
        "en",
        "The Grid Is the New Bottleneck for AI",
        "AIの新たなボトルネックは送電網",
        "translated",
    )
