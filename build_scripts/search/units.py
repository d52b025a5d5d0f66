"""Units of power and energy as one term however written: GW = ギガワット =
gigawatt(s) is the term &gw, kWh = キロワット時 = kilowatt-hour(s) the term &kwh
(kilo, mega, giga, tera; watts, and watt-hours as a unit of their own).

Read from normalised text (normalise.py: lower case, NFKC, katakana folded),
the same pattern in the worker (docs/assets/search/units.js, ``unitMentions``):
a passage's mentions are index terms, a query's are parts of their own, and the
excerpt marks the mentions of the units a result matched.

An abbreviation is read as a unit only as a word of its own, digits before it
allowed (5gw, 1.5 gw): "gw" is also Japanese for Golden Week, which these
texts do not use.
"""

from __future__ import annotations

import re

PREFIX = {"k": "k", "m": "m", "g": "g", "t": "t", "kilo": "k", "mega": "m", "giga": "g", "tera": "t"}
PREFIX.update({"キロ": "k", "メガ": "m", "ギガ": "g", "テラ": "t"})
# units.js ``UNIT`` is the same pattern
UNIT = re.compile(
    r"(?<![a-z0-9])(?:[0-9]+(?:\.[0-9]+)?)?([kmgt])w(h)?(?![a-z0-9])"
    r"|(?<![a-z])(kilo|mega|giga|tera)watts?(?:[ -](hours?))?(?![a-z])"
    r"|(キロ|メガ|ギガ|テラ)ワット(時|アワ)?"
)


def mentions(normalised: str) -> list[tuple[int, int, str]]:
    """(start, end, term) of every unit written in normalised text."""
    out = []
    for m in UNIT.finditer(normalised):
        prefix = m[1] or m[3] or m[5]
        hour = m[2] or m[4] or m[6]
        out.append((m.start(), m.end(), "&" + PREFIX[prefix] + "w" + ("h" if hour else "")))
    return out


def terms(normalised: str) -> set[str]:
    return {term for _, _, term in mentions(normalised)}
