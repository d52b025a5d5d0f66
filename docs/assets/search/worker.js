/*
 * Search worker for Material for MkDocs' search box, speaking its worker
 * protocol (SETUP → READY, QUERY → RESULT), with our own index and matching:
 *
 *  - the index (passages.json, one per site language) holds every passage as
 *    the reader sees it, built by build_scripts/search/index.py;
 *  - query and text are normalised alike (NFKC, lower case), so full-width and
 *    half-width forms, and case, do not matter;
 *  - each space-separated part of the query must occur in a passage as typed
 *    (substring match: Japanese needs no word boundaries, so compounds,
 *    katakana loanwords and mixed scripts like "Stargate向け" are found), or
 *    as one of its glossary synonyms (温室 ↔ ウォームシェル ↔ warm shell);
 *  - when nothing matches, an n-gram fallback ranks passages by the share of
 *    the query's character bigrams (Japanese) or word stems (English) they hold;
 *  - ranking: matches in headings and questions weigh more, rarer parts weigh
 *    more (idf), and long passages are damped.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
// A passage with a glossary variant of the word typed (計算能力 for 計算資源)
// is found, but after the passages with the word itself.
var SYNONYM_WEIGHT = 0.25;
var index = null;
var HAN_KANA = /[\u3040-\u30ff\u3400-\u9fff]/;

var SPACE_BY_JAPANESE = /(?<=[a-z0-9%$.])\s+(?=[\u3040-\u30ff\u3400-\u9fff])|(?<=[\u3040-\u30ff\u3400-\u9fff])\s+(?=[a-z0-9$])/g;

/* NFKC and lower case; a space between Japanese and Latin letters or digits
   carries no meaning ("2030 年" = "2030年", "OpenAI の CEO" = "OpenAIのCEO"),
   so it goes. A space between two Japanese words separates query parts. */
function normalise(text) {
  return text.normalize("NFKC").toLowerCase().replace(SPACE_BY_JAPANESE, "");
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

function load(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error("search index: HTTP " + response.status);
    return response.json();
  }).then(function (data) {
    data.norm = data.passages.map(function (p) { return normalise(p[3]); });
    data.synonymsNorm = data.synonyms.map(function (group) { return group.map(normalise); });
    return data;
  });
}

/* The glossary forms that stand for a query part. */
function alternatives(part) {
  var alts = [part];
  index.synonymsNorm.forEach(function (group) {
    if (group.indexOf(part) >= 0) alts.push.apply(alts, group);
  });
  return alts.filter(function (a, i) { return a && alts.indexOf(a) === i; });
}

function count(haystack, needle) {
  var n = 0, at = haystack.indexOf(needle);
  while (at >= 0) { n++; at = haystack.indexOf(needle, at + needle.length); }
  return n;
}

function stem(word) {
  return word.replace(/(ies|es|s|ed|ing|ly)$/, "");
}

function grams(part) {
  if (HAN_KANA.test(part)) {
    var out = [];
    for (var i = 0; i + 1 < part.length; i++) out.push(part.slice(i, i + 2));
    return out.length ? out : [part];
  }
  return part.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(stem);
}

function exactMatches(parts) {
  var hits = [];
  var total = index.norm.length;
  var idf = parts.map(function (alts) {
    var df = 0;
    for (var i = 0; i < total; i++)
      if (alts.some(function (a) { return index.norm[i].indexOf(a) >= 0; })) df++;
    return Math.log(1 + total / (1 + df));
  });
  for (var i = 0; i < total; i++) {
    var text = index.norm[i], score = 0, matched = {};
    for (var p = 0; p < parts.length; p++) {
      var best = 0;
      for (var a = 0; a < parts[p].length; a++) {
        var n = count(text, parts[p][a]);
        if (n) { matched[parts[p][a]] = true; best = Math.max(best, (a === 0 ? 1 : SYNONYM_WEIGHT) * (1 + Math.log(n))); }
      }
      if (!best) { score = 0; break; }
      score += best * idf[p];
    }
    if (score) hits.push({ i: i, score: score, matched: matched });
  }
  return hits;
}

function fuzzyMatches(raw) {
  var wanted = [];
  raw.forEach(function (part) { wanted.push.apply(wanted, grams(part)); });
  var hits = [];
  if (!wanted.length) return hits;
  for (var i = 0; i < index.norm.length; i++) {
    var text = index.norm[i], words = null, found = 0;
    for (var g = 0; g < wanted.length; g++) {
      if (HAN_KANA.test(wanted[g])) { if (text.indexOf(wanted[g]) >= 0) found++; }
      else {
        words = words || text.split(/[^\p{L}\p{N}]+/u).map(stem);
        if (words.indexOf(wanted[g]) >= 0) found++;
      }
    }
    var share = found / wanted.length;
    // 0.75: a variant spelling of a word still matches (コンピューター for
    // コンピュータ), a different word sharing some bigrams does not (量子コンピュータ).
    if (share >= 0.75) hits.push({ i: i, score: share, matched: {} });
  }
  return hits;
}

function excerpt(text, terms) {
  var norm = normalise(text), first = -1;
  terms.forEach(function (t) {
    var at = norm.indexOf(t);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  });
  var start = Math.max(0, first - 60), end = Math.min(text.length, start + 220);
  var cut = (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  var html = escapeHtml(cut);
  terms.slice().sort(function (a, b) { return b.length - a.length; }).forEach(function (t) {
    if (!t) return;
    var pattern = new RegExp(escapeHtml(t).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
    html = html.replace(pattern, function (m) { return "<mark>" + m + "</mark>"; });
  });
  return html.replace(/<\/mark><mark>/g, "");
}

function search(query) {
  var raw = normalise(query).replace(/[*+~^:]/g, " ").split(/\s+/).filter(Boolean);
  if (!raw.length) return { items: [] };
  var parts = raw.map(alternatives);
  var hits = exactMatches(parts);
  if (!hits.length) hits = fuzzyMatches(raw);
  hits.forEach(function (h) {
    var p = index.passages[h.i];
    h.score *= p[4] / (1 + index.norm[h.i].length / 600);
  });
  hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
  var groups = new Map();
  hits.forEach(function (h) {
    var p = index.passages[h.i], page = index.pages[p[0]];
    var terms = {};
    raw.forEach(function (r) { terms[r] = true; });
    Object.keys(h.matched).forEach(function (m) { terms[m] = true; });
    var item = {
      location: page.u + (p[1] ? "#" + p[1] : ""),
      title: escapeHtml(p[2] || page.t),
      text: excerpt(p[3], Object.keys(terms)),
      score: h.score,
      terms: terms
    };
    if (!p[1]) item.location = page.u + "#";  // a page-level passage is a section of its page
    if (!groups.has(page.u)) groups.set(page.u, []);
    groups.get(page.u).push(item);
  });
  var items = [];
  groups.forEach(function (list, url) {
    var page = index.pages.find(function (pg) { return pg.u === url; });
    list.push({ location: url, title: escapeHtml(page.t), text: "", score: 0, terms: list[0].terms });
    items.push(list);
  });
  return { items: items };
}

var ready = null;
var lang = new URL(self.location.href).searchParams.get("lang") === "en" ? "en" : "ja";

addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    ready = load(new URL("passages-" + lang + ".json", self.location.href).href).then(function (data) {
      index = data;
      postMessage({ type: READY });
    });
  } else if (message.type === QUERY) {
    ready.then(function () {
      postMessage({ type: RESULT, data: search(message.data) });
    });
  }
});
