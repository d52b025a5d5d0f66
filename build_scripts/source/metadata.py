"""Metadata lines: datelines, bylines, source lines, copyright, site-title
lines and source links, as Japanese and English web articles print them.

A metadata line stays in the publication as a ``meta`` passage (no text is
lost); what it says is also read into ``SourceMeta``, which the pipeline uses
for the document's date, source and link where editorial/documents.yml is
silent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import URL

WEEKDAY = r"(?:\s*[(（][月火水木金土日](?:曜日?)?[)）])?"
JA_DATE = rf"(?:\d{{4}}|令和\d{{1,2}}|平成\d{{1,2}})年\s*\d{{1,2}}月\s*\d{{1,2}}日{WEEKDAY}"
NUM_DATE = r"\d{4}[./-]\d{1,2}[./-]\d{1,2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?" + WEEKDAY
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
EN_DATE = rf"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}})"
TIME = (
    r"(?:(?:午前|午後)?\d{1,2}時(?:\d{1,2}分)?|\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*(?:[AaPp]\.?[Mm]\.?))?(?:\s*(?:JST|ET|EST|EDT|PT|PST|PDT|UTC|GMT))?)"
)
DATE = rf"(?:{JA_DATE}|{NUM_DATE}|{EN_DATE})(?:\s*(?:at\s+)?{TIME})?"
UPDATED_WORDS = r"更新日時|最終更新日?|更新日?|追記|追補|Last updated|Updated|Modified"
DATE_WORDS = (
    rf"{UPDATED_WORDS}|公開日時|公開日?|投稿日?|配信日時|配信日?|掲載日?|発行日|作成日|日付|Published|Posted|Date"
)
DATE_ITEM = re.compile(
    rf"(?:[\[【]?(?P<label>{DATE_WORDS})(?:\s+on)?[\]】]?\s*[:：]?\s*)?(?P<date>{DATE})"
    rf"(?:\s*(?P<after>{DATE_WORDS})(?=$|[\s|｜/／,、・)）]))?"
)
# 取材・文:山田 / 写真=鈴木 / Text by Jane Doe / By Jane Doe
JA_ROLE = (
    r"取材・文・写真|取材・文|取材・構成|取材・執筆|文・写真|文・構成|文と写真|取材|構成|執筆|著者|筆者|記者"
    r"|写真|撮影|編集|聞き手|イラスト|図版|翻訳|監修|協力|制作|デザイン|文"
)
EN_ROLE = r"Text|Words|Photos?|Photography|Reporting|Interview|Editing|Editor|Author|Illustrations?"
CREDIT = re.compile(
    rf"(?P<role>{JA_ROLE})\s*[:：=／/]\s*"
    rf"|(?P<en_role>(?:(?:{EN_ROLE}|Written|Edited|Reported|Photographed|Illustrated)\s+)?[Bb]y)\s+(?=[A-Z\u3040-\u9fff])"
    rf"|(?P<en_label>{EN_ROLE})\s*:\s*"
)
COPYRIGHT = re.compile(r"(?:Copyright\s*)?(?:©|\([Cc]\))\s*\S.*|Copyright\s+\S.*|All [Rr]ights [Rr]eserved\.?")
SOURCE_LINE = re.compile(
    r"(?P<label>出典|引用元|元記事|ソース|Source|Via|Originally published (?:at|in|on))\s*[:：]\s*(?P<text>\S.*)"
)
SOURCE_MENTION = re.compile(
    r"(?:出典|引用元|元記事|Source|Originally published)[^:：]{0,6}[:：]\s*(?P<url>https?://\S+)"
)
SITE_TITLE = re.compile(r"(?P<title>[^|｜。]{2,}?)\s+[|｜]\s+(?P<rest>[^。]+)")
SITE_SEPARATOR = re.compile(r"\s+[-–—|｜]\s+")
ISSUER = re.compile(
    r"(?:(?:株式会社|有限会社|合同会社|(?:一般|公益)?(?:社団|財団)法人)\S{1,20}"
    r"|\S{0,20}(?:株式会社|有限会社|合同会社|大学|市役所|区役所|町役場|村役場|省|庁|協会|機構|研究所)"
    r"|\S.{0,30}\s(?:Inc\.|Corporation|Co\., Ltd\.|LLC|Ltd\.))"
    r"(?:\s+\S{1,20}(?:部|課|室|局|係|センター))?"
)
RELEASE_HEADER = re.compile(
    r"報道関係者各位|関係者各位|各位|プレスリリース|ニュースリリース|報道発表資料"
    r"|PRESS RELEASE|Press Release|News Release"
)
BREADCRUMB = re.compile(r"(?:ホーム|トップ|TOP|Top|Home)\s*[>＞›»]\s*\S.*")
PHOTO_ROLES = ("写真", "撮影", "Photo", "Photos", "Photography")
SEPARATORS = " \t\u3000|｜/／,、・"
NEWS_DATELINE = re.compile(r"【(?P<place>[^=＝】]{1,12})[=＝](?P<who>[^】]{1,20})】")

EN_ROLE_NAMES = {
    "取材・文・写真": "Reporting, text and photos",
    "取材・文": "Reporting and text",
    "取材・構成": "Reporting and editing",
    "取材・執筆": "Reporting and text",
    "文・写真": "Text and photos",
    "文と写真": "Text and photos",
    "文・構成": "Text and editing",
    "取材": "Reporting",
    "構成": "Editing",
    "執筆": "Text",
    "著者": "Author",
    "筆者": "Author",
    "記者": "Reporter",
    "写真": "Photos",
    "撮影": "Photos",
    "編集": "Editor",
    "聞き手": "Interviewer",
    "イラスト": "Illustration",
    "図版": "Figures",
    "翻訳": "Translation",
    "監修": "Supervision",
    "協力": "With the cooperation of",
    "制作": "Production",
    "デザイン": "Design",
    "文": "Text",
}


@dataclass(frozen=True)
class MetaItem:
    """One fact read from a metadata line."""

    key: str  # date | updated | credit | copyright | source | url | site | issuer | place
    value: str
    role: str = ""  # for a credit: the role as printed ("取材・文", "By")


@dataclass(frozen=True)
class SourceMeta:
    """What the seed's own metadata lines say about it."""

    date: str = ""
    updated: str = ""
    credits: tuple[tuple[str, str], ...] = ()  # (role as printed, name)
    source: str = ""
    url: str = ""
    links: tuple[str, ...] = ()  # every line that is only a URL
    site: str = ""
    issuer: str = ""
    copyright: str = ""
    place: str = ""

    def fields(self) -> list[tuple[str, str]]:
        """(name, value) of every field that is set, for reports."""
        names = ("date", "updated", "source", "url", "site", "issuer", "copyright", "place")
        out = [(name, getattr(self, name)) for name in names if getattr(self, name)]
        out[1:1] = [(role, name) for role, name in self.credits]
        return out


def read_meta_line(line: str) -> list[MetaItem] | None:
    """The facts a whole metadata line holds, or None when it is not one.

    A line is metadata only if dates, credits or a copyright make up all of
    it (parentheses around it allowed: 「(取材・文:山田太郎)」).
    """
    text = line[1:-1].strip() if line[:1] in "(（" and line[-1:] in ")）" else line
    items: list[MetaItem] = []
    position = 0
    while position < len(text):
        if text[position] in SEPARATORS:
            position += 1
            continue
        item, position = _meta_item(text, position)
        if item is None:
            return None
        items.append(item)
    if not items:
        return None
    if any(is_photo_credit(i) and not is_name_like(i.value) for i in items):
        return None  # 「写真:会見する山田社長」 is a caption
    return items


def is_photo_credit(item: MetaItem) -> bool:
    return item.key == "credit" and item.role in PHOTO_ROLES


def _meta_item(text: str, position: int) -> tuple[MetaItem | None, int]:
    if copyright_ := COPYRIGHT.match(text, position):
        return MetaItem("copyright", _copyright_holder(copyright_.group())), len(text)
    if date := DATE_ITEM.match(text, position):
        label = date["label"] or date["after"] or ""
        key = "updated" if re.fullmatch(UPDATED_WORDS, label) else "date"
        return MetaItem(key, date["date"]), date.end()
    if credit := CREDIT.match(text, position):
        role = credit["role"] or credit["en_role"] or credit["en_label"]
        end = _name_end(text, credit.end())
        name = text[credit.end() : end].strip(SEPARATORS)
        if not name or len(name) > 40 or name[-1] in "。.!?！？":
            return None, position
        return MetaItem("credit", name, role), end
    return None, position


def _name_end(text: str, start: int) -> int:
    """Where a credited name ends: at the next role or date, else the line end."""
    for match in re.finditer(rf"[{re.escape(SEPARATORS)}]+", text[start:]):
        after = start + match.end()
        if CREDIT.match(text, after) or DATE_ITEM.match(text, after) or COPYRIGHT.match(text, after):
            return start + match.start()
    return len(text)


def _copyright_holder(text: str) -> str:
    return re.sub(r"^(?:Copyright\s*)?(?:©|\([Cc]\))?\s*", "", text).strip() or text


def is_name_like(text: str) -> bool:
    """A credited name, not a caption: short, no kana particles, no sentence."""
    if text.endswith(("。", ".")) or re.search(r"[\u3040-\u309f]", text):
        return False
    if re.search(r"[\u30a0-\u9fff]", text):
        return len(text) <= 15
    small = ("de", "van", "von", "der", "da", "del", "la", "le", "and", "of", "for", "the")
    return len(text) <= 40 and all(w[:1].isupper() or w in small for w in re.split(r"[\s/]+", text) if w)


def source_line(line: str) -> MetaItem | None:
    """「出典:…」「Source: …」: where the text comes from."""
    match = SOURCE_LINE.fullmatch(line)
    return MetaItem("source", match["text"], match["label"]) if match else None


def source_link(line: str) -> str:
    """The URL a line names as the text's source (出典:URL, 引用元はこちら:URL)."""
    match = SOURCE_MENTION.search(line)
    return match["url"].rstrip(")）") if match else ""


def url_line(line: str) -> str:
    """The URL of a line that holds only a URL."""
    match = URL.fullmatch(line)
    return match.group() if match else ""


def site_title(line: str) -> tuple[str, str] | None:
    """ "Title | Section - Site" kept whole: (article title, site name)."""
    match = SITE_TITLE.fullmatch(line)
    if not match or len(line) > 160:
        return None
    parts = SITE_SEPARATOR.split(match["rest"])
    return match["title"].strip(), parts[-1].strip()


def issuer(line: str) -> str:
    """株式会社サンプル 広報部 / 市役所 デジタル推進課: who issues the text."""
    return line if ISSUER.fullmatch(line) else ""


def release_header(line: str) -> bool:
    """報道関係者各位, プレスリリース: the heading of a press release."""
    return bool(RELEASE_HEADER.fullmatch(line))


def breadcrumb(line: str) -> bool:
    return bool(BREADCRUMB.fullmatch(line))


def news_dateline(paragraph: str) -> MetaItem | None:
    """【ワシントン=山田太郎】 opening a news paragraph: the place of writing."""
    match = NEWS_DATELINE.match(paragraph)
    return MetaItem("place", f"{match['place']}={match['who']}") if match else None


def collect(items: list[MetaItem], links: list[str]) -> SourceMeta:
    """The document's metadata: the first value of each kind wins."""
    first: dict[str, str] = {}
    credits = []
    for item in items:
        if item.key == "credit":
            credits.append((item.role, item.value))
        elif item.key not in first:
            first[item.key] = item.value
    return SourceMeta(
        date=first.get("date", ""),
        updated=first.get("updated", ""),
        credits=tuple(credits),
        source=first.get("source", ""),
        url=first.get("url", ""),
        links=tuple(links),
        site=first.get("site", ""),
        issuer=first.get("issuer", ""),
        copyright=first.get("copyright", ""),
        place=first.get("place", ""),
    )


# -- defaults for the document's metadata ------------------------------------


def dates(printed: str) -> tuple[str, str]:
    """A printed date in house style: ("2026年5月10日", "10 May 2026"); as
    printed in both when it cannot be read."""
    numbers = re.match(r"(\d{4})[年./-]\s*(\d{1,2})[月./-]\s*(\d{1,2})", printed)
    if numbers:
        year, month, day = (int(n) for n in numbers.groups())
    else:
        english = re.match(rf"({MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})|(\d{{1,2}})\s+({MONTH})\s+(\d{{4}})", printed)
        if not english:
            return printed, printed
        name, day_text, year_text = (english[1], english[2], english[3]) if english[1] else english.group(5, 4, 6)
        month = next((i for i, m in enumerate(MONTHS, 1) if m.lower().startswith(name[:3].lower())), 0)
        year, day = int(year_text), int(day_text)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return printed, printed
    return f"{year}年{month}月{day}日", f"{day} {MONTHS[month - 1]} {year}"


def defaults(meta: SourceMeta) -> dict[str, str]:
    """DocMeta fields this metadata can fill (the editorial data wins)."""
    out: dict[str, str] = {}
    if meta.date or meta.updated:
        ja, en = dates(meta.date or meta.updated)
        if meta.date and meta.updated:
            updated_ja, updated_en = dates(meta.updated)
            ja, en = f"{ja}(更新 {updated_ja})", f"{en} (updated {updated_en})"
        out["date_ja"], out["date_en"] = ja, en
    source_ja = [_credit(role, name, role) for role, name in meta.credits]
    source_en = [_credit(role, name, EN_ROLE_NAMES.get(role, role)) for role, name in meta.credits]
    for part in (meta.issuer, meta.site, meta.source, f"© {meta.copyright}" if meta.copyright else ""):
        if part:
            source_ja.append(part)
            source_en.append(part)
    if source_ja:
        out["source_ja"], out["source_en"] = "、".join(source_ja), "; ".join(source_en)
    if meta.url:
        out["source_url"] = meta.url
    return out


def _credit(role: str, name: str, shown: str) -> str:
    """「取材・文:山田」, "Reporting and text: 山田", or English "By Jane Doe" as printed."""
    if role[:1] <= "~":  # an English role ("By", "Photos by") reads before the name
        return f"{role} {name}"
    return f"{shown}:{name}" if shown == role else f"{shown}: {name}"
