/*
 * The search itself: match and rank (here), with normalise.js, amounts.js,
 * query.js (reading a query) and results.js (excerpts, Material's results),
 * all re-exported from here. No DOM, no globals, no network: the caller hands
 * in a loader (worker.js in the browser, tests/js/ and
 * build_scripts/search/relevance.mjs under node).
 *
 * The index (build_scripts/search/index.py) is one for both sites: every
 * record (a passage, a reference entry, a paragraph of a hand-written page)
 * has a Japanese and an English text, and both are searched on both sites.
 *
 * A query is read into parts (query.js, `parse`): a space, a function word
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
 *   - an amount as its value ($500B = 5000億ドル = half a trillion);
 *   - a unit of power or energy as itself (GW = ギガワット = gigawatts).
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
 * above it are few. A question's first answer (an interviewer's turn's reply)
 * follows it, at FOLLOW_WEIGHT of its score.
 * The results: the passages, at most RESULT_LIMIT, with at most
 * REFERENCE_LIMIT reference entries (glossary, topics, people, figures,
 * timeline, hand-written pages) after the first REFERENCES_AFTER of them, so
 * that the first screen of results is the passages' (issue 12: reference
 * pages crowded the passages out of it).
 */
import { normalise } from "./normalise.js";
import { parse, prepareLexicon, relaxed } from "./query.js";
export * from "./normalise.js";
export * from "./amounts.js";
export * from "./units.js";
export * from "./query.js";
export * from "./results.js";

export const OTHER_LANGUAGE = 0.7;
export const BOOST = 1.2;
export const SOFT_WEIGHT = 0.3;
export const FREQUENT = 0.3;
export const FREQUENT_MIN = 20; // in a small corpus no word is too frequent to count
export const FOLLOW_LIMIT = 1;
export const FOLLOW_WEIGHT = 0.6;
export const FOLLOW_TIER = 0;
// Tiers of a record: every part in its own words, a spelling variant or a concept
// the reference data ties to it (DIRECT); some part only through another form of a
// concept written out (FORM); through a topic named, in a passage about it (TOPIC);
// through a topic in a passage that may only mention it, a topic reached by one of
// its keywords, or a kanji compound shortened (KEYWORD: shown only when nothing above
// is); not every part (PARTIAL).
export const DIRECT = 0, FORM = 1, TOPIC = 2, KEYWORD = 3, PARTIAL = 4;
export const TIER_WANTED = [Infinity, 10, 10, 1, 10];
function tierOf(alt) {
  if (alt.relaxed) return KEYWORD;
  if (!alt.topic) return alt.form ? FORM : DIRECT;
  return alt.topic === "name" && alt.strong ? TOPIC : KEYWORD;
}
export const PARTIAL_SHARE = 0.5;
export const REFERENCE_LIMIT = 3;
export const REFERENCES_AFTER = 5; // passages before them: about a screen of results at 1280x900
export const RESULT_LIMIT = 20;

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

  /* Each term's postings, fetching the shards not yet here in one round; a concept
     term the lexicon lists as absent costs no fetch (each shard is a request). */
  async function postings(terms) {
    const present = terms.filter((t) => !lexicon.absent.has(t));
    const wanted = [...new Set(present.map(shardOf))].filter((k) => !shards.has(k));
    await Promise.all(wanted.map(async (k) => {
      const bytes = await loader.shard(k);
      shards.set(k, decodeShard(bytes));
    }));
    const out = new Map();
    for (const t of terms) out.set(t, (!lexicon.absent.has(t) && shards.get(shardOf(t)).get(t)) || [null, null, null]);
    return out;
  }

  /* The text rows of records in one language: id -> [url, anchor, page title, section, text].
     A block is fetched once: `blocks` holds its promise from the first request on. */
  const blockOf = (i, language) => `${language}/${Math.floor(i / lexicon.block)}`;
  async function texts(ids, language = lang) {
    const key = (i) => blockOf(i, language);
    for (const k of new Set(ids.map(key))) {
      if (!blocks.has(k)) blocks.set(k, loader.block(k).catch((error) => { blocks.delete(k); throw error; }));
    }
    const rows = await Promise.all(ids.map(async (i) => [i, (await blocks.get(key(i)))[i % lexicon.block]]));
    return new Map(rows);
  }

  const otherLang = lang === "ja" ? "en" : "ja";
  const ownBit = lang === "ja" ? 1 : 2;
  const elsewhere = (found) => found.results.filter((r) => !r.how.some((h) => h && h.mask & ownBit)).map((r) => r.id);

  /* Rows for showing results (all of found.results: the worker asks for the
     first ones, then for all): the site's language, and the other one for
     results found only in their other text (or with no text in this one).
     Both languages in one round of fetches: which results were found only in
     their other text is known from the match; a result with no text in this
     language (rare: an untranslated entry) costs a second round. */
  async function rowsFor(found) {
    const ids = found.results.map((r) => r.id);
    const [own, other] = await Promise.all([texts(ids), texts(elsewhere(found), otherLang)]);
    const untranslated = ids.filter((i) => !own.get(i)[4] && !other.has(i));
    if (untranslated.length) for (const [i, row] of await texts(untranslated, otherLang)) other.set(i, row);
    return { own, other };
  }

  /* Whether rowsFor(found) has every block it asks for first, loaded or on its way. */
  function hasRows(found) {
    return found.results.every((r) => blocks.has(blockOf(r.id, lang))) && elsewhere(found).every((i) => blocks.has(blockOf(i, otherLang)));
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
    // a kanji compound that no passage has is tried shortened (query.js `relaxed`)
    const inPassages = (alt) => [...matchAlternative(alt, found).keys()].some((id) => id < lexicon.passages);
    const extra = [];
    for (const part of parts) {
      const shorter = part.amount || part.unit ? [] : relaxed(part, lexicon);
      if (!shorter.length || part.alternatives.some(inPassages)) continue;
      part.alternatives.push(...shorter);
      extra.push(...shorter.flatMap((alt) => alt.units));
    }
    if (extra.length) for (const [term, fields] of await postings(extra)) found.set(term, fields);
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
    // a question's first answer (an interviewer's turn's reply) follows it, ranked
    // at FOLLOW_WEIGHT of its score in its tier (index.py "follows")
    const keptIds = new Set(kept.map((s) => s.id));
    for (const s of [...kept]) {
      const follows = lexicon.follows.get(s.id);
      if (!follows || s.tier > FOLLOW_TIER) continue;
      for (let i = follows[0]; i < follows[0] + Math.min(follows[1], FOLLOW_LIMIT); i++) {
        if (keptIds.has(i)) continue;
        keptIds.add(i);
        kept.push({ id: i, score: s.score * FOLLOW_WEIGHT, tier: s.tier, how: [], follows: s.id });
      }
    }
    kept.sort((a, b) => (a.tier - b.tier) || (b.score - a.score) || (a.id - b.id));
    const references = bestReferences(kept.filter((s) => !isPassage(s) && s.full), parts);
    const passages = kept.filter(isPassage).slice(0, RESULT_LIMIT);
    // the first screen is the passages': the reference entries come after the first few
    const first = passages.slice(0, REFERENCES_AFTER);
    return { parts, results: [...first, ...references, ...passages.slice(first.length)], matched: kept.length };
  }

  /* The reference entries to show after the first passages: those named by the
     query first (the glossary's entry for the term typed, not every entry
     that mentions it), then by score. */
  function bestReferences(candidates, parts) {
    candidates = candidates.slice(0, 4 * REFERENCE_LIMIT);
    const wanted = parts.filter((p) => !p.amount && !p.unit).map((p) => p.alternatives.map((a) => a.text || "").filter(Boolean));
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

  return { ready, search, texts, rowsFor, hasRows, get lexicon() { return lexicon; } };
}
