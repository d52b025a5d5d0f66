"""Suggest boilerplate rules: share buttons, ad markers, related-article
lists, site navigation and subscription prompts of the scraped page.

Nothing is dropped here. The lines stay in the publication until a
maintainer copies the suggested rule into editorial/boilerplate.yml, where
every dropped line is then reported (boilerplate.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .metadata import BREADCRUMB

SNS = r"(?:X|Twitter|Facebook|LINE|はてな(?:ブックマーク)?|はてブ|Pocket|Threads|Bluesky|LinkedIn|Reddit|Email|メール)"
KINDS = {
    "share-buttons": (
        "Share buttons of the source page.",
        re.compile(
            r".{0,20}(?:シェア|共有|ツイート|ポスト|ブックマーク|LINEで送る)(?:する|しよう|してね|してください|お願いします)?[!！]?"
            rf"|{SNS}\s*(?:で|に|へ)?\s*(?:送る|投稿)(?:する)?|いいね!?|B!|はてブ"
            rf"|Share(?: this (?:article|story|post|page))?(?: on {SNS})?|Tweet|Copy link|Print"
        ),
    ),
    "ad-markers": (
        "Advertising markers of the source page.",
        re.compile(
            r"広告|PR|\[PR\]|【PR】|スポンサーリンク|Sponsored(?: content)?|Advertisement|ADVERTISEMENT|AD|Ad"
            r"|.*広告の後に.*続きます.*|記事の続きは.*広告.*"
        ),
    ),
    "related-articles": (
        "Links to other articles of the source site.",
        re.compile(
            r"[【\[]?(?:関連記事|関連リンク|関連|あわせて読みたい|合わせて読みたい|こちらもおすすめ|おすすめ記事|人気記事|注目記事"
            r"|Related(?: articles| stories| posts)?|Read more|More from .{1,30}|You may also like|Recommended)[】\]]?"
            r"(?:[:：]\s*\S.*|[:：])?"
        ),
    ),
    "site-navigation": (
        "Navigation of the source site (breadcrumbs, previous and next links).",
        re.compile(
            rf"{BREADCRUMB.pattern}|(?:前の記事|次の記事|前へ|次へ|Previous|Next)(?:[:：]\s*\S.*)?"
            r"|ページ(?:の)?トップへ(?:戻る)?|このページの先頭へ|Back to top|トップに戻る|一覧に戻る"
        ),
    ),
    "subscription-prompts": (
        "Newsletter and follow prompts of the source site.",
        re.compile(
            r"(?:メールマガジン|メルマガ|ニュースレター).{0,20}(?:登録|購読).*|(?:公式)?(?:X|Twitter|LINE)?(?:を)?フォロー(?:する|してください)?.*"
            r"|Follow us.*|Subscribe.*|Sign up for .{0,40}newsletter.*"
        ),
    ),
}
LIST_LIMIT = 10  # lines taken after a related-articles heading
LIST_LINE = 80


@dataclass(frozen=True)
class Candidate:
    """A line that looks like page furniture, and the rule that would drop it."""

    line: int
    text: str
    rule: str
    reason: str


def candidates(lines: list[str]) -> list[Candidate]:
    """Every line that looks like boilerplate, in reading order."""
    found: list[Candidate] = []
    taken: set[int] = set()
    for index, raw in enumerate(lines):
        text = raw.strip(" \t\u3000")
        if not text or index in taken:
            continue
        kind = next((name for name, (_, pattern) in KINDS.items() if pattern.fullmatch(text)), None)
        if kind is None:
            continue
        found.append(Candidate(index + 1, text, kind, KINDS[kind][0]))
        if kind == "related-articles" and not re.search(r"[:：]\s*\S", text):
            for follower in _list_after(lines, index):
                taken.add(follower)
                found.append(Candidate(follower + 1, lines[follower].strip(), kind, KINDS[kind][0]))
    return found


def _list_after(lines: list[str], index: int) -> list[int]:
    """The list under a "関連記事" line: the next lines up to a blank line."""
    cursor = index + 1
    while cursor < len(lines) and not lines[cursor].strip():
        cursor += 1
    out = []
    while cursor < len(lines) and lines[cursor].strip() and len(out) < LIST_LIMIT:
        text = lines[cursor].strip()
        if len(text) > LIST_LINE or text.endswith("。"):
            break
        out.append(cursor)
        cursor += 1
    return out


def suggested_rules(found: list[Candidate]) -> list[str]:
    """Rules ready to paste under ``rules:`` in editorial/boilerplate.yml."""
    out: list[str] = []
    for kind in dict.fromkeys(c.rule for c in found):
        texts = list(dict.fromkeys(c.text for c in found if c.rule == kind))
        out += [f"  - name: {kind}", f"    reason: {KINDS[kind][0]}", "    lines:"]
        out += [f"      - {json.dumps(text, ensure_ascii=False)}" for text in texts]
    return out
