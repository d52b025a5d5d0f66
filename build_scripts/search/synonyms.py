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
from ..reference.refs import ref_of
from . import english
from .normalise import japanese_runs, normalise, words


def forms(reference: Reference) -> list[list[str]]:
    """[normalised form, concept] pairs, longest form first."""
    pairs: set[tuple[str, str]] = set()
    for t in reference.glossary.terms:
        pairs |= {(f, f"@g:{t.id}") for f in (*t.ja_forms, *t.en_forms, *t.search_ja, *t.search_en)}
    for e in reference.people:
        pairs |= {(n, f"@p:{e.id}") for n in (*e.names_ja, *e.names_en, *e.search_ja, *e.search_en)}
    for topic in reference.topics:
        topic_forms = (topic.ja, topic.en, *topic.keywords_ja, *topic.keywords_en, *topic.search_ja, *topic.search_en)
        pairs |= {(f, f"@t:{topic.id}") for f in topic_forms}
    out = {(normalise(form).strip(), key) for form, key in pairs if form.strip()}
    return [list(p) for p in sorted(out, key=lambda p: (-len(p[0]), p))]


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


def passage_concepts(reference: Reference) -> dict[str, set[str]]:
    """DOC:ID -> the concepts the passage concerns."""
    out: dict[str, set[str]] = defaultdict(set)
    for prefix, table in (
        ("@g:", reference.term_passages),
        ("@p:", reference.person_passages),
        ("@t:", reference.topic_passages),
    ):
        for key, passages in table.items():
            for passage in passages:
                out[ref_of(passage)].add(prefix + key)
    return out
