/*
 * Search worker for Material for MkDocs' search box, speaking its worker
 * protocol: QUERY -> RESULT (Material sends no SETUP here: its own index is
 * neither built nor fetched, see overrides/main.html and page.js). The
 * search itself is core.js; this file only fetches the pieces of the index
 * it asks for (assets/search/, beside this file), each once, and reports a
 * failure to load them to the page (page.js shows it in the search box).
 *
 * Started by page.js as a module worker when the reader first focuses the
 * search box: ?lang=ja|en is the site's language.
 */
import { createSearch, resultItems } from "./core.js";

const READY = 1, QUERY = 2, RESULT = 3, FAILED = "search-failed";
const params = new URL(self.location.href).searchParams;
const lang = params.get("lang") === "en" ? "en" : "ja";
const root = lang === "ja" ? "" : "en/";
const base = new URL(".", self.location.href);

async function get(path, as) {
  const response = await fetch(new URL(path, base));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return as === "bytes" ? new Uint8Array(await response.arrayBuffer()) : response.json();
}

const engine = createSearch(
  {
    lexicon: () => get("lexicon.json"),
    shard: (k) => get(`terms/${k}.bin`, "bytes"),
    block: (k) => get(`text/${k}.json`),  // k: "<lang>/<n>"
  },
  lang,
);

// Material renders the first 10 groups of a result at once, the rest 4 at a time
// as the list is scrolled to its end (its components/search/result).
const FIRST_GROUPS = 10;

let latest = 0;
async function answer(query, number) {
  const found = await engine.search(query);
  if (number !== latest) return; // the reader typed on: fetch no texts for this one
  // `query`: which query these results answer (page.js marks the result list with it)
  const post = (shown, rows, partial) => {
    if (number === latest) postMessage({ type: RESULT, data: { ...resultItems(shown, rows, engine.lexicon, lang, root), query, partial } });
  };
  // Texts cost a request per result at a large size (results are scattered over
  // the blocks): the first groups are shown as soon as their texts are here, then
  // the whole list (Material renders it again: the same first groups, the rest
  // below them). The rest is fetched after the first groups' texts, not beside
  // them: sharing the connections, it made the first groups later.
  const first = { ...found, results: found.results.slice(0, FIRST_GROUPS) };
  const rows = await engine.rowsFor(first);
  if (engine.hasRows(found)) return post(found, await engine.rowsFor(found), false);
  post(first, rows, true);
  post(found, await engine.rowsFor(found), false);
}

addEventListener("message", (event) => {
  const message = event.data;
  if (message.type !== QUERY) return;
  const number = ++latest;
  answer(message.data, number).catch((error) => {
    if (number === latest) postMessage({ type: FAILED, data: String(error && error.message || error) });
  });
});

// Material waits for READY before it sends a query; the lexicon loads meanwhile.
engine.ready().catch(() => {});
postMessage({ type: READY });
