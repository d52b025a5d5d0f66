"""Recognise the structure of a seed: title, metadata lines, headings, lists,
Q&A, ◆ paragraphs, paragraphs, notes, and (delegated) the transcript.

Works on the seeds as they really are: paragraph breaks that survive only as
a space between sentences, inline list and section markers, a contents list.
Every character of the (boilerplate-free) seed ends up in exactly one block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block
from .text import (
    CJK,
    URL,
    ends_sentence,
    has_japanese,
    normalise_space,
    split_sentences_spaced,
)
from .transcript import find_transcript_start, parse_transcript

META_LINE = re.compile(
    r"(\d{4}[./-]\d{1,2}[./-]\d{1,2}"  # 2026.3.14
    r"|\[追記\]\s*\d{4}[./-]\d{1,2}[./-]\d{1,2}"  # [追記] 2026.3.19
    r"|©\s*\S.*"  # © rev.com
    r"|Published:\s*\S.*"  # Published: February 12, 2025
    r"|(執筆|文|著者|筆者)[:：]\s*\S.*)"  # 執筆:龍玥
)
TOC_LINE = re.compile(r"目次|Contents|もくじ")
NOTE_LINE = re.compile(r"[(（]注[:：].*")
QUESTION = re.compile(r"Q(\d{1,3})[.．]\s*")
ROMAN = re.compile(r"([IVX]{1,5})[.．]\s*")
ARABIC = re.compile(r"(\d{1,2})[.．](?!\d)\s*")
LINE_NUMBER = re.compile(r"(\d{1,2})\s+(?=\S)")
BULLET = re.compile(r"[-・•]\s*")
THREAD_BREAK = re.compile(r"\s+---\s+")
INLINE_BULLET = re.compile(r"\s+-\s+(?=\S)")
# A heading run into its paragraph ends at a space between two Japanese
# characters, unless both are katakana (a spaced loanword: オープンソース モデル).
HEADING_BREAK = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff」』])\s+(?=[\u3040-\u30ff\u4e00-\u9fff「『])")
KATAKANA = re.compile(r"[\u30a0-\u30ff]")

SHORT_HEADING = 45  # longest run-in heading, in characters
LINE_HEADING = 80  # longest heading that stands on its own line


@dataclass
class Parsed:
    blocks: list[Block] = field(default_factory=list)
    toc: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_lines(lines: list[str]) -> Parsed:
    """Parse a seed's lines (boilerplate already blanked) into blocks."""
    lines = [line.strip(" \t\u3000") for line in lines]
    start = find_transcript_start(lines)
    body, transcript = (lines, []) if start is None else (lines[:start], lines[start:])
    parsed = Parsed()
    _parse_body(body, parsed)
    if transcript:
        blocks, warnings = parse_transcript(transcript)
        parsed.blocks.extend(blocks)
        parsed.warnings.extend(warnings)
    return parsed


def _parse_body(lines: list[str], parsed: Parsed) -> None:
    state = _State()
    numbered = [i for i, line in enumerate(lines) if line]
    toc_headings = _take_toc(lines, parsed)
    item_next = False
    for position, index in enumerate(numbered):
        line = lines[index]
        has_next = position + 1 < len(numbered)
        if index in toc_headings.skip:
            continue
        if position == 0 and _is_title(line):
            parsed.blocks.append(Block("title", line, level=1))
        elif META_LINE.fullmatch(line):
            parsed.blocks.append(Block("meta", line))
        elif line in ("-", "・"):
            item_next = True
        elif item_next:
            parsed.blocks.append(Block("item", line, level=1, marker="-"))
            item_next = False
        elif line in toc_headings.titles:
            state.section_seen = True
            parsed.blocks.append(Block("heading", line, level=2))
        elif NOTE_LINE.fullmatch(line):
            parsed.blocks.append(Block("note", line))
        elif line.startswith("◆"):
            parsed.blocks.append(Block("attributed", line[1:].strip(), marker="◆"))
        elif match := _line_item(line):
            parsed.blocks.append(Block("item", match[1], level=1, marker=match[0]))
        elif has_next and _is_line_heading(line):
            state.section_seen = True
            parsed.blocks.append(Block("heading", line, level=2))
        else:
            parsed.blocks.extend(_parse_run(line, state))


@dataclass
class _State:
    section_seen: bool = False  # a level-2 heading has occurred
    roman_seen: bool = False


@dataclass
class _Toc:
    titles: set[str]
    skip: set[int]


def _take_toc(lines: list[str], parsed: Parsed) -> _Toc:
    """Find a contents list ("目次" and the lines after it) and take it out.

    Its entries become navigation; the lines they name become headings.
    """
    for index, line in enumerate(lines):
        if not TOC_LINE.fullmatch(line):
            continue
        entries, cursor = [], index + 1
        while cursor < len(lines) and (lines[cursor] or not entries):
            if lines[cursor]:
                entries.append(cursor)
            cursor += 1
        rest = lines[cursor:]
        titles = [lines[i] for i in entries if lines[i] in rest and len(lines[i]) <= LINE_HEADING]
        if titles and len(titles) == len(entries):
            parsed.toc.extend(titles)
            return _Toc(set(titles), {index, *entries})
        parsed.warnings.append(f"a contents list at line {index + 1} names lines not found below it")
    return _Toc(set(), set())


def _is_title(line: str) -> bool:
    return len(line) <= 160 and not META_LINE.fullmatch(line) and not ends_sentence(line) and "。 " not in line


def _is_line_heading(line: str) -> bool:
    return (
        len(line) <= LINE_HEADING
        and not ends_sentence(line)
        and not URL.fullmatch(line)
        and bool(CJK.search(line) or line.istitle())
    )


def _line_item(line: str) -> tuple[str, str] | None:
    """A list item standing on its own line: "・text", "- text" or "1 text"."""
    if line[:1] in "・•" or line.startswith("- "):
        return line[0], line[1:].strip()
    match = LINE_NUMBER.match(line)
    if match and has_japanese(line[match.end() : match.end() + 3]):
        return match[1], line[match.end() :]
    return None


def _parse_run(line: str, state: _State) -> list[Block]:
    """Parse one physical line that may hold many paragraphs and markers."""
    blocks: list[Block] = []
    for chunk in THREAD_BREAK.split(line):
        question = QUESTION.match(chunk)
        if question:
            blocks.extend(_parse_qa(question[1], chunk[question.end() :]))
            continue
        # " - " runs a bullet list into the text: each later piece opens an item
        for number, piece in enumerate(INLINE_BULLET.split(chunk)):
            paragraphs = split_sentences_spaced(piece)
            if number and paragraphs:
                blocks.append(Block("item", paragraphs.pop(0), level=1, marker="-"))
            for index, paragraph in enumerate(paragraphs):
                followed = index + 1 < len(paragraphs)
                blocks.extend(_parse_paragraph(paragraph, state, followed))
    return blocks


def _parse_qa(number: str, text: str) -> list[Block]:
    """Split "question? answer…" at the first space after the question mark."""
    mark = min((i for i in (text.find("?"), text.find("？")) if i >= 0), default=-1)
    split = -1
    if mark >= 0:
        for match in re.finditer(r"\s+", text[mark:]):
            before = text[: mark + match.start()].rstrip()
            if ends_sentence(before):
                split = mark + match.start()
                break
    if split < 0:
        return [Block("question", text.strip(), marker=f"Q{number}")]
    blocks = [Block("question", text[:split].strip(), marker=f"Q{number}")]
    for paragraph in split_sentences_spaced(text[split:].strip()):
        blocks.append(Block("answer", paragraph, marker=f"Q{number}"))
    return blocks


def _parse_paragraph(paragraph: str, state: _State, followed: bool = False) -> list[Block]:
    if paragraph.startswith("- "):
        return [Block("item", paragraph[2:].strip(), level=1, marker="-")]
    roman = ROMAN.match(paragraph)
    if roman and _is_roman(roman[1]):
        state.roman_seen = state.section_seen = True
        return _heading_with_rest(paragraph[roman.end() :], 2, f"{roman[1]}.")
    arabic = ARABIC.match(paragraph)
    if arabic:
        body = paragraph[arabic.end() :]
        head, rest = _split_run_in_heading(body)
        if not rest and ends_sentence(body) and not body.endswith(("?", "？")):
            return [Block("item", body, level=1, marker=f"{arabic[1]}.")]
        state.section_seen = True
        level = 3 if state.roman_seen else 2
        return [Block("heading", head, level=level, marker=f"{arabic[1]}."), *_paragraphs(rest)]
    head, rest = _split_run_in_heading(paragraph)
    if (rest or followed) and len(head) <= SHORT_HEADING and not ends_sentence(head):
        # a short phrase without a sentence end, run in before a paragraph
        level = 3 if state.section_seen else 2
        return [Block("heading", head, level=level), *_paragraphs(rest)]
    return [Block("paragraph", paragraph)]


def _heading_with_rest(text: str, level: int, marker: str) -> list[Block]:
    head, rest = _split_run_in_heading(text)
    return [Block("heading", head, level=level, marker=marker), *_paragraphs(rest)]


def _split_run_in_heading(text: str) -> tuple[str, str]:
    """Separate a heading from the paragraph it was run into, if any."""
    for match in HEADING_BREAK.finditer(text):
        left, right = text[match.start() - 1], text[match.end()]
        if KATAKANA.match(left) and KATAKANA.match(right):
            continue
        return text[: match.start()].strip(), text[match.end() :].strip()
    return text, ""


def _paragraphs(text: str) -> list[Block]:
    return [Block("paragraph", p) for p in split_sentences_spaced(text)] if text else []


def _is_roman(numeral: str) -> bool:
    return bool(re.fullmatch(r"I{1,3}|IV|V|VI{1,3}|IX|X", numeral))


def plain_title(blocks: list[Block], fallback: str) -> str:
    """A title for a seed without metadata: its title line or first sentence."""
    for block in blocks:
        if block.kind == "title":
            return block.text
    for block in blocks:
        if block.kind in ("paragraph", "heading", "attributed", "turn"):
            sentence = re.split(r"(?<=[。?？!！.])\s*", normalise_space(block.text))[0]
            return sentence if len(sentence) <= 60 else sentence[:59] + "…"
    return fallback
