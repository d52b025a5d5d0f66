"""Recognise the structure of a seed: title, metadata, headings, lists, Q&A,
speaker turns, captions, notes, paragraphs, and (delegated) a bilingual
transcript.

Each physical line goes through ``RULES`` in order; the first rule that
knows the line says what it is. A rule is a small named function (the name
is kept on each block as provenance, for the preview). Lines no rule knows
are runs of paragraphs (runs.py). Every character of the (boilerplate-free)
seed ends up in a block, except the marks and labels that are structure
(「■」, 「山田:」, 「Q.」, timestamps), which are kept as the block's marker,
speaker or timestamp.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block
from . import lines as rules_for_lines
from . import metadata as meta
from .boilerplate_candidates import candidates
from .context import Context, Guess, Parsed
from .hints import LANGUAGES, NO_HINTS, HintProblem, ParseHints, check_hints
from .rules import RULES, continue_speech
from .speakers import Cast, learn_cast
from .text import is_japanese, normalise_space
from .transcript import find_transcript_start, parse_transcript

__all__ = ["Guess", "Parsed", "parse_lines", "plain_title", "detect_language"]

TOC_LINE = ("目次", "Contents", "もくじ")


def parse_lines(lines: list[str], hints: ParseHints = NO_HINTS) -> Parsed:
    """Parse a seed's lines (boilerplate already blanked) into blocks."""
    lines = [line.strip(" \t\u3000") for line in lines]
    start = find_transcript_start(lines)
    body, transcript = (lines, []) if start is None else (lines[:start], lines[start:])
    parsed = Parsed(problems=check_hints(hints))
    forced = hints.source_lang if hints.source_lang in LANGUAGES else ""
    parsed.source_lang = forced or detect_language(body)
    if parsed.source_lang == "en" and not forced:
        parsed.guesses.append(Guess(1, "language", "en", "little Japanese in the text: published with source_lang en"))
    cast = learn_cast(body, hints)
    parsed.speakers = cast.voices
    for voice in cast.voices.values():
        if voice.how == "dialogue":
            why = f"{voice.uses} lines start with this label; role guessed: {voice.role}"
            parsed.guesses.append(Guess(voice.line, "speaker-label", voice.label, why))
    parsed.boilerplate = candidates(lines)
    uses = _parse_body(body, parsed, cast, hints)
    if transcript:
        blocks, warnings = parse_transcript(transcript)
        parsed.blocks.extend(replace(b, rule="bilingual-transcript") for b in blocks)
        parsed.warnings.extend(warnings)
    parsed.problems.extend(_contradicted_hints(hints, cast, uses))
    return parsed


def detect_language(lines: list[str]) -> str:
    return "ja" if is_japanese(" ".join(lines)) else "en"


def _parse_body(lines: list[str], parsed: Parsed, cast: Cast, hints: ParseHints) -> dict[str, int]:
    """Run the rules over every line; returns how often each hint applied."""
    toc_titles, skip = _take_toc(lines, parsed)
    ctx = Context(hints, cast, parsed.source_lang, parsed, toc_titles)
    ctx.furniture = {c.line for c in parsed.boilerplate}
    numbered = [i for i, line in enumerate(lines) if line]
    links = []
    for position, index in enumerate(numbered):
        if index in skip:
            continue
        line = lines[index]
        ctx.number, ctx.text, ctx.position = index + 1, line, position
        ctx.has_next = position + 1 < len(numbered)
        ctx.prev_line = lines[index - 1] if index else ""
        ctx.next_line = lines[index + 1] if index + 1 < len(lines) else ""
        rule, blocks = _apply(line, ctx)
        blocks = continue_speech(blocks, ctx)
        if rule != "boilerplate-candidate" and any(b.kind not in ("title", "meta", "caption", "note") for b in blocks):
            ctx.body_started = True
        parsed.blocks.extend(replace(b, line=ctx.number, rule=b.rule or rule) for b in blocks)
        if url := meta.url_line(line):
            links.append(url)
        if link := meta.source_link(line):
            ctx.meta_items.append(meta.MetaItem("url", link))
    if parsed.source_lang == "en":
        parsed.blocks[:] = [replace(b, source_lang="en") for b in parsed.blocks]
    parsed.metadata = meta.collect(ctx.meta_items, links)
    return ctx.hint_uses


def _apply(line: str, ctx: Context) -> tuple[str, list[Block]]:
    for name, rule in RULES:
        blocks = rule(line, ctx)
        if blocks is not None:
            return name, blocks
    return "paragraphs", []


def _take_toc(lines: list[str], parsed: Parsed) -> tuple[set[str], set[int]]:
    """Find a contents list ("目次" and the lines after it) and take it out.

    Its entries become navigation; the lines they name become headings.
    """
    for index, line in enumerate(lines):
        if line not in TOC_LINE:
            continue
        entries, cursor = [], index + 1
        while cursor < len(lines) and (lines[cursor] or not entries):
            if lines[cursor]:
                entries.append(cursor)
            cursor += 1
        rest = lines[cursor:]
        found = [lines[i] for i in entries if lines[i] in rest and len(lines[i]) <= rules_for_lines.LINE_HEADING]
        if found and len(found) == len(entries):
            parsed.toc.extend(found)
            return set(found), {index, *entries}
        parsed.warnings.append(f"a contents list at line {index + 1} names lines not found below it")
    return set(), set()


def _contradicted_hints(hints: ParseHints, cast: Cast, ctx_uses: dict[str, int]) -> list[HintProblem]:
    """Hints the text does not bear out: most likely a typo in the hint."""
    problems = []
    for label in hints.speakers:
        if not cast.labels[label]:
            problems.append(HintProblem(f"speakers.{label}", f"speaker '{label}': no line starts with this label"))
    for label in hints.not_speakers:
        if not cast.labels[label]:
            problems.append(HintProblem(f"not_speakers.{label}", f"'{label}': no line starts with this label"))
    for name, patterns in (("headings", hints.headings), ("not_headings", hints.not_headings)):
        for index, pattern in enumerate(patterns):
            if not ctx_uses.get(f"{name}.{index}"):
                what = "matches no line" if name == "headings" else "matches no line that would be a heading"
                problems.append(HintProblem(f"{name}.{index}", f"{name}[{index}] '{pattern.pattern}' {what}"))
    return problems


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
