/*
 * The search itself: normalise, match, rank and highlight. No DOM, no
 * globals, no network: the caller hands in a loader (worker.js in the
 * browser, tests/js/ and build_scripts/search/loop.mjs under node).
 *
 * The index (build_scripts/search/index.py) is one for both sites: every
 * record (a passage, a reference entry, a paragraph of a hand-written page)
 * has a Japanese and an English text, and both are searched on both sites.
 *
 * A query is read into parts (see `parse`): a space, a function word
 * (particles and endings in Japanese, "the", "will", "how"… in English) or
 * an amount ends a part. Each part has alternatives:
 *   - its own words: Japanese as a substring (all its character bigrams),
 *     Latin words by their Snowball stems, British spellings as American;
 *   - the Japanese spelling variants of words in it (売上 for 売り上げ);
 *   - the concepts it names: a glossary term, a person or organisation in
 *     any of their forms or search terms in either language (warm shell =
 *     温室), as the concept (the passages the reference data ties to it) and
 *     as each of its other forms written out (an English form of several
 *     words as a phrase, index.py's =<stems> terms); a topic (at TOPIC_WEIGHT,
 *     below direct matches; a topic's keywords are too broad to write out);
 *   - katakana for Latin letters (スターゲート = Stargate);
 *   - an amount as its value ($500B = 5000億ドル = half a trillion).
 * Ranking, in the spirit of BM25: each part weighs its idf (rarer parts
 * more); a match in the site's own language counts 1, in the other
 * OTHER_LANGUAGE; titles, headings and questions count BOOST times.
 * A Japanese verb or adjective with its ending (来る, 下がる) and a word in
 * more than FREQUENT of the passages ("AI") are soft parts: they rank
 * (SOFT_WEIGHT) but never block. Records come in tiers (see TIER_WANTED):
 * every other part in their own words, a variant or a concept tied to them;
 * through a concept's form written out; through a topic named, in a passage
 * about it (@t+); through a topic's mere mention or one of its keywords; then
 * records with at least half the query's weight (by
 * idf), not every part. Each tier after the first is shown only while those
 * above it are few. A question's answers (an interviewer's turn's reply)
 * follow it in the results.
 * The results: the passages, at most RESULT_LIMIT, with at most
 * REFERENCE_LIMIT reference entries (glossary, topics, people, figures,
 * timeline, hand-written pages) after the first REFERENCES_AFTER of them, so
 * that the first screen of results is the passages' (issue 12: reference
 * pages crowded the passages out of it).
 */

import { stem } from "./snowball-english.js";
import { segment } from "./tinysegmenter.js";

export const OTHER_LANGUAGE = 0.7;
export const VARIANT_WEIGHT = 0.9;
export const CONCEPT_WEIGHT = 0.6;
export const KATAKANA_WEIGHT = 0.8;
export const TOPIC_WEIGHT = 0.3;
export const TOPIC_WEAK = 0.5;
export const BOOST = 1.2;
export const SOFT_WEIGHT = 0.3;
export const FREQUENT = 0.3;
export const FREQUENT_MIN = 20; // in a small corpus no word is too frequent to count
export const FOLLOW_LIMIT = 2;
export const FOLLOW_TIER = 0;
// Tiers of a record: every part in its own words, a spelling variant or a concept
// the reference data ties to it (DIRECT); some part only through another form of a
// concept written out (FORM); through a topic named, in a passage about it (TOPIC);
// through a topic in a passage that may only mention it, or a topic reached by one
// of its keywords (KEYWORD: shown only when nothing above is); not every part (PARTIAL).
export const DIRECT = 0, FORM = 1, TOPIC = 2, KEYWORD = 3, PARTIAL = 4;
export const TIER_WANTED = [Infinity, 10, 10, 1, 10];
function tierOf(alt) {
  if (!alt.topic) return alt.form ? FORM : DIRECT;
  return alt.topic === "name" && alt.strong ? TOPIC : KEYWORD;
}
export const PARTIAL_SHARE = 0.5;
export const REFERENCE_LIMIT = 3;
export const REFERENCES_AFTER = 5; // passages before them: about a screen of results at 1280x900
export const RESULT_LIMIT = 20;

/* ── normalisation (build_scripts/search/normalise.py) ─────────────────── */

const KATAKANA = "\u30a1-\u30fa\u30fd-\u30ff";
const KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆";
const JAPANESE = `\u3041-\u3096\u309d-\u309f${KATAKANA}ー${KANJI}`;
const FOLD = { "ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ", "ヵ": "カ", "ヶ": "カ", "’": "'", "‘": "'" };
const FOLD_PATTERN = /[ァィゥェォヵヶ’‘]/g;
const VU = { "ヴァ": "バ", "ヴィ": "ビ", "ヴェ": "ベ", "ヴォ": "ボ", "ヴ": "ブ" };
const VU_PATTERN = /ヴ[ァィェォ]?/g;
const LONG_VOWEL = new RegExp(`(?<=[${KATAKANA}])ー+(?![${KATAKANA}ー])`, "g");
const DOT = new RegExp(`(?<=[${KATAKANA}ー])・(?=[${KATAKANA}])`, "g");
const WORD = /[a-z0-9\u00df-\u00f6\u00f8-\u024f]+(?:'[a-z]+)*/g;
const RUN = new RegExp(`[${JAPANESE}]+`, "g");
const KANJI_CHAR = new RegExp(`[${KANJI}]`, "g");
const KATAKANA_CHAR = new RegExp(`[${KATAKANA}]`);
const HIRAGANA_ONLY = /^[\u3041-\u3096ー]+$/;
// a Japanese word ending in kana after a kanji is a verb or an adjective with its
// ending (来る, 潰れ, 下がる, 得た): in a question it says what happens to the subject,
// not what the passage is about, so it ranks but never blocks (a "soft" part)
const INFLECTED = new RegExp(`^[${KANJI}]+[\u3041-\u3096]+$|^[${KANJI}]$`);
const WORD_ONLY = new RegExp(`^(?:${WORD.source})$`);
const JAPANESE_ONLY = new RegExp(`^[${JAPANESE}]+$`);
const TOKEN = new RegExp(`${WORD.source}|[${JAPANESE}]+|[^\\s]`, "g");

export function normalise(text) {
  text = text.normalize("NFKC").toLowerCase();
  text = text.replace(VU_PATTERN, (m) => VU[m]).replace(FOLD_PATTERN, (c) => FOLD[c]);
  return text.replace(LONG_VOWEL, "").replace(DOT, "");
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

/* ── amounts (build_scripts/translation/numbers.py, search/amounts.py) ──── */

const JA_NUMBER = /(\d+(?:[,，]\d{3})*(?:\.\d+)*)\s*(千)?\s*(兆|億|万)?/g;
const JA_COMPOUND = /(\d+(?:\.\d+)?)\s*兆\s*(\d+(?:[,，]\d{3})*)\s*(千)?\s*億/g;
const JA_FRACTION = /(\d+(?:[,，]\d{3})*)\s*分の\s*(\d+)/g;
const JA_SCALE = { "兆": 1e12, "億": 1e8, "万": 1e4 };
const SLASH_FRACTION = /(?<![\d/.])(\d+)\s*\/\s*(\d+)(?![\d/])/g;
const EN_SCALE = { trillion: 1e12, billion: 1e9, million: 1e6, thousand: 1e3 };
const EN_ABBREVIATION = { t: 1e12, tn: 1e12, b: 1e9, bn: 1e9, m: 1e6, mn: 1e6, k: 1e3 };
const NUMBER_WORDS = [
  ["zero", 0], ["one", 1], ["two", 2], ["three", 3], ["four", 4], ["five", 5], ["six", 6], ["seven", 7],
  ["eight", 8], ["nine", 9], ["ten", 10], ["eleven", 11], ["twelve", 12], ["thirteen", 13], ["fourteen", 14],
  ["fifteen", 15], ["sixteen", 16], ["seventeen", 17], ["eighteen", 18], ["nineteen", 19], ["twenty", 20],
  ["thirty", 30], ["forty", 40], ["fifty", 50], ["sixty", 60], ["seventy", 70], ["eighty", 80], ["ninety", 90],
  ["hundred", 100], ["thousand", 1000], ["half", 0.5], ["dozen", 12], ["twice", 2], ["double", 2],
  ["thousandth", 1000], ["hundredth", 100], ["tenth", 10], ["tenfold", 10], ["hundredfold", 100],
  ["thousandfold", 1000], ["first", 1], ["second", 2], ["third", 3], ["fourth", 4], ["fifth", 5], ["sixth", 6],
  ["seventh", 7], ["eighth", 8], ["ninth", 9], ["january", 1], ["february", 2], ["march", 3], ["april", 4],
  ["june", 6], ["july", 7], ["august", 8], ["september", 9], ["october", 10], ["november", 11], ["december", 12],
];
const NUMBER_WORD = new Map(NUMBER_WORDS);
// Python's \b is Unicode-aware: a boundary between a letter or digit of any script and the rest
const B_BEFORE = "(?<![\\p{L}\\p{N}_])";
const B_AFTER = "(?![\\p{L}\\p{N}_])";
const EN_NUMBER = new RegExp(`(?<![\\d.,])(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(?:\\s*(trillion|billion|million|thousand)${B_AFTER})?`, "giu");
const EN_ABBREVIATED = /(?<![\d.,])(\d+(?:,\d{3})*(?:\.\d+)?)(tn|bn|mn|t|b|m|k)(?![A-Za-z0-9])/gi;
const EN_HALF = new RegExp(`${B_BEFORE}half an? (trillion|billion|million)${B_AFTER}`, "giu");
const EN_WORD = new RegExp(
  `${B_BEFORE}(${NUMBER_WORDS.map((w) => w[0]).join("|")})${B_AFTER}(?:[\\s-]+(trillion|billion|million))?`,
  "giu",
);
const EN_MULTIPLE = /(\d+(?:,\d{3})*)(?:-fold|x(?![\p{L}\p{N}_])|-year|-month)/gu;

function toNumber(digits) {
  digits = digits.replace(/[,，]/g, "");
  if ((digits.match(/\./g) || []).length > 1) digits = digits.split(".")[0];
  return parseFloat(digits);
}

function fractionValues(top, bottom) {
  top = toNumber(top);
  bottom = toNumber(bottom);
  return top && bottom ? [top / bottom, bottom / top] : [];
}

/** numbers.py `japanese_values`: [{start, end, values}] of a text. */
export function japaneseValues(text) {
  const found = [], taken = [];
  const take = (m, values) => {
    found.push({ start: m.index, end: m.index + m[0].length, values });
    taken.push([m.index, m.index + m[0].length]);
  };
  for (const m of text.matchAll(JA_COMPOUND)) take(m, [toNumber(m[1]) * 1e12 + toNumber(m[2]) * (m[3] ? 1e11 : 1e8)]);
  for (const m of text.matchAll(JA_FRACTION)) {
    const whole = toNumber(m[1]), part = toNumber(m[2]);
    take(m, [whole, part / whole, whole / part]);
  }
  for (const m of text.matchAll(SLASH_FRACTION)) take(m, fractionValues(m[1], m[2]));
  for (const m of text.matchAll(/半兆/g)) take(m, [5e11]);
  for (const m of text.matchAll(JA_NUMBER)) {
    if (taken.some(([s, e]) => s <= m.index && m.index < e)) continue;
    const value = toNumber(m[1]) * (m[2] ? 1e3 : 1) * (m[3] ? JA_SCALE[m[3]] : 1);
    const values = [value];
    if (m[1].includes(".") && !m[2] && !m[3]) values.push(...m[1].split(".").map(toNumber));
    found.push({ start: m.index, end: m.index + m[0].length, values });
  }
  return found.filter((f) => f.values.some((v) => v !== 0 && v !== 1));
}

/** numbers.py `english_values`, with where each was read. */
export function englishValues(text) {
  const found = [];
  const add = (m, values, primary) => found.push({ start: m.index, end: m.index + m[0].length, values, primary });
  for (const m of text.matchAll(EN_NUMBER)) {
    const n = toNumber(m[1]);
    const scaled = n * (m[2] ? EN_SCALE[m[2].toLowerCase()] : 1);
    add(m, [scaled, n], m[2] ? scaled : null);
  }
  for (const m of text.matchAll(EN_ABBREVIATED)) {
    const v = toNumber(m[1]) * EN_ABBREVIATION[m[2].toLowerCase()];
    add(m, [v], v);
  }
  for (const m of text.matchAll(SLASH_FRACTION)) add(m, fractionValues(m[1], m[2]), "fraction");
  for (const m of text.matchAll(EN_HALF)) {
    const v = 0.5 * EN_SCALE[m[1].toLowerCase()];
    add(m, [v], v);
  }
  for (const m of text.matchAll(EN_WORD)) {
    const v = NUMBER_WORD.get(m[1].toLowerCase()) * (m[2] ? EN_SCALE[m[2].toLowerCase()] : 1);
    add(m, [v], m[2] ? v : null);
  }
  for (const m of text.matchAll(EN_MULTIPLE)) add(m, [toNumber(m[1])], m[0].includes("x") ? toNumber(m[1]) : null);
  return found;
}

/** amounts.py `key`: #5e11, #1.4e12, #1e-3. */
export function amountKey(value) {
  const [mantissa, exponent] = value.toExponential(5).split("e");
  return `#${mantissa.replace(/0+$/, "").replace(/\.$/, "")}e${parseInt(exponent, 10)}`;
}

/** amounts.py `terms`: the amount terms of a text in `lang`. */
export function amountTerms(text, lang) {
  text = text.normalize("NFKC");
  const values = new Set();
  for (const f of englishValues(text)) f.values.forEach((v) => values.add(v));
  if (lang === "ja") for (const f of japaneseValues(text)) f.values.forEach((v) => values.add(v));
  return new Set([...values].filter((v) => v > 0 && v !== 1).map(amountKey));
}

// In a query, an amount is a number written with a scale, a fraction or a
// multiple ($500B, 5000億, 1/10, 1000x); a plain number stays a word (2030).
const UNIT_WORDS = new Set(["ドル", "ドル", "円", "ポンド", "パーセント", "%", "$", "£", "¥", "dollar", "dollars", "pound", "pounds", "yen", "percent", "usd"]);
const CURRENCY = /[$£¥€]/g;

function queryAmounts(norm) {
  const found = [];
  const overlaps = (s, e) => found.some((f) => s < f.end && f.start < e);
  for (const f of japaneseValues(norm)) {
    const written = norm.slice(f.start, f.end);
    if (/[兆億万千]|分の|\//.test(written) && !overlaps(f.start, f.end)) found.push(f);
  }
  for (const f of englishValues(norm)) {
    if (f.primary === null || overlaps(f.start, f.end)) continue;
    found.push(f.primary === "fraction" ? f : { ...f, values: [f.primary] });
  }
  return found.sort((a, b) => a.start - b.start);
}

/* ── the lexicon (lexicon.json) prepared once ────────────────────────────── */

function undoGaps(gaps) {
  const out = [];
  let last = 0;
  for (const g of gaps) out.push((last += g));
  return out;
}

export function prepareLexicon(raw) {
  const lexicon = {
    ...raw,
    stopwords: new Set(raw.stopwords),
    function: new Set(raw.function),
    boost: new Set(undoGaps(raw.boost)),
    siteOnly: { ja: new Set(undoGaps(raw.site.ja)), en: new Set(undoGaps(raw.site.en)) },
  };
  // spelling variants: each form (two characters or more) -> the other forms of its group
  lexicon.variantsOf = new Map();
  for (const group of raw.variants)
    for (const form of group) lexicon.variantsOf.set(form, group.filter((f) => f !== form));
  lexicon.variantForms = [...lexicon.variantsOf.keys()].sort((a, b) => b.length - a.length);
  // concept forms: Japanese ones as strings, Latin ones as their stems
  lexicon.conceptForms = raw.concepts.map(([form, key, keyword]) => {
    const japanese = japaneseRuns(form).length > 0;
    const stems = japanese ? null : words(form).map((w) => englishTerm(w, lexicon)).filter(Boolean);
    return { form, key, japanese, stems, keyword: !!keyword };
  }).filter((c) => c.japanese || c.stems.length);
  // index.py `_follows`: per run, the gap from the last leader, first follower - leader, count
  lexicon.follows = new Map();
  for (let k = 0, leader = 0; k + 2 < (raw.follows || []).length; k += 3) {
    leader += raw.follows[k];
    lexicon.follows.set(leader, [leader + raw.follows[k + 1], raw.follows[k + 2]]);
  }
  lexicon.formsOf = new Map();
  for (const [form, key] of raw.concepts) {
    if (!lexicon.formsOf.has(key)) lexicon.formsOf.set(key, []);
    lexicon.formsOf.get(key).push(form);
  }
  return lexicon;
}

/* ── reading a query ─────────────────────────────────────────────────────── */

/** The units of a piece of normalised text: stems and Japanese grams (bigrams, or a lone kanji). */
export function partUnits(text, lexicon) {
  const units = [];
  for (const w of words(text)) {
    const t = englishTerm(w, lexicon);
    if (t) units.push(t);
  }
  for (const run of japaneseRuns(text)) {
    if (run.length >= 2) for (let i = 0; i + 1 < run.length; i++) units.push(run.slice(i, i + 2));
    else if (run.match(KANJI_CHAR)) units.push(run);
  }
  return [...new Set(units)];
}

/* The units of a concept form written out: an English form of several words is
   one phrase term (index.py: its stems in a row), the rest as partUnits. */
function formUnits(form, lexicon) {
  if (japaneseRuns(form).length) return partUnits(form, lexicon);
  const stems = words(form).map((w) => englishTerm(w, lexicon)).filter(Boolean);
  return stems.length > 1 ? ["=" + stems.join(" ")] : stems;
}

/* Tokens of a chunk (no spaces): Latin words, Japanese words (TinySegmenter),
   symbols. Each is marked a function word or not. */
function tokens(chunk, lexicon) {
  const out = [];
  for (const m of chunk.matchAll(TOKEN)) {
    const text = m[0];
    if (WORD_ONLY.test(text)) {
      out.push({ text, latin: true, function: lexicon.stopwords.has(text) || UNIT_WORDS.has(text) });
    } else if (JAPANESE_ONLY.test(text)) {
      // segmented after the Latin word before it, if any: TinySegmenter reads a
      // particle right after a word as a particle (AGI|は|いつ|来る, not はいつ来る)
      const before = (chunk.slice(0, m.index).match(/[a-z0-9]+$/) || [""])[0];
      const segments = segment(before + text);
      for (const word of before && segments[0] === before ? segments.slice(1) : segment(text)) {
        const fn = lexicon.function.has(word) || UNIT_WORDS.has(word) || (HIRAGANA_ONLY.test(word) && word.length === 1);
        out.push({ text: word, latin: false, function: fn });
      }
    } else {
      out.push({ text, latin: false, function: true, symbol: true });
    }
  }
  return out;
}

/* A concept's Japanese form in a query stays one token, function words and
   all (ムーアの法則, not ムーア and 法則). */
function protectedTokens(chunk, lexicon) {
  const spans = [];
  for (const c of lexicon.conceptForms) {
    if (!c.japanese || c.form.length < 3) continue;
    for (let at = chunk.indexOf(c.form); at >= 0; at = chunk.indexOf(c.form, at + 1)) {
      const end = at + c.form.length;
      if (!spans.some(([s, e]) => at < e && s < end)) spans.push([at, end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const out = [];
  let last = 0;
  for (const [s, e] of spans) {
    if (s > last) out.push(...tokens(chunk.slice(last, s), lexicon));
    out.push({ text: chunk.slice(s, e), latin: false, function: false, whole: true });
    last = e;
  }
  if (last < chunk.length) out.push(...tokens(chunk.slice(last), lexicon));
  return out;
}

/**
 * A query read into parts: [{text, units, alternatives:[{units, weight, topic}]}],
 * each alternative a set of index terms that must all be in one record.
 */
export function parse(query, lexicon) {
  let norm = normalise(query).replace(/[?？!！"“”「」『』()（）、。:;*+~^]|,(?!\d{3})/g, " ");
  // a space between Japanese and Latin letters or digits carries no meaning
  norm = norm.replace(new RegExp(`(?<=[a-z0-9%$.])\\s+(?=[${JAPANESE}])|(?<=[${JAPANESE}])\\s+(?=[a-z0-9$])`, "g"), "");
  const parts = [];
  for (const amount of queryAmounts(norm)) {
    const keys = [...new Set(amount.values.filter((v) => v > 0).map(amountKey))];
    parts.push({ text: norm.slice(amount.start, amount.end), amount: true, units: [], alternatives: keys.map((k) => ({ units: [k], weight: 1 })) });
    norm = norm.slice(0, amount.start) + " ".repeat(amount.end - amount.start) + norm.slice(amount.end);
  }
  norm = norm.replace(CURRENCY, " ");
  // tokens of the whole query, then runs of content tokens (no space, no function word between) as parts
  const pieces = [];
  for (const chunk of norm.split(/\s+/).filter(Boolean)) {
    let current = null;
    for (const t of protectedTokens(chunk, lexicon)) {
      if (t.function) { current = null; continue; }
      // Latin words are parts of their own (a space or a hyphen between them)
      if (t.whole) {
        pieces.push({ text: t.text, latin: false, words: [], segments: [t.text], whole: true });
        current = null;
        continue;
      }
      if (!current || (t.latin && current.latin)) pieces.push((current = { text: "", latin: t.latin, words: [], segments: [] }));
      current.text += t.text;
      current.latin = t.latin;
      if (t.latin) current.words.push(t.text);
      current.segments.push(t.text);
    }
  }
  const split = pieces.flatMap((piece) => (piece.latin || piece.whole ? [piece] : splitJapanese(piece, lexicon)));
  // English concept forms of several words join their words into one part (warm shell)
  const merged = mergeForms(split, lexicon);
  for (const piece of merged) {
    const units = partUnits(piece.text, lexicon);
    if (!units.length) continue;
    const alts = alternatives(piece, units, lexicon);
    parts.push({ text: piece.text, units, alternatives: alts, soft: !piece.whole && INFLECTED.test(piece.text) && !alts.some((a) => a.units.some((u) => u.startsWith("@"))) });
  }
  // a query of soft parts only needs them all
  if (parts.every((p) => p.soft)) parts.forEach((p) => (p.soft = false));
  return parts;
}

/* A Japanese piece becomes one part per word (TinySegmenter's), so that a
   record with only some of them can follow those with all; a word of one
   character joins its neighbour (再|スキル|化), and so do words that a concept
   or a spelling group writes as one (計算|資源 for 計算資源). */
function splitJapanese(piece, lexicon) {
  const segs = [];
  for (const s of piece.segments) {
    if (segs.length && !piece.whole && (s.length === 1 || segs[segs.length - 1].length === 1)) segs[segs.length - 1] += s;
    else segs.push(s);
  }
  const whole = [...lexicon.conceptForms.filter((c) => c.japanese).map((c) => c.form), ...lexicon.variantForms];
  const out = [];
  let start = 0;
  while (start < segs.length) {
    let end = start + 1;
    for (let e = segs.length; e > start + 1; e--) {
      const text = segs.slice(start, e).join("");
      const inner = segs.slice(start + 1, e - 1).join("");
      // a form spanning the boundary of segs[start] and segs[e - 1]
      if (whole.some((f) => text.includes(f) && f.length > segs[start].length + inner.length && !segs.slice(start, e - 1).join("").includes(f))) {
        end = e;
        break;
      }
    }
    const text = segs.slice(start, end).join("");
    out.push({ text, latin: false, words: words(text), segments: [text] });
    start = end;
  }
  return out;
}

function mergeForms(pieces, lexicon) {
  const out = [];
  for (let i = 0; i < pieces.length; i++) {
    let taken = 0;
    for (const c of lexicon.conceptForms) {
      if (c.japanese || c.stems.length < 2 || i + c.stems.length > pieces.length) continue;
      const run = pieces.slice(i, i + c.stems.length);
      if (run.every((p, k) => p.latin && p.words.length === 1 && englishTerm(p.words[0], lexicon) === c.stems[k])) {
        taken = c.stems.length;
        break;
      }
    }
    if (taken) {
      const run = pieces.slice(i, i + taken);
      out.push({ text: run.map((p) => p.text).join(" "), latin: true, words: run.map((p) => p.text) });
      i += taken - 1;
    } else out.push(pieces[i]);
  }
  return out;
}

function alternatives(piece, units, lexicon) {
  const text = piece.text;
  const out = [{ units, weight: 1, text }];
  const seen = new Map([[units.join(" "), out[0]]]);
  const add = (alt) => {
    const key = alt.units.join(" ");
    if (!alt.units.length) return;
    if (!seen.has(key)) { seen.set(key, alt); out.push(alt); }
    else if (seen.get(key).topic === "keyword" && alt.topic === "name") seen.get(key).topic = "name";
  };
  // Japanese spelling variants, one at a time
  if (japaneseRuns(text).length) {
    for (const form of lexicon.variantForms) {
      if (form.length < 2 || !text.includes(form)) continue;
      for (const other of lexicon.variantsOf.get(form)) {
        const variant = text.replace(form, other);
        add({ units: partUnits(variant, lexicon), weight: VARIANT_WEIGHT, text: variant });
      }
    }
  }
  // concepts: a form standing for the part, or for a piece of it (the rest kept as words)
  const stems = piece.latin ? piece.words.map((w) => englishTerm(w, lexicon)).filter(Boolean) : null;
  const concept = (key, rest, weight, topic) => {
    const restUnits = partUnits(rest, lexicon);
    // a topic stands for a whole part only (限界費用 is not the topic of costs plus 限界)
    if (topic && restUnits.length) return;
    if (topic) {
      // the passages about the topic (index.py: @t+, several of its keywords), then
      // the rest of its passages, which may only mention it
      add({ units: ["@t+:" + key.slice(3)], weight, topic, strong: true });
      if (topic === "name") add({ units: [key], weight: weight * TOPIC_WEAK, topic });
      return;
    }
    add({ units: [key, ...restUnits], weight, topic, text: rest.trim() || undefined });
    // every other form of the concept, in either language, as words: a passage that
    // says it is found even where the reference data did not tie it to the concept
    for (const form of topic ? [] : lexicon.formsOf.get(key) || []) {
      const units = formUnits(form, lexicon);
      if (units.length) add({ units: [...new Set([...units, ...restUnits])], weight, topic, form });
    }
  };
  for (const c of lexicon.conceptForms) {
    // a topic named (its name or a search term), or one of its keywords
    const topic = c.key.startsWith("@t:") && (c.keyword ? "keyword" : "name");
    const weight = topic ? TOPIC_WEIGHT : CONCEPT_WEIGHT;
    if (c.japanese) {
      const at = text.indexOf(c.form);
      if (at < 0) continue;
      concept(c.key, text.slice(0, at) + " " + text.slice(at + c.form.length), weight, topic);
    } else if (stems) {
      if (stems.length === c.stems.length && stems.every((s, k) => s === c.stems[k])) concept(c.key, "", weight, topic);
    } else {
      // a Latin form inside a mixed part (GPU不足)
      const found = words(text);
      const at = found.findIndex((w, k) => c.stems.every((s, j) => englishTerm(found[k + j] || "", lexicon) === s));
      if (at >= 0) concept(c.key, text.replace(new RegExp(found.slice(at, at + c.stems.length).join("\\W*")), " "), weight, topic);
    }
  }
  // katakana for Latin letters
  if (KATAKANA_CHAR.test(text)) add({ units: ["~" + text.replace(/\s+/g, "")], weight: KATAKANA_WEIGHT });
  return out;
}

/* ── the index ───────────────────────────────────────────────────────────── */

/** 32-bit FNV-1a over UTF-16 code units (index.py `fnv1a`). */
export function fnv1a(term) {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const decoder = new TextDecoder();

/** The terms of a shard: Map term -> [ids in Japanese, in English, as concept] (null where absent). */
export function decodeShard(bytes) {
  const terms = new Map();
  let at = 0;
  const varint = () => {
    let n = 0, shift = 0, b;
    do { b = bytes[at++]; n += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return n;
  };
  while (at < bytes.length) {
    const length = varint();
    const term = decoder.decode(bytes.subarray(at, at + length));
    at += length;
    const mask = bytes[at++];
    const fields = [null, null, null];
    for (let f = 0; f < 3; f++) {
      if (!(mask & (1 << f))) continue;
      const count = varint();
      const ids = new Uint32Array(count);
      let last = 0;
      for (let i = 0; i < count; i++) ids[i] = i ? (last += varint()) : (last = varint());
      fields[f] = ids;
    }
    terms.set(term, fields);
  }
  return terms;
}

/* ── searching ───────────────────────────────────────────────────────────── */

/**
 * A search engine over one index. `loader`: {lexicon(), shard(k), block(k)},
 * each returning a promise (parsed JSON for lexicon and blocks, a Uint8Array
 * for shards). `lang`: the site's language.
 */
export function createSearch(loader, lang) {
  let lexicon = null, loading = null;
  const shards = new Map(), blocks = new Map();

  /* The lexicon, loaded once (again after a failure). */
  function ready() {
    if (!loading) {
      loading = Promise.resolve(loader.lexicon()).then(
        (raw) => (lexicon = prepareLexicon(raw)),
        (error) => { loading = null; throw error; },
      );
    }
    return loading;
  }

  function shardOf(term) {
    return fnv1a(term) % lexicon.shards;
  }

  async function postings(terms) {
    const wanted = [...new Set(terms.map(shardOf))].filter((k) => !shards.has(k));
    await Promise.all(wanted.map(async (k) => {
      const bytes = await loader.shard(k);
      shards.set(k, decodeShard(bytes));
    }));
    const out = new Map();
    for (const t of terms) out.set(t, shards.get(shardOf(t)).get(t) || [null, null, null]);
    return out;
  }

  /* The text rows of records in one language: id -> [url, anchor, page title, section, text].
     A block is fetched once: `blocks` holds its promise from the first request on. */
  async function texts(ids, language = lang) {
    const key = (i) => `${language}/${Math.floor(i / lexicon.block)}`;
    for (const k of new Set(ids.map(key))) {
      if (!blocks.has(k)) blocks.set(k, loader.block(k).catch((error) => { blocks.delete(k); throw error; }));
    }
    const rows = await Promise.all(ids.map(async (i) => [i, (await blocks.get(key(i)))[i % lexicon.block]]));
    return new Map(rows);
  }

  /* Rows for showing results: the site's language, and the other one for
     results found only in their other text (or with no text in this one).
     Both languages in one round of fetches: which results were found only in
     their other text is known from the match; a result with no text in this
     language (rare: an untranslated entry) costs a second round. */
  async function rowsFor(found) {
    const ids = found.results.map((r) => r.id);
    const bit = lang === "ja" ? 1 : 2;
    const otherLang = lang === "ja" ? "en" : "ja";
    const elsewhere = found.results.filter((r) => !r.how.some((h) => h && h.mask & bit)).map((r) => r.id);
    const [own, other] = await Promise.all([texts(ids), texts(elsewhere, otherLang)]);
    const untranslated = ids.filter((i) => !own.get(i)[4] && !other.has(i));
    if (untranslated.length) for (const [i, row] of await texts(untranslated, otherLang)) other.set(i, row);
    return { own, other };
  }

  /* record id -> field mask (bit 0 ja, bit 1 en) where every literal unit of
     the alternative occurs; concept units count in any field */
  function matchAlternative(alt, found) {
    let result = null;
    for (const unit of alt.units) {
      const fields = found.get(unit);
      const here = new Map();
      if (fields[2]) for (const id of fields[2]) here.set(id, 3);
      for (let f = 0; f < 2; f++) if (fields[f]) for (const id of fields[f]) here.set(id, (here.get(id) || 0) | (1 << f));
      if (result === null) result = here;
      else {
        const next = new Map();
        for (const [id, mask] of result) {
          const m = mask & (here.get(id) || 0);
          if (m) next.set(id, m);
        }
        result = next;
      }
      if (!result.size) break;
    }
    return result || new Map();
  }

  async function search(query) {
    await ready();
    const parts = parse(query, lexicon);
    if (!parts.length) return { parts, results: [] };
    const terms = parts.flatMap((p) => p.alternatives.flatMap((a) => a.units));
    const found = await postings(terms);
    const own = lang === "ja" ? 1 : 2;
    const hidden = lexicon.siteOnly[lang === "ja" ? "en" : "ja"];
    const total = lexicon.records;
    const bests = parts.map((part) => {
      const best = new Map(); // id -> [weight, alternative index, field mask]
      part.alternatives.forEach((alt, a) => {
        for (const [id, mask] of matchAlternative(alt, found)) {
          if (hidden.has(id)) continue;
          const w = alt.weight * (mask & own ? 1 : OTHER_LANGUAGE);
          const prev = best.get(id);
          if (!prev || w > prev[0]) best.set(id, [w, a, mask]);
        }
      });
      return best;
    });
    // soft parts rank but never block: a Japanese verb or adjective with its ending
    // (parse), and a word in more than FREQUENT of the passages ("AI" in AIと雇用: the
    // corpus is about AI, a passage on jobs need not say it); unless every part is soft
    const frequent = Math.max(FREQUENT * lexicon.passages, FREQUENT_MIN);
    const soft = parts.map((part, p) => part.soft || bests[p].size > frequent);
    if (soft.every(Boolean)) soft.fill(false);
    const scores = new Map(); // id -> {score, weight, parts, hard, tier, how: [part -> alternative]}
    const weights = [];
    parts.forEach((part, p) => {
      const best = bests[p];
      const idf = Math.log(1 + total / (1 + best.size)) * (soft[p] ? SOFT_WEIGHT : 1);
      weights.push(best.size ? idf : Math.log(1 + total) * (soft[p] ? SOFT_WEIGHT : 1));
      for (const [id, [w, a, mask]] of best) {
        let s = scores.get(id);
        if (!s) scores.set(id, (s = { id, score: 0, weight: 0, parts: 0, hard: 0, tier: DIRECT, how: [] }));
        s.score += w * idf;
        s.weight += idf;
        s.parts++;
        if (!soft[p]) s.hard++;
        s.tier = Math.max(s.tier, tierOf(part.alternatives[a]));
        s.how[p] = { alternative: a, mask };
      }
    });
    const all = weights.reduce((x, y) => x + y, 0);
    const hard = soft.filter((x) => !x).length;
    const ranked = [...scores.values()].map((s) => {
      s.full = s.hard === hard;
      s.share = s.weight / all;
      if (!s.full) s.tier = PARTIAL;
      if (lexicon.boost.has(s.id)) s.score *= BOOST;
      return s;
    });
    const isPassage = (s) => s.id < lexicon.passages;
    // a tier is shown only while the tiers above it have fewer than TIER_WANTED[tier] passages
    const above = TIER_WANTED.map((_, t) => ranked.filter((s) => s.tier < t && isPassage(s)).length);
    const kept = ranked.filter((s) =>
      above[s.tier] < TIER_WANTED[s.tier] &&
      (s.parts === parts.length || (parts.length > 1 && s.share >= PARTIAL_SHARE)));
    kept.sort((a, b) => (a.tier - b.tier) || (b.score - a.score) || (a.id - b.id));
    const references = bestReferences(kept.filter((s) => !isPassage(s) && s.full), parts);
    // a question's answers, an interviewer's turn's reply and the first passages of
    // a section follow their leader in the results (index.py "follows")
    const passages = [], shown = new Set();
    const show = (s) => { if (!shown.has(s.id)) { shown.add(s.id); passages.push(s); } };
    for (const s of kept) {
      if (!isPassage(s) || passages.length >= RESULT_LIMIT) continue;
      show(s);
      const follows = lexicon.follows.get(s.id);
      if (!follows || s.tier > FOLLOW_TIER) continue;
      for (let i = follows[0]; i < follows[0] + Math.min(follows[1], FOLLOW_LIMIT); i++)
        show(scores.get(i) || { id: i, score: 0, tier: s.tier, how: [], follows: s.id });
    }
    // the first screen is the passages': the reference entries come after the first few
    const first = passages.slice(0, REFERENCES_AFTER);
    return { parts, results: [...first, ...references, ...passages.slice(first.length)], matched: kept.length };
  }

  /* The reference entries to show above the passages: those named by the
     query first (the glossary's entry for the term typed, not every entry
     that mentions it), then by score. */
  function bestReferences(candidates, parts) {
    candidates = candidates.slice(0, 4 * REFERENCE_LIMIT);
    const wanted = parts.filter((p) => !p.amount).map((p) => p.alternatives.map((a) => a.text || "").filter(Boolean));
    const named = (s) => {
      const names = [normalise(lexicon.names[lang][s.id - lexicon.passages])];
      return wanted.length > 0 && wanted.every((texts) => texts.some((t) => names.some((n) => n && (n.includes(t) || t.includes(n)))));
    };
    return candidates
      .map((s) => ({ s, named: named(s) }))
      .sort((a, b) => (b.named - a.named) || (b.s.score - a.s.score) || (a.s.id - b.s.id))
      .slice(0, REFERENCE_LIMIT)
      .map((x) => x.s);
  }

  return { ready, search, texts, rowsFor, get lexicon() { return lexicon; } };
}

/* ── excerpts and highlighting ───────────────────────────────────────────── */

export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/* normalise() with each character of the result mapped back to where it
   came from in `text`: [normalised, starts] (starts[i]: source offset). */
export function normaliseMapped(text) {
  let chars = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const c = String.fromCodePoint(cp);
    for (const n of c.normalize("NFKC").toLowerCase()) for (const u of n) chars.push([u, i]);
    i += c.length;
  }
  const apply = (pattern, replace) => {
    const joined = chars.map((c) => c[0]).join("");
    const out = [];
    let last = 0;
    for (const m of joined.matchAll(pattern)) {
      out.push(...chars.slice(last, m.index));
      const by = replace(m[0]);
      for (let k = 0; k < by.length; k++) out.push([by[k], chars[m.index][1]]);
      last = m.index + m[0].length;
    }
    out.push(...chars.slice(last));
    chars = out;
  };
  apply(VU_PATTERN, (m) => VU[m]);
  apply(FOLD_PATTERN, (c) => FOLD[c]);
  apply(LONG_VOWEL, () => "");
  apply(DOT, () => "");
  return [chars.map((c) => c[0]).join(""), chars.map((c) => c[1])];
}

/* Where a record's text holds what a query matched: [start, end] ranges of
   the original text. Japanese strings as substrings (normalised), Latin
   words by stem, concepts by their forms, amounts by value. */
export function matchRanges(text, needles, lexicon) {
  const [norm, starts] = normaliseMapped(text);
  const ranges = [];
  const endOf = (k) => (k < starts.length ? starts[k] : text.length);
  for (const s of needles.strings) {
    if (!s) continue;
    for (let at = norm.indexOf(s); at >= 0; at = norm.indexOf(s, at + s.length)) {
      const last = at + s.length - 1;
      let end = endOf(last + 1);
      if (end <= starts[last]) end = starts[last] + 1;
      ranges.push([starts[at], end]);
    }
  }
  if (needles.stems.size) {
    for (const m of norm.matchAll(WORD)) {
      const t = englishTerm(m[0], lexicon);
      if (t && needles.stems.has(t)) ranges.push([starts[m.index], endOf(m.index + m[0].length)]);
    }
  }
  if (needles.amounts.size) {
    const nfkc = text.normalize("NFKC");
    if (nfkc.length === text.length) {
      for (const f of [...japaneseValues(nfkc), ...englishValues(nfkc)])
        if (f.values.some((v) => needles.amounts.has(amountKey(v)))) ranges.push([f.start, f.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const r of ranges) {
    const top = merged[merged.length - 1];
    if (top && r[0] <= top[1]) top[1] = Math.max(top[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/* What to look for in a record's text: the matched alternatives of each part. */
export function needlesOf(parts, how, lexicon) {
  const needles = { strings: new Set(), stems: new Set(), amounts: new Set() };
  parts.forEach((part, p) => {
    const h = how[p];
    if (!h) return;
    for (const unit of part.alternatives[h.alternative].units) {
      if (unit.startsWith("#")) needles.amounts.add(unit);
      else if (unit.startsWith("@")) {
        for (const form of lexicon.formsOf.get(unit) || []) {
          if (japaneseRuns(form).length) needles.strings.add(form);
          else words(form).forEach((w) => { const t = englishTerm(w, lexicon); if (t) needles.stems.add(t); });
        }
      } else if (!unit.startsWith("~") && !japaneseRuns(unit).length) needles.stems.add(unit);
    }
    // Japanese: the part's own text (or the variant it matched), as substrings
    const alt = part.alternatives[h.alternative];
    if (alt.text) needles.strings.add(alt.text);
    for (const run of japaneseRuns(alt.text || part.text)) needles.strings.add(run);
  });
  return needles;
}

/* An excerpt of `text` around its first match, HTML-escaped piece by piece
   (so that a match never splits an entity), matches in <mark>. Returns
   {html, marked: [the marked strings as written]}. */
export function excerpt(text, ranges, size = 220) {
  const first = ranges.length ? ranges[0][0] : 0;
  let start = Math.max(0, first - Math.floor(size / 4));
  if (start > 0) {
    const space = text.lastIndexOf(" ", start);
    if (space > start - 20 && space > 0) start = space + 1;
  }
  const end = Math.min(text.length, start + size);
  let html = start > 0 ? "…" : "";
  const marked = [];
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start), to = Math.min(e, end);
    html += escapeHtml(text.slice(at, from)) + "<mark>" + escapeHtml(text.slice(from, to)) + "</mark>";
    marked.push(text.slice(s, e));
    at = to;
  }
  html += escapeHtml(text.slice(at, end)) + (end < text.length ? "…" : "");
  return { html, marked: [...new Set(marked)] };
}

/* ── results as Material's search box shows them ─────────────────────────── */

/**
 * Material's RESULT data for a search: {items}, each item a group [the
 * record, its page] (Material shows the page's title over the record), in
 * rank order. `rows`: {own, other} from `rowsFor`; `root`: the site's prefix ("" or "en/").
 */
export function resultItems(found, rows, lexicon, lang, root) {
  const items = [];
  for (const s of found.results) {
    const row = rows.own.get(s.id);
    if (!row) continue;
    const [url, anchor, pageTitle, section] = row;
    const shown = rows.other.has(s.id) && rows.other.get(s.id)[4] ? rows.other.get(s.id) : row;
    const text = shown[4];
    const { html, marked } = excerpt(text, matchRanges(text, needlesOf(found.parts, s.how, lexicon), lexicon));
    const terms = {};
    for (const m of marked) terms[m] = true;
    const page = root + url;
    const title = section || shown[3] || pageTitle;
    items.push([
      { location: page + "#" + anchor, title: escapeHtml(title), text: html, score: s.score, terms },
      { location: page, title: escapeHtml(pageTitle), text: "", score: 0, terms },
    ]);
  }
  return { items };
}
