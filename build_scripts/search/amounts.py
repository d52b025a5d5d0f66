"""Amounts as values: 5000億ドル, 5,000億ドル, $500B, $500 billion and "half a
trillion dollars" are all the term #5e11 of the passages that write them;
27%, 27パーセント and 27 percent the term %2.7e1.

The values are those of the translation check (translation/numbers.py, one
parser for both); the worker reads a query's amounts with a JavaScript
rendering of the same patterns (docs/assets/search/amounts.js).
"""

from __future__ import annotations

import re
import unicodedata

from ..translation.numbers import english_values, japanese_values

# a percentage is a value of its own (27% = 27パーセント = 27 percent), not the number
# 27 of a date or a count: amounts.js ``PERCENT`` is the same pattern
PERCENT = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:%|パーセント|per\s?cent(?!\w))", re.IGNORECASE)


def key(value: float) -> str:
    """#5e11, #1.4e12, #1e-3: six significant digits, no trailing zeros (amounts.js ``amountKey``)."""
    mantissa, exponent = f"{value:.5e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"#{mantissa}e{int(exponent)}"


def terms(text: str, lang: str) -> set[str]:
    """The amount terms of a passage's text in ``lang``."""
    values = set(english_values(text))
    if lang == "ja":
        for _, found in japanese_values(text):
            values |= found
    percents = {percent_key(float(m[1])) for m in PERCENT.finditer(unicodedata.normalize("NFKC", text))}
    return {key(v) for v in values if v > 0 and v != 1} | percents


def percent_key(value: float) -> str:
    """%2.7e1 for 27% (amounts.js ``percentKey``)."""
    return "%" + key(value)[1:]
