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
from pathlib import Path

from ..errors import InputError
from ..model import Document, Segment
from ..pipeline import Paths, load
from ..reference.glossary import Glossary, load_glossary
from ..reference.topics import load_topics, passages_by_topic
from ..source.text import KANA_OR_KANJI, URL
from .catalog import load_catalog
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
    "topics": "error",
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


def run_checks(paths: Paths) -> list[Finding]:
    documents, _ = load(paths)
    glossary = load_glossary(paths.editorial / "glossary.yml")
    findings: list[Finding] = []
    for doc in documents:
        findings.extend(check_document(paths, doc, glossary))
    findings.extend(_topic_findings(paths, documents))
    for path in sorted(paths.editorial.rglob("*.yml")):  # the English of notes and reference data
        for line, ident, check, message in typography_file_problems(path):
            findings.append(Finding(_relative(path, paths.root), line, "", ident, check, message))
    return findings


def _topic_findings(paths: Paths, documents: list[Document]) -> list[Finding]:
    """topics.yml as the topic index reads it (topics.py): a misspelt field or
    a DOC:ID that names no passage is reported here with the rest."""
    try:
        passages_by_topic(documents, load_topics(paths.editorial / "topics.yml"))
    except InputError as err:
        return [Finding(_relative(p.path, paths.root), p.line or 0, "", "", "topics", p.message) for p in err.problems]
    return []


def _relative(path, root) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def check_document(paths: Paths, doc: Document, glossary: Glossary) -> list[Finding]:
    catalog = load_catalog(paths.editorial, doc.meta.name)
    entries = catalog.by_id()
    path = str(catalog.path.relative_to(paths.root))
    usual = _usual_ratio(doc.segments)
    findings = []
    for seg in doc.segments:
        entry = entries.get(seg.id)
        raw = list(_segment_problems(seg, entry, glossary, usual))
        allowed = {a["check"] for a in (entry.allow if entry else ())}
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
    if seg.status == "original":
        return
    if seg.status == "pending" or not seg.translation.strip():
        yield "missing", "no translation"
        return
    if seg.status == "stale":
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
    ratios = [r for s in segments if s.status in ("translated", "reviewed") and (r := _ratio(s))]
    return statistics.median(ratios) if len(ratios) >= 5 else 2.3
