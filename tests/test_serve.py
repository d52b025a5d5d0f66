"""``mkdocs serve`` needs nothing run by hand, and an edited data file shows
up; ``site`` is all or nothing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import run_cli

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
