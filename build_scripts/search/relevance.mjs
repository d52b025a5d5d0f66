// The judged relevance sets run through the search core under node, without
// a site or a browser: `python -m build_scripts.search.relevance` builds the
// index into a folder and calls this with it. Metrics as defined for the
// benchmark (recall@10, nDCG@10, precision, zero-hit, none), per class.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createSearch } from "../../docs/assets/search/core.js";

const [folder, queriesFile, lang] = process.argv.slice(2);
const { refs, queries } = JSON.parse(await readFile(queriesFile, "utf8"));
const loader = {
  lexicon: async () => JSON.parse(await readFile(join(folder, "lexicon.json"), "utf8")),
  shard: async (k) => new Uint8Array(await readFile(join(folder, "terms", `${k}.bin`))),
  block: async (k) => JSON.parse(await readFile(join(folder, "text", `${k}.json`), "utf8")),
};
const engine = createSearch(loader, lang);
const rows = [];
const started = performance.now();
for (const q of queries) {
  const t0 = performance.now();
  const { results } = await engine.search(q.query);
  const ms = performance.now() - t0;
  const passages = [];
  let referencesAbove = 0;
  for (const r of results) {
    if (r.id < refs.length) { if (!passages.includes(refs[r.id])) passages.push(refs[r.id]); }
    else if (!passages.length) referencesAbove++;
  }
  const top = passages.slice(0, 10);
  const relevant = q.relevant || {};
  const judged = Object.keys(relevant);
  const row = { query: q.query, class: q.class, ms, referencesAbove, returned: results.length, top };
  if (q.class === "none") row.correct = results.length === 0;
  else {
    const reached = top.filter((p) => p in relevant);
    row.recall = reached.length / Math.min(judged.length, 10);
    const dcg = top.reduce((s, p, i) => s + (2 ** (relevant[p] || 0) - 1) / Math.log2(i + 2), 0);
    const ideal = Object.values(relevant).sort((a, b) => b - a).slice(0, 10).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
    row.ndcg = ideal ? dcg / ideal : 0;
    row.precision = top.length ? reached.length / top.length : null;
    row.zero = reached.length === 0;
    row.missed = judged.filter((p) => !top.includes(p) && relevant[p] === 2);
    row.wrong = top.filter((p) => !(p in relevant));
  }
  rows.push(row);
}
console.log(JSON.stringify({ rows, seconds: (performance.now() - started) / 1000 }));
