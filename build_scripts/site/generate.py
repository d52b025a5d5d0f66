"""Write the generated pages into ``docs/``, all or nothing.

Pages are rendered in memory first; only when every document has been read,
parsed and rendered without error is anything written. A manifest records
which files in ``docs/`` are generated, so hand-written pages are never
touched and pages of a removed seed disappear.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..files import write_if_changed
from ..pipeline import Report
from ..search.entries import markdown_paragraphs
from ..search.index import build_index
from .pages import navigation, render_pages
from .templating import load_ui

MANIFEST = ".generated"


@dataclass(frozen=True)
class Generated:
    pages: dict[str, str]
    nav: list
    report: Report
    written: int
    removed: int


def generate(project) -> Generated:
    paths, documents, reference = project.paths, list(project.documents), project.reference
    pages = render_pages(documents, reference)
    hand_written = hand_written_pages(paths.docs, set(pages))
    pages.update(build_index(documents, reference, hand_written, reference_titles()))
    written, removed = write_pages(paths.docs, pages)
    return Generated(pages, navigation(documents, reference), project.report, written, removed)


def reference_titles() -> dict[str, dict[str, str]]:
    """The reference pages' titles in each language, for the search results."""
    ui = load_ui()
    return {
        key: {lang: ui[lang][f"{key}_title"] for lang in ui} for key in ("glossary", "people", "figures", "timeline")
    }


def hand_written_pages(docs: Path, generated: set[str]) -> dict[str, list]:
    """Hand-written pages per language, for the search index: (url, title, paragraphs)."""
    manifest = docs / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    pages: dict[str, list] = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        stem, _, lang = rel[: -len(".md")].rpartition(".")
        if rel in generated or rel in previous or lang not in ("ja", "en"):
            continue
        text = path.read_text(encoding="utf-8")
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), stem)
        url = "" if stem == "index" else f"{stem.removesuffix('/index')}/"
        pages.setdefault(lang, []).append((url, title, markdown_paragraphs(text)))
    return pages


def write_pages(docs: Path, pages: dict[str, str]) -> tuple[int, int]:
    manifest = docs / MANIFEST
    before = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    written = sum(write_if_changed(docs / rel, text) for rel, text in sorted(pages.items()))
    removed = 0
    for rel in sorted(before - set(pages)):
        target = docs / rel
        if target.exists():
            target.unlink()
            removed += 1
            if target.parent != docs and not any(target.parent.iterdir()):
                target.parent.rmdir()
    write_if_changed(manifest, "\n".join(sorted(pages)) + "\n")
    return written, removed
