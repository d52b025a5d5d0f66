"""Recognisers for whole lines: headings, captions, notes and list items.

Each is a small function on one line of text that says what the line is, or
None. The mark that makes a line a heading or a caption (■, 【】, ▲, "1.")
is structure: it is returned apart from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import CJK, URL, ends_sentence, has_japanese

LINE_HEADING = 80  # longest heading that stands on its own line
HEADING_MARKS = "■□●○◆◇▼▽★☆◎◉◼"
LIST_MARKS = "・•◦▪▸▶▷►➤→✓✔"
MARK_LINE = re.compile(rf"(?P<mark>[{HEADING_MARKS}])\s*(?P<text>\S.*)")
BRACKET_LINE = re.compile(r"【(?P<text>[^【】]{1,40})】")
NUMBERED = re.compile(
    r"(?P<marker>第[0-9０-９一二三四五六七八九十]{1,3}[章節部回条]"
    r"|[0-9０-９]{1,2}[.．](?![0-9０-９])|[0-9０-９]{1,2}[)）]|[(（][0-9０-９]{1,2}[)）]|[①-⑳]"
    r"|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ][.．]?)\s*(?P<text>\S.*)"
)
CAPTION_MARK = re.compile(r"(?P<mark>[▲△↑])\s*(?P<text>\S.*)")
CAPTION_LABEL = re.compile(
    r"[(（]?(?:写真|画像|図表?\s*[0-9０-９]*|表\s*[0-9０-９]+|Photo|Image|Figure\s*\d*|Fig\.\s*\d*|Pictured|Above|Below)"
    r"\s*[:：=]\s*\S.*"
)
NOTE = re.compile(r"[(（]注[:：].*")
ASIDE = re.compile(r"[(（][^()（）]{1,15}[)）]")  # (拍手) (笑) (了): a stage direction or an end mark
END_MARK = re.compile(r"[(（＜<〈]\s*(?:了|おわり|終わり|完|終)\s*[)）＞>〉]|[(（]?以上[)）]?|\(?(?:END|End)\)?")
ASTERISK_NOTE = re.compile(r"※\s*(?P<text>\S.*)")
LINE_NUMBER = re.compile(r"(\d{1,2})\s+(?=\S)")
EN_HEADING_END = tuple('.,;:!?"”’)') + ("…",)


@dataclass(frozen=True)
class Marked:
    """A line's text with the mark that made it what it is."""

    mark: str  # as printed: "■", "【】", "1.", "(1)", "▲"
    text: str
    style: str = ""  # the heading style, for levels: the mark, or "1." for any number


def mark_heading(line: str) -> Marked | None:
    """■ 見出し, ● 見出し, ◆ 見出し: a short mark line without a sentence end."""
    match = MARK_LINE.fullmatch(line)
    if match and _short_phrase(match["text"]):
        return Marked(match["mark"], match["text"], match["mark"])
    return None


def mark_item(line: str) -> Marked | None:
    """● 文。 or ▶ リンク: a mark line that is not a heading is a list item
    (◆ before a sentence is left to the attributed-paragraph rule)."""
    match = MARK_LINE.fullmatch(line)
    if match and match["mark"] != "◆":
        return Marked(match["mark"], match["text"])
    if line[:1] in LIST_MARKS[2:] and line[1:].strip():
        return Marked(line[0], line[1:].strip())
    return None


def bracket_heading(line: str) -> Marked | None:
    """【見出し】 alone on its line."""
    match = BRACKET_LINE.fullmatch(line)
    return Marked("【】", match["text"].strip(), "【】") if match else None


def numbered_heading(line: str, lang: str = "ja") -> Marked | None:
    """1. 背景 / (1) 経緯 / 第2章 展望 / ① 概要: a number and a short phrase."""
    match = NUMBERED.fullmatch(line)
    if match and _short_phrase(match["text"]) and (lang == "en" or has_japanese(match["text"][:6])):
        return Marked(match["marker"], match["text"], _number_style(match["marker"]))
    return None


def numbered_item(line: str, lang: str = "ja") -> Marked | None:
    """1. 文。 / (2) 文。: a number before a sentence is a list item."""
    match = NUMBERED.fullmatch(line)
    if match and ends_sentence(match["text"]) and (lang == "en" or has_japanese(match["text"][:6])):
        return Marked(match["marker"], match["text"])
    return None


NUMBER_STYLES = ("第N章", "第N節", "第N部", "第N回", "第N条", "(1)", "①", "Ⅰ", "1)", "1.")
# Styles of major headings (level 2); the others are level 3 once a major one has appeared.
MAJOR_STYLES = ("■", "□", "【】", "第N章", "第N部", "Ⅰ", "1.", "short line")


def _number_style(marker: str) -> str:
    if marker.startswith("第"):
        return "第N" + marker[-1]
    if marker[:1] in "(（":
        return "(1)"
    if marker[:1] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return "①"
    if marker[:1] in "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ":
        return "Ⅰ"
    return "1)" if marker.endswith((")", "）")) else "1."


def caption(line: str) -> Marked | None:
    """▲会見する社長 / 写真:会見する社長 / Photo: … : a photo or figure caption."""
    if match := CAPTION_MARK.fullmatch(line):
        return Marked(match["mark"], match["text"])
    if CAPTION_LABEL.fullmatch(line) and (line[:1] not in "(（" or line[-1:] in ")）"):
        return Marked("", line)
    return None


def note(line: str) -> Marked | None:
    """(注:…) as printed, or ※ 注記 with the mark apart."""
    if NOTE.fullmatch(line):
        return Marked("", line)
    if match := ASTERISK_NOTE.fullmatch(line):
        return Marked("※", match["text"])
    return None


def aside(line: str) -> Marked | None:
    """A short parenthesised line: (拍手), (会場笑), or an end mark (了), 以上."""
    if ASIDE.fullmatch(line) or END_MARK.fullmatch(line):
        return Marked("", line, "end" if END_MARK.fullmatch(line) else "")
    return None


def line_item(line: str) -> Marked | None:
    """A list item standing on its own line: "・text", "- text" or "1 text"."""
    if line[:1] in "・•" or line.startswith("- "):
        return Marked(line[0], line[1:].strip())
    match = LINE_NUMBER.match(line)
    if match and has_japanese(line[match.end() : match.end() + 3]):
        return Marked(match[1], line[match.end() :])
    return None


def is_line_heading(line: str, lang: str = "ja") -> bool:
    """A short line without a sentence end: a heading if it stands before a paragraph."""
    if len(line) > LINE_HEADING or ends_sentence(line) or URL.fullmatch(line):
        return False
    if lang == "en":
        return _english_heading(line)
    return bool(CJK.search(line) or line.istitle())


def _english_heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 12 and (line[0].isupper() or line[0].isdigit()) and not line.endswith(EN_HEADING_END)


def is_short_line(line: str) -> bool:
    """A line that could be a heading or a link: short, no sentence end."""
    return len(line) <= LINE_HEADING and not ends_sentence(line) and line not in ("-", "・")


def _short_phrase(text: str) -> bool:
    return len(text) <= LINE_HEADING and not ends_sentence(text) and not URL.fullmatch(text)
