"""pipeline.reload, which the live preview uses after an edit: reading one
document again gives the project a full load gives."""

from __future__ import annotations

from build_scripts.pipeline import Paths, load, reload

DOC = "004_56ac1acf06381cac"


def test_reloading_an_edited_document_gives_what_a_full_load_gives(project):
    paths = Paths(project)
    before = load(paths)
    catalog = paths.catalog(DOC)
    text = catalog.read_text(encoding="utf-8").replace("I would like to clarify", "Let me clarify", 1)
    catalog.write_text(text, encoding="utf-8")
    seed = paths.seeds / f"{DOC}.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n追加された段落です。\n", encoding="utf-8")
    full = load(paths)
    partial = reload(before, {DOC})
    assert partial.documents == full.documents
    assert partial.document(DOC).segments[-1].ja == "追加された段落です。"
    assert partial.reference.topic_passages == full.reference.topic_passages
    assert partial.reference.term_passages == full.reference.term_passages
    assert partial.catalogs[DOC].text == full.catalogs[DOC].text
    assert sorted(partial.report.warnings) == sorted(full.report.warnings)
    assert partial.report.dropped == full.report.dropped
    # without the reference apparatus: the documents new, the apparatus as it was
    quick = reload(before, {DOC}, reference=False)
    assert quick.documents == full.documents and quick.reference is before.reference
