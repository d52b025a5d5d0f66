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

LANGUAGES = ("ja", "en")
# What a speaker does in the text. An interviewer's turns are questions.
ROLES = ("interviewer", "interviewee", "host", "guest", "speaker")


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
