"""Register a new source text (``new`` command): its metadata entry in
editorial/documents.yml and its translation file skeleton.

documents.yml is edited by hand and commented, so it is never re-dumped: the
new entry is appended as text, a well-formed block, and the result is parsed
again before it is written; if that parse does not yield exactly the old
entries plus the new one (say, ``documents:`` is not the file's last key),
nothing is written and the message says why.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import fail
from ..files import YAML_LOADER, mapping_items, read_seed, read_yaml_marked, write_if_changed
from ..model import Document
from ..pipeline import Paths, hint_problems, load
from ..source.boilerplate import load_rules, strip_boilerplate
from ..source.hints import NO_HINTS
from ..source.parse import parse_lines
from ..source.preview import move_lines, preview_lines
from ..source.segment import assign_ids, find_moves
from .catalog import catalog_path, load_catalog
from .documents import structure_hints
from .sync import sync_document

FIELDS = ("date", "kind", "speakers", "source", "translators", "summary")  # as in documents.yml


@dataclass(frozen=True)
class Registered:
    name: str
    metadata: str  # the file the entry was added to
    catalog: str  # the translation file
    created: bool  # False when the translation file existed and was only brought up to date
    segments: int
    pending: int


def seed_name(paths: Paths, given: Path, cwd: Path) -> str:
    """The seed's name, refusing a file that is not a ``.txt`` in seeds/."""
    candidates = [given] if given.is_absolute() else [cwd / given, paths.root / given]
    found = next((c.resolve() for c in candidates if c.exists()), None)
    if found is None:
        raise fail(given, "no such file: copy the source text into seeds/ first, then run `new` on it")
    if found.parent != paths.seeds.resolve():
        raise fail(
            given,
            f"not in {paths.seeds}/: seeds are the archive, so copy the file there (byte for byte) and run "
            f"`python -m build_scripts new seeds/{found.name}`",
        )
    if found.suffix != ".txt":
        raise fail(given, "a source text must be a UTF-8 .txt file")
    return found.stem


def register(paths: Paths, given: Path, cwd: Path | None = None) -> Registered:
    name = seed_name(paths, given, cwd or Path.cwd())
    marked = read_yaml_marked(paths.metadata, default=None)
    registered = mapping_items(mapping_items(marked.node).get("documents"))
    if name in registered:
        raise fail(
            paths.metadata,
            f"seeds/{name}.txt is already registered here; edit its entry, or run "
            "`python -m build_scripts sync` to update its translation file",
            registered[name].start_mark.line,  # the line of its key (the value starts on the next)
        )
    documents, _ = load(paths)  # refuses a seed that cannot be read, before anything is written
    doc = next(d for d in documents if d.meta.name == name)
    old_text = paths.metadata.read_text(encoding="utf-8") if paths.metadata.exists() else ""
    slugs = {str((m or {}).get("slug") or "") for m in (marked.data or {}).get("documents", {}).values()}
    orders = [d.meta.order for d in documents if d.meta.name != name]
    block = metadata_block(doc, _free_slug(doc.meta.slug, slugs), max(orders, default=0) + 1)
    new_text = _append(old_text, block, has_documents=bool(registered) or "documents:" in old_text)
    _validate(paths.metadata, old_text, new_text, name)
    write_if_changed(paths.metadata, new_text)
    catalog = catalog_path(paths.editorial, name)
    existed = catalog.exists()
    documents, _ = load(paths)
    doc = next(d for d in documents if d.meta.name == name)
    sync_document(paths, doc)
    return Registered(
        name=name,
        metadata=str(paths.metadata.relative_to(paths.root)),
        catalog=str(catalog.relative_to(paths.root)),
        created=not existed,
        segments=len(doc.segments),
        pending=sum(1 for s in doc.segments if s.status == "pending"),
    )


def preview(paths: Paths, given: Path, cwd: Path | None = None) -> list[str]:
    """What the parser recognises in a text (in seeds/ or not yet), with the
    project's boilerplate rules and the structure hints of its name."""
    cwd = cwd or Path.cwd()
    path = next(
        (c for c in ([given] if given.is_absolute() else [cwd / given, paths.root / given]) if c.exists()), None
    )
    if path is None:
        raise fail(given, "no such file")
    seed = read_seed(path)
    lines, dropped = strip_boilerplate(seed, load_rules(paths.boilerplate))
    hints = structure_hints(paths.metadata).get(seed.name, NO_HINTS)
    parsed = parse_lines(lines, hints)
    out = preview_lines(str(given), len(seed.text.rstrip("\n").split("\n")), parsed)
    if dropped:
        out.append(f"dropped by {paths.boilerplate.name} ({len(dropped)})")
        out += [f"  [{d.rule}] {d.text}" for d in dropped]
    problems = hint_problems(parsed, hints, paths.metadata, seed.name)
    out += [f"problem: {problem}" for problem in problems]
    out += _id_report(paths, seed.name, parsed.blocks)
    return out


def _id_report(paths: Paths, name: str, blocks) -> list[str]:
    """How the ids recorded in the text's translation file fare with this parse."""
    catalog = load_catalog(paths.editorial, name)
    recorded = [(e.id, e.kind, e.source) for e in catalog.entries]
    ids = assign_ids(blocks, recorded)
    carried = [(e.id, e.source) for e in catalog.entries if e.translation or e.notes]
    moves = find_moves(list(zip(ids, (b.text for b in blocks), strict=True)), carried)
    lost = [ident for ident, _ in carried if ident not in ids and ident not in {m.old for m in moves}]
    return move_lines(name, len(recorded), moves, lost)


def metadata_block(doc: Document, slug: str, order: int) -> str:
    """The entry's YAML text: every field present, the unknown ones empty."""
    lines = [
        f"  {doc.meta.name}:",
        "    # added by `python -m build_scripts new`: fill in the empty fields (see the top of this file)",
        f"    slug: {slug}",
        f"    order: {order}",
    ]
    if not any(s.kind == "title" for s in doc.segments):
        # no title line in the text: the title lives here, not in the translation file
        lines += ["    title:", f"      ja: {_quoted(doc.meta.title_ja)}", '      en: ""']
    for key in FIELDS:
        lines += [f"    {key}:", '      ja: ""', '      en: ""'] + (['      url: ""'] if key == "source" else [])
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _free_slug(slug: str, taken: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-") or "document"
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def _append(old: str, block: str, has_documents: bool) -> str:
    text = old if not old or old.endswith("\n") else old + "\n"
    if not has_documents:
        text += "documents:\n"
    return text + block


def _validate(path: Path, old: str, new: str, name: str) -> None:
    """The appended file must hold the old entries unchanged plus ``name``."""
    refusal = (
        "could not append the new entry: `documents:` must be the last key of the file, in block "
        "style; nothing was written"
    )
    try:
        before = (yaml.load(old, Loader=YAML_LOADER) or {}).get("documents") or {}
        after = (yaml.load(new, Loader=YAML_LOADER) or {}).get("documents") or {}
    except (yaml.YAMLError, AttributeError) as err:
        detail = " ".join(str(err).split())
        raise fail(path, f"{refusal} (appended, the file would not parse: {detail})") from None
    if (
        not isinstance(after, dict)
        or set(after) != set(before) | {name}
        or any(after[key] != before[key] for key in before)
    ):
        raise fail(path, refusal)
