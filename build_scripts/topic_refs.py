"""Validation of editorial/topics.yml, for contributors' typos: an unknown
field, a missing name, and above all an ``include`` or ``exclude`` entry
(``DOC:ID``) that names no passage, which would otherwise silently do
nothing. Each problem names the file, the line and, where one is close, the
name that was probably meant.

``check_topics`` returns the problems and raises nothing, so that both the
``check`` command and the topic index (when it is built) can use it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml

from .files import mapping_items, read_yaml_marked
from .model import Document

TOPIC_FIELDS = ("id", "ja", "en", "description", "keywords", "include", "exclude")
REQUIRED = ("id", "ja", "en")
LANGS = ("ja", "en")


@dataclass(frozen=True)
class TopicProblem:
    path: Path
    line: int
    topic: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: topic '{self.topic}': {self.message}"


def _hint(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def check_topics(path: Path, documents: list[Document]) -> list[TopicProblem]:
    marked = read_yaml_marked(path, default=None)
    if marked.node is None:
        return []
    top = mapping_items(marked.node)
    seq = top.get("topics")
    problems: list[TopicProblem] = []
    if not isinstance(seq, yaml.SequenceNode):
        line = (seq or marked.node).start_mark.line + 1
        return [TopicProblem(path, line, "", "the file must hold `topics:`, a list of topics")]
    passages = {d.meta.name: {s.id for s in d.segments} for d in documents}
    seen: dict[str, int] = {}
    for index, item in enumerate(seq.value, start=1):
        line = item.start_mark.line + 1
        fields = mapping_items(item)
        ident = getattr(fields.get("id"), "value", "") or f"#{index}"
        if not isinstance(item, yaml.MappingNode):
            problems.append(TopicProblem(path, line, ident, "a topic must be a mapping (id, ja, en, …)"))
            continue
        for key, _ in item.value:
            if key.value not in TOPIC_FIELDS:
                problems.append(
                    _at(
                        path,
                        key,
                        ident,
                        f"unknown field '{key.value}'{_hint(key.value, TOPIC_FIELDS)}; "
                        f"a topic has {', '.join(TOPIC_FIELDS)}",
                    )
                )
        for name in REQUIRED:
            if not str(getattr(fields.get(name), "value", "") or "").strip():
                problems.append(TopicProblem(path, line, ident, f"needs '{name}'"))
        if ident in seen:
            problems.append(TopicProblem(path, line, ident, f"id used twice (first on line {seen[ident]})"))
        seen.setdefault(ident, line)
        for name in ("description", "keywords"):
            node = fields.get(name)
            if node is not None and not isinstance(node, yaml.MappingNode):
                problems.append(_at(path, node, ident, f"'{name}' must have 'ja:' and 'en:'"))
                continue
            for key, value in getattr(node, "value", None) or []:
                if key.value not in LANGS:
                    problems.append(_at(path, key, ident, f"'{name}' has an unknown language '{key.value}' (ja or en)"))
                elif name == "keywords" and not isinstance(value, yaml.SequenceNode):
                    problems.append(
                        _at(path, value, ident, f"'keywords.{key.value}' must be a list, e.g. [電力, 発電]")
                    )
        refs: dict[str, str] = {}
        for name in ("include", "exclude"):
            node = fields.get(name)
            if node is None:
                continue
            if not isinstance(node, yaml.SequenceNode):
                problems.append(_at(path, node, ident, f"'{name}' must be a list of passages written DOC:ID"))
                continue
            for ref in node.value:
                message = _ref_problem(str(getattr(ref, "value", "")), passages)
                if message:
                    problems.append(_at(path, ref, ident, f"{name}: {message}"))
                elif refs.get(ref.value, name) != name:
                    problems.append(_at(path, ref, ident, f"'{ref.value}' is both included and excluded"))
                refs.setdefault(str(ref.value), name)
    return problems


def _at(path: Path, node: yaml.Node, topic: str, message: str) -> TopicProblem:
    return TopicProblem(path, node.start_mark.line + 1, topic, message)


def _ref_problem(ref: str, passages: dict[str, set[str]]) -> str:
    doc, sep, ident = ref.partition(":")
    if not sep or not doc or not ident:
        return f"'{ref}' is not a passage: write DOC:ID, e.g. 004_56ac1acf06381cac:p3"
    if doc not in passages:
        return f"'{ref}': no document '{doc}' in seeds/{_hint(doc, passages)}"
    if ident not in passages[doc]:
        return f"'{ref}': seeds/{doc}.txt has no passage '{ident}'{_hint(ident, passages[doc])}"
    return ""
