// For tests/test_search_normalise.py: the worker's side of the shared
// normalisation, applied to texts given as JSON on stdin
// ({texts: [[text, lang]], words: [...], lexicon: {stopwords, spellings}}).
import { readFileSync } from "node:fs";
import { amountTerms, englishTerm, grams, japaneseRuns, normalise, unitMentions, words } from "../../docs/assets/search/core.js";
import { stem } from "../../docs/assets/search/snowball-english.js";

const input = JSON.parse(readFileSync(0, "utf8"));
const lexicon = { stopwords: new Set(input.lexicon.stopwords), spellings: input.lexicon.spellings };
const texts = input.texts.map(([text, lang]) => {
  const norm = normalise(text);
  const terms = new Set(words(norm).map((w) => englishTerm(w, lexicon)).filter(Boolean));
  for (const run of japaneseRuns(norm)) grams(run).forEach((g) => terms.add(g));
  const units = [...new Set(unitMentions(norm).map((u) => u.key))].sort();
  return { normalised: norm, terms: [...terms].sort(), amounts: [...amountTerms(text, lang)].sort(), units };
});
process.stdout.write(JSON.stringify({ texts, stems: input.words.map(stem) }));
