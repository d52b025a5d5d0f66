"""What the recognising rules share while they read one seed: the document's
speakers and language, the open turn or question, and what was found so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block
from . import lines as rules_for_lines
from . import metadata as meta
from .boilerplate_candidates import Candidate
from .hints import HintProblem, ParseHints
from .runs import RunState
from .speakers import Cast, Voice


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
    major_seen: bool = False  # a major heading (■, 【】, 1.) has occurred
    furniture: set[int] = field(default_factory=set)  # line numbers of boilerplate candidates
    meta_items: list[meta.MetaItem] = field(default_factory=list)
    hint_uses: dict[str, int] = field(default_factory=dict)
    number: int = 0  # the line's number in the seed
    text: str = ""  # the line itself
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
        """Major heading styles (■, 【】, 1., a short line) are level 2; the others
        (●, (1), ①) level 3 under a major heading, else level 2."""
        if style in rules_for_lines.MAJOR_STYLES or style.startswith("hint:"):
            self.major_seen = True
            return 2
        return 3 if self.major_seen else 2

    def only_metadata_so_far(self) -> bool:
        return not self.body_started and all(b.kind == "meta" for b in self.parsed.blocks)

    def close(self) -> None:
        self.turn, self.question, self.turn_fresh = None, "", False
