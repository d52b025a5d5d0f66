"""English words as the index records them: stems, one spelling, no function words.

- Stems: the Snowball English (Porter2) stemmer of the snowballstemmer
  package, so that singular and plural, a verb and its forms, a noun and its
  adjective meet (data centers / data center, layoffs / layoff). The worker
  runs the same algorithm (docs/assets/search/snowball-english.js, generated
  from the same Snowball release by scripts/snowball_to_js.py).
- One spelling: British spellings are read as American ones before stemming
  (centre → center, labour → labor, organise → organize), from the word list
  of the breame package. Only the pairs the corpus can use travel to the
  worker: those whose American or British stem occurs in the passages.
- Function words: the Snowball project's English stop word list (the list
  that accompanies the stemmer on snowballstem.org, BSD licence), plus the
  question words a reader types ("will", "can", "does"…, which that list
  keeps because they carry meaning in running text). They are not indexed
  and never block a match.
"""

from __future__ import annotations

import functools

import snowballstemmer
from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

# snowballstem.org/algorithms/english/stop.txt
SNOWBALL_STOP = """
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her
hers herself it its itself they them their theirs themselves what which who whom this that these
those am is are was were be been being have has had having do does did doing would should could
ought i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd she'd we'd
they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't haven't hadn't
doesn't don't didn't won't wouldn't shan't shouldn't can't cannot couldn't mustn't let's that's
who's what's here's there's when's where's why's how's a an the and but if or because as until
while of at by for with about against between into through during before after above below to
from up down in out on off over under again further then once here there when where why how all
any both each few more most other some such no nor not only own same so than too very
""".split()
QUESTION_WORDS = "will can may might must shall get gets got does tell think".split()
STOPWORDS = frozenset(SNOWBALL_STOP + QUESTION_WORDS)

_stemmer = snowballstemmer.stemmer("english")


@functools.cache
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def american(word: str) -> str:
    return BRITISH_ENGLISH_SPELLINGS.get(word, word)


def spelling_stems(vocabulary: set[str]) -> dict[str, str]:
    """British stem -> American stem, for the pairs whose stems differ and
    of which the corpus (``vocabulary``: the stems in the passages) has one."""
    pairs = {}
    for british, us in BRITISH_ENGLISH_SPELLINGS.items():
        b, a = stem(british), stem(us)
        if b != a and (a in vocabulary or b in vocabulary):
            pairs[b] = a
    return dict(sorted(pairs.items()))


def term(word: str, spellings: dict[str, str]) -> str | None:
    """The index term of a normalised word: None for a function word."""
    if word in STOPWORDS:
        return None
    stemmed = stem(word)
    return spellings.get(stemmed, stemmed)
