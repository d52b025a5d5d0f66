"""Drop scraped-site boilerplate through an explicit, reviewable list.

The rules live in ``editorial/boilerplate.yml``; each has a reason. Only whole
lines are ever dropped, and every dropped line is reported, so nothing leaves
the publication unseen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Dropped, Seed
from ..schema.editorial import Loaded


@dataclass(frozen=True)
class Rule:
    name: str
    reason: str
    exact: tuple[str, ...] = ()
    pattern: re.Pattern | None = None
    repeated_within: int = 0  # drop a line repeating an earlier one in the first N lines

    def matches(self, line: str, number: int, seen: set[str]) -> bool:
        if line in self.exact:
            return True
        if self.pattern is not None and self.pattern.fullmatch(line):
            return True
        return bool(self.repeated_within) and number <= self.repeated_within and line in seen


def load_rules(loaded: Loaded) -> list[Rule]:
    """The rules of editorial/boilerplate.yml, validated by its declaration (schema/editorial.py)."""
    return [
        Rule(
            name=str(entry["name"]),
            reason=str(entry["reason"]),
            exact=tuple(map(str, entry["lines"])),
            pattern=entry["regex"],
            repeated_within=entry["repeated_within_first_lines"] or 0,
        )
        for entry in loaded.data["rules"]
    ]


def strip_boilerplate(seed: Seed, rules: list[Rule]) -> tuple[list[str], list[Dropped]]:
    """Return the seed's lines with boilerplate lines blanked, and what was dropped.

    Dropped lines become empty lines so that paragraph structure is kept.
    """
    kept, dropped, seen = [], [], set()
    for number, line in enumerate(seed.text.split("\n"), start=1):
        text = line.strip()
        rule = next((r for r in rules if text and r.matches(text, number, seen)), None)
        if rule:
            dropped.append(Dropped(seed.name, text, rule.name))
            kept.append("")
        else:
            kept.append(line)
        if text:
            seen.add(text)
    return kept, dropped
