"""The publication as a PDF book (WeasyPrint), made from the document model.

cover → contents → per document (title, metadata, editor's notes, parallel
text in two columns) → glossary → index (terms, people, topics) → colophon.

Page numbers in the contents, the notes and the index are CSS
``target-counter()`` values, so they are the pages WeasyPrint laid out. The
index is laid out in a second pass: the first pass (the same book without the
index entries, which come after every page they point to) tells on which page
each passage starts, so that an entry lists each page once and runs of pages
as ranges ("12–14"). Source text is only ever a value in the autoescaped
template.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import PublicationError
from ..reference.glossary import Term, reading_order
from ..site.templating import environment
from .chapters import Chapter, chapter
from .index import IndexSection, index_sections, with_locators
from .tagging import PDF_OPTIONS, enable

TEMPLATES = Path(__file__).parent / "templates"

PAPERS = {"a4": "A4", "letter": "letter"}


class BookError(PublicationError):
    """The PDF could not be made."""


@dataclass(frozen=True)
class BookData:
    chapters: tuple[Chapter, ...]
    glossary: tuple[Term, ...]
    index: tuple[IndexSection, ...]


@dataclass(frozen=True)
class BookResult:
    path: Path
    pages: int
    size: int
    seconds: float


def version(root: Path) -> str:
    """``git describe --always --dirty`` of the project, or "unknown"."""
    try:
        result = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=root, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "unknown"


def build_date() -> datetime.date:
    """Today, or the date of SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


def render_html(data: BookData, paper: str, built: datetime.date, described: str, index_pass: bool) -> str:
    return (
        environment(TEMPLATES)  # the site's settings: autoescape, strict, the same filters
        .get_template("book.html.j2")
        .render(
            book=data,
            paper=PAPERS[paper],
            date_ja=f"{built.year}年{built.month}月{built.day}日",
            date_en=f"{built.day} {built:%B} {built.year}",
            date_iso=built.isoformat(),
            version=described,
            index_pass=index_pass,
            stylesheet=(TEMPLATES / "book.css").read_text(encoding="utf-8"),
        )
    )


def book_data(project) -> BookData:
    reference = project.reference
    chapters = tuple(chapter(doc) for doc in project.documents)
    return BookData(chapters, tuple(reading_order(reference.glossary.terms)), index_sections(reference))


def layout(html: str):
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDF needs

    enable()
    return HTML(string=html, base_url=str(TEMPLATES)).render()


def anchor_pages(document) -> dict[str, int]:
    """Anchor -> page number (1-based) in a laid-out WeasyPrint document."""
    pages = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def build_book(project, output: Path, paper: str = "a4") -> BookResult:
    """Write the PDF book to ``output`` (atomically: a failure leaves no file)."""
    if paper not in PAPERS:
        raise BookError(f"unknown paper size '{paper}' (use one of: {', '.join(PAPERS)})")
    start = time.perf_counter()
    data = book_data(project)
    built, described = build_date(), version(project.paths.root)
    first = layout(render_html(data, paper, built, described, index_pass=False))
    final_data = BookData(data.chapters, data.glossary, with_locators(data.index, anchor_pages(first)))
    document = layout(render_html(final_data, paper, built, described, index_pass=True))
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    os.close(fd)
    try:
        document.write_pdf(tmp, **PDF_OPTIONS)  # tagged, a language per cell
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a web server must read it
        os.replace(tmp, output)
    except OSError as err:
        raise BookError(f"could not write {output}: {err}") from err
    finally:
        Path(tmp).unlink(missing_ok=True)
    return BookResult(output, len(document.pages), output.stat().st_size, time.perf_counter() - start)
