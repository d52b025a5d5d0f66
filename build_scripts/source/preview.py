"""What the parser recognised in a seed, as a maintainer reads it before
publishing (``python -m build_scripts preview`` and ``new``).

Returns text lines only; the command line prints them. Every recognised
thing and every uncertain guess is shown with its line in the seed, so a
wrong guess can be corrected in editorial/documents.yml (``structure:``) or
editorial/boilerplate.yml.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..errors import fail
from ..files import read_seed
from ..model import Block
from .boilerplate import strip_boilerplate
from .boilerplate_candidates import suggested_rules
from .context import Parsed
from .hints import hint_problems, structure_hints
from .parse import parse_lines
from .segment import Move, assign_ids, find_moves

WIDTH = 48  # characters of a passage shown
LANGUAGES = {"ja": "Japanese", "en": "English"}


def preview(project, given: Path, cwd: Path | None = None) -> list[str]:
    """What the parser recognises in a text (in seeds/ or not yet), with the
    project's boilerplate rules and the structure hints of its name."""
    paths, cwd = project.paths, cwd or Path.cwd()
    candidates = [given] if given.is_absolute() else [cwd / given, paths.root / given]
    path = next((c for c in candidates if c.exists()), None)
    if path is None:
        raise fail(given, "no such file")
    seed = read_seed(path)
    lines, dropped = strip_boilerplate(seed, project.rules)
    raw = project.loaded(paths.metadata).data["documents"].get(seed.name)
    hints = structure_hints(raw, paths.metadata)
    parsed = parse_lines(lines, hints)
    out = preview_lines(str(given), len(seed.text.rstrip("\n").split("\n")), parsed)
    if dropped:
        out.append(f"dropped by {paths.boilerplate.name} ({len(dropped)})")
        out += [f"  [{d.rule}] {d.text}" for d in dropped]
    out += [f"problem: {problem}" for problem in hint_problems(parsed.problems, hints, paths.metadata, seed.name)]
    catalog = project.catalogs.get(seed.name)
    out += _id_report(seed.name, catalog.entries if catalog else (), parsed.blocks)
    return out


def _id_report(name: str, entries, blocks) -> list[str]:
    """How the ids recorded in the text's translation file fare with this parse."""
    recorded = [(e.id, e.kind, e.source) for e in entries]
    ids = assign_ids(blocks, recorded)
    carried = [(e.id, e.source) for e in entries if e.translation or e.notes]
    moves = find_moves(list(zip(ids, (b.text for b in blocks), strict=True)), carried)
    lost = [ident for ident, _ in carried if ident not in ids and ident not in {m.old for m in moves}]
    return move_lines(name, len(recorded), moves, lost)


def preview_lines(name: str, line_count: int, parsed: Parsed) -> list[str]:
    """The preview of one parsed seed."""
    blocks = parsed.blocks
    out = [
        f"{name}: {line_count} lines, {len(blocks)} passages, {LANGUAGES[parsed.source_lang]} ({parsed.source_lang})"
    ]
    out += _title_and_metadata(parsed)
    out += _headings(blocks)
    out += _speakers(parsed)
    out += _questions(blocks)
    out += _lists(blocks)
    out += _listed("captions", [b for b in blocks if b.kind == "caption"])
    out += _listed("notes", [b for b in blocks if b.kind == "note"])
    out += _boilerplate(parsed)
    out += _guesses(parsed)
    return out


def move_lines(doc: str, recorded: int, moves: list[Move], lost: list[str]) -> list[str]:
    """What better recognition would do to the ids the translation file records."""
    if not recorded:
        return [f"ids: no translation file yet for {doc}"]
    if not moves and not lost:
        return [f"ids: all {recorded} recorded ids kept"]
    out = [f"ids: {recorded} recorded; sync would carry {len(moves)} over and leave {len(lost)} obsolete"]
    out += [f"  {m.old} -> {m.new}" + ("" if m.same_text else " (text changed: stale)") for m in moves]
    out += [f"  {ident}: text no longer in the seed (obsolete)" for ident in lost]
    return out


def _title_and_metadata(parsed: Parsed) -> list[str]:
    out = []
    title = next((b for b in parsed.blocks if b.kind == "title"), None)
    out.append(
        f"title: line {title.line}  {_short(title.text)}" if title else "title: none (the first sentence is used)"
    )
    meta = [b for b in parsed.blocks if b.kind == "meta"]
    out.append(f"metadata lines ({len(meta)})" if meta else "metadata lines: none")
    out += [f"  line {b.line:<4} {_short(b.text)}  [{b.rule}]" for b in meta]
    fields = parsed.metadata.fields()
    if fields:
        out.append("  read: " + "; ".join(f"{key} {value}" for key, value in fields))
    return out


def _headings(blocks: list[Block]) -> list[str]:
    headings = [b for b in blocks if b.kind == "heading"]
    if not headings:
        return ["headings: none"]
    out = [f"headings ({len(headings)})"]
    for b in headings:
        marker = f"{b.marker} " if b.marker else ""
        out.append(f"  line {b.line:<4} h{b.level} {marker}{_short(b.text)}  [{b.rule}]")
    return out


def _speakers(parsed: Parsed) -> list[str]:
    voices = parsed.speakers
    turns = [b for b in parsed.blocks if b.kind == "turn" and b.rule != "bilingual-transcript"]
    if not voices and not turns:
        return ["speakers: none"]
    out = [f"speakers ({len(voices)})"]
    begun = Counter(b.speaker for b in turns if b.turn_start)
    paragraphs = Counter(b.speaker for b in turns)
    questions = Counter(b.speaker for b in parsed.blocks if b.kind == "question")
    for label, voice in voices.items():
        names = " / ".join(n for n in (voice.name_ja, voice.name_en) if n and n != label)
        who = f"{label}" + (f" = {names}" if names else "") + f", {voice.role}"
        how = {"hint": "from documents.yml", "alias": "declared", "dialogue": "recurring label"}[voice.how]
        if voice.role == "interviewer":
            said = f"{questions[label]} questions"
        else:
            said = f"{begun[label]} turns, {paragraphs[label]} paragraphs"
        out.append(f"  {who} ({how}, line {voice.line}): {said}")
    unlabelled = paragraphs[""]
    if unlabelled:
        out.append(f"  (no label): {unlabelled} paragraphs after a timestamp alone")
    return out


def _questions(blocks: list[Block]) -> list[str]:
    questions = [b for b in blocks if b.kind == "question"]
    if not questions:
        return ["questions and answers: none"]
    answers = sum(1 for b in blocks if b.kind == "answer")
    out = [f"questions and answers: {len(questions)} questions, {answers} answers"]
    for q in questions:
        out.append(f"  line {q.line:<4} {q.marker} {_short(q.text)}  [{q.rule}] {_replies(blocks, q)}")
    return out


def _replies(blocks: list[Block], question: Block) -> str:
    """What follows a question up to the next one or the next heading."""
    after = blocks[blocks.index(question) + 1 :]
    end = next((i for i, b in enumerate(after) if b.kind in ("question", "heading")), len(after))
    answers = sum(1 for b in after[:end] if b.kind == "answer")
    turns = sum(1 for b in after[:end] if b.kind == "turn" and b.turn_start)
    parts = [f"{answers} answer{'s' * (answers != 1)}"] if answers or not turns else []
    parts += [f"{turns} turn{'s' * (turns != 1)}"] if turns else []
    return ", ".join(parts)


def _lists(blocks: list[Block]) -> list[str]:
    runs: list[list[Block]] = []
    for previous, block in zip([None, *blocks], blocks, strict=False):
        if block.kind == "item":
            if previous is not None and previous.kind == "item":
                runs[-1].append(block)
            else:
                runs.append([block])
    if not runs:
        return ["lists: none"]
    out = [f"lists ({len(runs)})"]
    for run in runs:
        markers = "".join(dict.fromkeys(b.marker for b in run))
        out.append(f"  line {run[0].line:<4} {len(run)} items, marked {markers or 'by position'}")
    return out


def _listed(name: str, blocks: list[Block]) -> list[str]:
    if not blocks:
        return [f"{name}: none"]
    return [f"{name} ({len(blocks)})"] + [
        f"  line {b.line:<4} {b.marker + ' ' if b.marker else ''}{_short(b.text)}" for b in blocks
    ]


def _boilerplate(parsed: Parsed) -> list[str]:
    found = parsed.boilerplate
    if not found:
        return ["boilerplate candidates: none"]
    out = [f"boilerplate candidates ({len(found)}): kept in the text until a rule drops them"]
    out += [f"  line {c.line:<4} {c.rule}: {_short(c.text)}" for c in found]
    out.append("  to drop them, add under rules: in editorial/boilerplate.yml:")
    out += [f"  {line}" for line in suggested_rules(found)]
    return out


def _guesses(parsed: Parsed) -> list[str]:
    guesses = sorted(parsed.guesses, key=lambda g: g.line)
    if not guesses:
        return ["uncertain guesses: none"]
    out = [f"uncertain guesses ({len(guesses)}): correct them in editorial/documents.yml (structure:)"]
    out += [f"  line {g.line:<4} {g.rule}: {_short(g.text, 30)}: {g.why}" for g in guesses]
    return out


def _short(text: str, width: int = WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
