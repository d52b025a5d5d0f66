/*
 * Excerpts with the matches marked, and the results as Material's search box
 * shows them.
 */

import { amountKey, englishValues, japaneseValues, percents } from "./amounts.js";
import { unitMentions } from "./units.js";
import {
  DOT, FOLD, FOLD_PATTERN, LONG_VOWEL, LTY, VU, VU_PATTERN, WORD, englishTerm, japaneseRuns, words,
} from "./normalise.js";

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
  apply(LTY, () => "リテイ");
  return [chars.map((c) => c[0]).join(""), chars.map((c) => c[1])];
}

/* Where a record's text holds what a query matched: [start, end] ranges of
   the original text. Japanese strings as substrings (normalised), Latin
   words by stem, concepts by their forms, amounts by value, units by unit. */
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
  if (needles.units && needles.units.size) {
    for (const u of unitMentions(norm)) if (needles.units.has(u.key)) ranges.push([starts[u.start], endOf(u.end)]);
  }
  if (needles.amounts.size) {
    const nfkc = text.normalize("NFKC");
    if (nfkc.length === text.length) {
      for (const f of [...japaneseValues(nfkc), ...englishValues(nfkc)])
        if (f.values.some((v) => needles.amounts.has(amountKey(v)))) ranges.push([f.start, f.end]);
      for (const p of percents(nfkc)) if (needles.amounts.has(p.key)) ranges.push([p.start, p.end]);
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
  const needles = { strings: new Set(), stems: new Set(), amounts: new Set(), units: new Set() };
  parts.forEach((part, p) => {
    const h = how[p];
    if (!h) return;
    for (const unit of part.alternatives[h.alternative].units) {
      if (unit.startsWith("#") || unit.startsWith("%")) needles.amounts.add(unit);
      else if (unit.startsWith("&")) needles.units.add(unit);
      else if (unit.startsWith("@")) {
        for (const form of lexicon.formsOf.get(unit) || []) {
          if (japaneseRuns(form).length) needles.strings.add(form);
          else words(form).forEach((w) => { const t = englishTerm(w, lexicon); if (t) needles.stems.add(t); });
        }
      } else if (unit.startsWith("=")) unit.slice(1).split(" ").forEach((t) => needles.stems.add(t));
      else if (!unit.startsWith("~") && !japaneseRuns(unit).length) needles.stems.add(unit);
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
