"""Align an interview transcript: each English turn followed by its Japanese.

The seed's labels and timestamps are irregular. Handled here, each named in
a test: a label with its text on the same line; a Japanese label missing, or
without timestamp, with an empty "(:)" timestamp, without colon or with a
space before it; a continuation paragraph "(mm:ss) English (mm:ss) 日本語" on
one line; continuation paragraphs whose English and Japanese come in separate
runs; two turns of the same speaker in a row; a timestamp used twice.
Paragraphs are paired by timestamp where both sides have one, else by order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block
from .text import has_japanese, is_japanese

TIMESTAMP = r"\d{1,2}:\d{2}(?::\d{2})?"
EN_LABEL = re.compile(rf"([A-Z][A-Za-z]*(?: [A-Z0-9][A-Za-z0-9]*){{0,3}})\s*\(({TIMESTAMP})?\)\s*:?\s*(.*)")
JA_LABEL = re.compile(r"([^\s()（）:：\d][^()（）:：]{0,15}?)\s*[(（]([\d:]*)[)）]\s*[:：]?\s*(.*)")
BARE_LABEL = re.compile(r"([^\s()（）:：]{1,12})\s*[:：]")
# a Japanese label run onto the end of the English text: "… important. アルトマン(12:07):"
TRAILING_LABEL = re.compile(r"(.*\S)\s+([^\s()（）:：\d]{1,15})\s*[(（]([\d:]*)[)）]\s*[:：]?")
CONTINUATION = re.compile(rf"\(({TIMESTAMP})\)\s*(.*)")
NOTE = re.compile(r"[(（]注[:：].*")


def find_transcript_start(lines: list[str]) -> int | None:
    """Index of the first speaker label, if the text holds a bilingual
    transcript: English labels with timestamps, and Japanese labels too (a
    Japanese-only transcript labelled "Jane Doe (12:34):" is left to the
    speaker rules of speakers.py)."""
    labels = [i for i, line in enumerate(lines) if _en_label(line)]
    if len(labels) < 3 or not _known_ja_labels(lines[labels[0] :]):
        return None
    return labels[0]


def _en_label(line: str) -> re.Match | None:
    match = EN_LABEL.fullmatch(line)
    return match if match and match[2] and not has_japanese(match[1]) else None


def _ja_label(line: str, known: set[str]) -> tuple[str, str, str] | None:
    """(label, timestamp, inline text) for a Japanese speaker label line."""
    match = JA_LABEL.fullmatch(line)
    if match and has_japanese(match[1]) and (not match[3] or match[1] in known):
        stamp = match[2] if re.fullmatch(TIMESTAMP, match[2]) else ""
        return match[1].strip(), stamp, match[3]
    bare = BARE_LABEL.fullmatch(line)
    if bare and bare[1] in known:
        return bare[1], "", ""
    return None


@dataclass
class _Turn:
    label: str
    timestamp: str
    label_ja: str = ""
    en: list[tuple[str, str]] = field(default_factory=list)
    ja: list[tuple[str, str]] = field(default_factory=list)


def parse_transcript(lines: list[str]) -> tuple[list[Block], list[str]]:
    """Turn transcript lines into aligned ``turn`` blocks (and trailing notes)."""
    known = _known_ja_labels(lines)
    turns: list[_Turn] = []
    notes: list[Block] = []
    for line in filter(None, lines):
        if en := _en_label(line):
            turns.append(_Turn(en[1], en[2]))
            if en[3]:
                text, label_ja = _split_trailing_label(en[3], known)
                turns[-1].en.append((en[2], text))
                turns[-1].label_ja = label_ja or turns[-1].label_ja
        elif NOTE.fullmatch(line):
            notes.append(Block("note", line))
        elif not turns:
            notes.append(Block("paragraph", line))
        elif ja := _ja_label(line, known):
            turns[-1].label_ja = ja[0]
            if ja[2]:
                turns[-1].ja.append((ja[1], ja[2]))
        elif cont := CONTINUATION.fullmatch(line):
            _add_continuation(turns[-1], cont[1], cont[2])
        else:
            side = turns[-1].ja if is_japanese(line) else turns[-1].en
            side.append(("", line))
    blocks: list[Block] = []
    warnings: list[str] = []
    for turn in turns:
        blocks.extend(_align(turn, warnings))
    return blocks + notes, warnings


def _split_trailing_label(text: str, known: set[str]) -> tuple[str, str]:
    """Separate a Japanese speaker label printed at the end of English text."""
    match = TRAILING_LABEL.fullmatch(text)
    if match and match[2] in known:
        return match[1], match[2]
    return text, ""


def _known_ja_labels(lines: list[str]) -> set[str]:
    """Japanese speaker labels seen with a timestamp somewhere in the transcript."""
    known = set()
    for line in lines:
        match = JA_LABEL.fullmatch(line)
        if match and has_japanese(match[1]) and not match[3]:
            known.add(match[1].strip())
    return known


def _add_continuation(turn: _Turn, stamp: str, text: str) -> None:
    """ "(mm:ss) English (mm:ss) 日本語" or one side only."""
    english, sep, japanese = text.partition(f"({stamp})")
    if sep:
        turn.en.append((stamp, english.strip()))
        turn.ja.append((stamp, japanese.strip()))
    elif is_japanese(text):
        turn.ja.append((stamp, text))
    else:
        turn.en.append((stamp, text))


def _align(turn: _Turn, warnings: list[str]) -> list[Block]:
    """Pair English and Japanese paragraphs: by timestamp, else by order."""
    english = [(stamp or turn.timestamp if i == 0 else stamp, text) for i, (stamp, text) in enumerate(turn.en)]
    japanese = [(stamp or turn.timestamp if i == 0 else stamp, text) for i, (stamp, text) in enumerate(turn.ja)]
    unused = list(range(len(japanese)))
    pairs = []
    for stamp, text in english:
        match = next((j for j in unused if stamp and japanese[j][0] == stamp), None)
        if match is None:
            match = next((j for j in unused if not japanese[j][0] or not stamp), None)
        if match is None and unused:
            match = unused[0]
        if match is not None:
            unused.remove(match)
        pairs.append((stamp, text, japanese[match][1] if match is not None else ""))
    for j in unused:
        warnings.append(f"transcript {turn.label} ({turn.timestamp}): a Japanese paragraph has no English")
        pairs.append((japanese[j][0], "", japanese[j][1]))
    if not english:
        warnings.append(f"transcript {turn.label} ({turn.timestamp}): a turn without English text")
    return [
        Block(
            "turn",
            text,
            speaker=_speaker_key(turn.label),
            timestamp=stamp or turn.timestamp,
            source_lang="en",
            paired=japanese_text,
            turn_start=index == 0,
            label=turn.label,
            label_ja=turn.label_ja,
        )
        for index, (stamp, text, japanese_text) in enumerate(pairs)
    ]


def _speaker_key(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
