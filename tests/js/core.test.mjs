// The search core without a site or a browser: node --test tests/js/
// (run by tests/test_search_core.py, so that `make test` runs it too).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  APART_WEIGHT, amountKey, createSearch, decodeShard, excerpt, fnv1a, matchRanges, needlesOf, normalise, parse,
  prepareLexicon, resultItems,
} from "../../docs/assets/search/core.js";
import { encodeTerm } from "./encode.mjs";

/* A tiny index, written the way build_scripts/search/index.py writes one. */
const RECORDS = {
  ja: [
    ["documents/a/", "p1", "文書A", "", "データセンターの電力需要が急増している。"],
    ["documents/a/", "p2", "文書A", "", "5000億ドルの投資 & 雇用"],
    ["documents/a/", "p3", "文書A", "", "温室が足りない。"],
    ["glossary/", "warm-shell", "用語集", "ウォームシェル", "ウォームシェル 温室"],
  ],
  en: [
    ["documents/a/", "p1", "Doc A", "", "Power demand from data centres is surging."],
    ["documents/a/", "p2", "Doc A", "", "A $500 billion investment & jobs"],
    ["documents/a/", "p3", "Doc A", "", "There are not enough warm shells."],
    ["glossary/", "warm-shell", "Glossary", "warm shell", "warm shell"],
  ],
};
const TERMS = {
  "デー": { 0: [0] }, "ータ": { 0: [0] }, "タセ": { 0: [0] }, "セン": { 0: [0] }, "ンタ": { 0: [0] },
  "電力": { 0: [0] }, "power": { 1: [0] }, "data": { 1: [0] }, "centr": { 1: [0] }, "center": { 1: [0] },
  "#5e11": { 0: [1], 1: [1] }, "invest": { 1: [1] }, "温室": { 0: [2, 3] }, "warm": { 1: [2, 3] }, "shell": { 1: [2, 3] },
  "@g:warm-shell": { 2: [2, 3] }, "雇用": { 0: [1] }, "job": { 1: [1] },
};
const LEXICON = {
  format: 1, records: RECORDS.ja.length, passages: 3, shards: 3, block: 2, boost: [], site: { ja: [], en: [] },
  stopwords: ["the", "a", "will", "are", "there", "not"], function: ["の", "が", "は", "どう", "なる", "ない", "いつ"],
  spellings: { centr: "center" }, variants: [["売上", "売り上げ"]], concepts: [["温室", "@g:warm-shell"], ["warm shell", "@g:warm-shell"], ["ウォームシェル", "@g:warm-shell"]],
  names: { ja: RECORDS.ja.slice(3).map((row) => row[3]), en: RECORDS.en.slice(3).map((row) => row[3]) },
};
function loader(fetched = [], lexicon = LEXICON) {
  const shards = Array.from({ length: lexicon.shards }, () => []);
  for (const [term, fields] of Object.entries(TERMS)) shards[fnv1a(term) % lexicon.shards].push(...encodeTerm(term, fields));
  return {
    lexicon: async () => { fetched.push("lexicon"); return lexicon; },
    shard: async (k) => { fetched.push(`shard ${k}`); return new Uint8Array(shards[k]); },
    block: async (k) => {
      fetched.push(`block ${k}`);
      const [lang, n] = k.split("/");
      return RECORDS[lang].slice(Number(n) * 2, Number(n) * 2 + 2);
    },
  };
}

test("normalise folds width, case, long vowels and katakana variants", () => {
  assert.equal(normalise("ＧＰＵ"), "gpu");
  assert.equal(normalise("データセンター"), normalise("データセンタ"));
  assert.equal(normalise("ウェアラブル・デバイス"), "ウエアラブルデバイス");
  assert.equal(normalise("ホロヴィッツ"), "ホロビッツ");
  // English -lty: ロイヤルティ = ロイヤリティ = ロイヤリティー (normalise.py step 7)
  assert.equal(normalise("ロイヤルティフリー"), normalise("ロイヤリティ・フリー"));
  assert.equal(normalise("ロイヤルティ"), normalise("ロイヤリティ"));
  // and the excerpt marks the spelling the text uses
  const text = "7年間のロイヤルティフリーのアクセス";
  const marked = matchRanges(text, { strings: new Set([normalise("ロイヤリティ")]), stems: new Set(), amounts: new Set() }, prepareLexicon(LEXICON));
  assert.deepEqual(marked.map(([s, e]) => text.slice(s, e)), ["ロイヤルティ"]);
});

test("function words and question particles never make a part", () => {
  const lexicon = prepareLexicon(LEXICON);
  assert.deepEqual(parse("データセンターの電力はどうなる", lexicon).map((p) => p.text), ["データセンタ", "電力"]);
  assert.deepEqual(parse("will the data centres", lexicon).map((p) => p.text), ["data", "centres"]);
});

test("a verb or adjective with its ending ranks but never blocks; a particle after a Latin word is a particle", async () => {
  const lexicon = prepareLexicon(LEXICON);
  assert.deepEqual(parse("AGIはいつ来る", lexicon).map((p) => [p.text, p.soft]), [["agi", false], ["来る", true]]);
  // 上がる is not in the passage: it is found by 電力, its subject
  assert.deepEqual(parse("電力は上がる", lexicon).map((p) => [p.text, p.soft]), [["電力", false], ["上がる", true]]);
  const engine = createSearch(loader(), "ja");
  assert.deepEqual((await engine.search("電力は上がる")).results.map((r) => r.id), [0]);
  // alone, such a word must match
  assert.deepEqual(parse("上がる", lexicon).map((p) => p.soft), [false]);
  assert.deepEqual((await engine.search("上がる")).results, []);
});

test("amounts become their value, spelling variants and concepts alternatives", () => {
  const lexicon = prepareLexicon(LEXICON);
  const [amount] = parse("$500B", lexicon);
  assert.deepEqual(amount.alternatives.map((a) => a.units), [[amountKey(5e11)]]);
  assert.deepEqual(parse("5,000億ドル", lexicon)[0].alternatives[0].units, ["#5e11"]);
  const [sales] = parse("売り上げ", lexicon);
  assert.ok(sales.alternatives.some((a) => a.text === "売上"));
  const [shell] = parse("warm shell", lexicon);
  assert.ok(shell.alternatives.some((a) => a.units.includes("@g:warm-shell")));
  // a concept's words typed together are found as a phrase first, apart after
  assert.deepEqual(shell.alternatives[0].units, ["=warm shell"]);
  assert.deepEqual(shell.alternatives[1], { units: ["warm", "shell"], weight: APART_WEIGHT, text: "warm shell", apart: true });
  const needles = needlesOf([shell], [{ alternative: 0 }], lexicon);
  assert.deepEqual([...needles.stems].sort(), ["shell", "warm"]);
  // a concept also stands for its other forms as words, in either language: a passage
  // that says 温室 is found even where the reference data did not tie it to the term
  const [kanji] = parse("温室", lexicon);
  // an English form of several words as a phrase (index.py: =<stems>)
  assert.ok(kanji.alternatives.some((a) => a.form === "warm shell" && a.units.join() === "=warm shell"));
  assert.ok(shell.alternatives.some((a) => a.form === "温室" && a.units.join() === "=温室"));
});

test("a topic named leads to the passages about it, then to those that mention it; a keyword only to the first", () => {
  const lexicon = prepareLexicon({ ...LEXICON, concepts: [["エネルギ", "@t:power"], ["電力", "@t:power", 1]] });
  const named = parse("エネルギー", lexicon)[0].alternatives.filter((a) => a.topic);
  assert.deepEqual(named.map((a) => [a.units.join(), a.strong || false]), [["@t+:power", true], ["@t:power", false]]);
  const keyword = parse("電力", lexicon)[0].alternatives.filter((a) => a.topic);
  assert.deepEqual(keyword.map((a) => [a.units.join(), a.topic]), [["@t+:power", "keyword"]]);
});

test("a shard decodes to the ids written", () => {
  const bytes = new Uint8Array(encodeTerm("電力", { 0: [3, 200, 70000], 2: [5] }));
  assert.deepEqual(decodeShard(bytes).get("電力").map((ids) => ids && [...ids]), [[3, 200, 70000], null, [5]]);
});

test("search finds both languages, ranks the site's language first, loads only what it needs", async () => {
  const fetched = [];
  const engine = createSearch(loader(fetched), "en");
  const found = await engine.search("データセンタ");
  assert.deepEqual(found.results.map((r) => r.id), [0]);
  assert.ok(!fetched.some((f) => f.startsWith("block")));
  const shell = await engine.search("温室");
  // the passage (concept and word), then the glossary entry, chosen by its name in the lexicon:
  // searching fetches terms only, texts are fetched once for the results shown (rowsFor)
  assert.deepEqual(shell.results.map((r) => r.id), [2, 3]);
  assert.ok(!fetched.some((f) => f.startsWith("block")));
  const rows = await engine.rowsFor(shell);
  // 温室 was found in the Japanese text only: the Japanese rows come in the same round
  assert.deepEqual(fetched.filter((f) => f.startsWith("block")), ["block en/1", "block ja/1"]);
  assert.equal(rows.own.get(3)[3], "warm shell");
  assert.deepEqual([...rows.other.keys()], [2, 3]);
  await engine.rowsFor(shell);
  assert.equal(fetched.filter((f) => f.startsWith("block")).length, 2, "a block is fetched once");
  assert.deepEqual((await engine.search("half a trillion")).results.map((r) => r.id), [1]);
  assert.deepEqual((await engine.search("bitcoin")).results, []);
});

test("a concept term that the lexicon lists as absent costs no shard", async () => {
  // 温室's other form ウォームシェル, written out, is a term the tiny index does not have
  const term = "=ウォームシェル";
  const lookups = (lexicon) => {
    const fetched = [];
    return [fetched, createSearch(loader(fetched, lexicon), "ja")];
  };
  const lexicon = { ...LEXICON, shards: 7 };
  const [all, plain] = lookups(lexicon);
  const [fewer, skipping] = lookups({ ...lexicon, absent: [term] });
  const units = (await plain.search("温室")).parts[0].alternatives.flatMap((a) => a.units);
  assert.ok(units.includes(term));
  const shard = `shard ${fnv1a(term) % lexicon.shards}`;
  assert.ok(all.includes(shard));
  const found = await skipping.search("温室");
  assert.deepEqual(found.results.map((r) => r.id), (await plain.search("温室")).results.map((r) => r.id));
  const others = new Set(units.filter((u) => u !== term).map((u) => `shard ${fnv1a(u) % lexicon.shards}`));
  assert.ok(!others.has(shard), "the absent term has a shard of its own here");
  assert.deepEqual(fewer.filter((f) => f.startsWith("shard")).sort(), [...others].sort());
});

test("a concept form of mixed script that no text holds is not looked up", async () => {
  const form = "温室gas"; // a form of the tiny index's warm shell concept, in no text
  const lexicon = { ...LEXICON, shards: 7, concepts: [...LEXICON.concepts, [form, "@g:warm-shell"]] };
  const alternatives = async (lex) => (await createSearch(loader([], lex), "ja").search("warm shell")).parts[0].alternatives;
  assert.ok((await alternatives(lexicon)).some((a) => a.form === form));
  assert.ok(!(await alternatives({ ...lexicon, unmatched: [form] })).some((a) => a.form === form));
});

test("the passages that follow a found question (its answers) follow it in the results", async () => {
  const engine = createSearch(loader([], { ...LEXICON, follows: [0, 1, 1] }), "ja");
  const found = await engine.search("データセンタ");
  assert.deepEqual(found.results.map((r) => r.id), [0, 1]);
  assert.equal(found.results[1].follows, 0);
});

test("results carry escaped excerpts with the matches marked, never inside an entity", async () => {
  const engine = createSearch(loader(), "ja");
  const found = await engine.search("雇用");
  const { items } = resultItems(found, await engine.rowsFor(found), engine.lexicon, "ja", "");
  const [passage, page] = items[0];
  assert.equal(passage.location, "documents/a/#p2");
  assert.equal(page.location, "documents/a/");
  assert.match(passage.text, /&amp; <mark>雇用<\/mark>/);
  assert.deepEqual(passage.terms, { "雇用": true });
  const { html } = excerpt("R&D & amp", matchRanges("R&D & amp", { strings: new Set(["amp"]), stems: new Set(), amounts: new Set() }, prepareLexicon(LEXICON)));
  assert.equal(html, "R&amp;D &amp; <mark>amp</mark>");
});

test("a unit is a part of its own, found and marked however it is written", () => {
  const lexicon = prepareLexicon(LEXICON);
  // a reader's query for the interview's ギガワット級データセンター (gigawatt-scale data centres)
  const [unit, rest] = parse("GW級データセンター", lexicon);
  assert.deepEqual([unit.text, unit.alternatives.map((a) => a.units)], ["gw", [["&gw"]]]);
  assert.equal(rest.text, "級データセンタ");
  assert.deepEqual(parse("kilowatt hours", lexicon)[0].alternatives[0].units, ["&kwh"]);
  const needles = needlesOf([unit], [{ alternative: 0 }], lexicon);
  for (const text of ["ギガワット級データセンター", "gigawatt-scale data centres", "a 5GW campus"]) {
    const marked = matchRanges(text, needles, lexicon).map(([s, e]) => text.slice(s, e));
    assert.deepEqual(marked, [text.match(/ギガワット|gigawatt|5GW/)[0]], text);
  }
});

test("an amount or a percentage is marked wherever its value is written", () => {
  const needles = { strings: new Set(), stems: new Set(), amounts: new Set([amountKey(5e11)]) };
  const text = "A $500 billion investment, 5,000億ドル";
  const marked = matchRanges(text, needles, prepareLexicon(LEXICON)).map(([s, e]) => text.slice(s, e));
  assert.deepEqual(marked, ["500 billion", "5,000億"]);
  // a percentage is its own value, found and marked however it is written
  const [stake] = parse("27パーセント", prepareLexicon(LEXICON));
  assert.deepEqual(stake.alternatives.map((a) => a.units), [["%2.7e1"]]);
  const percent = { strings: new Set(), stems: new Set(), amounts: new Set(["%2.7e1"]) };
  const sentence = "its 27% stake, 27 questions";
  assert.deepEqual(matchRanges(sentence, percent, prepareLexicon(LEXICON)).map(([s, e]) => sentence.slice(s, e)), ["27%"]);
});

test("a failed load rejects and is tried again", async () => {
  let calls = 0;
  const engine = createSearch({ ...loader(), lexicon: async () => { if (!calls++) throw new Error("offline"); return LEXICON; } }, "ja");
  await assert.rejects(engine.search("電力"), /offline/);
  assert.equal((await engine.search("電力")).results.length, 1);
});
