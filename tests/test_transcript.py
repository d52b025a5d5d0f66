"""The BlackRock interview: every English turn aligned with its Japanese, and
each irregular label or timestamp of the seed handled (each named below)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.pipeline import Paths, load
from build_scripts.source.transcript import parse_transcript

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def turns():
    docs = list(load(Paths(ROOT)).documents)
    doc = next(d for d in docs if d.meta.name.startswith("001"))
    return [s for s in doc.segments if s.kind == "turn"]


def by_id(turns, ident):
    return next(t for t in turns if t.id == ident)


def test_every_english_paragraph_has_its_japanese(turns):
    assert len(turns) == 80  # 60 labelled turns + 20 continuation paragraphs
    assert sum(t.turn_start for t in turns) == 60
    for turn in turns:
        assert turn.en and turn.ja, turn.id
        assert turn.source_lang == "en" and turn.status == "original"


def test_speakers_and_order(turns):
    assert turns[0].label == "Interviewee" and turns[0].label_ja == "アルトマン"
    assert turns[0].en.startswith("… The other one is") and turns[0].ja.startswith("…もう一つは")
    assert [t.timestamp for t in turns[:3]] == ["00:00", "00:40", "01:30"]
    assert turns[-1].label == "Speaker 1" and turns[-1].label_ja == "発言者 1"


def test_continuation_with_both_languages_on_one_line(turns):
    turn = by_id(turns, "t0040")
    assert not turn.turn_start and turn.label == "Interviewee"
    assert turn.en.startswith("But the actual parts") and turn.ja.startswith("しかし、私の役割")


def test_continuations_whose_english_and_japanese_come_in_separate_runs(turns):
    # (25:36) EN, (26:29) EN, then (25:36) JA, (26:29) JA
    assert by_id(turns, "t2536").ja.startswith("2つ目は")
    assert by_id(turns, "t2629").ja.startswith("現時点で")


def test_japanese_label_without_timestamp(turns):
    # "アルトマン:" at 06:59
    turn = by_id(turns, "t0659")
    assert turn.label_ja == "アルトマン" and turn.ja.startswith("はい。そうですね。正直なところ")


def test_empty_timestamp_in_japanese_label(turns):
    # "インタビュアー (:):" at 28:07 and 30:24
    assert by_id(turns, "t2807").ja == "なるほど。なるほど。"
    assert by_id(turns, "t3024").ja.startswith("わかりました。サムさん")


def test_japanese_label_without_colon_or_with_space_before_colon(turns):
    assert by_id(turns, "t0500").ja.startswith("なるほど。容量の制約")  # "インタビュアー(05:00)"
    assert by_id(turns, "t0900").ja.startswith("うん、うん。")  # "インタビュアー (09:00) :"


def test_label_and_text_on_one_line_with_the_japanese_label_run_on(turns):
    # "Interviewee (12:07): And the thinking … important. アルトマン(12:07):"
    turn = by_id(turns, "t1207-2")
    assert turn.en.startswith("And the thinking") and turn.en.endswith("very important.")
    assert turn.label_ja == "アルトマン" and turn.ja.startswith("その背景にある考え方は")


def test_japanese_without_any_label(turns):
    # 12:37: the Japanese line follows the English with no label at all
    assert by_id(turns, "t1237").ja.startswith("よろしければ説明していただけますか")


def test_timestamp_used_twice_gets_distinct_ids(turns):
    assert by_id(turns, "t1207").en == "Okay." and by_id(turns, "t1207-2").label == "Interviewee"
    assert by_id(turns, "t1440").en == "Yes." and by_id(turns, "t1440-2").en.startswith("… and what's")


def test_two_turns_of_the_same_speaker_in_a_row(turns):
    first, second = by_id(turns, "t1701"), by_id(turns, "t1801")
    assert first.turn_start and second.turn_start and first.label == second.label == "Interviewee"


def test_announcer_turn(turns):
    turn = by_id(turns, "t3050")
    assert turn.label == "Speaker 1" and turn.ja.startswith("ここで少し休憩")


def test_unpaired_japanese_is_kept_and_reported():
    blocks, warnings = parse_transcript(
        [
            "Interviewee (00:01):",
            "Hello.",
            "アルトマン (00:01):",
            "こんにちは。",
            "余分な日本語の段落です。",
            "Interviewer (00:05):",
            "Bye.",
            "インタビュアー (00:05):",
            "さようなら。",
        ]
    )
    assert [b.paired for b in blocks] == ["こんにちは。", "余分な日本語の段落です。", "さようなら。"]
    assert blocks[1].text == "" and warnings and "no English" in warnings[0]
