"""Small facts about Japanese and English text used by several stages."""

from __future__ import annotations

import re

# Kana, kanji and full-width punctuation: what makes a line Japanese.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f\u3000-\u303f]")
KANA_OR_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
URL = re.compile(r"https?://[^\s<>\"'()（）「」、。]+")

SENTENCE_END = "。?？!！"
OPENING = "「『(（【〈《"
CLOSING = "」』)）】〉》"


LETTER = re.compile(r"[^\W\d_]")
BRACKET_OR_SPACE = re.compile(r"[「『(（【〈《」』)）】〉》]|\s+")


def is_japanese(text: str) -> bool:
    """True when kana or kanji make up a real part of the text."""
    letters = len(LETTER.findall(text))
    cjk = len(KANA_OR_KANJI.findall(text))
    return cjk > 0 and cjk >= 0.2 * max(letters, 1)


def has_japanese(text: str) -> bool:
    return bool(KANA_OR_KANJI.search(text))


def ends_sentence(text: str) -> bool:
    """True when text ends with a sentence mark, possibly before closing brackets."""
    return text.rstrip(CLOSING + " ")[-1:] in SENTENCE_END if text.strip() else False


def split_sentences_spaced(text: str) -> list[str]:
    """Split at whitespace that follows a sentence end outside brackets.

    Scraped Japanese text often loses its paragraph breaks and keeps only a
    space between sentences; Japanese prose never needs that space, so it
    marks a break. A space inside 「…」 or (…) is part of a quotation.
    """
    parts, depth, start = [], 0, 0
    for match in BRACKET_OR_SPACE.finditer(text):  # only brackets and spaces matter
        char, index = match.group(), match.start()
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            depth = max(depth - 1, 0)
        elif depth == 0 and index > start:
            before = text[start:index].rstrip()
            if before and _is_break_before(before) and text[match.end() : match.end() + 1].strip():
                parts.append(before)
                start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _is_break_before(before: str) -> bool:
    last = before[-1]
    if last in "。？！」』":
        return True
    if last in "?!":
        # an ASCII mark ends a Japanese sentence, not an English one mid-line
        return bool(KANA_OR_KANJI.search(before[-12:]))
    return last in ")）" and before[-2:-1] in SENTENCE_END


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
