"""Write the generated pages into ``docs/``, all or nothing.

Pages are rendered in memory first; only when every document has been read,
parsed and rendered without error is anything written. A manifest records
which files in ``docs/`` are generated, so hand-written pages are never
touched and pages of a removed seed disappear.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import editorial
from .files import write_if_changed
from .pipeline import Paths, Report, load
from .render import navigation, render_pages

MANIFEST = ".generated"


@dataclass(frozen=True)
class Generated:
    pages: dict[str, str]
    nav: list
    report: Report
    written: int
    removed: int


def generate(paths: Paths) -> Generated:
    documents, report = load(paths)
    raw = editorial.load_metadata(paths.metadata)
    speakers = {name: editorial.speaker_names(meta) for name, meta in raw.items()}
    pages = render_pages(documents, speakers)
    written, removed = write_pages(paths.docs, pages)
    return Generated(pages, navigation(documents), report, written, removed)


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
