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
from dataclasses import dataclass, field, replace

from ..model import Block
from . import lines as rules_for_lines
from . import metadata as meta
from .boilerplate_candidates import Candidate, candidates
from .hints import NO_HINTS, HintProblem, ParseHints, check_hints
from .runs import RunState, paragraphs, parse_run
from .speakers import Cast, Voice, learn_cast, question_or_answer, speech
from .text import ends_sentence, is_japanese, normalise_space
from .transcript import find_transcript_start, parse_transcript

TOC_LINE = ("目次", "Contents", "もくじ")


@dataclass(frozen=True)
class Guess:
    """A recognition the preview shows as uncertain, with its line."""

    line: int
    rule: str
    text: str
    why: str


@dataclass
class Parsed:
    blocks: list[Block] = field(default_factory=list)
    toc: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source_lang: str = "ja"
    metadata: meta.SourceMeta = field(default_factory=meta.SourceMeta)
    speakers: dict[str, Voice] = field(default_factory=dict)
    guesses: list[Guess] = field(default_factory=list)
    boilerplate: list[Candidate] = field(default_factory=list)
    problems: list[HintProblem] = field(default_factory=list)  # hints the text contradicts


@dataclass
class Context:
    """What the rules know about the document and the line being read."""

    hints: ParseHints
    cast: Cast
    lang: str
    parsed: Parsed
    toc_titles: set[str]
    run: RunState = field(default_factory=RunState)
    styles: list[str] = field(default_factory=list)  # heading styles, in order of first use
    meta_items: list[meta.MetaItem] = field(default_factory=list)
    hint_uses: dict[str, int] = field(default_factory=dict)
    number: int = 0  # the line's number in the seed
    position: int = 0  # among non-empty lines
    has_next: bool = False
    prev_line: str = ""  # the line just above ("" when blank)
    next_line: str = ""  # the line just below ("" when blank)
    item_next: bool = False
    title_seen: bool = False
    body_started: bool = False
    turn: Block | None = None  # the open speaker turn
    turn_fresh: bool = False  # its label stood alone: the next paragraph starts it
    question: str = ""  # marker of the open question
    questions: int = 0

    def guess(self, rule: str, text: str, why: str) -> None:
        self.parsed.guesses.append(Guess(self.number, rule, text, why))

    def level(self, style: str) -> int:
        """Heading level by style: the first style used is level 2, the next 3."""
        if style not in self.styles:
            self.styles.append(style)
        return min(2 + self.styles.index(style), 4)

    def close(self) -> None:
        self.turn, self.question, self.turn_fresh = None, "", False


def parse_lines(lines: list[str], hints: ParseHints = NO_HINTS) -> Parsed:
    """Parse a seed's lines (boilerplate already blanked) into blocks."""
    lines = [line.strip(" \t\u3000") for line in lines]
    start = find_transcript_start(lines)
    body, transcript = (lines, []) if start is None else (lines[:start], lines[start:])
    parsed = Parsed(problems=check_hints(hints))
    parsed.source_lang = hints.source_lang or detect_language(body)
    if parsed.source_lang == "en" and not hints.source_lang:
        parsed.guesses.append(Guess(1, "language", "en", "little Japanese in the text: published with source_lang en"))
    cast = learn_cast(body, hints)
    parsed.speakers = cast.voices
    for voice in cast.voices.values():
        if voice.how == "dialogue":
            why = f"{voice.uses} lines start with this label; role guessed: {voice.role}"
            parsed.guesses.append(Guess(voice.line, "speaker-label", voice.label, why))
    uses = _parse_body(body, parsed, cast, hints)
    if transcript:
        blocks, warnings = parse_transcript(transcript)
        parsed.blocks.extend(replace(b, rule="bilingual-transcript") for b in blocks)
        parsed.warnings.extend(warnings)
    parsed.boilerplate = candidates(lines)
    parsed.problems.extend(_contradicted_hints(hints, cast, uses))
    return parsed


def detect_language(lines: list[str]) -> str:
    return "ja" if is_japanese(" ".join(lines)) else "en"


def _parse_body(lines: list[str], parsed: Parsed, cast: Cast, hints: ParseHints) -> dict[str, int]:
    """Run the rules over every line; returns how often each hint applied."""
    toc_titles, skip = _take_toc(lines, parsed)
    ctx = Context(hints, cast, parsed.source_lang, parsed, toc_titles)
    numbered = [i for i, line in enumerate(lines) if line]
    links = []
    for position, index in enumerate(numbered):
        if index in skip:
            continue
        line = lines[index]
        ctx.number, ctx.position, ctx.has_next = index + 1, position, position + 1 < len(numbered)
        ctx.prev_line = lines[index - 1] if index else ""
        ctx.next_line = lines[index + 1] if index + 1 < len(lines) else ""
        rule, blocks = _apply(line, ctx)
        blocks = _continue_speech(blocks, ctx)
        if any(b.kind not in ("title", "meta", "caption", "note") for b in blocks):
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


def _continue_speech(blocks: list[Block], ctx: Context) -> list[Block]:
    """Paragraphs after a speaker's label are that speaker's; after a question, answers."""
    out = []
    for block in blocks:
        if block.kind == "paragraph" and ctx.turn is not None:
            block = replace(ctx.turn, text=block.text, turn_start=ctx.turn_fresh, rule=block.rule)
            ctx.turn_fresh = False
        elif block.kind == "paragraph" and ctx.question:
            block = Block("answer", block.text, marker=ctx.question, rule="answer")
        elif block.kind in ("heading", "title"):
            ctx.close()
        out.append(block)
    return out


# -- the rules, in the order they are tried ----------------------------------


def hinted_heading(line: str, ctx: Context) -> list[Block] | None:
    for index, pattern in enumerate(ctx.hints.headings):
        match = pattern.fullmatch(line)
        if match:
            ctx.hint_uses[f"headings.{index}"] = ctx.hint_uses.get(f"headings.{index}", 0) + 1
            ctx.run.section_seen = True
            return _heading(match.groupdict().get("text") or line, ctx, f"hint:{index}", "")
    return None


def breadcrumb(line: str, ctx: Context) -> list[Block] | None:
    """ホーム > ニュース > AI: the page's navigation (a boilerplate candidate)."""
    return [Block("meta", line)] if meta.breadcrumb(line) else None


def site_title(line: str, ctx: Context) -> list[Block] | None:
    """ "Title | Section - Site": kept whole; the title if none came before."""
    found = meta.site_title(line)
    if not found:
        return None
    ctx.meta_items.append(meta.MetaItem("site", found[1]))
    if not ctx.title_seen and ctx.position <= 2 and not ctx.body_started:
        ctx.title_seen = True
        return [Block("title", line, level=1)]
    return [Block("meta", line)]


def title(line: str, ctx: Context) -> list[Block] | None:
    if ctx.position == 0 and _is_title(line, ctx):
        ctx.title_seen = True
        return [Block("title", line, level=1)]
    return None


def metadata_line(line: str, ctx: Context) -> list[Block] | None:
    """Datelines, bylines, update dates, copyright: all of the line."""
    items = meta.read_meta_line(line)
    if not items:
        return None
    if ctx.body_started and all(meta.is_photo_credit(i) for i in items):
        ctx.guess("byline", line, "a photo credit after the text began: read as a byline, not a caption")
    ctx.meta_items.extend(items)
    return [Block("meta", line)]


def source_line(line: str, ctx: Context) -> list[Block] | None:
    """出典:… / Source: …: where the text comes from."""
    item = meta.source_line(line)
    if item is None:
        return None
    if ctx.body_started:
        ctx.guess("source-line", line, "a source line inside the text: if it credits a figure, not the document's")
    ctx.meta_items.append(item)
    return [Block("meta", line)]


def dash_item_marker(line: str, ctx: Context) -> list[Block] | None:
    """A "-" or "・" alone: the next line is a list item."""
    if line in ("-", "・"):
        ctx.item_next = True
        return []
    if ctx.item_next:
        ctx.item_next = False
        return [Block("item", line, level=1, marker="-")]
    return None


def toc_heading(line: str, ctx: Context) -> list[Block] | None:
    if line in ctx.toc_titles:
        ctx.run.section_seen = True
        return [Block("heading", line, level=2)]
    return None


def note(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.note(line)
    return [Block("note", found.text, marker=found.mark)] if found else None


def caption(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.caption(line)
    return [Block("caption", found.text, marker=found.mark)] if found else None


def question_line(line: str, ctx: Context) -> list[Block] | None:
    """――質問, Q./A., 問/答."""
    found = question_or_answer(line, ctx.cast, ctx.lang)
    if found is None:
        return None
    if found.asking:
        return [_question(found.text, ctx, found.number, found.rule)]
    if not ctx.question:
        ctx.guess("qa-label", line, "an answer with no question before it")
        ctx.question = _next_question(ctx, found.number)
    ctx.turn = None
    return [Block("answer", p.text, marker=ctx.question) for p in paragraphs(found.text)]


def speaker_turn(line: str, ctx: Context) -> list[Block] | None:
    """山田: … / 山田太郎(以下、山田): … / 山田「…」 / [00:12:34] …"""
    found = speech(line, ctx.cast)
    if found is None:
        return None
    voice = ctx.cast.get(found.label)
    if voice is None:  # a timestamp alone: the open turn goes on, or a new unlabelled one
        template = ctx.turn or Block("turn", "", source_lang=ctx.lang)
    elif voice.role == "interviewer":
        return [_question(found.text, ctx, "", found.rule)]
    else:
        template = Block(
            "turn",
            "",
            speaker=voice.label,
            label=voice.name_en or voice.label,
            label_ja=voice.name_ja or voice.label,
            source_lang=ctx.lang,
        )
    ctx.turn = replace(template, timestamp=found.timestamp, rule=found.rule)
    ctx.turn_fresh = voice is not None
    if not found.text:
        return []
    blocks = _continue_speech(paragraphs(found.text), ctx)
    return [replace(b, timestamp=found.timestamp if i == 0 else "") for i, b in enumerate(blocks)]


def bracket_heading(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.bracket_heading(line)
    return _marked_heading(found, ctx, line) if found else None


def mark_heading(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.mark_heading(line)
    return _marked_heading(found, ctx, line) if found else None


def attributed(line: str, ctx: Context) -> list[Block] | None:
    """◆ before a paragraph: the paragraph reports someone's words."""
    return [Block("attributed", line[1:].strip(), marker="◆")] if line.startswith("◆") else None


def mark_item(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.mark_item(line)
    return [Block("item", found.text, level=1, marker=found.mark)] if found else None


def numbered_heading(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.numbered_heading(line, ctx.lang)
    return _marked_heading(found, ctx, line) if found else None


def numbered_item(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.numbered_item(line, ctx.lang) or rules_for_lines.line_item(line)
    return [Block("item", found.text, level=1, marker=found.mark)] if found else None


def short_line_heading(line: str, ctx: Context) -> list[Block] | None:
    """A short line without a sentence end, standing before a paragraph."""
    if not ctx.has_next or _not_heading(line, ctx) or not rules_for_lines.is_line_heading(line, ctx.lang):
        return None
    if _in_short_run(ctx):
        if not rules_for_lines.is_short_line(ctx.prev_line):
            ctx.guess("short-lines", line, "short lines one after another: kept as paragraphs, not headings")
        return None
    ctx.guess("short-line-heading", line, "a short line before a paragraph: taken as a heading")
    ctx.run.section_seen = True
    return _heading(line, ctx, "short line", "")


def paragraph_run(line: str, ctx: Context) -> list[Block] | None:
    blocks = parse_run(line, ctx.run)
    if blocks and blocks[0].kind == "paragraph" and (place := meta.news_dateline(blocks[0].text)):
        ctx.meta_items.append(place)
    return blocks


RULES = (
    ("heading-pattern", hinted_heading),
    ("breadcrumb", breadcrumb),
    ("site-title", site_title),
    ("title", title),
    ("metadata-line", metadata_line),
    ("source-line", source_line),
    ("dash-item", dash_item_marker),
    ("contents-heading", toc_heading),
    ("note", note),
    ("caption", caption),
    ("question", question_line),
    ("speaker-turn", speaker_turn),
    ("bracket-heading", bracket_heading),
    ("mark-heading", mark_heading),
    ("attributed", attributed),
    ("mark-item", mark_item),
    ("numbered-heading", numbered_heading),
    ("numbered-item", numbered_item),
    ("short-line-heading", short_line_heading),
    ("paragraphs", paragraph_run),
)


# -- helpers ------------------------------------------------------------------


def _question(text: str, ctx: Context, number: str, rule: str) -> Block:
    ctx.turn, ctx.turn_fresh = None, False
    ctx.question = _next_question(ctx, number)
    return Block("question", text, marker=ctx.question, rule=rule)


def _next_question(ctx: Context, number: str) -> str:
    ctx.questions = int(number) if number else ctx.questions + 1
    return f"Q{ctx.questions}"


def _marked_heading(found: rules_for_lines.Marked, ctx: Context, line: str) -> list[Block] | None:
    if _not_heading(line, ctx):
        return None
    shown = found.mark if found.style in rules_for_lines.NUMBER_STYLES else ""
    return _heading(found.text, ctx, found.style, shown)


def _heading(text: str, ctx: Context, style: str, marker: str) -> list[Block]:
    return [Block("heading", text, level=ctx.level(style), marker=marker)]


def _not_heading(line: str, ctx: Context) -> bool:
    for index, pattern in enumerate(ctx.hints.not_headings):
        if pattern.fullmatch(line):
            ctx.hint_uses[f"not_headings.{index}"] = ctx.hint_uses.get(f"not_headings.{index}", 0) + 1
            return True
    return False


def _in_short_run(ctx: Context) -> bool:
    """The line touches another short line (no blank between): a list of links, an address."""
    return any(rules_for_lines.is_short_line(n) and not ends_sentence(n) for n in (ctx.prev_line, ctx.next_line) if n)


def _is_title(line: str, ctx: Context) -> bool:
    return (
        len(line) <= 160
        and meta.read_meta_line(line) is None
        and not ends_sentence(line)
        and "。 " not in line
        and question_or_answer(line, ctx.cast, ctx.lang) is None
        and speech(line, ctx.cast) is None
    )


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
