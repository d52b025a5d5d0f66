"""The project is loaded once: the pipeline reads every input, and no later
stage (pages, search index, books, checks, exports, sync) opens editorial/
again. Status means the same everywhere."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from build_scripts.book.build import book_data
from build_scripts.exchange.cat import FORMATS, export
from build_scripts.model import Status
from build_scripts.pipeline import Paths, load
from build_scripts.translation.check import run_checks
from build_scripts.translation.progress import coverage
from build_scripts.translation.sync import sync
from build_scripts.web.generate import generate
from build_scripts.web.templating import UI, load_ui

_watch: dict = {"folder": None, "reads": []}


def _audit(event: str, args: tuple) -> None:
    """Records every file opened for reading under the watched folder."""
    folder = _watch["folder"]
    if folder is None or event not in ("open", "os.open"):
        return
    path, mode, flags = (args + (None, None))[:3]
    if not isinstance(path, str | bytes | os.PathLike):
        return
    reading = ("r" in mode and "+" not in mode) if isinstance(mode, str) else (flags or 0) & 3 == os.O_RDONLY
    if reading and os.fsdecode(path).startswith(folder):
        _watch["reads"].append(os.fsdecode(path))


sys.addaudithook(_audit)  # audit hooks cannot be removed: this one only acts while a folder is watched


def test_no_stage_below_the_pipeline_opens_editorial(project):
    paths = Paths(project)
    loaded = load(paths)
    _watch["folder"], _watch["reads"] = str(paths.editorial.resolve()), []
    try:
        generate(loaded)
        book_data(loaded)
        run_checks(loaded)
        for fmt in FORMATS:
            export(loaded, fmt)
        sync(loaded)
        reads = list(_watch["reads"])
    finally:
        _watch["folder"] = None
    assert reads == []
    # the watch itself sees reads: loading again opens every editorial file
    _watch["folder"], _watch["reads"] = str(paths.editorial.resolve()), []
    try:
        load(paths)
        seen = {Path(p).name for p in _watch["reads"]}
    finally:
        _watch["folder"] = None
    assert {"documents.yml", "glossary.yml", "topics.yml", "004_56ac1acf06381cac.yml"} <= seen


def test_status_means_the_same_everywhere(project):
    """Done, to do and fuzzy are properties of the one Status enum; coverage
    (status page, status command) counts what is done."""
    assert [s for s in Status if s.done] == [Status.ORIGINAL, Status.REVIEWED, Status.TRANSLATED]
    assert [s for s in Status if s.todo] == [Status.DRAFT, Status.PENDING, Status.STALE]
    assert [s for s in Status if s.fuzzy] == [Status.DRAFT, Status.STALE]
    assert not Status.ORIGINAL.editable and all(s.editable for s in Status if s is not Status.ORIGINAL)
    documents = load(Paths(project)).documents
    assert all(coverage(doc) == 1.0 for doc in documents)


def test_interface_strings_are_read_again_when_their_file_changes(tmp_path, monkeypatch):
    ui = tmp_path / "ui.yml"
    ui.write_text(UI.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr("build_scripts.web.templating.UI", ui)
    before = load_ui()["en"]["site_title"]
    text = ui.read_text(encoding="utf-8").replace(before, "A new title", 1)
    assert text != ui.read_text(encoding="utf-8")
    ui.write_text(text, encoding="utf-8")
    os.utime(ui, ns=(ui.stat().st_atime_ns, ui.stat().st_mtime_ns + 1_000_000))
    assert load_ui()["en"]["site_title"] == "A new title"
