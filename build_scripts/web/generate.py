"""The generated pages and the search index, in memory: nothing is written
into ``docs/``.

``generate`` renders every page (or takes it from the cache, pages.py) only
when every document has been read, parsed and rendered without error. MkDocs
gets the result as virtual files from the hook (hooks.py);
``python -m build_scripts build`` exports it, with the hand-written pages,
into a folder of its own (``export``), for Zensical and for reading the
generated Markdown.
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from ..files import Cache, sync_tree
from ..model import LANGS
from ..pipeline import Report, load
from ..search.entries import markdown_paragraphs
from ..search.index import build_index
from .fingerprint import fingerprint
from .navigation import navigation
from .pages import PageCache, render_pages
from .templating import load_ui

log = logging.getLogger("mkdocs.hooks.build_scripts")


@dataclass(frozen=True)
class Generated:
    pages: dict[str, str | bytes]  # docs-relative path -> Markdown page or search index file
    nav: dict[str, list]  # the MkDocs ``nav`` of each language's site
    report: Report
    rendered: int = 0  # pages rendered by this run
    reused: int = 0  # pages taken from the cache


def generate(project, cache: bool = True) -> Generated:
    """Every generated page of both sites, and the search index. ``cache``:
    keep rendered pages (and the search index's terms) in ``Paths.cache``
    and take from there what did not change."""
    paths, documents, reference = project.paths, list(project.documents), project.reference
    pages_cache = PageCache(Cache(paths.cache, "pages") if cache else None)
    pages: dict[str, str | bytes] = dict(render_pages(documents, reference, pages_cache))
    hand_written = hand_written_pages(paths.docs, set(pages))
    pages.update(search_index(project, hand_written, cache))
    ui = load_ui()
    nav = {lang: navigation(documents, reference, ui, lang) for lang in LANGS}
    return Generated(pages, nav, project.report, pages_cache.rendered, pages_cache.reused)


_current: dict[str, tuple[str, object, Generated]] = {}


def current(paths) -> tuple[object, Generated]:
    """The project and its generated pages, loaded and made again only when an
    input changed since the last call (mkdocs-static-i18n builds each
    language with the same inputs; the live preview builds both and keeps
    them). Pages an earlier version wrote into docs/ are removed first."""
    key, stamp = str(paths.root), fingerprint(paths)
    found = _current.get(key)
    if found is None or found[0] != stamp:
        removed = remove_legacy_pages(paths.docs)
        if removed:
            log.info("build_scripts: removed %d pages an earlier version had written into docs/", removed)
        start = time.perf_counter()
        project = load(paths)
        result = generate(project)
        record_timing(generator=time.perf_counter() - start)
        _current[key] = (stamp, project, result)
        found = _current[key]
    return found[1], found[2]


def record_timing(**values) -> None:
    """For the benchmark (web/bench.py): with BUILD_SCRIPTS_TIMINGS set, a
    line of JSON per value measured, appended to that file."""
    target = os.environ.get("BUILD_SCRIPTS_TIMINGS")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps(values) + "\n")


def remember(project, result: Generated) -> None:
    """``result`` is what ``current`` would make of the inputs as they are now
    (the live preview, after updating its pages in place)."""
    _current[str(project.paths.root)] = (fingerprint(project.paths), project, result)


def search_index(project, hand_written: dict, cache: bool) -> dict[str, str | bytes]:
    """The search package's index files (build_scripts/search/index.py),
    with its cache of terms when it takes one."""
    options = {}
    if cache and "cache" in inspect.signature(build_index).parameters:
        options["cache"] = Cache(project.paths.cache, "search-terms")
    return build_index(list(project.documents), project.reference, hand_written, reference_titles(), **options)


def reference_titles() -> dict[str, dict[str, str]]:
    """The reference pages' titles in each language, for the search results."""
    ui = load_ui()
    return {
        key: {lang: ui[lang][f"{key}_title"] for lang in ui} for key in ("glossary", "people", "figures", "timeline")
    }


def hand_written_pages(docs: Path, generated: set[str]) -> dict[str, list]:
    """Hand-written pages per language, for the search index: (url, title, paragraphs)."""
    pages: dict[str, list] = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        stem, _, lang = rel[: -len(".md")].rpartition(".")
        if rel in generated or lang not in LANGS:
            continue
        text = path.read_text(encoding="utf-8")
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), stem)
        url = "" if stem == "index" else f"{stem.removesuffix('/index')}/"
        pages.setdefault(lang, []).append((url, title, markdown_paragraphs(text)))
    return pages


def export(paths, result: Generated, target: Path) -> tuple[int, int]:
    """The whole Markdown tree MkDocs reads, into ``target``: docs/ as it is
    and every generated page and index file (a ``docs_dir`` for Zensical, or
    to read). Returns (files written, files removed)."""
    files: dict[str, str | bytes] = {}
    for path in sorted(p for p in paths.docs.rglob("*") if p.is_file()):
        files[path.relative_to(paths.docs).as_posix()] = path.read_bytes()
    files.update(result.pages)
    if target.resolve() == paths.docs.resolve():
        raise ValueError("the export goes to a folder of its own, never into docs/")
    return sync_tree(target, files)


def remove_legacy_pages(docs: Path) -> int:
    """Pages an earlier version wrote into docs/ (it listed them in
    docs/.generated): removed once, so that they neither shadow the
    generated pages nor show up in git as new files."""
    manifest = docs / ".generated"
    if not manifest.exists():
        return 0
    removed, folders = 0, set()
    for rel in manifest.read_text(encoding="utf-8").split():
        target = docs / rel
        if target.is_file():
            target.unlink()
            removed += 1
            folders.update(p for p in target.parents if p != docs and docs in p.parents)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    manifest.unlink()
    return removed
