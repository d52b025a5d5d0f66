/*
 * Reading a query into parts and each part's alternatives (core.js's header
 * says what they are), with the lexicon prepared once.
 */

import { segment } from "./tinysegmenter.js";
import { CURRENCY, UNIT_WORDS, amountKey, queryAmounts } from "./amounts.js";
import { unitMentions } from "./units.js";
import {
  HIRAGANA_ONLY, INFLECTED, JAPANESE, JAPANESE_ONLY, KANJI, KANJI_CHAR, KATAKANA_CHAR, TOKEN, WORD_ONLY, englishTerm, japaneseRuns, normalise, words,
} from "./normalise.js";

export const VARIANT_WEIGHT = 0.9;
export const RELAXED_WEIGHT = 0.3;
export const APART_WEIGHT = 0.7;
export const CONCEPT_WEIGHT = 0.6;
export const KATAKANA_WEIGHT = 0.8;
export const TOPIC_WEIGHT = 0.3;
export const TOPIC_WEAK = 0.5;

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
    // concept terms that no record has (index.py): no shard is fetched for them
    absent: new Set(raw.absent || []),
    // concept forms of mixed script that no text holds (index.py): not looked up
    unmatched: new Set(raw.unmatched || []),
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
   one phrase term (index.py: its stems in a row), a Japanese form one term (index.py:
   the form as a substring), the rest as partUnits. */
function formUnits(form, lexicon) {
  const runs = japaneseRuns(form);
  if (runs.length === 1 && runs[0] === form && form.length > 1) return ["=" + form];
  if (runs.length) return partUnits(form, lexicon);
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
    const keys = amount.keys || [...new Set(amount.values.filter((v) => v > 0).map(amountKey))];
    parts.push({ text: norm.slice(amount.start, amount.end), amount: true, units: [], alternatives: keys.map((k) => ({ units: [k], weight: 1 })) });
    norm = norm.slice(0, amount.start) + " ".repeat(amount.end - amount.start) + norm.slice(amount.end);
  }
  // a unit (GW, ギガワット, gigawatts) is a part of its own, found however a text writes it
  for (const unit of unitMentions(norm)) {
    parts.push({ text: norm.slice(unit.start, unit.end), unit: true, units: [], alternatives: [{ units: [unit.key], weight: 1 }] });
    norm = norm.slice(0, unit.start) + " ".repeat(unit.end - unit.start) + norm.slice(unit.end);
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
      out.push({ text: run.map((p) => p.text).join(" "), latin: true, words: run.map((p) => p.text), phrase: true });
      i += taken - 1;
    } else out.push(pieces[i]);
  }
  return out;
}

function alternatives(piece, units, lexicon) {
  const text = piece.text;
  // words that a concept writes as one form (world models) are found as a phrase
  // (index.py: =<stems>), not apart
  const out = [{ units: piece.phrase ? formUnits(text, lexicon) : units, weight: 1, text }];
  // and its words apart, ranked after them (the chip we're doing is inference only)
  if (piece.phrase) out.push({ units, weight: APART_WEIGHT, text, apart: true });
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
      if (lexicon.unmatched.has(form)) continue;
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

/* A compound of three kanji or more that no passage has, tried without its last
   or its first kanji (熟練工 -> 熟練, as in 熟練した技術者): alternatives that
   core.js adds to such a part, ranked where nothing better is found. */
const KANJI_COMPOUND = new RegExp(`^[${KANJI}]{3,}$`);
export function relaxed(part, lexicon) {
  if (!KANJI_COMPOUND.test(part.text)) return [];
  return [part.text.slice(0, -1), part.text.slice(1)].map((text) => ({
    units: partUnits(text, lexicon), weight: RELAXED_WEIGHT, relaxed: true, text,
  }));
}
