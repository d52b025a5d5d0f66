"""Drop scraped-site boilerplate through an explicit, reviewable list.

The rules live in ``editorial/boilerplate.yml``; each has a reason. Only whole
lines are ever dropped, and every dropped line is reported, so nothing leaves
the publication unseen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem
from ..files import read_yaml
from ..model import Dropped, Seed


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


def load_rules(path: Path) -> list[Rule]:
    data = read_yaml(path, default={"rules": []}) or {}
    rules, problems = [], []
    for index, entry in enumerate(data.get("rules") or [], start=1):
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("reason"):
            problems.append(Problem(path, f"rule #{index} needs a 'name' and a 'reason'"))
            continue
        try:
            pattern = re.compile(entry["regex"]) if entry.get("regex") else None
        except re.error as err:
            problems.append(Problem(path, f"rule '{entry['name']}': bad regex: {err}"))
            continue
        rules.append(
            Rule(
                name=entry["name"],
                reason=entry["reason"],
                exact=tuple(entry.get("lines") or ()),
                pattern=pattern,
                repeated_within=int(entry.get("repeated_within_first_lines") or 0),
            )
        )
    if problems:
        raise InputError(problems)
    return rules


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
