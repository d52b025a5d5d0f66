"""What every PDF of the publication shares: its templates rendered, laid
out by WeasyPrint, written tagged and atomically, and the parts of a cache
key that are not its HTML (the code, the fonts, WeasyPrint's version).

Reproducible bytes: a PDF carries no date unless SOURCE_DATE_EPOCH gives one,
and no version of the code; its "edition" is a hash of its own HTML, so the
same inputs give the same file, and a reader can tell two editions apart.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import subprocess
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from markupsafe import Markup

from ..errors import PublicationError
from ..files import code_hash, write_if_changed
from ..web.templating import environment
from .tagging import PDF_OPTIONS, enable

TEMPLATES = Path(__file__).parent / "templates"
PAPERS = {"a4": "A4", "letter": "letter"}
EDITION = "@@edition@@"  # stands for the edition while the HTML that it is a hash of is rendered


class BookError(PublicationError):
    """A PDF could not be made."""


def check_paper(paper: str) -> None:
    if paper not in PAPERS:
        raise BookError(f"unknown paper size '{paper}' (use one of: {', '.join(PAPERS)})")


def build_date() -> datetime.date | None:
    """The date of SOURCE_DATE_EPOCH, or None: a PDF says when it was built
    only when asked to, so that the same inputs give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return None


def dates(built: datetime.date | None) -> dict:
    if built is None:
        return {"date_ja": "", "date_en": "", "date_iso": ""}
    return {
        "date_ja": f"{built.year}年{built.month}月{built.day}日",
        "date_en": f"{built.day} {built:%B} {built.year}",
        "date_iso": built.isoformat(),
    }


def render(template: str, paper: str, **values) -> str:
    """A template with the site's settings (autoescape, strict, its filters),
    its edition the hash of everything else it holds."""
    html = (
        environment(TEMPLATES)
        .get_template(template)
        .render(
            paper=PAPERS[paper],
            edition=EDITION,
            stylesheet=Markup((TEMPLATES / "book.css").read_text(encoding="utf-8")),  # ours, in <style>
            **dates(build_date()),
            **values,
        )
    )
    return html.replace(EDITION, hashlib.sha256(html.encode("utf-8")).hexdigest()[:12])


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


def pdf_bytes(document) -> bytes:
    """The tagged PDF (PDF/UA-1, a language per passage) of a laid-out document."""
    return document.write_pdf(**PDF_OPTIONS)


def in_parallel(lay: Callable, jobs: dict, size: Callable) -> dict:
    """key -> ``lay(job)`` for every job, one process per core when there are
    several, the largest (by ``size(job)``) first so that no core waits for
    the last long one alone; one job (an edit) starts no process."""
    order = sorted(jobs, key=lambda key: -size(jobs[key]))
    workers = min(len(order), os.cpu_count() or 1)
    if workers <= 1:
        return {key: lay(jobs[key]) for key in order}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return dict(zip(order, pool.map(lay, [jobs[key] for key in order]), strict=True))


def write(path: Path, data: bytes) -> None:
    """Atomically, readable by a web server; unchanged files are not touched."""
    try:
        if write_if_changed(path, data):
            os.chmod(path, 0o644)
    except OSError as err:
        raise BookError(f"could not write {path}: {err}") from err


def code_version() -> str:
    """What a PDF's cache key holds beside its HTML (which holds all that the
    document model, the translation, the templates and the CSS put in it):
    the book's code (tagging), WeasyPrint's and pydyf's versions, the fonts
    fontconfig finds (a new font package can change every page)."""
    import pydyf
    import weasyprint

    digest = hashlib.sha256(code_hash(Path(__file__).parent).encode())
    digest.update(f"{weasyprint.__version__} {pydyf.__version__}".encode())
    digest.update(_fonts().encode())
    return digest.hexdigest()


def _fonts() -> str:
    try:
        listed = subprocess.run(["fc-list", ":", "file", "family"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "no fontconfig"
    lines = sorted(line for line in listed.stdout.splitlines() if "CJK" in line)
    return "\n".join(f"{line} {_size(line)}" for line in lines)


def _size(line: str) -> int:
    try:
        return Path(line.split(":", 1)[0]).stat().st_size
    except OSError:
        return 0
