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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import fail
from ..files import YAML_LOADER, write_if_changed
from ..model import Document, Status
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


def seed_name(paths, given: Path, cwd: Path) -> str:
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


def register(project, given: Path, reload: Callable[[], Any], cwd: Path | None = None) -> Registered:
    """Add a metadata entry and a translation file for a seed already in seeds/.

    ``project`` is the loaded project (so a seed that cannot be read is refused
    before anything is written); ``reload`` loads it again once the entry is
    written, so that the translation file is made with the new metadata."""
    paths = project.paths
    name = seed_name(paths, given, cwd or Path.cwd())
    metadata = project.loaded(paths.metadata)
    entries = metadata.data["documents"]
    if name in entries:
        raise fail(
            paths.metadata,
            f"seeds/{name}.txt is already registered here; edit its entry, or run "
            "`python -m build_scripts sync` to update its translation file",
            entries.lines[name],
        )
    doc = project.document(name)
    slugs = {str(m.get("slug") or "") for m in entries.values()}
    orders = [d.meta.order for d in project.documents if d.meta.name != name]
    block = metadata_block(doc, _free_slug(doc.meta.slug, slugs), max(orders, default=0) + 1)
    new_text = _append(metadata.text, block, has_documents=bool(entries) or "documents:" in metadata.text)
    _validate(paths.metadata, metadata.text, new_text, name)
    write_if_changed(paths.metadata, new_text, current=metadata.text)
    project = reload()
    doc = project.document(name)
    existed = project.catalogs[name].text is not None
    sync_document(project, doc)
    return Registered(
        name=name,
        metadata=paths.relative(paths.metadata),
        catalog=paths.relative(paths.catalog(name)),
        created=not existed,
        segments=len(doc.segments),
        pending=sum(1 for s in doc.segments if s.status is Status.PENDING),
    )


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
