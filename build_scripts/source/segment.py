"""Give blocks stable ids.

A segment keeps its id for good: ids are first made from the structure
(``p12``, ``q9``, ``q9-a2``, ``t1207``, ``t3`` for a turn without timestamp),
then, when a translation file already exists, the current blocks are aligned
with the entries it records (by their source text, in order), so that a block
whose text was edited or that moved keeps the id, and so its URL anchor and
its translation, that it had. When better recognition changes a block's kind
(a line read as a paragraph is now a heading) or takes a mark or a label off
its text, it still keeps its id. Where an id cannot be kept (two recorded
passages are now one), ``find_moves`` says where the old passage's text went,
so that sync carries its translation and notes over and reports the move.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from ..model import Block

PREFIX = {
    "title": "title",
    "meta": "m",
    "heading": "h",
    "paragraph": "p",
    "attributed": "p",
    "item": "li",
    "note": "n",
    "caption": "c",
}


def natural_ids(blocks: list[Block]) -> list[str]:
    """Ids that follow from the structure alone (a seed with no history)."""
    counters: Counter[str] = Counter()
    answers: Counter[str] = Counter()
    ids, used = [], set()
    for block in blocks:
        if block.kind == "question":
            base = block.marker.lower()
        elif block.kind == "answer":
            answers[block.marker] += 1
            base = f"{block.marker.lower()}-a{answers[block.marker]}"
        elif block.kind == "turn" and block.timestamp:
            base = "t" + block.timestamp.replace(":", "")
        elif block.kind == "turn":
            counters["t"] += 1
            base = f"t{counters['t']}"
        else:
            prefix = PREFIX.get(block.kind, "s")
            counters[prefix] += 1
            base = prefix if prefix == "title" else f"{prefix}{counters[prefix]}"
        ids.append(_unique(base, used))
    return ids


def _unique(base: str, used: set[str]) -> str:
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    used.add(candidate)
    return candidate


def assign_ids(blocks: list[Block], recorded: list[tuple[str, str, str]]) -> list[str]:
    """Ids for ``blocks`` given the (id, kind, source) entries already recorded.

    Equal sources keep their id; in a changed stretch, blocks of the same kind
    take over the recorded ids in order (their translations become stale);
    new blocks get their natural id, or a fresh variant of it if taken.
    """
    natural = natural_ids(blocks)
    if not recorded:
        return natural
    current = [block.text for block in blocks]
    previous = [source for _, _, source in recorded]
    ids: list[str | None] = [None] * len(blocks)
    matcher = difflib.SequenceMatcher(a=previous, b=current, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(b1 - b0):
                ids[b0 + offset] = recorded[a0 + offset][0]
        elif tag == "replace":
            _take_over(blocks, ids, range(b0, b1), list(recorded[a0:a1]))
    used = {i for i in ids if i} | {entry[0] for entry in recorded}
    return [i if i else _fresh(natural[n], used) for n, i in enumerate(ids)]


def _take_over(blocks: list[Block], ids: list[str | None], stretch: range, spare: list[tuple[str, str, str]]) -> None:
    """In a changed stretch, blocks take over recorded ids: first a block with
    the same text (whatever its kind now), then one whose text holds the
    recorded text or is held in it (a mark or label taken off, a run split),
    then the next recorded entry of the same kind (an edited passage)."""
    for matches in (_same_text, _overlapping, _same_kind):
        for b in stretch:
            if ids[b] is not None:
                continue
            entry = next((e for e in spare if matches(e, blocks[b])), None)
            if entry:
                spare.remove(entry)
                ids[b] = entry[0]


def _same_text(entry: tuple[str, str, str], block: Block) -> bool:
    return entry[2] == block.text


def _overlapping(entry: tuple[str, str, str], block: Block) -> bool:
    return overlaps(entry[2], block.text)


def _same_kind(entry: tuple[str, str, str], block: Block) -> bool:
    return entry[1] == block.kind


def overlaps(old: str, new: str) -> bool:
    """One text holds the other (spaces aside), and the shorter is no scrap."""
    old, new = re.sub(r"\s+", "", old), re.sub(r"\s+", "", new)
    shorter = min(old, new, key=len)
    return len(shorter) >= MIN_OVERLAP and (old in new or new in old)


MIN_OVERLAP = 4  # characters


@dataclass(frozen=True)
class Move:
    """A recorded passage whose id is gone, and the passage now holding its text."""

    old: str
    new: str
    same_text: bool


def find_moves(current: list[tuple[str, str]], recorded: list[tuple[str, str]]) -> list[Move]:
    """Where the text of each recorded (id, source) whose id is no longer
    used went: the current (id, text) holding it, nearest after the passage
    that preceded it. Recorded ids still in use are not moves."""
    ids = [ident for ident, _ in current]
    position = {ident: index for index, ident in enumerate(ids)}
    moves, after = [], 0
    for ident, source in recorded:
        if ident in position:
            after = position[ident]
            continue
        holders = [i for i, (_, text) in enumerate(current) if text == source or overlaps(source, text)]
        if holders:
            best = min(holders, key=lambda i: (i < after, abs(i - after)))
            moves.append(Move(ident, ids[best], current[best][1] == source))
    return moves


def _fresh(natural: str, used: set[str]) -> str:
    """A new block's id: its natural id if free, else the next number (p17)."""
    match = re.fullmatch(r"([a-z]+)(\d+)", natural)
    if natural in used and match:
        numbers = [int(m[1]) for i in used if (m := re.fullmatch(rf"{match[1]}(\d+)", i))]
        natural = f"{match[1]}{max(numbers) + 1}"
    return _unique(natural, used)
