/*
 * The one text normalisation of the search, the worker's side of
 * build_scripts/search/normalise.py (tests/test_search_normalise.py holds the
 * two to the same output on every passage of the corpus): width, case, katakana
 * variants (-lty: ロイヤルティ = ロイヤリティ) and long vowels; Latin words and
 * Japanese runs; English index terms.
 */

import { stem } from "./snowball-english.js";

const KATAKANA = "\u30a1-\u30fa\u30fd-\u30ff";
export const KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆";
export const JAPANESE = `\u3041-\u3096\u309d-\u309f${KATAKANA}ー${KANJI}`;
export const FOLD = { "ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ", "ヵ": "カ", "ヶ": "カ", "’": "'", "‘": "'" };
export const FOLD_PATTERN = /[ァィゥェォヵヶ’‘]/g;
export const VU = { "ヴァ": "バ", "ヴィ": "ビ", "ヴェ": "ベ", "ヴォ": "ボ", "ヴ": "ブ" };
export const VU_PATTERN = /ヴ[ァィェォ]?/g;
export const LONG_VOWEL = new RegExp(`(?<=[${KATAKANA}])ー+(?![${KATAKANA}ー])`, "g");
export const DOT = new RegExp(`(?<=[${KATAKANA}ー])・(?=[${KATAKANA}])`, "g");
export const LTY = /ルテイ/g; // after FOLD: ルティ, English -lty, read as its other spelling リティ
export const WORD = /[a-z0-9\u00df-\u00f6\u00f8-\u024f]+(?:'[a-z]+)*/g;
const RUN = new RegExp(`[${JAPANESE}]+`, "g");
export const KANJI_CHAR = new RegExp(`[${KANJI}]`, "g");
export const KATAKANA_CHAR = new RegExp(`[${KATAKANA}]`);
export const HIRAGANA_ONLY = /^[\u3041-\u3096ー]+$/;
// a Japanese word ending in kana after a kanji is a verb or an adjective with its
// ending (来る, 潰れ, 下がる, 得た): in a question it says what happens to the subject,
// not what the passage is about, so it ranks but never blocks (a "soft" part)
export const INFLECTED = new RegExp(`^[${KANJI}]+[\u3041-\u3096]+$|^[${KANJI}]$`);
export const WORD_ONLY = new RegExp(`^(?:${WORD.source})$`);
export const JAPANESE_ONLY = new RegExp(`^[${JAPANESE}]+$`);
export const TOKEN = new RegExp(`${WORD.source}|[${JAPANESE}]+|[^\\s]`, "g");

export function normalise(text) {
  text = text.normalize("NFKC").toLowerCase();
  text = text.replace(VU_PATTERN, (m) => VU[m]).replace(FOLD_PATTERN, (c) => FOLD[c]);
  return text.replace(LONG_VOWEL, "").replace(DOT, "").replace(LTY, "リテイ");
}

export function words(normalised) {
  return normalised.match(WORD) || [];
}

export function japaneseRuns(normalised) {
  return normalised.match(RUN) || [];
}

/** A Japanese run's units: its bigrams and its kanji (normalise.py `grams`). */
export function grams(run) {
  const out = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out.concat(run.match(KANJI_CHAR) || []);
}

/** The index term of a normalised word (english.py `term`): null for a function word. */
export function englishTerm(word, lexicon) {
  if (lexicon.stopwords.has(word)) return null;
  const s = stem(word);
  return lexicon.spellings[s] || s;
}
