"""One schema for the editorial data: each file fed broken variants, each
giving its exact message at its exact line, and no input of any shape giving
a traceback (every node of every real file replaced by a wrong kind of value).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_scripts.errors import InputError
from build_scripts.pipeline import Paths, load
from build_scripts.schema import editorial as schema

from .conftest import ROOT, run_cli

EDITORIAL = ROOT / "editorial"
CATALOG = "translations/004_56ac1acf06381cac.yml"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def messages(name: str, text: str) -> list[str]:
    """What validating ``text`` as editorial/``name`` reports, as a contributor reads it."""
    path = Path("editorial") / name
    try:
        schema.validate(path, text, schema.declaration(path))
    except InputError as err:
        return [str(p) for p in err.problems]
    return []


# (file, old text, new text, the message expected at the line of the new text)
VARIANTS = [
    (
        "documents.yml",
        "    order: 1\n",
        "    order: first\n",
        "document '000_8428ca6df8ad4a2b': `order` must be a whole number, not 'first'",
    ),
    (
        "documents.yml",
        "    slug: altman-nadella-podcast-summary\n",
        "    slugs: altman-nadella-podcast-summary\n",
        "document '000_8428ca6df8ad4a2b': unknown key `slugs`; did you mean `slug`?",
    ),
    (
        "documents.yml",
        "        en: Interviewer\n",
        "        en: [Interviewer]\n",
        "document '001_814190bd2886a73f': `speaker_names.Interviewer.en` must be text, not a list",
    ),
    (
        "boilerplate.yml",
        "    repeated_within_first_lines: 10\n",
        "    repeated_within_first_lines: ten\n",
        "rule 'repeated-header': `repeated_within_first_lines` must be a whole number, not 'ten'",
    ),
    (
        "boilerplate.yml",
        "    regex: '\\d+(/\\d+)?'\n",
        "    regexp: '\\d+(/\\d+)?'\n",
        "rule 'counters': unknown key `regexp`; did you mean `regex`?",
    ),
    (
        "boilerplate.yml",
        "    regex: '\\d+(/\\d+)?'\n",
        "    regex: '\\d+(/\\d+?'\n",
        "rule 'counters': `regex`: bad regular expression: missing ), unterminated subpattern at position 3",
    ),
    (
        "glossary.yml",
        "    related: [gpu, data-centre, commitment",
        "    relate: [gpu, data-centre, commitment",
        "term 'compute': unknown key `relate`; did you mean `related`?",
    ),
    (
        "glossary.yml",
        "    reading: けいさんしげん\n",
        "    reading:\n",
        "term 'compute': `reading` is empty",
    ),
    (
        "glossary.yml",
        "    exclude:\n",
        "    excludes:\n",
        "term 'inference': unknown key `excludes`; did you mean `exclude`?",
    ),
    (
        "topics.yml",
        '      - "001_814190bd2886a73f:p12"  # electricity',
        '      - "001_814190bd2886a73f p12"  # electricity',
        "topic 'power-energy': `exclude[1]`: '001_814190bd2886a73f p12' is not a passage reference (write DOC:ID)",
    ),
    (
        "people.yml",
        "    kind: person\n",
        "    kind: persn\n",
        "entity 'sam-altman': kind 'persn' is not one of person, organisation, product; did you mean 'person'?",
    ),
    (
        "figures.yml",
        "    value: 20000000000\n",
        "    value: twenty billion\n",
        "figure 'revenue-run-rate-20b': `value` must be a number, not 'twenty billion'",
    ),
    (
        "timeline.yml",
        '  - date: "2025-02-12"\n',
        '  - date: "2025/02/12"\n',
        "event '2025/02/12': `date`: '2025/02/12' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or MM-DD)",
    ),
    (
        CATALOG,
        "  status: reviewed\n",
        "  status: reveiwed\n",
        "segment 'p1': status 'reveiwed' is not one of pending, draft, translated, reviewed, stale; "
        "did you mean 'reviewed'?",
    ),
    (
        CATALOG,
        "  status: reviewed\n",
        "  status: reviewed\n  note:\n  - ja: 注。\n    en: A note.\n",
        "segment 'p1': unknown key `note`; did you mean `notes`?",  # at the line of `note:`
    ),
]


@pytest.mark.parametrize("name, old, new, message", VARIANTS, ids=[f"{v[0]}:{v[3][:40]}" for v in VARIANTS])
def test_a_broken_file_gets_its_exact_message_at_its_line(name, old, new, message):
    text = (EDITORIAL / name).read_text(encoding="utf-8")
    assert old in text, f"{name} no longer holds {old!r}: update the variant"
    broken = text.replace(old, new, 1)
    line = line_of(broken, new) + new[: new.find("note:") + 1].count("\n")  # the key's own line
    assert messages(name, broken) == [f"editorial/{name}:{line}: {message}"]


def test_every_real_file_is_valid():
    for path in sorted(EDITORIAL.rglob("*.yml")):
        assert messages(path.relative_to(EDITORIAL).as_posix(), path.read_text(encoding="utf-8")) == []


def test_shapes_and_syntax_are_named_too():
    assert messages("glossary.yml", "terms:\n  - id: x\n    ja: [\n") == [
        "editorial/glossary.yml:4: invalid YAML: while parsing a flow node did not find expected node content"
    ]
    assert messages("people.yml", "entities: {}\n") == [
        "editorial/people.yml:1: `entities` must be a list, not a mapping"
    ]
    assert messages("topics.yml", "- a list\n") == [
        "editorial/topics.yml:1: each entry must be a mapping (topics), not a list"
    ]
    assert messages(CATALOG, "segments:\n- just text\n") == [
        f"editorial/{CATALOG}:2: segment #1: each entry must be a mapping "
        "(id, kind, source, previous_source, translation, status, notes, allow), not 'just text'"
    ]
    assert messages("documents.yml", "documents:\n  x:\n    order: 1\n    order: 2\n") == [
        "editorial/documents.yml:4: document 'x': `order` appears twice (the first at line 3)"
    ]


@pytest.mark.parametrize(
    "name, old, new, message",
    [
        (
            "glossary.yml",
            "    related: [gpu, data-centre, commitment",
            "    related: [gpus, data-centre, commitment",
            "term 'compute': related term 'gpus' does not exist; did you mean 'gpu'?",
        ),
        (
            "figures.yml",
            '    passages: ["004_56ac1acf06381cac:p6"]\n',
            '    passages: ["004_56ac1acf06381cac:p66"]\n',
            "figure 'revenue-run-rate-20b': unknown passage '004_56ac1acf06381cac:p66' (write DOC:ID)",
        ),
    ],
)
def test_references_are_checked_against_the_documents_at_their_line(project, name, old, new, message):
    path = project / "editorial" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(Paths(project))
    line = line_of(text.replace(old, new, 1), new)
    assert [(p.line, p.message) for p in caught.value.problems] == [(line, message)]


def test_the_cli_names_the_file_as_a_contributor_does_and_never_shows_a_traceback(project):
    path = project / "editorial" / "documents.yml"
    text = path.read_text(encoding="utf-8").replace("    order: 1\n", "    order: first\n", 1)
    path.write_text(text, encoding="utf-8")
    result = run_cli(project, "build")
    line = line_of(text, "    order: first")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        f"error: editorial/documents.yml:{line}: document '000_8428ca6df8ad4a2b': "
        "`order` must be a whole number, not 'first'\n"
    )


def test_a_number_that_is_nonsense_is_not_a_crash(project):
    """「0分の1」 used to divide by zero in the numbers check."""
    path = project / "editorial" / CATALOG
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  translation: |-\n", "  translation: |-\n    0分の1. ", 1), encoding="utf-8")
    result = run_cli(project, "check")
    assert "Traceback" not in result.stderr and "check:" in result.stdout


# -- no traceback, whatever the shape ---------------------------------------------

LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
WRONG = [
    yaml.ScalarNode("tag:yaml.org,2002:str", "x"),
    yaml.ScalarNode("tag:yaml.org,2002:str", ""),
    yaml.SequenceNode("tag:yaml.org,2002:seq", [yaml.ScalarNode("tag:yaml.org,2002:str", "x")]),
    yaml.MappingNode(
        "tag:yaml.org,2002:map",
        [(yaml.ScalarNode("tag:yaml.org,2002:str", "k"), yaml.ScalarNode("tag:yaml.org,2002:str", "v"))],
    ),
    None,  # taken out
]


def places(node: yaml.Node, path=()):
    """The path (indexes into .value) of every node below ``node``."""
    children = node.value if isinstance(node, yaml.MappingNode | yaml.SequenceNode) else []
    for index, child in enumerate(children):
        yield (*path, index)
        yield from places(child[1] if isinstance(child, tuple) else child, (*path, index))


def mutated(text: str, place: tuple[int, ...], wrong: yaml.Node | None) -> str:
    root = yaml.compose(text, Loader=LOADER)
    parent = root
    for index in place[:-1]:
        child = parent.value[index]
        parent = child[1] if isinstance(child, tuple) else child
    last = place[-1]
    if wrong is None:
        del parent.value[last]
    elif isinstance(parent.value[last], tuple):
        parent.value[last] = (parent.value[last][0], wrong)
    else:
        parent.value[last] = wrong
    return yaml.serialize(root, allow_unicode=True, Dumper=DUMPER)


def small(text: str, items: int = 2) -> str:
    """The file with only its first entries (every kind of field, few nodes)."""
    root = yaml.compose(text, Loader=LOADER)
    for _, value in root.value:
        if isinstance(value, yaml.SequenceNode):
            value.value = value.value[:items]
        elif isinstance(value, yaml.MappingNode):
            value.value = value.value[:items]
    return yaml.serialize(root, allow_unicode=True, Dumper=DUMPER)


@pytest.fixture(scope="module")
def real():
    return load(Paths(ROOT))


def convert(name: str, text: str, real, tmp_path: Path) -> None:
    """Validate ``text`` as editorial/``name`` and turn it into the records the
    build uses, as the pipeline does."""
    from build_scripts.reference import figures, glossary, people, topics
    from build_scripts.reference.refs import PassageLookup
    from build_scripts.source.boilerplate import load_rules
    from build_scripts.translation.catalog import catalog_entries, load_catalog
    from build_scripts.translation.documents import doc_meta

    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if name.startswith("translations/"):
        doc = real.document(Path(name).stem)
        catalog_entries(doc.segments, load_catalog(path))
        return
    loaded = schema.load(path, schema.declaration(path))
    documents = [real.document("004_56ac1acf06381cac")]  # the code paths, not the whole corpus
    lookup = PassageLookup(real.documents)
    if name == "documents.yml":
        for key, entry in loaded.data["documents"].items():
            doc_meta(key, entry, "title", 1)
    elif name == "boilerplate.yml":
        load_rules(loaded)
    elif name == "glossary.yml":
        glossary.load_glossary(loaded)
    elif name == "topics.yml":
        topics.passages_by_topic(documents, topics.load_topics(loaded))
    elif name == "people.yml":
        people.passages_by_person(documents, people.load_people(loaded))
    elif name == "figures.yml":
        figures.load_figures(loaded, lookup)
    elif name == "timeline.yml":
        figures.load_timeline(loaded, lookup)


FILES = ["documents.yml", "boilerplate.yml", "glossary.yml", "topics.yml", "people.yml", "figures.yml", "timeline.yml"]


@pytest.mark.parametrize("name", [*FILES, CATALOG])
def test_no_shape_of_input_gives_a_traceback(tmp_path, real, name):
    """The first entries of each real file, with each of their values in turn
    replaced by one of another kind (text for a list, a list for a mapping,
    nothing at all) or taken out: either it loads, or it stops with messages
    that each name a line of that file. Never another exception."""
    text = small((EDITORIAL / name).read_text(encoding="utf-8"))
    tried = 0
    for place in places(yaml.compose(text, Loader=LOADER)):
        for wrong in WRONG:
            broken = mutated(text, place, wrong)
            tried += 1
            try:
                convert(name, broken, real, tmp_path)
            except InputError as err:
                assert err.problems and all(p.line for p in err.problems), str(err)
    assert tried >= 50
