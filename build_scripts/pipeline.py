"""The pipeline, top to bottom: read → parse → segment → merge.

``load`` returns the document model; rendering and exports take it from here.
All input problems of all documents are collected before the build stops.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import InputError, Problem
from .files import read_seeds
from .model import DocMeta, Document
from .source.boilerplate import load_rules, strip_boilerplate
from .source.hints import NO_HINTS, ParseHints
from .source.metadata import SourceMeta, defaults
from .source.parse import Parsed, parse_lines, plain_title
from .source.segment import assign_ids
from .translation.catalog import load_catalog
from .translation.documents import doc_meta, load_metadata, structure_hints
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
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def metadata(self) -> Path:
        return self.editorial / "documents.yml"

    @property
    def boilerplate(self) -> Path:
        return self.editorial / "boilerplate.yml"


@dataclass
class Report:
    """What a build found that a maintainer should see."""

    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    dropped: list = field(default_factory=list)


def load(paths: Paths) -> tuple[list[Document], Report]:
    rules = load_rules(paths.boilerplate)
    seeds = read_seeds(paths.seeds)
    metadata = load_metadata(paths.metadata)
    hints = structure_hints(paths.metadata)  # TEMPORARY until the schema layer converts documents.yml
    documents, problems, report = [], [], Report()
    for order, seed in enumerate(seeds, start=1):
        lines, dropped = strip_boilerplate(seed, rules)
        doc_hints = hints.get(seed.name, NO_HINTS)
        parsed = parse_lines(lines, doc_hints)
        problems.extend(hint_problems(parsed, doc_hints, paths.metadata, seed.name))
        try:
            catalog = load_catalog(paths.editorial, seed.name)
        except InputError as err:
            problems.extend(err.problems)
            continue
        recorded = [(e.id, e.kind, e.source) for e in catalog.entries]
        ids = assign_ids(parsed.blocks, recorded)
        segments = merge(seed.name, parsed.blocks, ids, catalog)
        raw = metadata.get(seed.name)
        meta = doc_meta(seed.name, raw, plain_title(parsed.blocks, seed.name), order)
        meta = with_seed_metadata(meta, parsed.metadata)
        documents.append(
            Document(
                meta=meta,
                seed=seed,
                segments=tuple(segments),
                dropped=tuple(dropped),
                toc=tuple(parsed.toc),
                notes=catalog.doc_notes,
                catalog=_relative(catalog.path, paths.root) if catalog.path.exists() else "",
                entry_lines={e.id: (e.line, e.end_line) for e in catalog.entries if e.line},
            )
        )
        report.dropped.extend(dropped)
        report.warnings.extend(f"{seed.path}: {w}" for w in parsed.warnings)
        if not raw:
            report.notices.append(f"{seed.path}: no metadata in {paths.metadata.name}; published with its own title")
    unknown = set(metadata) - {seed.name for seed in seeds}
    for name in sorted(unknown):
        report.warnings.append(f"{paths.metadata}: metadata for '{name}', but seeds/{name}.txt does not exist")
    if problems:
        raise InputError(problems)
    slugs = [d.meta.slug for d in documents]
    duplicates = {s for s in slugs if slugs.count(s) > 1}
    if duplicates:
        raise InputError([Problem(paths.metadata, f"slug '{s}' is used by two documents") for s in sorted(duplicates)])
    documents.sort(key=lambda d: (d.meta.order, d.meta.name))
    return documents, report


def with_seed_metadata(meta: DocMeta, found: SourceMeta) -> DocMeta:
    """The seed's own date, byline, source and link fill the fields the
    editorial metadata leaves empty."""
    unset = {name: value for name, value in defaults(found).items() if not getattr(meta, name)}
    return replace(meta, **unset) if unset else meta


def hint_problems(parsed: Parsed, hints: ParseHints, metadata: Path, name: str) -> list[Problem]:
    """A structure hint the seed contradicts, at the hint's file and line."""
    out = []
    for problem in parsed.problems:
        path, line = hints.origins.get(problem.key, (metadata, None))
        out.append(Problem(path, f"{name}: structure: {problem.message}", line))
    return out


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
