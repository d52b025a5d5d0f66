// For tests/test_search_engine.py: the search core on the real corpus's index.
// argv: the index folder, the site's language; stdin: JSON [query, ...].
// Writes, per query, its parts (text, soft, alternatives) and its results
// ({id, tier, follows}) in order.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createSearch } from "../../docs/assets/search/core.js";

const [folder, lang] = process.argv.slice(2);
const loader = {
  lexicon: async () => JSON.parse(readFileSync(join(folder, "lexicon.json"), "utf8")),
  shard: async (k) => new Uint8Array(readFileSync(join(folder, "terms", `${k}.bin`))),
  block: async (k) => JSON.parse(readFileSync(join(folder, "text", `${k}.json`), "utf8")),
};
const engine = createSearch(loader, lang);
const out = [];
for (const query of JSON.parse(readFileSync(0, "utf8"))) {
  const { parts, results } = await engine.search(query);
  out.push({
    parts: parts.map((p) => ({
      text: p.text,
      soft: !!p.soft,
      alternatives: p.alternatives.map((a) => ({ units: a.units, topic: a.topic || "", strong: !!a.strong, form: a.form || "", relaxed: !!a.relaxed })),
    })),
    results: results.map((r) => ({ id: r.id, tier: r.tier, follows: r.follows ?? null })),
  });
}
process.stdout.write(JSON.stringify(out));
