"""``mkdocs serve`` needs nothing run by hand, and an edited data file shows
up; so does the live preview of ``make serve``, page by page, with the bytes
a full build makes; ``site`` is all or nothing."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project, expected_differences, run_cli, site_differences

pytestmark = pytest.mark.slow

DOC = "004_56ac1acf06381cac"
PAGE = "/en/documents/altman-statement-government-guarantees/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_serve_shows_an_edited_translation(project):
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}{PAGE}"
        assert wait_for(lambda: fetch(url), 90), "mkdocs serve did not come up"
        assert "CHANGED-WHILE-SERVING" not in fetch(url)
        catalog = project / "editorial" / "translations" / f"{DOC}.yml"
        text = catalog.read_text(encoding="utf-8")
        catalog.write_text(
            text.replace("translation: |-\n    ", "translation: |-\n    CHANGED-WHILE-SERVING ", 1), encoding="utf-8"
        )
        assert wait_for(lambda: "CHANGED-WHILE-SERVING" in (fetch(url) or ""), 60)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_failed_site_build_keeps_the_previous_site(project, tmp_path):
    site = tmp_path / "site"
    # the PDF's own failure case is in test_pdf.py; this one is about MkDocs
    first = run_cli(project, "site", "--no-pdf", "--site-dir", str(site))
    assert first.returncode == 0, first.stderr
    marker = site / "index.html"
    before = marker.read_bytes()
    (project / "seeds" / "009_broken.txt").write_bytes(b"\xff\xfe\x00broken")
    second = run_cli(project, "site", "--no-pdf", "--site-dir", str(site))
    assert second.returncode == 1 and "009_broken.txt" in second.stderr and "left as it was" in second.stderr
    assert marker.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site")]


class Preview:
    """``python -m build_scripts serve`` on a project, its log in a file."""

    def __init__(self, project: Path, site: Path, log: Path):
        self.port, self.site, self.log = free_port(), site, log
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "build_scripts", "--root", str(project), "serve"]
        command += ["--dev-addr", f"127.0.0.1:{self.port}", "--site-dir", str(site)]
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        with log.open("w") as out:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)

    def logged(self, text: str) -> int:
        return self.log.read_text(encoding="utf-8").count(text)

    def epoch(self, path: str) -> int:
        """The live-reload epoch the server injected into a page it served."""
        return int(re.search(r"livereload\((\d+),", fetch(self.url + path) or "")[1])

    def next_epoch(self, epoch: int, deadline: float) -> int:
        """Wait (MkDocs' long poll, no sleep) until the server shows a version after ``epoch``."""
        timeout = max(0.1, deadline - time.monotonic())
        with urllib.request.urlopen(f"{self.url}/livereload/{epoch}/1", timeout=timeout) as response:
            return int(response.read())

    def wait_for(self, path: str, text: str, epoch: int, seconds: float) -> bool:
        """Until the page at ``path`` holds ``text``, following the epochs."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if text in (fetch(self.url + path) or ""):
                return True
            epoch = self.next_epoch(epoch, deadline)
        return False


def test_preview_shows_an_edit_then_a_new_seed_as_a_full_build_would(project, built_site, tmp_path):
    """The preview (make serve) builds what mkdocs build builds; an edited
    translation shows up, then the pages and the search index are those of
    a build of the edited project; a new seed shows up too."""
    preview = Preview(project, tmp_path / "site", tmp_path / "preview.log")
    try:
        deadline = time.monotonic() + 120
        while preview.logged("Serving on") == 0:
            assert preview.process.poll() is None and time.monotonic() < deadline, preview.log.read_text()
            time.sleep(0.2)
        # 404.html aside: under mkdocs build, mkdocs-static-i18n gives it the
        # language links of the last page built (/timeline/); the preview, of the home page
        assert site_differences(preview.site, built_site, policy=False) - {"404.html"} == set()

        before = tmp_path / "before"
        copy_project(before)
        epoch = preview.epoch(PAGE)
        catalog = project / "editorial" / "translations" / f"{DOC}.yml"
        text = catalog.read_text(encoding="utf-8")
        catalog.write_text(text.replace("I would like to clarify", "PREVIEWED: I would like to clarify", 1), "utf-8")
        assert preview.wait_for(PAGE, "PREVIEWED: I would like", epoch, 30), preview.log.read_text()[-3000:]
        deadline = time.monotonic() + 60
        while preview.logged("preview: up to date") == 0:  # the second phase: reference pages, search index
            assert time.monotonic() < deadline, preview.log.read_text()[-3000:]
            time.sleep(0.1)
        changed = site_differences(preview.site, built_site, policy=False) - {"404.html"}
        assert changed == expected_differences(before, project)

        epoch = preview.epoch(PAGE)
        (project / "seeds" / "005_new.txt").write_text("新しい資料の題名\n\n一つ目の段落です。\n", encoding="utf-8")
        assert preview.wait_for("/en/documents/005-new/", "新しい資料の題名", epoch, 90), preview.log.read_text()[
            -3000:
        ]
        assert "documents/005-new/" in (fetch(preview.url + "/en/") or "")
    finally:
        preview.process.terminate()
        preview.process.wait(timeout=30)
