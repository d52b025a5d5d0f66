"""Edit links: every page and every passage says which file to edit.

Generated pages are artefacts, so their "edit this page" button must open the
file they are made from: a document page its translation file, the home page
the document metadata, the status page its template. Each passage also gets a
pencil to its own lines in the translation file (``…/blob/main/…yml#L24-L30``,
from the first line, its ``- id:``, to its last).

The generator does not know where the repository lives (a fork changes
``repo_url`` in mkdocs.yml, nothing else), so it writes repository-relative
targets: ``edit_path`` in a page's front matter, and ``href="repo:<path>"``
for passages. The MkDocs hook turns both into URLs with ``EditLinks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Document

REPO = "repo:"  # the placeholder scheme of a repository-relative passage link
META_KEY = "edit_path"  # front-matter key: the repository file that makes the page
HOME_SOURCE = "editorial/documents.yml"
STATUS_SOURCE = "build_scripts/web/templates/status.md.j2"
_PLACEHOLDER = re.compile(r'href="repo:([^"]*)"')
_UNRESOLVED = re.compile(r'<a class="seg-edit" href="repo:[^"]*"[^>]*></a>')


def page_meta(source: str) -> dict[str, str]:
    """Front matter naming the file a generated page is made from."""
    return {META_KEY: source} if source else {}


def passage_href(doc: Document, ident: str) -> str:
    """``repo:<translation file>#L<first>-L<last>`` for a passage with an entry."""
    lines = doc.entry_lines.get(ident)
    if not doc.catalog or not lines:
        return ""
    first, last = lines
    return f"{REPO}{doc.catalog}#L{first}" + (f"-L{last}" if last > first else "")


@dataclass(frozen=True)
class EditLinks:
    """URLs into the repository, from mkdocs.yml's ``repo_url`` and
    ``edit_uri`` (relative to the repository root, e.g. ``edit/main/``)."""

    repo_url: str
    edit_uri: str

    @property
    def enabled(self) -> bool:
        return bool(self.repo_url and self.edit_uri)

    def edit(self, path: str) -> str:
        return f"{self.repo_url.rstrip('/')}/{self.edit_uri.strip('/')}/{path}"

    def blob(self, path: str) -> str:
        """The file as shown (GitHub highlights ``#L..`` lines there; its
        pencil opens the editor). ``edit/`` → ``blob/`` (GitLab: ``-/edit/``)."""
        return f"{self.repo_url.rstrip('/')}/{self.edit_uri.strip('/').replace('edit', 'blob', 1)}/{path}"

    def resolve(self, markdown: str) -> str:
        """Passage links of a generated page, made absolute (or removed when
        the site has no repository to link to)."""
        if REPO not in markdown:
            return markdown
        if not self.enabled:
            return _UNRESOLVED.sub("", markdown)
        return _PLACEHOLDER.sub(lambda m: f'href="{self.blob(m[1])}"', markdown)


def page_source(meta: dict, src_path: Path | None, root: Path, generated: bool) -> str | None:
    """The repository file a page is made from: ``edit_path`` for generated
    pages (virtual files: no ``src_path``), the Markdown file itself for
    hand-written ones."""
    if meta.get(META_KEY):
        return str(meta[META_KEY])
    if generated or src_path is None:
        return None  # an artefact: never send a contributor to it
    try:
        return src_path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
