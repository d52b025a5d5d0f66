"""One physical line that holds many paragraphs: scraped text whose breaks
survive only as a space between sentences, with inline list and section
markers ("- ", "1.", "II.", "--- Q1.") and headings run into their paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block
from .text import ends_sentence, split_sentences_spaced

QUESTION = re.compile(r"Q(\d{1,3})[.．]\s*")
ROMAN = re.compile(r"([IVX]{1,5})[.．]\s*")
ARABIC = re.compile(r"(\d{1,2})[.．](?!\d)\s*")
THREAD_BREAK = re.compile(r"\s+---\s+")
INLINE_BULLET = re.compile(r"\s+-\s+(?=\S)")
# A heading run into its paragraph ends at a space between two Japanese
# characters, unless both are katakana (a spaced loanword: オープンソース モデル).
HEADING_BREAK = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff」』])\s+(?=[\u3040-\u30ff\u4e00-\u9fff「『])")
KATAKANA = re.compile(r"[\u30a0-\u30ff]")

SHORT_HEADING = 45  # longest run-in heading, in characters


@dataclass
class RunState:
    section_seen: bool = False  # a level-2 heading has occurred
    roman_seen: bool = False


def parse_run(line: str, state: RunState) -> list[Block]:
    """Parse one physical line that may hold many paragraphs and markers."""
    blocks: list[Block] = []
    for chunk in THREAD_BREAK.split(line):
        question = QUESTION.match(chunk)
        if question:
            blocks.extend(_parse_qa(question[1], chunk[question.end() :]))
            continue
        # " - " after a sentence runs a bullet list into the text: each later piece opens an item
        for number, piece in enumerate(bullet_pieces(chunk)):
            paragraphs = split_sentences_spaced(piece)
            if number and paragraphs:
                blocks.append(Block("item", paragraphs.pop(0), level=1, marker="-"))
            for index, paragraph in enumerate(paragraphs):
                followed = index + 1 < len(paragraphs)
                blocks.extend(_parse_paragraph(paragraph, state, followed))
    return blocks


def bullet_pieces(chunk: str) -> list[str]:
    """Split at " - " only where a sentence ends before it: "Title | Section -
    Site" and "A - B" inside a sentence are not lists."""
    pieces: list[str] = []
    position = 0
    for match in INLINE_BULLET.finditer(chunk):
        before = chunk[position : match.start()]
        if ends_sentence(before):
            pieces.append(before)
            position = match.end()
    pieces.append(chunk[position:])
    return pieces


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


def _parse_paragraph(paragraph: str, state: RunState, followed: bool = False) -> list[Block]:
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
        return [Block("heading", head, level=level, marker=f"{arabic[1]}."), *paragraphs(rest)]
    head, rest = _split_run_in_heading(paragraph)
    run_in = rest and ends_sentence(rest) and _balanced(head)  # 「中川 翔(…)」 is a name, not a heading
    if (run_in or followed) and len(head) <= SHORT_HEADING and not ends_sentence(head):
        # a short phrase without a sentence end, run in before a paragraph
        level = 3 if state.section_seen else 2
        return [Block("heading", head, level=level), *paragraphs(rest)]
    return [Block("paragraph", paragraph)]


def _balanced(text: str) -> bool:
    """Every bracket opened in the text is closed in it."""
    return all(text.count(a) == text.count(b) for a, b in ("()", "（）", "「」", "『』"))


def _heading_with_rest(text: str, level: int, marker: str) -> list[Block]:
    head, rest = _split_run_in_heading(text)
    return [Block("heading", head, level=level, marker=marker), *paragraphs(rest)]


def _split_run_in_heading(text: str) -> tuple[str, str]:
    """Separate a heading from the paragraph it was run into, if any."""
    for match in HEADING_BREAK.finditer(text):
        left, right = text[match.start() - 1], text[match.end()]
        if KATAKANA.match(left) and KATAKANA.match(right):
            continue
        return text[: match.start()].strip(), text[match.end() :].strip()
    return text, ""


def paragraphs(text: str) -> list[Block]:
    return [Block("paragraph", p) for p in split_sentences_spaced(text)] if text else []


def _is_roman(numeral: str) -> bool:
    return bool(re.fullmatch(r"I{1,3}|IV|V|VI{1,3}|IX|X", numeral))
