"""Re-running after a seed changes keeps every translation, marks the changed
ones stale, and keeps ids (and so links) stable."""

from __future__ import annotations

from build_scripts.pipeline import Paths, load
from build_scripts.translation.catalog import load_catalog

from .conftest import run_cli

DOC = "004_56ac1acf06381cac"


def segments(project):
    documents = list(load(Paths(project)).documents)
    return {s.id: s for s in next(d for d in documents if d.meta.name == DOC).segments}


def test_edited_seed_marks_translation_stale_and_keeps_ids(project):
    before = segments(project)
    seed = project / "seeds" / f"{DOC}.txt"
    text = seed.read_text(encoding="utf-8")
    edited = before["p2"].ja.replace("求めていません", "求めたこともありません")
    inserted = "ここに新しい段落が加わりました。"
    text = text.replace(before["p2"].ja, edited).replace(before["p5"].ja, inserted + " " + before["p5"].ja)
    seed.write_text(text, encoding="utf-8")

    after = segments(project)
    # unchanged passages keep their id, translation and status, even after the insertion
    for ident in ("p1", "p3", "p5", "p16"):
        assert after[ident].ja == before[ident].ja and after[ident].en == before[ident].en
        assert after[ident].status == before[ident].status
    # the edited passage keeps its id and translation, now stale
    assert after["p2"].ja == edited and after["p2"].en == before["p2"].en and after["p2"].status == "stale"
    # the new passage gets a new id and is pending
    new = [s for s in after.values() if s.ja == inserted]
    assert len(new) == 1 and new[0].id == "p17" and new[0].status == "pending"

    result = run_cli(project, "sync")
    assert result.returncode == 0, result.stderr
    assert "1 stale" in result.stdout
    catalog = load_catalog(Paths(project).catalog(DOC))
    entry = catalog.by_id()["p2"]
    assert entry.status == "stale" and entry.source == edited
    assert entry.previous_source == before["p2"].ja and entry.translation == before["p2"].en
    assert [e.id for e in catalog.entries][4:6] == ["p17", "p5"]
    # a second sync changes nothing
    assert "0 translation files updated" in run_cli(project, "sync").stdout


def test_removed_passage_keeps_its_translation_as_obsolete(project):
    before = segments(project)
    seed = project / "seeds" / f"{DOC}.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace(before["p15"].ja + " ", ""), encoding="utf-8")
    assert run_cli(project, "sync").returncode == 0
    catalog = load_catalog(Paths(project).catalog(DOC))
    assert "p15" not in catalog.by_id()
    assert [(e.id, e.translation) for e in catalog.obsolete] == [("p15", before["p15"].en)]
