"""Recognisers for speech: speaker labels, questions, answers, timestamps.

The forms Japanese interviews and transcripts use, each a small rule:

- speaker-alias   「山田太郎(以下、山田):」 declares a full name and its label
- speaker-label   「山田:」「司会:」, English "Jane Doe:" (with or without text after it)
- speaker-quote   「山田「そうですね。」」 a name before quoted speech
- timestamp       [00:12:34], [12:34], (12:34), 00:12:34 before a line or after its label
- dash-question   「――開発の経緯は?」 an interviewer's question; the lines after it answer
- qa-label        Q/A, Q./A., Q1/A1, 問/答 (問1/答1)

A label is a speaker only if the document declares it (an alias, a hint), or
if it is a dialogue: at least two labels recur at the start of lines with
speech after them. Field labels (日時:, 価格:, Note:) are never speakers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .hints import ParseHints
from .text import ends_sentence

TIMESTAMP = r"\d{1,2}:\d{2}(?::\d{2})?"


def _stamp(group: str) -> str:
    """[12:34] or (12:34), the time in groups ``<group>1`` / ``<group>2``."""
    return rf"(?:\[(?P<{group}1>{TIMESTAMP})\]|[(（](?P<{group}2>{TIMESTAMP})[)）])"


LEADING_STAMP = re.compile(rf"(?:{_stamp('a')}|(?P<a3>{TIMESTAMP})(?=\s))\s*")
NAME = r"[^\s:：「」『』。、,.!?！？()（）\[\]【】<>＜＞=＝\d―—─]"
JA_LABEL = rf"{NAME}{{1,10}}(?:[ 　]{NAME}{{1,8}})?"
EN_LABEL = r"[A-Z][A-Za-z'.-]*(?:\s(?:[A-Z][A-Za-z'.-]*|de|van|von|da|del|la|le)){0,3}"
LABEL = re.compile(rf"(?P<label>{JA_LABEL}|{EN_LABEL})\s*(?:{_stamp('b')})?\s*[:：](?!//)\s*(?P<rest>.*)")
QUOTE = re.compile(rf"(?P<label>{JA_LABEL})\s*「(?P<speech>.*)」")
ALIAS = re.compile(
    r"(?P<full>[^(（:：「」。、]{1,20}?)\s*(?:氏|さん|様|さま|先生)?\s*"
    r"[(（]\s*以下\s*[、,，:：]?\s*[「『]?(?P<alias>[^)）」』、]{1,10}?)[」』]?\s*(?:氏|さん)?\s*[)）]"
)
ALIAS_LINE = re.compile(rf"{ALIAS.pattern}\s*[:：]\s*(?P<rest>.*)")
NAME_CHARS = re.compile(r"[\u4e00-\u9fff々〆ヵヶ\u30a0-\u30ffA-Za-z・ ]+$")
DASH_QUESTION = re.compile(r"(?:――|—―|―—|——|──|ーー|－－)\s*(?P<text>\S.*)")
QA = re.compile(r"(?P<mark>Q|Ｑ|問|A|Ａ|答)\s*(?P<number>[0-9０-９]{1,3})?\s*(?:[.．:：、]\s*|\s+)(?P<rest>\S.*)")
ASKING = ("Q", "Ｑ", "問")

INTERVIEWER_LABELS = {"聞き手", "インタビュアー", "編集部", "質問者", "記者", "Interviewer", "Reporter"}
HOST_LABELS = {"司会", "司会者", "モデレーター", "ファシリテーター", "MC", "Moderator", "Host", "Facilitator", "Chair"}
NOT_SPEAKERS = set(
    "注 注記 ポイント 備考 出典 引用元 写真 撮影 文 編集 取材 構成 執筆 日時 日程 場所 会場 主催 共催 後援 参加費 "
    "定員 対象 期間 価格 料金 発売日 発売 問い合わせ お問い合わせ 申込 申し込み 所在地 代表者 設立 資本金 事業内容 "
    "電話 住所 結論 要点 目次 例 追記 追補 更新 公開日 投稿日 配信日 タグ カテゴリー 関連記事 "
    "URL TEL FAX Email E-mail Mail Note Notes Update Updated Source Photo Image Credit Tags Tag Category "
    "Published Posted Date Related Summary Warning Correction Disclosure Disclaimer Example Step Tip Answer "
    "Question Contents Share Read More Via By Text Words".split()
)
SPEECH_LENGTH = 15  # a recurring label needs a line with this much speech after it


@dataclass
class Voice:
    """A speaker of the document, as the parser came to know it."""

    label: str  # as printed
    name_ja: str = ""
    name_en: str = ""
    role: str = "speaker"
    how: str = ""  # hint | alias | dialogue
    line: int = 0  # where it was declared or first seen
    uses: int = 0  # lines that start with its label


@dataclass(frozen=True)
class Speech:
    """A line that opens a turn."""

    rule: str
    label: str  # "" for a timestamp alone
    text: str
    timestamp: str = ""


@dataclass
class Cast:
    voices: dict[str, Voice] = field(default_factory=dict)
    timestamped: bool = False  # three or more lines open with a timestamp
    has_answers: bool = False  # the text uses A/答 labels
    labels: Counter = field(default_factory=Counter)  # every label that opens a line, speaker or not

    def get(self, label: str) -> Voice | None:
        return self.voices.get(label)


def learn_cast(lines: list[str], hints: ParseHints) -> Cast:
    """Who speaks in the document: hinted labels, declared aliases, and the
    labels of a dialogue (two or more labels that recur with speech)."""
    cast = Cast()
    for label, speaker in hints.speakers.items():
        cast.voices[label] = Voice(label, speaker.name_ja, speaker.name_en, speaker.role or _role(label), "hint")
    for number, line in enumerate(lines, start=1):
        for full, alias in _aliases(line):
            voice = cast.voices.setdefault(alias, Voice(alias, how="alias", line=number))
            voice.name_ja = voice.name_ja or full
            voice.line = voice.line or number
            voice.role = voice.role if voice.how == "hint" else _role(alias, "guest")
    uses, speechful, first = _label_uses(lines)
    cast.labels = uses
    recurring = [label for label, n in uses.items() if n >= 2 and speechful[label] and _may_speak(label, hints)]
    if len(recurring) >= 2 or (recurring and cast.voices):
        for label in recurring:
            cast.voices.setdefault(label, Voice(label, role=_role(label), how="dialogue", line=first[label]))
    for label, voice in cast.voices.items():
        voice.uses = uses.get(label, 0)
        voice.line = voice.line or first.get(label, 0)
    stamped = sum(1 for line in lines if LEADING_STAMP.match(line) and len(line) > 10)
    cast.timestamped = stamped >= 3
    cast.has_answers = any((m := QA.fullmatch(line)) and m["mark"] not in ASKING for line in lines)
    return cast


def _aliases(line: str) -> list[tuple[str, str]]:
    """(full name, label) of every 「氏名(以下、略称)」 in a line."""
    found = []
    for match in ALIAS.finditer(line):
        full = match["full"].strip()
        if match.start() > 0 or not NAME_CHARS.match(full):
            tail = NAME_CHARS.search(re.split(r"[、。「」()（）:：のはとがをにで]", full)[-1] or "")
            full = tail.group().strip() if tail else ""
        full = re.sub(r"(氏|さん|様|さま|先生)$", "", full).strip()
        alias = match["alias"].strip()
        if full and alias:
            found.append((full, alias))
    return found


def _label_uses(lines: list[str]) -> tuple[Counter, Counter, dict[str, int]]:
    uses: Counter[str] = Counter()
    speechful: Counter[str] = Counter()
    first: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        found = _label_of(_without_stamp(line)[1])
        if not found:
            continue
        label, rest = found
        uses[label] += 1
        first.setdefault(label, number)
        if not rest or len(rest) >= SPEECH_LENGTH or ends_sentence(rest) or rest.endswith("."):
            speechful[label] += 1
    return uses, speechful, first


def _label_of(line: str) -> tuple[str, str] | None:
    if match := ALIAS_LINE.fullmatch(line):
        return match["alias"].strip(), match["rest"]
    if match := LABEL.fullmatch(line):
        return match["label"].strip(), match["rest"]
    if match := QUOTE.fullmatch(line):
        if _balanced(match["speech"]):
            return match["label"].strip(), match["speech"]
    return None


def _may_speak(label: str, hints: ParseHints) -> bool:
    return label not in NOT_SPEAKERS and label not in hints.not_speakers and not QA.fullmatch(label + ": x")


def _role(label: str, default: str = "speaker") -> str:
    if label in INTERVIEWER_LABELS:
        return "interviewer"
    if label in HOST_LABELS:
        return "host"
    return default


def _without_stamp(line: str) -> tuple[str, str]:
    match = LEADING_STAMP.match(line)
    if not match:
        return "", line
    return next(g for g in match.groups() if g), line[match.end() :]


def _balanced(speech: str) -> bool:
    """The closing 」 at the end matches the opening 「 of the speech."""
    depth = 0
    for char in speech:
        depth += (char == "「") - (char == "」")
        if depth < 0:
            return False
    return depth == 0


def speech(line: str, cast: Cast) -> Speech | None:
    """The turn a line opens, if any: a known speaker's label or a timestamp."""
    stamp, rest = _without_stamp(line)
    for text in (rest, line) if stamp else (line,):
        found = _known_label(text, cast)
        if found:
            rule, label, said, inner = found
            return Speech(rule, label, said, (stamp if text is rest else "") or inner)
    if stamp and cast.timestamped:
        return Speech("timestamp", "", rest.strip(), stamp)
    return None


def _known_label(text: str, cast: Cast) -> tuple[str, str, str, str] | None:
    """(rule, label, speech, timestamp after the label) for a known speaker."""
    if (match := ALIAS_LINE.fullmatch(text)) and match["alias"].strip() in cast.voices:
        return "speaker-alias", match["alias"].strip(), match["rest"].strip(), ""
    if (match := LABEL.fullmatch(text)) and match["label"].strip() in cast.voices:
        return "speaker-label", match["label"].strip(), match["rest"].strip(), match["b1"] or match["b2"] or ""
    match = QUOTE.fullmatch(text)
    if match and match["label"].strip() in cast.voices and _balanced(match["speech"]):
        return "speaker-quote", match["label"].strip(), match["speech"].strip(), ""
    return None


@dataclass(frozen=True)
class Asked:
    """A question or an answer line."""

    rule: str
    asking: bool  # a question (else an answer)
    text: str
    number: str = ""  # as printed: "3" in Q3 / 問3


def question_or_answer(line: str, cast: Cast, lang: str) -> Asked | None:
    """――質問 / Q. 質問 / A. 回答 / 問1 質問 / 答1 回答."""
    if match := DASH_QUESTION.fullmatch(line):
        return Asked("dash-question", True, match["text"].strip())
    match = QA.fullmatch(line)
    if not match or not cast.has_answers:
        return None
    if lang == "en" and not re.match(r"[QA]\d*\s*[.:]", line):
        return None  # "A new chip…" is a sentence, not an answer
    number = match["number"] or ""
    return Asked("qa-label", match["mark"] in ASKING, match["rest"].strip(), number.translate(WIDE_DIGITS))


WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
