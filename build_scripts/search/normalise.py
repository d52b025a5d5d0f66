"""The one text normalisation of the search, applied alike to the passages
(here, at build time) and to the reader's query (docs/assets/search/normalise.js,
``normalise`` and ``units``; tests/test_search_normalise.py holds the two to
the same output on every passage of the corpus).

normalise(text)
  1. NFKC: full-width Latin and digits, half-width katakana, ligatures
     and compatibility forms become their ordinary forms (ＧＰＵ → GPU).
  2. Lower case.
  3. Curly apostrophes become straight ones (OpenAI’s → openai's).
  4. Katakana spelling variants fold to one form: ヴァ ヴィ ヴ ヴェ ヴォ →
     バ ビ ブ ベ ボ, small vowels ァィゥェォ → アイウエオ, ヵヶ → カ.
  5. A long-vowel mark ending a katakana word goes (センター → センタ,
     コンピューター → コンピュータ: both spellings are in use).
  6. A middle dot between katakana goes (ウェアラブル・デバイス →
     ウェアラブルデバイス, サム・アルトマン → サムアルトマン).
  7. English -lty written ルティ is read as リティ, its other spelling
     (ロイヤルティ = ロイヤリティ = ロイヤリティー, ペナルティ = ペナリティ);
     -ry and -ty words differ only by a final long vowel (メモリ = メモリー,
     セキュリティ = セキュリティー), which step 5 folds. SudachiPy's
     spelling groups (japanese.py) miss these pairs.

units(text) splits normalised text into what the index records:
  - Latin words and numbers, as written (the caller stems them);
  - Japanese runs (kana and kanji): every character bigram, so that any
    substring of two characters or more is found without word boundaries,
    and every kanji alone, so that a one-kanji query is found too.
"""

from __future__ import annotations

import re
import unicodedata

KATAKANA = "\u30a1-\u30fa\u30fd-\u30ff"  # ァ … ヺ, ヽヾヿ (not ・ or ー)
KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆"
JAPANESE = f"\u3041-\u3096\u309d-\u309f{KATAKANA}ー{KANJI}"
FOLD = str.maketrans(
    {"ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ", "ヵ": "カ", "ヶ": "カ", "’": "'", "‘": "'"}
)
VU = {"ヴァ": "バ", "ヴィ": "ビ", "ヴェ": "ベ", "ヴォ": "ボ", "ヴ": "ブ"}
VU_PATTERN = re.compile("ヴ[ァィェォ]?")
LONG_VOWEL = re.compile(f"(?<=[{KATAKANA}])ー+(?![{KATAKANA}ー])")
DOT = re.compile(f"(?<=[{KATAKANA}ー])・(?=[{KATAKANA}])")
LTY = re.compile("ルテイ")  # after FOLD: ルティ
WORD = re.compile(r"[a-z0-9\u00df-\u00f6\u00f8-\u024f]+(?:'[a-z]+)*")
RUN = re.compile(f"[{JAPANESE}]+")
KANJI_CHAR = re.compile(f"[{KANJI}]")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = VU_PATTERN.sub(lambda m: VU[m[0]], text).translate(FOLD)
    return LTY.sub("リテイ", DOT.sub("", LONG_VOWEL.sub("", text)))


def words(normalised: str) -> list[str]:
    """The Latin words and numbers of normalised text, in order."""
    return WORD.findall(normalised)


def japanese_runs(normalised: str) -> list[str]:
    return RUN.findall(normalised)


def grams(run: str) -> list[str]:
    """A Japanese run's units: its bigrams and its kanji (a lone kana is no unit)."""
    out = [run[i : i + 2] for i in range(len(run) - 1)]
    out += KANJI_CHAR.findall(run)
    return out
