"""Each translation check catches a deliberately broken fixture, names the
file, the entry's line and the segment, and can be suppressed only with a
written reason."""

from __future__ import annotations

import re

import pytest

from build_scripts.errors import InputError
from build_scripts.pipeline import Paths, load
from build_scripts.translation.check import run_checks

from .conftest import run_cli

DOC = "004_56ac1acf06381cac"


def catalog(project):
    return project / "editorial" / "translations" / f"{DOC}.yml"


def set_translation(project, ident: str, text: str, extra: str = "") -> None:
    """Replace the translation of entry ``ident`` (and add fields after it)."""
    path = catalog(project)
    body = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"(- id: {ident}\n(?:  .*\n|    .*\n)*?  translation: \|-\n)((?:    .*\n)+)(  status: \w+\n)")
    match = pattern.search(body)
    assert match, ident
    replacement = match[1] + "".join(f"    {line}\n" for line in text.split("\n")) + match[3] + extra
    path.write_text(body[: match.start()] + replacement + body[match.end() :], encoding="utf-8")


def findings(project, check=None):
    found = run_checks(load(Paths(project)))
    return [f for f in found if check is None or f.check == check]


def test_the_real_translations_pass(project):
    assert [str(f) for f in findings(project) if f.severity == "error"] == []


def test_missing_translation(project):
    path = catalog(project)
    body = re.sub(
        r"(- id: p1\n(?:  .*\n)*?  translation: )\|-\n(?:    .*\n)+", r"\1''\n", path.read_text(encoding="utf-8")
    )
    path.write_text(body, encoding="utf-8")
    found = findings(project, "missing")
    assert [f.id for f in found] == ["p1"] and found[0].severity == "error"
    assert str(found[0]).startswith(f"editorial/translations/{DOC}.yml:")


def test_stale_translation(project):
    seed = project / "seeds" / f"{DOC}.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("明確にしておきたい", "はっきりさせておきたい"), encoding="utf-8"
    )
    found = findings(project, "stale")
    assert [f.id for f in found] == ["p1"]


def test_wrong_number(project):
    # the source says 200億ドル ($20 billion) and 2030年
    set_translation(project, "p6", "We expect to pass a $2 billion annualised revenue run rate by the end of 2003.")
    messages = [f.message for f in findings(project, "numbers") if f.id == "p6"]
    assert any("200億" in m for m in messages) and any("2030" in m for m in messages)


def test_glossary_term_not_rendered(project):
    glossary = project / "editorial" / "glossary.yml"
    glossary.write_text(
        """terms:
  - id: rate-limits
    ja: レート制限
    en: rate limits
    reading: れーとせいげん
    short: {ja: 利用量の上限。, en: Caps on use.}
    definition: {ja: 利用量の上限。, en: Caps on how much a product can be used.}
""",
        encoding="utf-8",
    )
    assert findings(project, "glossary") == []  # the real translation says "rate limits"
    body = catalog(project).read_text(encoding="utf-8").replace("rate limits", "usage caps")
    catalog(project).write_text(body, encoding="utf-8")
    found = findings(project, "glossary")
    assert len(found) == 1 and "should say 'rate limits'" in found[0].message


def test_japanese_left_in_english(project):
    set_translation(project, "p1", "I want to clarify a few points 明確に.")
    assert [f.id for f in findings(project, "script")] == ["p1"]


def test_unbalanced_brackets_and_quotes(project):
    set_translation(project, "p1", "I want to make a few points clear (for the record.")
    set_translation(project, "p3", "“It would make sense, the government said.")
    found = {f.id: f.message for f in findings(project, "brackets")}
    assert "unbalanced ()" in found["p1"] and "unbalanced “”" in found["p3"]


def test_spacing(project):
    set_translation(project, "p1", "I want to make  a few points clear .")
    messages = [f.message for f in findings(project, "spacing")]
    assert "doubled space" in messages and "a space before punctuation" in messages
    assert all(f.severity == "warning" for f in findings(project, "spacing"))


def test_length_outlier(project):
    set_translation(project, "p2", "First: no.")
    found = findings(project, "length")
    assert [f.id for f in found] == ["p2"] and "something dropped" in found[0].message


def test_suppression_needs_a_reason_and_must_suppress_something(project):
    original = catalog(project).read_text(encoding="utf-8")
    set_translation(project, "p1", "Points 明確.", "  allow:\n  - check: script\n    reason: ''\n")
    with pytest.raises(InputError) as caught:
        findings(project)
    assert "segment 'p1': `allow[1].reason` is empty" in str(caught.value)
    catalog(project).write_text(original, encoding="utf-8")
    set_translation(project, "p1", "Points 明確.", "  allow:\n  - check: script\n    reason: Quoted on purpose.\n")
    assert findings(project, "script") == []
    catalog(project).write_text(original, encoding="utf-8")
    set_translation(
        project, "p1", "I want to make a few points clear.", "  allow:\n  - check: script\n    reason: Old.\n"
    )
    assert [f.message for f in findings(project, "allow")] == ["'allow: script' suppresses nothing; remove it"]


def test_cli_exit_status(project):
    ok = run_cli(project, "check")
    assert ok.returncode == 0 and ok.stdout.strip().endswith("0 errors, 0 warnings"), ok.stdout
    set_translation(project, "p6", "We expect a run rate of $2 billion.")
    bad = run_cli(project, "check")
    assert bad.returncode == 1 and "[numbers]" in bad.stdout


def test_typography_of_a_translation(project):
    set_translation(project, "p2", "First, the obvious one: we don't have government guarantees — for data centres.")
    found = findings(project, "typography")
    line = catalog(project).read_text(encoding="utf-8").split("\n").index("- id: p2") + 1
    assert [(f.id, f.line, f.severity) for f in found] == [("p2", line, "error")] * 2
    assert str(found[0]).startswith(f"editorial/translations/{DOC}.yml:{line}: error: p2: a straight apostrophe")
    assert "an em dash in «guarantees — for data»: write a spaced en dash ( – )" in found[1].message
    # an exception is written on the entry, with its reason
    set_translation(project, "p2", "We don't quote this.", "  allow:\n  - check: typography\n    reason: A test.\n")
    assert findings(project, "typography") == []


def test_typography_of_notes_and_reference_data(project):
    path = catalog(project)
    body = path.read_text(encoding="utf-8")
    path.write_text(
        body.replace("so we write “by the end of this year”.", 'so we write "by the end of this year".'),
        encoding="utf-8",
    )
    glossary = project / "editorial" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(
        text.replace(
            "In the Q&A thread, Altman says that Moore’s law –", "In the Q&A thread, Altman says that Moore's law —"
        ),
        encoding="utf-8",
    )
    found: dict[tuple[str, str], list] = {}
    for f in findings(project, "typography"):
        found.setdefault((f.path, f.id), []).append(f)
    assert sorted(found) == [("editorial/glossary.yml", "moores-law"), (f"editorial/translations/{DOC}.yml", "p6")]
    [note] = found[(f"editorial/translations/{DOC}.yml", "p6")]
    lines = path.read_text(encoding="utf-8").split("\n")
    en_line = next(i for i, text in enumerate(lines) if 'so we write "by the end' in text)  # the `en: |-` line above
    assert lines[en_line - 1] == "    en: |-" and note.line == en_line and note.severity == "error"
    assert note.message.startswith("notes.en: a straight double quote (2×) in")
    apostrophe, dash = found[("editorial/glossary.yml", "moores-law")]
    assert apostrophe.message.startswith("definition.en: a straight apostrophe in «says that Moore's law —»")
    assert dash.message.startswith("definition.en: an em dash in «Moore's law — transistor»")


def test_source_english_is_not_checked(project):
    """The transcript's English is the source: its straight apostrophes stay."""
    seed = (project / "seeds" / "001_814190bd2886a73f.txt").read_text(encoding="utf-8")
    assert "I'm a huge believer in the rights of companies" in seed
    assert findings(project, "typography") == []
