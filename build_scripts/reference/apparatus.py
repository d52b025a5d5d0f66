"""The reference apparatus around the documents: glossary, topics, people
and organisations, figures and timeline, with every passage each one
concerns. Occurrences are computed from the text, never listed by hand (the
topics' include/exclude and the figures' passage lists are the exceptions,
reviewed in their data files)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError, Problem
from ..model import Document
from .figures import Event, Figure, load_figures, load_timeline
from .glossary import Glossary, load_glossary
from .people import Entity, load_people, passages_by_person
from .refs import Passage, PassageLookup
from .topics import Topic, load_topics, passages_by_topic


@dataclass(frozen=True)
class Reference:
    documents: list[Document]
    glossary: Glossary
    term_passages: dict[str, list[Passage]]
    topics: list[Topic]
    topic_passages: dict[str, list[Passage]]
    people: list[Entity]
    person_passages: dict[str, list[Passage]]
    figures: list[Figure]
    events: list[Event]


def passages_by_term(documents: list[Document], glossary: Glossary) -> dict[str, list[Passage]]:
    """Every term's passages in reading order, less those its ``exclude``
    lists (where a form is used in another sense: "training" of workers)."""
    result: dict[str, list[Passage]] = {t.id: [] for t in glossary.terms}
    for passage in PassageLookup(documents).all():
        doc, seg = passage
        ref = f"{doc.meta.name}:{seg.id}"
        found = {t for *_, t in glossary.find_ja(seg.ja)} | {t for *_, t in glossary.find_en(seg.en)}
        for term in found:
            if ref not in term.exclude:
                result[term.id].append(passage)
    return result


def load_reference(files: dict, documents: list[Document]) -> Reference:
    """The apparatus from the validated data files (``files``: glossary, topics,
    people, figures, timeline, each a schema ``Loaded``), checked against the documents."""
    lookup, problems = PassageLookup(documents), []
    glossary = load_glossary(files["glossary"])
    path = files["glossary"].path
    for term in glossary.terms:
        lookup.resolve(term.exclude, path, f"term '{term.id}' exclude", problems)
    if problems:
        raise InputError(problems)
    term_passages = passages_by_term(documents, glossary)
    unused = [t for t in glossary.terms if not term_passages[t.id]]
    if unused:
        raise InputError(
            [
                Problem(path, f"term '{t.id}' ({t.ja} / {t.en}) occurs in no passage: fix its forms or remove it", line)
                for t in unused
                for line in [t.line]
            ]
        )
    topics = load_topics(files["topics"])
    people = load_people(files["people"])
    return Reference(
        documents=list(documents),
        glossary=glossary,
        term_passages=term_passages,
        topics=topics,
        topic_passages=passages_by_topic(documents, topics),
        people=people,
        person_passages=passages_by_person(documents, people),
        figures=load_figures(files["figures"], lookup),
        events=load_timeline(files["timeline"], lookup),
    )
