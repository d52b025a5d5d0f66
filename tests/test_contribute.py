"""Contributing through pull requests: edit links that land on the right
file and lines, CAT exports that validate and round-trip, the new/status
commands, a simulated pull request, precise messages for bad
contributions, and CI files that call the README's commands."""

from __future__ import annotations

import difflib
import functools
import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from translate.storage import po, tbx, tmx, xliff

from build_scripts.exchange.cat import aligned, translatable
from build_scripts.pipeline import Paths, load
from build_scripts.web.edit_links import EditLinks

from .conftest import ROOT, copy_project, edit_one_translation, run_cli

REPO = "https://github.com/altman-infra/bilingual-publication"
DOC = "004_56ac1acf06381cac"
EDIT_LINK = re.compile(rf'href="{re.escape(REPO)}/(edit|blob)/main/([^"#]+)(?:#L(\d+)(?:-L(\d+))?)?"')
PASSAGE = re.compile(
    r'<a class="seg-link" href="#(?P<id>[^"]+)"[^>]*>[^<]*</a>'
    r'<a class="seg-edit" href="(?P<href>[^"]+)" title="[^"]*" aria-label="(?P<label>[^"]+)"></a>'
)
LABELS = {
    "ja": {"この訳文を編集", "この箇所を翻訳する", "この箇所の注を編集"},
    "en": {"Edit this translation", "Translate this passage", "Edit this passage's notes"},
}
GLOSSARY = """terms:
  - id: rate-limits
    ja: レート制限
    en: rate limits
    reading: れーとせいげん
    variants: {ja: [利用制限], en: [rate limit]}
    short: {ja: 利用量の上限。, en: Caps on use.}
    definition: {ja: 製品を利用できる量の上限。, en: Caps on how much a product can be used.}
  - id: compute
    ja: 計算資源
    en: compute
    reading: けいさんしげん
    short: {ja: AIの計算能力。, en: Computing capacity for AI.}
    definition: {ja: AIの学習と推論に使う計算能力。, en: The computing capacity used to train and run AI.}
"""


@functools.cache
def repository_files() -> frozenset[str]:
    """The files of the repository (git ls-files, one process): generated pages
    exist on disk too, but are not in the repository. Outside a git checkout
    this fails, rather than let every path through."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    files = frozenset(listed.stdout.decode("utf-8").split("\0")) - {""}
    assert files, "git ls-files lists nothing: not a git checkout?"
    return files


def tracked(path: str) -> bool:
    """The file is in the repository (and on disk)."""
    return path in repository_files() and (ROOT / path).is_file()


def html_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.name != "404.html" and "assets" not in p.parts]


def catalog(project: Path, doc: str = DOC) -> Path:
    return project / "editorial" / "translations" / f"{doc}.yml"


def documents(project: Path):
    return list(load(Paths(project)).documents)


# -- edit links ----------------------------------------------------------------


@pytest.mark.slow
def test_every_page_has_an_edit_link_to_a_file_in_the_repository(built_site):
    pages = html_pages(built_site)
    assert len(pages) >= 16
    for page in pages:
        body = page.read_text(encoding="utf-8")
        button = re.search(r'<a href="([^"]+)" title="[^"]+" class="md-content__button md-icon" rel="edit">', body)
        assert button, f"{page}: no 'edit this page' link"
        match = EDIT_LINK.fullmatch(f'href="{button[1]}"')
        assert match and match[1] == "edit", button[1]
        assert tracked(match[2]), f"{page}: edit link to {match[2]}, which is not in the repository"
        rel = page.relative_to(built_site).as_posix()
        if rel.endswith("documents/index.html"):  # the documents index: the metadata
            assert match[2] == "editorial/documents.yml", rel
        elif "documents/" in rel:
            assert match[2].startswith("editorial/translations/"), rel
        elif rel.endswith("about/index.html"):
            assert match[2] in ("docs/about.ja.md", "docs/about.en.md"), rel
        for link in EDIT_LINK.finditer(body):  # every other link into the repository too
            assert tracked(link[2]), f"{page}: {link[0]}"


@pytest.mark.slow
def test_every_passage_links_to_the_lines_of_its_entry(built_site):
    checked = 0
    for doc in documents(ROOT):
        lines = (ROOT / doc.catalog).read_text(encoding="utf-8").split("\n")
        for prefix, lang in (("", "ja"), ("en/", "en")):
            body = (built_site / prefix / "documents" / doc.meta.slug / "index.html").read_text(encoding="utf-8")
            found = list(PASSAGE.finditer(body))
            # every passage that has a permalink has its pencil beside it
            assert len(found) == body.count('class="seg-link"') == body.count('class="seg-edit"') > 0
            for match in found:
                link = EDIT_LINK.fullmatch(f'href="{match["href"]}"')
                assert link and link[1] == "blob" and link[2] == doc.catalog, match["href"]
                first, last = int(link[3]), int(link[4] or link[3])
                assert lines[first - 1] == f"- id: {match['id']}", (doc.catalog, first, match["id"])
                # the range covers the entry and stops before the next one
                assert last >= first and lines[last - 1].strip()
                assert all(not line.startswith("- id:") for line in lines[first:last])
                assert not lines[last].strip() or lines[last].startswith(("- id:", "obsolete:"))
                assert html.unescape(match["label"]) in LABELS[lang]
                checked += 1
    assert checked >= 2 * 300


def test_passage_links_resolve_against_the_configured_repository():
    markdown = '<a class="seg-edit" href="repo:editorial/translations/x.yml#L3-L9" title="t" aria-label="t"></a>'
    github = EditLinks("https://github.com/o/r/", "edit/main/")
    assert github.resolve(markdown).count("https://github.com/o/r/blob/main/editorial/translations/x.yml#L3-L9") == 1
    assert github.edit("editorial/documents.yml") == "https://github.com/o/r/edit/main/editorial/documents.yml"
    gitlab = EditLinks("https://gitlab.com/o/r", "-/edit/main/")
    assert "https://gitlab.com/o/r/-/blob/main/" in gitlab.resolve(markdown)
    assert EditLinks("", "").resolve(markdown) == ""  # no repository: no dead links


# -- CAT exports ---------------------------------------------------------------


def export(project: Path, fmt: str, tmp_path: Path) -> Path:
    out = tmp_path / f"corpus.{fmt}"
    result = run_cli(project, "export", "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_exports_validate_and_hold_the_corpus(project, tmp_path):
    (project / "editorial" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    docs = documents(project)
    to_translate = [(d.meta.name, s) for d in docs for s in translatable(d)]
    memory = [s for d in docs for s in aligned(d)]

    units = [u for u in po.pofile.parsefile(str(export(project, "po", tmp_path))).units if not u.isheader()]
    assert len(units) == len(to_translate)
    assert [u.getcontext() for u in units] == [f"{name}:{s.id}" for name, s in to_translate]
    first, seg = units[0], to_translate[0][1]
    assert (first.source, first.target) == (seg.source, seg.translation)
    assert first.getlocations()[0].startswith(f"editorial/translations/{to_translate[0][0]}.yml:")

    store = xliff.xlifffile.parsefile(str(export(project, "xliff", tmp_path)))
    assert len(store.units) == len(to_translate)
    assert [u.getid().replace("\x04", ":") for u in store.units] == [f"{n}:{s.id}" for n, s in to_translate]
    assert not any(u.isfuzzy() for u in store.units)  # every real translation is reviewed

    memory_units = tmx.tmxfile.parsefile(str(export(project, "tmx", tmp_path))).units
    assert len(memory_units) == len(memory) > 300
    assert {u.getcontext() for u in memory_units} >= {f"{DOC}:p1", "001_814190bd2886a73f:t0312"}

    terms = tbx.tbxfile.parsefile(str(export(project, "tbx", tmp_path))).units
    assert [(t.getid(), t.source, t.target) for t in terms] == [
        ("rate-limits", "レート制限", "rate limits"),
        ("compute", "計算資源", "compute"),
    ]
    assert [t.text for t in terms[0].get_source_terms()] == ["レート制限", "利用制限"]
    definitions = {n.text for n in terms[0].get_common_notes(source=True) + terms[0].get_common_notes()}
    assert {"製品を利用できる量の上限。", "Caps on how much a product can be used."} <= definitions

    lines = export(project, "jsonl", tmp_path).read_text(encoding="utf-8").splitlines()
    assert len(lines) == sum(len(d.segments) for d in docs)
    assert json.loads(lines[0])["doc"] == docs[0].meta.name


def test_export_goes_to_standard_output_by_default(project):
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(project), "export", "--format", "po"],
        capture_output=True,
        cwd=ROOT,
    )
    assert result.returncode == 0
    assert len(po.pofile.parsestring(result.stdout).units) > 200


def test_stale_and_draft_translations_are_fuzzy_in_the_exports(project, tmp_path):
    seed = project / "seeds" / f"{DOC}.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("明確にしておきたい", "はっきりさせておきたい"), "utf-8")
    assert run_cli(project, "sync").returncode == 0
    text = catalog(project).read_text(encoding="utf-8")
    catalog(project).write_text(text.replace("status: reviewed", "status: draft", 1), encoding="utf-8")
    units = {u.getcontext(): u for u in po.pofile.parsefile(str(export(project, "po", tmp_path))).units}
    stale = units[f"{DOC}:p1"]
    assert stale.isfuzzy() and stale.prev_source == "いくつかの点を明確にしておきたいと思います。"
    assert units[f"{DOC}:p2"].isfuzzy() and not units[f"{DOC}:p3"].isfuzzy()
    by_id = {u.getid(): u for u in xliff.xlifffile.parsefile(str(export(project, "xliff", tmp_path))).units}
    assert by_id[f"{DOC}\x04p1"].isfuzzy() and not by_id[f"{DOC}\x04p3"].isfuzzy()


# -- import: a round trip changes exactly one translation ------------------------


def _change_po(path: Path, key: str, target: str) -> None:
    store = po.pofile.parsefile(str(path))
    unit = next(u for u in store.units if u.getcontext() == key)
    unit.target = target
    unit.markfuzzy(False)
    store.savefile(str(path))


def _change_xliff(path: Path, key: str, target: str) -> None:
    store = xliff.xlifffile.parsefile(str(path))
    unit = next(u for u in store.units if u.getid() == key.replace(":", "\x04"))
    unit.settarget(target, lang="en")
    unit.markfuzzy(False)
    store.savefile(str(path))


@pytest.mark.parametrize("fmt, change", [("po", _change_po), ("xliff", _change_xliff)])
def test_round_trip_changes_exactly_one_translation(project, tmp_path, fmt, change):
    before = {p.name: p.read_text(encoding="utf-8") for p in (project / "editorial").rglob("*.yml")}
    exported = export(project, fmt, tmp_path)
    new = "Let me make a few points clear."
    change(exported, f"{DOC}:p1", new)
    result = run_cli(project, "import", str(exported))
    assert result.returncode == 0, result.stderr
    assert f"editorial/translations/{DOC}.yml: 1 translation(s) changed: p1" in result.stdout

    after = {p.name: p.read_text(encoding="utf-8") for p in (project / "editorial").rglob("*.yml")}
    assert [name for name in before if before[name] != after[name]] == [f"{DOC}.yml"]
    diff = [
        line
        for line in difflib.unified_diff(before[f"{DOC}.yml"].splitlines(), after[f"{DOC}.yml"].splitlines(), n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert diff == [
        "-  translation: |-",
        "-    I would like to clarify a few things.",
        "-  status: reviewed",
        f"+  translation: {new}",
        "+  status: translated",  # a changed reviewed translation is no longer reviewed
    ]
    # importing the same file again changes nothing
    again = run_cli(project, "import", str(exported))
    assert "0 changed, 0 confirmed" in again.stdout
    assert catalog(project).read_text(encoding="utf-8") == after[f"{DOC}.yml"]


def test_xliff_state_decides_whether_a_unit_is_finished(project, tmp_path):
    """Tools differ: some approve a finished unit, others only set its state."""
    exported = export(project, "xliff", tmp_path)
    store = xliff.xlifffile.parsefile(str(exported))
    units = {u.getid(): u for u in store.units}
    finished, unfinished = units[f"{DOC}\x04p1"], units[f"{DOC}\x04p2"]
    for unit, text, state in ((finished, "Done.", "translated"), (unfinished, "Not yet.", "needs-translation")):
        unit.settarget(text, lang="en")
        unit.xmlelement.attrib.pop("approved", None)
        unit.getlanguageNode(lang=None, index=1).set("state", state)
    store.savefile(str(exported))
    assert run_cli(project, "import", str(exported)).returncode == 0
    entries = yaml.safe_load(catalog(project).read_text(encoding="utf-8"))["segments"]
    by_id = {e["id"]: e for e in entries}
    assert (by_id["p1"]["translation"], by_id["p1"]["status"]) == ("Done.", "translated")
    assert (by_id["p2"]["translation"], by_id["p2"]["status"]) == ("Not yet.", "draft")


def test_import_confirms_a_stale_translation_and_drops_its_previous_source(project, tmp_path):
    seed = project / "seeds" / f"{DOC}.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("明確にしておきたい", "はっきりさせておきたい"), "utf-8")
    assert run_cli(project, "sync").returncode == 0
    exported = export(project, "po", tmp_path)
    store = po.pofile.parsefile(str(exported))
    next(u for u in store.units if u.getcontext() == f"{DOC}:p1").markfuzzy(False)
    store.savefile(str(exported))
    result = run_cli(project, "import", str(exported))
    assert "1 draft or stale translation(s) confirmed: p1" in result.stdout, result.stdout
    assert "  previous_source:" not in catalog(project).read_text(encoding="utf-8")
    assert run_cli(project, "check").returncode == 0


def test_import_refuses_unknown_ids_naming_the_file_and_id(project, tmp_path):
    exported = export(project, "po", tmp_path)
    text = exported.read_text(encoding="utf-8")
    text = text.replace(f'msgctxt "{DOC}:p2"', f'msgctxt "{DOC}:p99"')
    text = text.replace(f'msgctxt "{DOC}:p3"', 'msgctxt "005_nothere:p3"')
    exported.write_text(text, encoding="utf-8")
    before = catalog(project).read_text(encoding="utf-8")
    result = run_cli(project, "import", str(exported))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{exported}: unit '{DOC}:p99': editorial/translations/{DOC}.yml has no segment 'p99'" in result.stderr
    assert f"{exported}: unit '005_nothere:p3': no document '005_nothere'" in result.stderr
    assert catalog(project).read_text(encoding="utf-8") == before  # nothing written


def test_import_refuses_exports_only_formats(project, tmp_path):
    result = run_cli(project, "import", str(export(project, "tmx", tmp_path)))
    assert result.returncode == 1 and "tmx files are exports only" in result.stderr


# -- new and status ------------------------------------------------------------

NEW_SEED = "テストの資料\n\n本文です。二つ目の文です。\n\n- 項目一\n- 項目二\n"


def test_new_registers_a_source_text_without_touching_the_rest(project):
    documents_yml = project / "editorial" / "documents.yml"
    before = documents_yml.read_text(encoding="utf-8")
    (project / "seeds" / "005_new_text.txt").write_text(NEW_SEED, encoding="utf-8")
    result = run_cli(project, "new", str(project / "seeds" / "005_new_text.txt"))
    assert result.returncode == 0, result.stderr
    assert "editorial/translations/005_new_text.yml: created, 4 passages, 4 to translate" in result.stdout
    after = documents_yml.read_text(encoding="utf-8")
    assert after.startswith(before)  # appended: every comment and line above is kept
    meta = yaml.safe_load(after)["documents"]["005_new_text"]
    assert meta["slug"] == "005-new-text" and meta["order"] == 6 and meta["source"]["url"] == ""
    entries = yaml.safe_load(catalog(project, "005_new_text").read_text(encoding="utf-8"))["segments"]
    assert [(e["id"], e["status"]) for e in entries] == [("title", "pending"), ("p1", "pending")] + [
        ("li1", "pending"),
        ("li2", "pending"),
    ]
    status = run_cli(project, "status").stdout
    assert "005_new_text (005-new-text) editorial/translations/005_new_text.yml" in status
    assert "  4 passages: 4 pending; coverage 0%" in status and "  pending (4): title, p1, li1, li2" in status
    assert run_cli(project, "build").returncode == 0


def test_new_refuses_a_file_outside_seeds_or_already_registered(project, tmp_path):
    outside = tmp_path / "005_elsewhere.txt"
    outside.write_text(NEW_SEED, encoding="utf-8")
    result = run_cli(project, "new", str(outside))
    assert result.returncode == 1 and "not in" in result.stderr and "seeds/" in result.stderr
    result = run_cli(project, "new", str(project / "seeds" / f"{DOC}.txt"))
    assert result.returncode == 1
    assert re.search(rf"documents\.yml:\d+: seeds/{DOC}\.txt is already registered", result.stderr), result.stderr


def test_new_writes_nothing_when_it_cannot_append_safely(project):
    """The entries in flow style: a block appended after them would not be one of them."""
    documents_yml = project / "editorial" / "documents.yml"
    text = "# metadata\ndocuments: {}\n"
    documents_yml.write_text(text, encoding="utf-8")
    (project / "seeds" / "005_new_text.txt").write_text(NEW_SEED, encoding="utf-8")
    result = run_cli(project, "new", str(project / "seeds" / "005_new_text.txt"))
    assert result.returncode == 1 and "`documents:` must be the last key" in result.stderr
    assert documents_yml.read_text(encoding="utf-8") == text
    assert not catalog(project, "005_new_text").exists()


def test_status_reports_what_remains(project):
    seed = project / "seeds" / f"{DOC}.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("明確にしておきたい", "はっきりさせておきたい"), "utf-8")
    result = run_cli(project, "status")
    assert result.returncode == 0
    assert "  16 passages: 15 reviewed, 1 stale; coverage 93.7%\n  stale (1): p1\n" in result.stdout


# -- a simulated pull request --------------------------------------------------


@pytest.mark.slow
def test_a_pull_request_that_edits_one_translation(tmp_path, altered_site):
    """The contributor's edit (conftest.edit_one_translation) passes `build` and `check` on a
    fork, and the site built with it (the session's altered site) shows it in both languages."""
    project = copy_project(tmp_path / "fork")
    edit_one_translation(project)
    assert run_cli(project, "build").returncode == 0
    check = run_cli(project, "check")
    assert check.returncode == 0 and check.stdout.strip().endswith("0 errors, 0 warnings"), check.stdout
    for prefix in ("", "en/"):
        page = (
            altered_site.site / prefix / "documents" / "altman-statement-government-guarantees" / "index.html"
        ).read_text()
        passage = re.search(r'<div class="seg seg-paragraph" id="p1" data-status="(\w+)">(.*?)</div>\n<a', page, re.S)
        assert passage and passage[1] == "translated"
        assert "A few points need clarifying." in passage[2] and "clarify a few things" not in page


# -- bad contributions get precise messages -----------------------------------


def test_invalid_yaml_names_file_and_line(project):
    path = catalog(project)
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index("  status: reviewed", lines.index("- id: p3"))
    lines[at] = "  status: [reviewed"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run_cli(project, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(rf"translations/{DOC}\.yml:\d+: error: invalid YAML", result.stdout), result.stdout
    hook = run_cli(project, "check-yaml", str(path))
    assert hook.returncode == 1 and f"{DOC}.yml:" in hook.stderr


def test_unknown_segment_id_is_named_with_its_line(project):
    path = catalog(project)
    text = path.read_text(encoding="utf-8")
    text = text.replace("\nobsolete:", "\n", 1) if "\nobsolete:" in text else text
    entry = "\n- id: p99\n  kind: paragraph\n  source: 存在しない段落。\n  translation: Nothing.\n"
    path.write_text(text + entry, encoding="utf-8")
    line = path.read_text(encoding="utf-8").split("\n").index("- id: p99") + 1
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert f"editorial/translations/{DOC}.yml:{line}: error: p99: no passage of seeds/{DOC}.txt" in result.stdout
    assert "[unknown]" in result.stdout


def test_stale_translation_is_named(project):
    seed = project / "seeds" / f"{DOC}.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("明確にしておきたい", "はっきりさせておきたい"), "utf-8")
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert re.search(rf"editorial/translations/{DOC}\.yml:\d+: error: p1: the source changed", result.stdout)


def test_glossary_term_without_definition_is_named(project):
    definition = "    definition: {ja: AIの学習と推論に使う計算能力。, "
    definition += "en: The computing capacity used to train and run AI.}\n"
    assert definition in GLOSSARY
    broken = GLOSSARY.replace(definition, "")
    (project / "editorial" / "glossary.yml").write_text(broken, encoding="utf-8")
    result = run_cli(project, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = broken[: broken.index("  - id: compute")].count("\n") + 1
    assert f"editorial/glossary.yml:{line}: error: term 'compute': `definition` is missing [input]" in result.stdout


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            '      - "004_56ac1acf06381cac:p11"',
            '      - "004_56ac1acf06381cac:p111"',
            "topic 'power-energy' exclude: unknown passage '004_56ac1acf06381cac:p111' (write DOC:ID)",
        ),
        (
            '      - "004_56ac1acf06381cac:p11"',
            '      - "004_56ac1acf06381cab:p11"',
            "unknown passage '004_56ac1acf06381cab:p11'",
        ),
        ('      - "004_56ac1acf06381cac:p11"', "      - 004_56ac1acf06381cac-p11", "(write DOC:ID)"),
        ("    keywords:\n", "    keyword:\n", "topic 'power-energy': unknown key `keyword`; did you mean `keywords`?"),
    ],
)
def test_topic_typos_are_named_with_their_line(project, old, new, message):
    path = project / "editorial" / "topics.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    line = text[: text.index(new)].count("\n") + 1
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert f"editorial/topics.yml:{line}: error: " in result.stdout and message in result.stdout, result.stdout


def test_a_sixth_seed_without_a_translation_file_has_no_dead_edit_links(project, tmp_path):
    (project / "seeds" / "005_new_text.txt").write_text(NEW_SEED, encoding="utf-8")
    assert run_cli(project, "build").returncode == 0
    page = (project / "generated" / "documents" / "005-new-text.ja.md").read_text(encoding="utf-8")
    assert "seg-edit" not in page and "edit_path" not in page


# -- CI files ------------------------------------------------------------------


@pytest.mark.slow
def test_the_pre_commit_hooks_pass_on_the_repository():
    """Each hook of .pre-commit-config.yaml, run as pre-commit runs it (its
    entry from the venv, on the files it matches): the repository passes."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert {h["id"] for h in hooks} >= {"ruff-check", "ruff-format", "editorial-yaml", "translation-check", "zizmor"}
    files = sorted(repository_files())
    for hook in hooks:
        assert hook["language"] == "system" and hook["entry"].startswith(".venv/bin/"), hook["id"]
        command = [str(Path(sys.executable).parent / hook["entry"].split()[0].removeprefix(".venv/bin/"))]
        command += hook["entry"].split()[1:]
        if hook.get("pass_filenames", True):
            pattern = re.compile(hook.get("files", ""))
            chosen = [f for f in files if pattern.search(f)]
            if hook.get("types") == ["python"]:
                chosen = [f for f in chosen if f.endswith(".py")]
            command += chosen
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, f"{hook['id']}: {result.stdout[-2000:]}{result.stderr[-2000:]}"


def test_contributing_guides_name_every_check():
    from build_scripts.translation.check import CHECKS

    for name in ("CONTRIBUTING.md", "CONTRIBUTING.ja.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        for check in CHECKS:
            assert f"[{check}]" in text, f"{name} does not explain [{check}]"
