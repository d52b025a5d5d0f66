"""Give blocks stable ids.

A segment keeps its id for good: ids are first made from the structure
(``p12``, ``q9``, ``q9-a2``, ``t1207``), then, when a translation file already
exists, the current blocks are aligned with the entries it records (by their
source text, in order), so that a block whose text was edited or that moved
keeps the id, and so its URL anchor and its translation, that it had.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

from ..model import Block

PREFIX = {
    "title": "title",
    "meta": "m",
    "heading": "h",
    "paragraph": "p",
    "attributed": "p",
    "item": "li",
    "note": "n",
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
        elif block.kind == "turn":
            base = "t" + block.timestamp.replace(":", "")
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
            spare = [entry for entry in recorded[a0:a1]]
            for b in range(b0, b1):
                same_kind = next((e for e in spare if e[1] == blocks[b].kind), None)
                if same_kind:
                    spare.remove(same_kind)
                    ids[b] = same_kind[0]
    used = {i for i in ids if i} | {entry[0] for entry in recorded}
    return [i if i else _fresh(natural[n], used) for n, i in enumerate(ids)]


def _fresh(natural: str, used: set[str]) -> str:
    """A new block's id: its natural id if free, else the next number (p17)."""
    match = re.fullmatch(r"([a-z]+)(\d+)", natural)
    if natural in used and match:
        numbers = [int(m[1]) for i in used if (m := re.fullmatch(rf"{match[1]}(\d+)", i))]
        natural = f"{match[1]}{max(numbers) + 1}"
    return _unique(natural, used)
