"""The project's own words for one thing, from the reference data, as concepts.

A concept is a glossary term (@g:compute), a person, organisation or product
(@p:openai), or a topic (@t:power-energy). The index records each concept as
a term of the passages the reference apparatus found for it
(reference/apparatus.py: the glossary's forms less its exclusions, the
people's names, the topics' keywords plus include and less exclude), so that
a query naming it in any of its forms, in either language, reaches them all:
温室, warm shell and ウォームシェル one term; アルトマン, Altman and Sam Altman one
person. A concept's search_terms (editorial data: the words readers type
that the texts do not use, 原発 for 原子力) are forms of it here too.
Topics reach their passages at a lower weight than direct matches
(core.js, TOPIC_WEIGHT).

The worker finds a concept in a query by its forms, shipped normalised: a
Japanese form as a substring of a query part, an English one as a run of its
words' stems (core.js, ``concepts``).
"""

from __future__ import annotations

from collections import defaultdict

from ..reference.apparatus import Reference
from ..reference.matching import english_pattern
from ..reference.refs import ref_of
from ..reference.topics import Topic
from . import english
from .normalise import KANJI_CHAR, japanese_runs, normalise, words


def forms(reference: Reference) -> list[list]:
    """[normalised form, concept] pairs, longest form first; [form, topic, 1] for a
    topic's keyword: a word its passages use, not a name of the topic, so a weaker
    lead to it (core.js ranks it below a topic's name)."""
    pairs: dict[tuple[str, str], bool] = {}

    def add(names, key: str, keyword: bool = False) -> None:
        for name in names:
            form = normalise(name).strip()
            if form:
                pairs[form, key] = pairs.get((form, key), True) and keyword

    for t in reference.glossary.terms:
        add((*t.ja_forms, *t.en_forms, *t.search_ja, *t.search_en), f"@g:{t.id}")
    for e in reference.people:
        add((*e.names_ja, *e.names_en, *e.search_ja, *e.search_en), f"@p:{e.id}")
    for topic in reference.topics:
        add((topic.ja, topic.en, *topic.search_ja, *topic.search_en), f"@t:{topic.id}")
        add((*topic.keywords_ja, *topic.keywords_en), f"@t:{topic.id}", keyword=True)
    ordered = sorted(pairs.items(), key=lambda p: (-len(p[0][0]), p[0]))
    return [[form, key, 1] if keyword else [form, key] for (form, key), keyword in ordered]


def phrases(forms: list[str], spellings: dict[str, str]) -> set[tuple[str, ...]]:
    """The English concept forms of two words or more (normalised), as their
    stems, function words aside: the index records where each occurs as a
    phrase (index.py), core.js looks a written-out form up by it."""
    out = set()
    for form in forms:
        stems = tuple(t for w in words(form) if (t := english.term(w, spellings)))
        if len(stems) > 1 and not japanese_runs(form):
            out.add(stems)
    return out


def lookups(concepts: list[list], spellings: dict[str, str]) -> set[str]:
    """The terms the worker may look up for the concepts, whatever the query: each
    concept (and a topic's passages about it, @t+:) and each form written out as
    one term (core.js ``formUnits``: a Japanese form as =<form>, an English form of
    several words as =<stems>, one English word as its stem). The index lists those
    that no record has (lexicon ``absent``), so that the worker fetches no shard for
    them: about half of a query's terms at 100x, each a request."""
    out = set()
    for form, key, *_ in concepts:
        out.add(key)
        if key.startswith("@t:"):
            out.add("@t+:" + key[3:])
        runs = japanese_runs(form)
        stems = [t for w in words(form) if (t := english.term(w, spellings))]
        if runs == [form] and len(form) > 1:
            out.add("=" + form)
        elif not runs and len(stems) > 1:
            out.add("=" + " ".join(stems))
        elif not runs and stems:
            out.add(stems[0])
    return out


def unmatched(concepts: list[list], spellings: dict[str, str], postings: dict[str, dict[int, list[int]]]) -> list[str]:
    """The concept forms of mixed script or several Japanese runs (ai向けクラウド,
    マイクロソフトのceo) that no record's text holds every unit of, in one language:
    the worker looks such a form up by all its units (core.js ``partUnits``: stems,
    bigrams, a lone kanji), a shard each, to find nothing. Listed in the lexicon
    (``unmatched``), they cost no fetch."""
    out = []
    for form in sorted({c[0] for c in concepts}):
        runs = japanese_runs(form)
        if not runs or runs == [form]:
            continue  # one term (lookups) or English words
        units = {t for w in words(form) if (t := english.term(w, spellings))}
        for run in runs:
            units |= {run[i : i + 2] for i in range(len(run) - 1)} if len(run) > 1 else set(KANJI_CHAR.findall(run))
        fields = [[set(postings.get(u, {}).get(f, ())) for u in units] for f in (0, 1)]
        if units and not any(set.intersection(*ids) for ids in fields):
            out.append(form)
    return out


def japanese_forms(forms: list[str]) -> dict[str, list[str]]:
    """The Japanese concept forms (normalised, two characters or more, all in one
    Japanese run) by their first two characters: the index records where each
    occurs (=<form>), core.js looks a written-out form up by it."""
    out: dict[str, list[str]] = defaultdict(list)
    for form in sorted(set(forms)):
        if len(form) > 1 and japanese_runs(form) == [form]:
            out[form[:2]].append(form)
    return dict(out)


def passage_concepts(reference: Reference) -> dict[str, set[str]]:
    """DOC:ID -> the concepts the passage concerns. A topic's passage that uses
    STRONG of its keywords or more (or is listed under its include) is about it
    and has @t+:<topic> too; one that uses a single keyword may only mention it."""
    out: dict[str, set[str]] = defaultdict(set)
    for prefix, table in (
        ("@g:", reference.term_passages),
        ("@p:", reference.person_passages),
        ("@t:", reference.topic_passages),
    ):
        for key, passages in table.items():
            for passage in passages:
                out[ref_of(passage)].add(prefix + key)
    for topic in reference.topics:
        included = set(topic.include)
        for passage in reference.topic_passages.get(topic.id, ()):
            if ref_of(passage) in included or keyword_count(topic, passage[1]) >= STRONG:
                out[ref_of(passage)].add(f"@t+:{topic.id}")
    return out


STRONG = 2


def keyword_count(topic: Topic, seg) -> int:
    """How many distinct keywords of ``topic`` a passage uses, in either language."""
    ja = {k for k in topic.keywords_ja if k in seg.ja}
    en = {k.lower() for k in topic.keywords_en if english_pattern([k]).search(seg.en)}
    return max(len(ja), len(en))  # a passage and its translation say the same
