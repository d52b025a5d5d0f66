"""Katakana for the Latin words of the texts, so that a reader who types a
name or a loanword in katakana (エヌビディア, スターゲート, ディープリサーチ)
finds the passages that write it in Latin letters.

The reference data pairs the names it knows (people.yml: オラクル / Oracle);
for the rest, the e2k package's English-to-katakana model renders each Latin
word of the passages (Stargate → スターゲート), camel case read as two words
with the capitals kept (ChatGPT → チャットGPT), and each pair of adjacent words
as one (Deep Research → ディープリサーチ). The index records the rendering,
normalised as every text is (normalise.py), as a term of the passages that
hold the word; the worker looks a katakana query part up among those terms.

The model takes about 0.1 s a word, so renderings are kept in a cache file
(the SEARCH_CACHE environment variable, else ~/.cache/altman-search/), keyed
by word and model version: a build computes only the words it has not met.
"""

from __future__ import annotations

import functools
import json
import os
import re
from importlib.metadata import version
from pathlib import Path

from .normalise import normalise

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'’][A-Za-z]+)*")
CAMEL = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
ACRONYM = re.compile(r"[A-Z]{2,}|\d+")
# Rendered: words with a capital, that may be names (Stargate, DeepSeek,
# iPhone); acronyms are typed as they are (GPU, TSMC). The rest of English is
# found in the English column already, typed in English.
CANDIDATE = re.compile(r"[A-Z]")


def _cache_path() -> Path:
    root = os.environ.get("SEARCH_CACHE") or Path.home() / ".cache" / "altman-search"
    return Path(root) / f"katakana-e2k-{version('e2k')}.json"


class Renderer:
    def __init__(self):
        self.path = _cache_path()
        try:
            self.cache = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.cache = {}
        self.dirty = False

    @functools.cached_property
    def model(self):
        from e2k import C2K

        return C2K()

    def word(self, word: str) -> str:
        """A lower-case word in katakana."""
        if word not in self.cache:
            self.cache[word] = self.model(word)
            self.dirty = True
        return self.cache[word]

    def render(self, written: str) -> str:
        """A word as written (ChatGPT) in katakana, acronyms and digits kept (チャットGPT)."""
        parts = CAMEL.findall(written)
        return "".join(p if ACRONYM.fullmatch(p) else self.word(p.lower()) for p in parts)

    def save(self) -> None:
        if self.dirty:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.path.write_text(json.dumps(self.cache, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            except OSError:
                pass  # a read-only home: the next build renders again


def terms(text: str, renderer: Renderer) -> set[str]:
    """The katakana terms (normalised, with their ~ prefix) of a text's Latin words and word pairs."""
    words = [w for w in LATIN_WORD.findall(text) if len(w) >= 3 or ACRONYM.fullmatch(w)]
    out, previous = set(), None
    for written in words:
        if not CANDIDATE.search(written) or ACRONYM.fullmatch(written):
            previous = None
            continue
        kana = renderer.render(written)
        out.add("~" + normalise(kana))
        if previous:
            out.add("~" + normalise(previous + kana))
        previous = kana
    return out
