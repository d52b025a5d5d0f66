"""The pipeline, top to bottom: read → parse → segment → merge → reference.

``load`` reads every input once (the seeds, every editorial file) and returns
the ``Project``: the document model with everything the later stages need.
Generating the site, the books, the checks, the exports and the sync all take
the project; none of them reads editorial/ again. All input problems of all
files are collected before the build stops.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import InputError, Problem
from .files import read_seed, read_seeds
from .model import DocMeta, Document
from .reference.apparatus import Reference, load_reference
from .schema import editorial as schema
from .source.boilerplate import Rule, load_rules, strip_boilerplate
from .source.hints import hint_problems, structure_hints
from .source.metadata import SourceMeta, defaults
from .source.parse import parse_lines, plain_title
from .source.segment import assign_ids
from .translation.catalog import Catalog, catalog_path, load_catalog
from .translation.documents import doc_meta
from .translation.merge import merge


@dataclass(frozen=True)
class Paths:
    """Where the project keeps each kind of input and output."""

    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def editorial(self) -> Path:
        return self.root / "editorial"

    @property
    def translations(self) -> Path:
        return self.editorial / "translations"

    def catalog(self, doc: str) -> Path:
        """The translation file of seed ``doc``."""
        return catalog_path(self.translations, doc)

    @property
    def metadata(self) -> Path:
        return self.editorial / "documents.yml"

    @property
    def boilerplate(self) -> Path:
        return self.editorial / "boilerplate.yml"

    @property
    def glossary(self) -> Path:
        return self.editorial / "glossary.yml"

    @property
    def topics(self) -> Path:
        return self.editorial / "topics.yml"

    @property
    def people(self) -> Path:
        return self.editorial / "people.yml"

    @property
    def figures(self) -> Path:
        return self.editorial / "figures.yml"

    @property
    def timeline(self) -> Path:
        return self.editorial / "timeline.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def cache(self) -> Path:
        """Build caches, keyed by content; ignored by git."""
        return self.root / ".cache"

    def relative(self, path: Path | str) -> str:
        """A path as contributors see it: relative to the project."""
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()


@dataclass
class Report:
    """What a build found that a maintainer should see."""

    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    dropped: list = field(default_factory=list)


@dataclass(frozen=True)
class Project:
    """Everything read from the inputs, once: the documents in editorial order,
    their translation files, the reference apparatus, and each editorial data
    file as validated (with lines), for checks and writers."""

    paths: Paths
    documents: tuple[Document, ...]
    catalogs: dict[str, Catalog]  # by seed name
    reference: Reference
    rules: tuple[Rule, ...]
    data: dict[str, schema.Loaded]  # editorial data files by path relative to the project
    report: Report

    def document(self, name: str) -> Document:
        return next(d for d in self.documents if d.meta.name == name)

    def loaded(self, path: Path) -> schema.Loaded:
        """An editorial data file as validated (an absent file reads as empty)."""
        return self.data[self.paths.relative(path)]


REFERENCE_FILES = (
    ("glossary", schema.GLOSSARY),
    ("topics", schema.TOPICS),
    ("people", schema.PEOPLE),
    ("figures", schema.FIGURES),
    ("timeline", schema.TIMELINE),
)


def load(paths: Paths) -> Project:
    problems: list[Problem] = []
    data: dict[str, schema.Loaded] = {}

    def read(path: Path, declaration) -> schema.Loaded | None:
        try:
            loaded = schema.load(path, declaration)
        except InputError as err:
            problems.extend(err.problems)
            return None
        data[paths.relative(path)] = loaded
        return loaded

    metadata = read(paths.metadata, schema.DOCUMENTS)
    boilerplate = read(paths.boilerplate, schema.BOILERPLATE)
    reference_files = {name: read(getattr(paths, name), declaration) for name, declaration in REFERENCE_FILES}
    try:
        seeds = read_seeds(paths.seeds)
    except InputError as err:
        problems.extend(err.problems)
        seeds = []
    catalogs: dict[str, Catalog] = {}
    for seed in seeds:
        try:
            catalogs[seed.name] = load_catalog(paths.catalog(seed.name))
        except InputError as err:
            problems.extend(err.problems)
    if problems:
        raise InputError(problems)
    for seed in seeds:
        catalog = catalogs[seed.name]
        if catalog.data is not None:
            data[paths.relative(catalog.path)] = schema.Loaded(catalog.path, catalog.data, (), catalog.text or "")
    rules = tuple(load_rules(boilerplate))
    documents, report = _documents(paths, seeds, catalogs, metadata, rules)
    reference = load_reference(reference_files, documents)
    return Project(paths, tuple(documents), catalogs, reference, rules, data, report)


def _documents(paths: Paths, seeds, catalogs, metadata, rules) -> tuple[list[Document], Report]:
    entries = metadata.data["documents"]
    documents, report, problems = [], Report(), []
    for order, seed in enumerate(seeds, start=1):
        doc = _document(paths, seed, catalogs[seed.name], entries, rules, order, report, problems)
        documents.append(doc)
    for name in sorted(set(entries) - {seed.name for seed in seeds}):
        where = f"{paths.metadata}:{entries.lines[name]}"
        report.warnings.append(f"{where}: metadata for '{name}', but seeds/{name}.txt does not exist")
    slugs: dict[str, Document] = {}
    for doc in documents:
        if doc.meta.slug in slugs:
            where = entries.get(doc.meta.name)
            line = where.line_of("slug") if where else None
            problems.append(Problem(paths.metadata, f"slug '{doc.meta.slug}' is used by two documents", line))
        slugs[doc.meta.slug] = doc
    if problems:
        raise InputError(problems)
    documents.sort(key=lambda d: (d.meta.order, d.meta.name))
    return documents, report


def _document(paths: Paths, seed, catalog, entries, rules, order: int, report: Report, problems: list) -> Document:
    """One seed and its translation file as a document (its problems and
    what the report should show added to ``problems`` and ``report``)."""
    lines, dropped = strip_boilerplate(seed, rules)
    raw = entries.get(seed.name)
    hints = structure_hints(raw, paths.metadata)
    parsed = parse_lines(lines, hints)
    problems.extend(hint_problems(parsed.problems, hints, paths.metadata, seed.name))
    recorded = [(e.id, e.kind, e.source) for e in catalog.entries]
    ids = assign_ids(parsed.blocks, recorded)
    segments = merge(seed.name, parsed.blocks, ids, catalog)
    meta = doc_meta(seed.name, raw, plain_title(parsed.blocks, seed.name), order)
    meta = with_seed_metadata(meta, parsed.metadata)
    report.dropped.extend(dropped)
    report.warnings.extend(f"{seed.path}: {w}" for w in parsed.warnings)
    if not raw:
        report.notices.append(f"{seed.path}: no metadata in {paths.metadata.name}; published with its own title")
    return Document(
        meta=meta,
        seed=seed,
        segments=tuple(segments),
        dropped=tuple(dropped),
        toc=tuple(parsed.toc),
        notes=catalog.doc_notes,
        catalog=paths.relative(catalog.path) if catalog.text is not None else "",
        entry_lines={e.id: (e.line, e.end_line) for e in catalog.entries if e.line},
    )


def reload(project: Project, names: set[str], reference: bool = True) -> Project:
    """The project with the seeds ``names`` and their translation files read
    again, everything else as loaded (the live preview, after an edit). The
    set of seeds and documents.yml must be as loaded (else: ``load``). The
    reference apparatus is computed again, unless ``reference`` is False
    (it then still refers to the documents as loaded, until the next reload)."""
    paths, problems = project.paths, []
    entries = project.loaded(paths.metadata).data["documents"]
    seeds = sorted(p.stem for p in paths.seeds.glob("*.txt"))
    catalogs, data = dict(project.catalogs), dict(project.data)
    changed: dict[str, Document] = {}
    kept = [w for w in project.report.warnings if not any(f"/{n}.txt:" in w for n in names)]
    report = Report(warnings=kept, notices=list(project.report.notices))
    for name in sorted(names):
        try:
            seed = read_seed(paths.seeds / f"{name}.txt")
            catalogs[name] = catalog = load_catalog(paths.catalog(name))
        except InputError as err:
            problems.extend(err.problems)
            continue
        if catalog.data is not None:
            data[paths.relative(catalog.path)] = schema.Loaded(catalog.path, catalog.data, (), catalog.text or "")
        changed[name] = _document(paths, seed, catalog, entries, project.rules, seeds.index(name) + 1, report, problems)
    if problems:
        raise InputError(problems)
    documents = tuple(changed.get(d.meta.name, d) for d in project.documents)
    report.dropped[:] = [x for d in sorted(documents, key=lambda d: d.meta.name) for x in d.dropped]
    refs = project.reference
    if reference:
        files = {name: project.loaded(getattr(paths, name)) for name, _ in REFERENCE_FILES}
        refs = load_reference(files, list(documents))
    return replace(project, documents=documents, catalogs=catalogs, data=data, reference=refs, report=report)


def with_seed_metadata(meta: DocMeta, found: SourceMeta) -> DocMeta:
    """The seed's own date, byline, source and link fill the fields the
    editorial metadata leaves empty."""
    unset = {name: value for name, value in defaults(found).items() if not getattr(meta, name)}
    return replace(meta, **unset) if unset else meta
