"""Every editorial file, declared once: its keys, their types, the allowed
values, what is required. ``load`` validates a whole file against its
declaration and either returns the data (with lines) or raises one
``InputError`` listing every problem, each at its file and line.

The file formats are documented for contributors at the top of each file in
editorial/ and in CONTRIBUTING.md; keep the three in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import InputError, Problem
from ..files import YAML_LOADER, read_text
from .options import (
    INVALID,
    Choice,
    Context,
    Either,
    Field,
    Fields,
    Integer,
    ListOf,
    MapOf,
    Number,
    Option,
    Pattern,
    Record,
    Regex,
    Scalar,
)

# -- shared shapes -------------------------------------------------------------

ID = Pattern(r"[a-z0-9]+(?:-[a-z0-9]+)*", "an id (lower-case letters and digits, words joined by hyphens)")
PASSAGE = Pattern(r"[^\s:]+:[A-Za-z0-9-]+", "a passage reference (write DOC:ID)")
DATE = Pattern(r"\d{4}(-\d{2}(-\d{2})?)?|\d{2}-\d{2}", "a date (YYYY, YYYY-MM, YYYY-MM-DD or MM-DD)")
UNITS = ("USD", "GBP", "percent", "years", "multiple", "people", "months", "count", "year")
PEOPLE_KINDS = ("person", "organisation", "product")  # the sections of the people page, in order
STATUSES = ("pending", "draft", "translated", "reviewed", "stale", "original")
EDITABLE_STATUSES = ("pending", "draft", "translated", "reviewed", "stale")  # what a contributor may write


def both(empty: bool = False) -> Record:
    """Text in both languages: ``{ja: …, en: …}``."""
    return Record({"ja": Field(Scalar(empty), required=True), "en": Field(Scalar(empty), required=True)})


def forms() -> Record:
    """Lists of forms per language (variants, names, keywords)."""
    return Record({"ja": Field(ListOf(Scalar()), default=list), "en": Field(ListOf(Scalar()), default=list)})


def entries(kind: str, key: str = "id") -> callable:
    """Names a list item in messages: ``term 'gpu'``, or ``term #3`` without an id."""

    def label(node: yaml.Node, index: int) -> str:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == key and isinstance(value_node, yaml.ScalarNode) and value_node.value:
                    return f"{kind} '{value_node.value}'"
        return f"{kind} #{index}"

    return label


def top(key: str, option: Option) -> Record:
    return Record({key: Field(option, default=list)})


# -- the files -----------------------------------------------------------------

PAIR = Either(Scalar(empty=True), both(empty=True))  # metadata: one text for both languages, or ja/en
ROLES = ("interviewer", "interviewee", "host", "guest", "speaker")  # an interviewer's turns are questions
STRUCTURE = Record(  # corrections to what the parser recognises in one document (source/hints.py)
    {
        "source_lang": Field(Choice(("ja", "en"))),
        "speakers": Field(
            MapOf(
                Record(
                    {
                        "name": Field(Record({"ja": Field(Scalar()), "en": Field(Scalar())})),
                        "role": Field(Choice(ROLES)),
                    }
                )
            ),
            default=dict,
        ),
        "not_speakers": Field(ListOf(Scalar()), default=list),
        "headings": Field(ListOf(Regex(text=True)), default=list),
        "not_headings": Field(ListOf(Regex(text=True)), default=list),
    }
)
DOCUMENT = Record(
    {
        "slug": Field(Pattern(r"[a-z0-9]+(?:-[a-z0-9]+)*", "a slug (lower-case letters, digits and hyphens)")),
        "order": Field(Integer()),
        "title": Field(PAIR),
        "date": Field(PAIR),
        "kind": Field(PAIR),
        "speakers": Field(PAIR),
        "source": Field(
            Either(
                Scalar(empty=True),
                Record(
                    {"ja": Field(Scalar(empty=True)), "en": Field(Scalar(empty=True)), "url": Field(Scalar(empty=True))}
                ),
            )
        ),
        "translators": Field(PAIR),
        "summary": Field(PAIR),
        "speaker_names": Field(MapOf(both()), default=dict),
        "structure": Field(STRUCTURE),
    }
)
DOCUMENTS = Record({"documents": Field(MapOf(DOCUMENT, label=lambda name: f"document '{name}'"), default=dict)})

BOILERPLATE = top(
    "rules",
    ListOf(
        Record(
            {
                "name": Field(Scalar(), required=True),
                "reason": Field(Scalar(), required=True),
                "lines": Field(ListOf(Scalar()), default=list),
                "regex": Field(Regex()),
                "repeated_within_first_lines": Field(Integer()),
            }
        ),
        label=entries("rule", "name"),
    ),
)

GLOSSARY = top(
    "terms",
    ListOf(
        Record(
            {
                "id": Field(ID, required=True),
                "ja": Field(Scalar(), required=True),
                "en": Field(Scalar(), required=True),
                "reading": Field(Scalar(), required=True),
                "variants": Field(forms(), default=lambda: {"ja": [], "en": []}),
                "short": Field(both(), required=True),
                "definition": Field(both(), required=True),
                "related": Field(ListOf(ID), default=list),
                "exclude": Field(ListOf(PASSAGE), default=list),
                "search_terms": Field(forms(), default=lambda: {"ja": [], "en": []}),
            }
        ),
        label=entries("term"),
    ),
)

TOPICS = top(
    "topics",
    ListOf(
        Record(
            {
                "id": Field(ID, required=True),
                "ja": Field(Scalar(), required=True),
                "en": Field(Scalar(), required=True),
                "description": Field(both(), required=True),
                "keywords": Field(forms(), default=lambda: {"ja": [], "en": []}),
                "include": Field(ListOf(PASSAGE), default=list),
                "exclude": Field(ListOf(PASSAGE), default=list),
                "search_terms": Field(forms(), default=lambda: {"ja": [], "en": []}),
            }
        ),
        label=entries("topic"),
    ),
)

PEOPLE = top(
    "entities",
    ListOf(
        Record(
            {
                "id": Field(ID, required=True),
                "kind": Field(Choice(PEOPLE_KINDS), required=True),
                "ja": Field(Scalar(), required=True),
                "en": Field(Scalar(), required=True),
                "names": Field(forms(), default=lambda: {"ja": [], "en": []}),
                "description": Field(both(), required=True),
                "search_terms": Field(forms(), default=lambda: {"ja": [], "en": []}),
            }
        ),
        label=entries("entity"),
    ),
)

FIGURES = top(
    "figures",
    ListOf(
        Record(
            {
                "id": Field(ID, required=True),
                "value": Field(Number(), required=True),
                "unit": Field(Choice(UNITS), required=True),
                "label": Field(both(), required=True),
                "note": Field(both()),
                "passages": Field(ListOf(PASSAGE), required=True),
            }
        ),
        label=entries("figure"),
    ),
)

TIMELINE = top(
    "events",
    ListOf(
        Record(
            {
                "date": Field(DATE, required=True),
                "label": Field(both(), required=True),
                "passages": Field(ListOf(PASSAGE), required=True),
            }
        ),
        label=entries("event", "date"),
    ),
)

NOTES = ListOf(both())
ENTRY = Record(
    {
        "id": Field(Pattern(r"[A-Za-z0-9-]+", "a passage id (letters, digits, hyphens)"), required=True),
        "kind": Field(Scalar(empty=True), default=""),
        "source": Field(Scalar(empty=True), default=""),
        "previous_source": Field(Scalar(empty=True), default=""),
        "translation": Field(Scalar(empty=True), default=""),
        "status": Field(Choice(STATUSES, listed=EDITABLE_STATUSES)),
        "notes": Field(NOTES, default=list),
        "allow": Field(
            ListOf(Record({"check": Field(Scalar(), required=True), "reason": Field(Scalar(), required=True)})),
            default=list,
        ),
    }
)
CATALOG = Record(
    {
        "doc": Field(Scalar()),
        "source_lang": Field(Choice(("ja", "en"))),
        "notes": Field(NOTES, default=list),
        "segments": Field(ListOf(ENTRY, label=entries("segment")), default=list),
        "obsolete": Field(ListOf(ENTRY, label=entries("obsolete segment")), default=list),
    }
)


SCHEMAS = {
    "documents.yml": DOCUMENTS,
    "boilerplate.yml": BOILERPLATE,
    "glossary.yml": GLOSSARY,
    "topics.yml": TOPICS,
    "people.yml": PEOPLE,
    "figures.yml": FIGURES,
    "timeline.yml": TIMELINE,
}


def declaration(path: Path) -> Record | None:
    """The declaration of an editorial file, by its name (translation files by their folder)."""
    if path.parent.name == "translations":
        return CATALOG
    return SCHEMAS.get(path.name)


# -- loading -------------------------------------------------------------------


@dataclass(frozen=True)
class Loaded:
    """A validated file: its data (with lines) and its text, line by line."""

    path: Path
    data: Fields
    lines: tuple[str, ...] = ()
    text: str = ""


def span(node: yaml.Node, lines) -> tuple[int, int]:
    """First and last line (1-based) of a node's text, without the blank or
    comment lines its end mark runs over."""
    first = node.start_mark.line + 1
    last = node.end_mark.line + (1 if node.end_mark.column else 0)
    while last > first and (not lines[last - 1].strip() or lines[last - 1].lstrip().startswith("#")):
        last -= 1
    return first, max(first, last)


def parse(path: Path, text: str) -> yaml.Node | None:
    """The YAML node tree of ``text``; a syntax error names the file and line."""
    try:
        return yaml.compose(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what = " ".join(x for x in (err.context, err.problem) if x)
        raise InputError([Problem(path, f"invalid YAML: {what}", mark.line + 1 if mark else None)]) from None
    except yaml.YAMLError as err:
        raise InputError([Problem(path, f"invalid YAML: {err}")]) from None


def load(path: Path, schema: Record, missing_ok: bool = True) -> Loaded:
    """Read and validate ``path`` against ``schema``; an absent or empty file is an empty one."""
    if not path.exists():
        if not missing_ok:
            raise InputError([Problem(path, "the file does not exist")])
        return Loaded(path, _empty(schema))
    text = read_text(path)
    return validate(path, text, schema)


def validate(path: Path, text: str, schema: Record) -> Loaded:
    node = parse(path, text)
    if node is None:
        return Loaded(path, _empty(schema), tuple(text.split("\n")), text)
    ctx = Context(path)
    data = schema.load(node, ctx, "", "")
    if ctx.problems:
        raise InputError(sorted(ctx.problems, key=lambda p: p.line or 0))
    assert data is not INVALID  # a problem was recorded otherwise
    return Loaded(path, data, tuple(text.split("\n")), text)


def _empty(schema: Record) -> Fields:
    data = Fields({name: f.default() if callable(f.default) else f.default for name, f in schema.fields.items()})
    data.line, data.lines, data.node = 0, {}, None
    return data
