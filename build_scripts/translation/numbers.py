"""Numbers in Japanese and English text, as values, for the translation check.

Japanese: Arabic digits with the multipliers 兆, 億, 万, and 千 before them
(1兆4000億 and 1兆4千億 → 1.4e12, 130億 → 1.3e10, 1,100億 → 1.1e11), 半兆
(5e11), fractions 1000分の1 (both 1000 and 0.001). Kanji numerals (一, 二…)
are not read: too often they are part of words (一人ひとり, 一方).
English: digits with thousands separators, decimals and scale words
(trillion, billion, million, thousand) or their abbreviations ($500B, $20bn,
$1.4T, 800M), "half a trillion", number words (one … ninety, hundred,
thousand), "tenfold", "1,000x", "one-thousandth".
Both: fractions written with a slash (1/1000: both 1000 and 0.001).

The site search (build_scripts/search/amounts.py) reads amounts with the
same patterns; its worker carries a JavaScript rendering of them, and a test
holds the two to the same values on every passage.
"""

from __future__ import annotations

import re

JA_NUMBER = re.compile(r"(\d+(?:[,，]\d{3})*(?:\.\d+)*)\s*(千)?\s*(兆|億|万)?")
JA_COMPOUND = re.compile(r"(\d+(?:\.\d+)?)\s*兆\s*(\d+(?:[,，]\d{3})*)\s*(千)?\s*億")
JA_FRACTION = re.compile(r"(\d+(?:[,，]\d{3})*)\s*分の\s*(\d+)")
JA_SCALE = {"兆": 1e12, "億": 1e8, "万": 1e4, None: 1}

EN_SCALE = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3}
# $500B, $20bn, $1.4T, 800M, 10k: a scale abbreviated right after the digits
EN_ABBREVIATION = {"t": 1e12, "tn": 1e12, "b": 1e9, "bn": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3}
SLASH_FRACTION = re.compile(r"(?<![\d/.])(\d+)\s*/\s*(\d+)(?![\d/])")
WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "half": 0.5,
    "dozen": 12,
    "twice": 2,
    "double": 2,
    "thousandth": 1000,
    "hundredth": 100,
    "tenth": 10,
    "tenfold": 10,
    "hundredfold": 100,
    "thousandfold": 1000,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
EN_NUMBER = re.compile(
    r"(?<![\d.,])(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(trillion|billion|million|thousand)\b)?", re.IGNORECASE
)
EN_ABBREVIATED = re.compile(r"(?<![\d.,])(\d+(?:,\d{3})*(?:\.\d+)?)(tn|bn|mn|t|b|m|k)\b", re.IGNORECASE)
EN_HALF = re.compile(r"\bhalf an? (trillion|billion|million)\b", re.IGNORECASE)
EN_WORD = re.compile(r"\b(" + "|".join(WORDS) + r")\b(?:[\s-]+(trillion|billion|million))?", re.IGNORECASE)


def _float(digits: str) -> float:
    digits = digits.replace(",", "").replace("，", "")
    if digits.count(".") > 1:  # a date such as 2026.3.14: its first part
        digits = digits.split(".")[0]
    return float(digits)


def japanese_values(text: str) -> list[tuple[str, set[float]]]:
    """(as written, acceptable values) for each number in Japanese text."""
    found, taken = [], []
    for match in JA_COMPOUND.finditer(text):
        value = _float(match[1]) * 1e12 + _float(match[2]) * (1e11 if match[3] else 1e8)
        found.append((match[0], {value}))
        taken.append(match.span())
    for match in JA_FRACTION.finditer(text):
        whole, part = _float(match[1]), _float(match[2])
        ratios = {part / whole} if whole else set()  # "0分の1" is nonsense, not a crash
        ratios |= {whole / part} if part else set()
        found.append((match[0], {whole} | ratios))
        taken.append(match.span())
    for match in SLASH_FRACTION.finditer(text):
        found.append((match[0], fraction_values(match)))
        taken.append(match.span())
    for match in re.finditer(r"半兆", text):
        found.append((match[0], {5e11}))
        taken.append(match.span())
    for match in JA_NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        value = _float(match[1]) * (1e3 if match[2] else 1) * JA_SCALE[match[3]]
        values = {value}
        if "." in match[1] and not match[2] and not match[3]:
            # "3.19" may be a date or a version as well as a decimal
            values |= {_float(part) for part in match[1].split(".")}
        found.append((match[0].strip(), values))
    return [(written, values) for written, values in found if values - {0.0, 1.0}]


def fraction_values(match: re.Match) -> set[float]:
    """1/1000: the ratio both ways (a thousandth, a thousand times)."""
    top, bottom = _float(match[1]), _float(match[2])
    return {v for v in (top / bottom, bottom / top) if bottom and top}


def english_values(text: str) -> set[float]:
    values: set[float] = set()
    for match in EN_NUMBER.finditer(text):
        number = _float(match[1])
        values.add(number * EN_SCALE.get((match[2] or "").lower(), 1))
        values.add(number)
    for match in EN_ABBREVIATED.finditer(text):
        values.add(_float(match[1]) * EN_ABBREVIATION[match[2].lower()])
    for match in SLASH_FRACTION.finditer(text):
        values |= fraction_values(match)
    for match in EN_HALF.finditer(text):
        values.add(0.5 * EN_SCALE[match[1].lower()])
    for match in EN_WORD.finditer(text):
        number = WORDS[match[1].lower()]
        values.add(number * EN_SCALE.get((match[2] or "").lower(), 1))
    for match in re.finditer(r"(\d+(?:,\d{3})*)(?:-fold|x\b|-year|-month)", text):
        values.add(_float(match[1]))
    return values


def missing_numbers(japanese: str, english: str) -> list[str]:
    """Numbers written in the Japanese whose value the English does not carry."""
    have = english_values(english)
    return [
        written
        for written, values in japanese_values(japanese)
        if not any(abs(v - e) <= 1e-9 * max(1.0, abs(v)) for v in values for e in have)
    ]
