"""Parse hints: what an editor tells the parser about one document.

Recognition is a guess; editorial/documents.yml can correct it for one
document without code changes (its ``structure:`` entry). The schema layer
turns that YAML into a ``ParseHints`` and records, in ``origins``, where each
hint was written, so that a hint the text contradicts (a speaker label that
never occurs, a heading pattern that matches no line) is reported with file
and line. Keys of ``origins``: ``source_lang``, ``speakers.<label>``,
``not_speakers.<label>``, ``headings.<n>``, ``not_headings.<n>`` (n from 0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from ..model import LANGS as LANGUAGES
from ..schema.editorial import ROLES  # what a speaker does in the text (an interviewer's turns are questions)
from ..schema.options import Fields


@dataclass(frozen=True)
class Speaker:
    """Who a speaker label stands for."""

    name_ja: str = ""
    name_en: str = ""
    role: str = ""  # one of ROLES; "" = guess from the label


@dataclass(frozen=True)
class ParseHints:
    """Per-document corrections to what the parser recognises."""

    source_lang: str = ""  # "ja" | "en"; "" = detect from the text
    speakers: dict[str, Speaker] = field(default_factory=dict)  # label as printed -> who
    not_speakers: tuple[str, ...] = ()  # labels that look like speakers but are not ("ポイント")
    headings: tuple[re.Pattern, ...] = ()  # whole-line patterns; group "text" is the heading's text
    not_headings: tuple[re.Pattern, ...] = ()  # lines never made headings
    origins: dict[str, tuple[str, int]] = field(default_factory=dict)  # hint key -> (file, line)


NO_HINTS = ParseHints()


@dataclass(frozen=True)
class HintProblem:
    """A hint the text contradicts, named by its key in ``ParseHints.origins``."""

    key: str
    message: str


def check_hints(hints: ParseHints) -> list[HintProblem]:
    """Problems a hint has on its own, before any text is read."""
    problems = []
    if hints.source_lang and hints.source_lang not in LANGUAGES:
        problems.append(HintProblem("source_lang", f"source_lang '{hints.source_lang}' is not one of ja, en"))
    for label, speaker in hints.speakers.items():
        if speaker.role and speaker.role not in ROLES:
            roles = ", ".join(ROLES)
            message = f"speaker '{label}': role '{speaker.role}' is not one of {roles}"
            problems.append(HintProblem(f"speakers.{label}", message))
    for pattern_list, name in ((hints.headings, "headings"), (hints.not_headings, "not_headings")):
        for index, pattern in enumerate(pattern_list):
            if not isinstance(pattern, re.Pattern):
                problems.append(HintProblem(f"{name}.{index}", f"{name}[{index}] must be a compiled pattern"))
    return problems


def structure_hints(raw: Fields | None, path: Path) -> ParseHints:
    """The parser's hints from a document's ``structure:`` entry (validated by
    the schema: DOCUMENTS), each with the line it was written on."""
    structure = (raw or {}).get("structure")
    if not structure:
        return NO_HINTS
    origins: dict[str, tuple[str, int]] = {}

    def at(key: str, value) -> None:
        origins[key] = (str(path), getattr(value, "line", 0) or structure.line)

    if structure["source_lang"]:
        at("source_lang", structure["source_lang"])
    speakers = {}
    for label, who in structure["speakers"].items():
        at(f"speakers.{label}", label)
        name = who["name"] or {}
        speakers[str(label)] = Speaker(str(name.get("ja") or ""), str(name.get("en") or ""), str(who["role"] or ""))
    for label in structure["not_speakers"]:
        at(f"not_speakers.{label}", label)
    for key in ("headings", "not_headings"):
        for index, pattern in enumerate(structure[key]):
            at(f"{key}.{index}", pattern)
    return ParseHints(
        source_lang=str(structure["source_lang"] or ""),
        speakers=speakers,
        not_speakers=tuple(map(str, structure["not_speakers"])),
        headings=tuple(re.compile(p) for p in structure["headings"]),
        not_headings=tuple(re.compile(p) for p in structure["not_headings"]),
        origins=origins,
    )


def hint_problems(problems: list[HintProblem], hints: ParseHints, metadata: Path, name: str) -> list[Problem]:
    """Hints the seed contradicts, each at the file and line it was written on."""
    out = []
    for problem in problems:
        path, line = hints.origins.get(problem.key, (metadata, None))
        out.append(Problem(path, f"{name}: structure: {problem.message}", line))
    return out
