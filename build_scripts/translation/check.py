"""Translation QA (``python -m build_scripts check``).

Each finding names the translation file (and the entry's line), the segment
id and what is wrong, as an error or a warning. A justified exception is
recorded on the entry, never by weakening a rule:

    allow:
      - check: numbers
        reason: The source's "1週間" is rendered "a week".
"""

from __future__ import annotations

import difflib
import re
import statistics
from dataclasses import dataclass

from ..errors import InputError
from ..model import Document, Segment, Status
from ..reference.glossary import Glossary
from ..source.text import KANA_OR_KANJI, URL
from .catalog import Catalog
from .numbers import missing_numbers
from .typography import file_problems as typography_file_problems
from .typography import problems as typography_problems

CHECKS = {
    "missing": "error",
    "stale": "error",
    "numbers": "error",
    "glossary": "error",
    "script": "error",
    "brackets": "error",
    "spacing": "warning",
    "length": "warning",
    "allow": "warning",
    "unknown": "error",
    "input": "error",  # a data file the build cannot use (reported by the loader)
    "typography": "error",
}
PAIRS = (("(", ")"), ("[", "]"), ("“", "”"), ("「", "」"), ("（", "）"))
LENGTH_FACTOR = 2.0  # an English passage under half or over twice the document's usual ratio
MIN_LENGTH = 15  # shorter passages vary too much to judge by length


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    doc: str
    id: str
    check: str
    message: str

    @property
    def severity(self) -> str:
        return CHECKS[self.check]

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        subject = f"{self.id}: " if self.id else ""
        return f"{where}: {self.severity}: {subject}{self.message} [{self.check}]"


def run_checks(project) -> list[Finding]:
    """Every finding about the project's translations and the English of its data files."""
    paths, glossary = project.paths, project.reference.glossary
    findings: list[Finding] = []
    for doc in project.documents:
        catalog = project.catalogs[doc.meta.name]
        findings.extend(check_document(paths.relative(catalog.path), doc, catalog, glossary))
    for path, loaded in sorted(project.data.items()):  # the English of notes and reference data
        for line, ident, check, message in typography_file_problems(loaded.data):
            findings.append(Finding(path, line, "", ident, check, message))
    return findings


def input_findings(err: InputError, paths) -> list[Finding]:
    """Problems that stop the project from loading, as findings (``check`` lists them with the rest)."""
    return [Finding(paths.relative(p.path), p.line or 0, "", "", "input", p.message) for p in err.problems]


def check_document(path: str, doc: Document, catalog: Catalog, glossary: Glossary) -> list[Finding]:
    entries = catalog.by_id()
    usual = _usual_ratio(doc.segments)
    findings = []
    for seg in doc.segments:
        entry = entries.get(seg.id)
        raw = list(_segment_problems(seg, entry, glossary, usual))
        allowed = {check for check, _ in (entry.allow if entry else ())}
        for check, message in raw:
            if check not in allowed:
                findings.append(Finding(path, entry.line if entry else 0, doc.meta.name, seg.id, check, message))
        for check in sorted(allowed - {c for c, _ in raw}):
            message = f"'allow: {check}' suppresses nothing; remove it"
            if check not in CHECKS:
                message = f"'allow: {check}' names no check (one of {', '.join(CHECKS)})"
            findings.append(Finding(path, entry.line if entry else 0, doc.meta.name, seg.id, "allow", message))
    known = {seg.id for seg in doc.segments}
    for entry in catalog.entries:
        if entry.id not in known:
            close = difflib.get_close_matches(entry.id, sorted(known - set(entries)), n=1)
            hint = f" (a new passage is '{close[0]}')" if close else ""
            message = (
                f"no passage of seeds/{doc.meta.name}.txt has this id{hint}: an entry's id must not be "
                "edited; `python -m build_scripts sync` moves entries of removed passages to 'obsolete:'"
            )
            findings.append(Finding(path, entry.line, doc.meta.name, entry.id, "unknown", message))
    return findings


def _segment_problems(seg: Segment, entry, glossary: Glossary, usual: float):
    if seg.status is Status.ORIGINAL:
        return
    if seg.status is Status.PENDING or not seg.translation.strip():
        yield "missing", "no translation"
        return
    if seg.status is Status.STALE:
        yield "stale", "the source changed since this was translated; update the translation, then its status"
    elif entry and entry.previous_source:
        yield "stale", "'previous_source' is still there: remove it once the translation is up to date"
    source, translation = seg.source, seg.translation
    japanese, english = (source, translation) if seg.source_lang == "ja" else (translation, source)
    for written in missing_numbers(japanese, english):
        yield "numbers", f"the number '{written}' of the Japanese is not in the English"
    yield from _glossary_problems(japanese, english, glossary)
    yield from _script_problems(seg, translation)
    yield from _bracket_problems(translation)
    yield from _spacing_problems(translation)
    if seg.source_lang == "ja":  # the English is the edition's own, not a source's
        yield from typography_problems(translation)
    ratio = _ratio(seg)
    if ratio and usual and not usual / LENGTH_FACTOR <= ratio <= usual * LENGTH_FACTOR:
        yield (
            "length",
            (
                f"the English is {ratio:.1f}x the length of the Japanese (usual here: {usual:.1f}x): "
                "is something dropped or added?"
            ),
        )


def _glossary_problems(japanese: str, english: str, glossary: Glossary):
    found_en = {term.id for _, _, term in glossary.find_en(english)}
    reported = set()
    for start, end, term in glossary.find_ja(japanese):
        if term.id not in found_en and term.id not in reported:
            reported.add(term.id)
            yield (
                "glossary",
                (
                    f"the Japanese uses the glossary term {japanese[start:end]} ({term.id}); "
                    f"the English should say '{term.en}' (or one of: {', '.join(term.en_forms[1:]) or 'no variants'})"
                ),
            )


def _script_problems(seg: Segment, translation: str):
    text = URL.sub("", translation)
    if seg.source_lang == "ja":
        chars = sorted(set(KANA_OR_KANJI.findall(text)))
        if chars:
            yield "script", f"Japanese characters in the English: {''.join(chars[:12])}"
    elif re.search(r"[A-Za-z]+(?:\s+[A-Za-z]+){3,}", text):
        yield "script", "a run of English words in the Japanese"


def _bracket_problems(text: str):
    for opening, closing in PAIRS:
        if text.count(opening) != text.count(closing):
            yield (
                "brackets",
                f"unbalanced {opening}{closing}: {text.count(opening)} opening, {text.count(closing)} closing",
            )
    # ’ doubles as the apostrophe; only an opening ‘ without any closing mark is certain
    if text.count("‘") > text.count("’"):
        yield "brackets", "unbalanced ‘’: an opening quote without its closing one"


def _spacing_problems(text: str):
    if text != text.strip():
        yield "spacing", "leading or trailing space"
    if "  " in text:
        yield "spacing", "doubled space"
    if re.search(r"\s[,.;:!?)](?!\w)", text):
        yield "spacing", "a space before punctuation"
    if re.search(r"[a-z][.!?][A-Z][a-z]", text):
        yield "spacing", "no space after a sentence end"


def _ratio(seg: Segment) -> float | None:
    japanese = URL.sub("", seg.ja if seg.source_lang == "ja" else seg.en)
    english = URL.sub("", seg.en if seg.source_lang == "ja" else seg.ja)
    if seg.source_lang != "ja" or len(japanese) < MIN_LENGTH or not english:
        return None
    return len(english) / len(japanese)


def _usual_ratio(segments) -> float:
    ratios = [r for s in segments if s.status in (Status.TRANSLATED, Status.REVIEWED) and (r := _ratio(s))]
    return statistics.median(ratios) if len(ratios) >= 5 else 2.3
