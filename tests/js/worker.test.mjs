// The worker (docs/assets/search/worker.js) in node, its globals stood in for:
// Material's protocol, and what it fetches before it shows the first results.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fnv1a } from "../../docs/assets/search/core.js";
import { encodeTerm } from "./encode.mjs";

const RECORDS = 40; // every one says 電力: more results than Material renders at once
const BLOCK = 2;
const SHARDS = 3;

/* The index files, as index.py writes them: one term, 電力, in every Japanese text. */
function files() {
  const term = encodeTerm("電力", { 0: Array.from({ length: RECORDS }, (_, i) => i) });
  const out = new Map();
  for (let k = 0; k < SHARDS; k++) out.set(`terms/${k}.bin`, new Uint8Array(k === fnv1a("電力") % SHARDS ? term : []));
  for (let k = 0; k < RECORDS / BLOCK; k++) {
    for (const lang of ["ja", "en"]) {
      const rows = Array.from({ length: BLOCK }, (_, j) => [`documents/d${k}/`, `p${j}`, `D${k}`, "", lang === "ja" ? `電力の話 ${k}-${j}` : `power ${k}-${j}`]);
      out.set(`text/${lang}/${k}.json`, JSON.stringify(rows));
    }
  }
  out.set("lexicon.json", JSON.stringify({
    format: 1, records: RECORDS, passages: RECORDS, shards: SHARDS, block: BLOCK, boost: [], site: { ja: [], en: [] },
    stopwords: [], function: ["の"], spellings: {}, variants: [], concepts: [], names: { ja: [], en: [] },
  }));
  return out;
}

test("the first groups are shown with only their texts fetched, then the whole list", async () => {
  const served = files();
  const fetched = [];
  const messages = [];
  let listener = null;
  globalThis.self = { location: { href: "http://site/assets/search/worker.js?lang=ja" } };
  globalThis.fetch = async (url) => {
    const path = new URL(url).pathname.replace("/assets/search/", "");
    fetched.push(path);
    const body = served.get(path);
    return new Response(body, { status: body === undefined ? 404 : 200 });
  };
  globalThis.postMessage = (message) => messages.push({ message, fetched: [...fetched] });
  globalThis.addEventListener = (type, f) => { if (type === "message") listener = f; };
  await import("../../docs/assets/search/worker.js");
  assert.equal(messages[0].message.type, 1, "READY first");
  listener({ data: { type: 2, data: "電力" } });
  for (let i = 0; i < 100 && messages.length < 3; i++) await new Promise((r) => setTimeout(r, 5));
  const [first, whole] = messages.slice(1).map((m) => m.message.data);
  assert.equal(first.partial, true);
  assert.equal(first.items.length, 10);
  assert.equal(whole.partial, false);
  assert.equal(whole.items.length, 20); // core.js RESULT_LIMIT
  assert.deepEqual(whole.items.slice(0, 10), first.items);
  // the first ten results (records 0-9) are in blocks 0-4: nothing else was fetched for them
  const blocks = (list) => list.filter((f) => f.startsWith("text/")).sort();
  assert.deepEqual(blocks(messages[1].fetched), [0, 1, 2, 3, 4].map((k) => `text/ja/${k}.json`).sort());
  assert.equal(blocks(messages[2].fetched).length, 10);
});
