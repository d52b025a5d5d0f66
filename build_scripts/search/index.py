"""The search index: written at build time, read by the worker one piece at a time.

One index serves both sites (each searches the Japanese and the English of
every passage). Its files, under assets/search/ at the site root:

  lexicon.json     what the worker needs before it can read a query: the
                   record counts, the function words and spelling pairs, the
                   Japanese spelling groups, the concepts' forms and the
                   concept terms no record has (the worker fetches no shard
                   for them), the number of term shards and records per text
                   block. Fetched when the reader focuses the search box.
  terms/<k>.bin    term shards: every term of the index sits in shard
                   fnv1a(term) mod <shards>, so that a query fetches only
                   the shards of its own terms. The number of shards grows
                   with the index (about SHARD_BYTES each).
  text/<lang>/<k>.json  the records' texts, pages and titles in one
                   language, `block_size` records a file (BLOCK, more in a
                   large index), fetched only for the results a query shows
                   (the other language's only for a result found in its
                   other text alone).

Terms (normalise.py for the normalisation, shared with the worker):
  Latin words      their Snowball stems, British spellings read as American
                   (english.py); function words are not indexed
  Japanese         character bigrams and single kanji (substring search
                   without word boundaries)
  #<value>         amounts as values (amounts.py): #5e11
  &<unit>          units of power and energy, however written (units.py): &gw
  ~<katakana>      the katakana reading of Latin words (katakana.py)
  @g: @p: @t:      concepts: glossary terms, people, topics (synonyms.py);
  @t+:             a topic's passages about it (several of its keywords)
  =<stems>         an English concept form of several words as a phrase: its
                   stems in a row, function words aside (=world model), so
                   that a form written out finds the phrase, not its words apart
  =<form>          a Japanese concept form as a substring (=原子力): one term
                   where its bigrams would be several

A term's postings: for each field where it occurs (Japanese text, English
text, concept), the ids of its records, ascending.

Shard format (all integers unsigned LEB128 varints):
  repeated { term length, term (UTF-8), field mask (bit 0 Japanese, bit 1
  English, bit 2 concept), then per field in the mask: count, first id,
  then the gaps to each next id }
"""

from __future__ import annotations

import hashlib
import json
import math

from ..model import LANGS, Document
from ..reference.apparatus import Reference
from . import amounts, english, japanese, katakana, synonyms, units
from .entries import Record, document_records, leaders, page_records, reference_records
from .normalise import grams, japanese_runs, normalise, words

SHARD_BYTES = 4_000  # the target raw size of a term shard
BLOCK = 4  # records per text file, at the least
TEXT_FILES = 2_500  # text files per language beyond which a file holds twice as many records
BLOCK_MAX = 16
FIELDS = ("ja", "en")
CONCEPT_FIELD = 2
FORMAT = 1


def fnv1a(term: str) -> int:
    """32-bit FNV-1a over UTF-16 code units (core.js ``fnv1a``: JavaScript strings are UTF-16)."""
    h = 0x811C9DC5
    data = term.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def _varint(n: int, out: bytearray) -> None:
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def encode_term(term: str, fields: dict[int, list[int]]) -> bytes:
    out = bytearray()
    name = term.encode("utf-8")
    _varint(len(name), out)
    out += name
    mask = sum(1 << f for f in fields)
    out.append(mask)
    for f in sorted(fields):
        ids = fields[f]
        _varint(len(ids), out)
        previous = 0
        for n, i in enumerate(ids):
            _varint(i - previous if n else i, out)
            previous = i
    return bytes(out)


class Analyser:
    """A text's terms, the index's side of normalisation."""

    def __init__(self, records: list[Record], forms: list[str] = ()):
        """``forms``: the concept forms, whose English ones of several words and Japanese
        ones are phrase terms (=<stems>, =<form>)."""
        self.renderer = katakana.Renderer()
        self.cache: dict[tuple[str, str], frozenset[str]] = {}
        vocabulary = set()
        for text in {r.text.get(lang, "") for r in records for lang in FIELDS}:
            vocabulary |= {english.stem(w) for w in words(normalise(text))}
        self.spellings = english.spelling_stems(vocabulary)
        self.phrases = synonyms.phrases(forms, self.spellings)
        self.phrase_lengths = sorted({len(p) for p in self.phrases})
        self.japanese_forms = synonyms.japanese_forms(forms)

    def terms(self, text: str, lang: str) -> frozenset[str]:
        key = (text, lang)
        if key not in self.cache:  # a corpus repeats itself (titles, boilerplate, copies)
            self.cache[key] = frozenset(self._terms(text, lang))
        return self.cache[key]

    def _terms(self, text: str, lang: str) -> set[str]:
        norm = normalise(text)
        stems = [t for w in words(norm) if (t := english.term(w, self.spellings))]
        out = set(stems)
        for n in self.phrase_lengths:
            runs = (tuple(stems[i : i + n]) for i in range(len(stems) - n + 1))
            out |= {"=" + " ".join(run) for run in runs if run in self.phrases}
        for run in japanese_runs(norm):
            out.update(grams(run))
            for i in range(len(run) - 1):  # the forms that start at each bigram
                out |= {"=" + f for f in self.japanese_forms.get(run[i : i + 2], ()) if run.startswith(f, i)}
        out |= amounts.terms(text, lang)
        out |= units.terms(norm)
        out |= katakana.terms(text, self.renderer)
        return out


def build_index(
    documents: list[Document], reference: Reference, pages: dict | None = None, titles: dict | None = None
) -> dict[str, bytes | str]:
    """docs-relative path -> content of every file of the index.

    ``pages``: the hand-written pages, lang -> [(url, title, [(anchor, heading, text)])];
    ``titles``: the reference pages' titles, page key (glossary, people,
    figures, timeline) -> {lang: title}."""
    passages = document_records(documents)
    records = passages + reference_records(reference, titles or _default_titles()) + page_records(pages or {})
    concepts = synonyms.passage_concepts(reference)
    concept_forms = synonyms.forms(reference)
    analyser = Analyser(records, [c[0] for c in concept_forms])
    postings: dict[str, dict[int, list[int]]] = {}
    for i, record in enumerate(records):
        for f, lang in enumerate(FIELDS):
            text = record.text.get(lang, "")
            if text:
                for term in analyser.terms(text, lang):
                    postings.setdefault(term, {}).setdefault(f, []).append(i)
        for concept in record.concepts | concepts.get(record.ref, set()):
            postings.setdefault(concept, {}).setdefault(CONCEPT_FIELD, []).append(i)
    analyser.renderer.save()
    encoded = {term: encode_term(term, fields) for term, fields in postings.items()}
    shards = max(1, math.ceil(sum(map(len, encoded.values())) / SHARD_BYTES))
    buckets: list[list[bytes]] = [[] for _ in range(shards)]
    for term in sorted(encoded):
        buckets[fnv1a(term) % shards].append(encoded[term])
    files: dict[str, bytes | str] = {}
    for k, bucket in enumerate(buckets):
        files[f"assets/search/terms/{k}.bin"] = b"".join(bucket)
    size = block_size(len(records))
    for k in range(0, len(records), size):
        for lang in FIELDS:
            block = [_row(r, lang) for r in records[k : k + size]]
            files[f"assets/search/text/{lang}/{k // size}.json"] = _json(block)
    spelling_groups, function_words = japanese.analyse(
        dict.fromkeys([r.text.get("ja", "") for r in records] + [c[0] for c in concept_forms])
    )
    lexicon = {
        "format": FORMAT,
        "records": len(records),
        "passages": len(passages),
        "shards": shards,
        "block": size,
        "boost": _gaps([i for i, r in enumerate(records) if r.boost]),
        "site": {lang: _gaps([i for i, r in enumerate(records) if r.site == lang]) for lang in LANGS},
        "stopwords": sorted(english.STOPWORDS),
        "function": function_words,
        "spellings": analyser.spellings,
        "variants": spelling_groups,
        "concepts": concept_forms,
        "follows": _follows(leaders(passages)),
        # concept terms no record has: the worker fetches no shard for them
        "absent": sorted(t for t in synonyms.lookups(concept_forms, analyser.spellings) if t not in postings),
        "unmatched": synonyms.unmatched(concept_forms, analyser.spellings, postings),
        # the entry names of the records after the passages (reference entries, page
        # paragraphs), per site: the worker picks the entries a query names without
        # fetching their texts, so a query costs two rounds of fetches (terms, texts)
        "names": {lang: [r.section.get(lang) or "" for r in records[len(passages) :]] for lang in FIELDS},
    }
    lexicon["build"] = hashlib.sha256(b"".join(encoded[t] for t in sorted(encoded))).hexdigest()[:12]
    files["assets/search/lexicon.json"] = _json(lexicon)
    return files


def block_size(records: int) -> int:
    """Records per text file: BLOCK, doubled (up to BLOCK_MAX) while a language would
    have more than TEXT_FILES files. A result's text costs a request unless another
    result shares its file; in a large index the results are spread over thousands
    of files and few are cached, so larger files save requests (at 100x, 34,115
    records, 16 a file: the first 10 results' texts 9.5 -> 6.4 requests a query in
    Japanese, 8.9 -> 6.6 in English; median latency in Chromium 104 -> 90 ms, 81 ->
    62 ms), while in a small one every file is cached after a few queries and bytes
    count (the first query's budget is 150 KB at 1x, 300 KB at 100x; 16 a file
    would take the largest first query at 1x over it)."""
    size = BLOCK
    while records / size > TEXT_FILES and size < BLOCK_MAX:
        size *= 2
    return size


def _row(r: Record, lang: str) -> list:
    """A row of a text file in ``lang``: [url, anchor, page title, section, text]
    (the page title and section in the other language where there is none in ``lang``)."""
    other = FIELDS[1 - FIELDS.index(lang)]
    title = r.title.get(lang) or r.title.get(other, "")
    return [r.url, r.anchor, title, r.section.get(lang) or "", r.text.get(lang, "")]


def _follows(runs: list[list[int]]) -> list[int]:
    """[leader, first, count] runs, flat and small: the gap from the last leader,
    the first follower less the leader, the count (core.js ``prepareLexicon``)."""
    out, last = [], 0
    for leader, first, count in runs:
        out += [leader - last, first - leader, count]
        last = leader
    return out


def _gaps(ids: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *ids], ids, strict=False)]


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _default_titles() -> dict[str, dict[str, str]]:
    return {key: {"ja": key, "en": key} for key in ("glossary", "people", "figures", "timeline")}
