"""Shared fixtures: project copies in temporary folders, a built site, a
local web server and headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from build_scripts.search.evaluate import CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Hand-written inputs a project needs; generated pages are left behind.
PROJECT_PARTS = ("mkdocs.yml", "seeds", "editorial", "overrides", "docs/about.ja.md", "docs/about.en.md", "docs/assets")


REFERENCE_DATA = ("glossary.yml", "topics.yml", "people.yml", "figures.yml", "timeline.yml")


def copy_project(target: Path, seeds: bool = True) -> Path:
    """A working copy of the project's inputs (no generated pages, no venv)."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if not source.exists() or (part == "seeds" and not seeds):
            continue
        destination = target / part
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, destination)
        else:
            shutil.copy2(source, destination)
    (target / "seeds").mkdir(exist_ok=True)
    if not seeds:  # the reference data is about the real seeds: a project of other texts brings its own
        for name in REFERENCE_DATA:
            (target / "editorial" / name).unlink(missing_ok=True)
    # the code under test, linked: mkdocs.yml names its hook file by path
    (target / "build_scripts").symlink_to(ROOT / "build_scripts", target_is_directory=True)
    return target


def mkdocs_build(project: Path, site: Path, strict: bool = True) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--site-dir",
        str(site),
        "--config-file",
        str(project / "mkdocs.yml"),
    ]
    if strict:
        command.append("--strict")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project)


STAMPED = {"sitemap.xml", "sitemap.xml.gz"}  # dated


def site_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.name not in STAMPED}


POLICY = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def site_differences(one: Path, two: Path, policy: bool = True) -> set[str]:
    """The files two built sites hold with different bytes (they must hold the
    same files). ``policy=False``: the Content-Security-Policy <meta> left out
    (the live preview's allows its live-reload script, which no hash can name)."""
    files = site_files(one)
    assert files == site_files(two)

    def content(site: Path, name: str) -> bytes:
        data = (site / name).read_bytes()
        return data if policy else POLICY.sub(b"", data)

    return {f for f in files if content(one, f) != content(two, f)}


def html_of(page: str) -> str:
    """The built file of a generated Markdown page (``documents/x.en.md`` -> ``en/documents/x/index.html``)."""
    stem, _, lang = page[: -len(".md")].rpartition(".")
    folder = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return f"{'en/' if lang == 'en' else ''}{folder}index.html"


def expected_differences(before: Path, after: Path) -> set[str]:
    """The built files that differ between the sites of two projects: those of
    the generated pages and search index files that differ (a clean generation of each)."""
    from build_scripts.pipeline import Paths, load
    from build_scripts.web.generate import generate

    old = generate(load(Paths(before)), cache=False).pages
    new = generate(load(Paths(after)), cache=False).pages
    return {html_of(p) if p.endswith(".md") else p for p in new if new[p] != old.get(p)}


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(project), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real publication, built once with ``mkdocs build --strict``."""
    base = tmp_path_factory.mktemp("site")
    project = copy_project(base / "project")
    site = base / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


# What the tests that need an altered publication add to it, built once in one
# site (``altered_site``): a seed written to attack the build, a sixth seed with
# no metadata and no translation, a hand-written page with code in its text, and
# a contributor's edit of one translation.
HOSTILE_SEED = """<script>alert('seed')</script> と **太字** と {{ config.site_name }} と {% raw %} の文。
--8<-- "mkdocs.yml"
;--8<-- "README.md"
*[HTML]: 略語の定義です。
見出しもどき {: .evil onclick="alert(1)" }
[リンク](javascript:alert(1)) と <img src=x onerror=alert(1)> と &amp; の文です。
# 見出しではない行です。
<!-- コメントの始まり
"""
NEW_SEED = "新しい資料の題名\n\n一つ目の段落です。まだ翻訳はありません。\n\n二つ目の段落です。\n"
HOSTILE_PAGE = """\
# A page with code in its text

<script>window.__pwned = 1;</script>

<style>body { display: none; }</style>

An image whose error runs code: <img src="missing.png" onerror="window.__pwned = 2">.
"""
EDITED_DOC = "004_56ac1acf06381cac"
EDITED_FROM = "    I would like to clarify a few things.\n  status: reviewed\n"
EDITED_TO = "    A few points need clarifying.\n  status: translated\n"


def edit_one_translation(project: Path) -> None:
    """A contributor's pull request: 004 p1 reworded, its status back to translated."""
    path = project / "editorial" / "translations" / f"{EDITED_DOC}.yml"
    text = path.read_text(encoding="utf-8")
    assert EDITED_FROM in text
    path.write_text(text.replace(EDITED_FROM, EDITED_TO), encoding="utf-8")


@pytest.fixture(scope="session")
def altered_site(tmp_path_factory) -> SimpleNamespace:
    """The publication with all the alterations above, built once (not --strict:
    the hostile page must warn); ``.site``, ``.project``, ``.log`` (MkDocs' stderr)."""
    base = tmp_path_factory.mktemp("altered")
    project = copy_project(base / "project")
    (project / "seeds" / "hostile.txt").write_text(HOSTILE_SEED, encoding="utf-8")
    (project / "seeds" / "005_new.txt").write_text(NEW_SEED, encoding="utf-8")
    (project / "docs" / "hostile.ja.md").write_text(HOSTILE_PAGE, encoding="utf-8")
    edit_one_translation(project)
    site = base / "site"
    result = mkdocs_build(project, site, strict=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return SimpleNamespace(site=site, project=project, log=result.stderr)


@pytest.fixture(scope="session")
def site_server(built_site):
    """The built site on 127.0.0.1 (the benchmark's server); ``.url`` is its address."""
    with serve(built_site) as url:
        yield SimpleNamespace(url=url)


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: run scripts/install-system-packages.sh (make test does)")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site_server):
    """A fresh browser page; fails the test on any request to another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    foreign = []
    page.on(
        "request", lambda r: None if r.url.startswith((site_server.url, "data:", "blob:")) else foreign.append(r.url)
    )
    yield page
    context.close()
    assert not foreign, f"requests left the site: {foreign}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


BROWSER_FIXTURES = {"browser", "page", "site_server"}
SITE_FIXTURES = {"built_site"} | BROWSER_FIXTURES


def pytest_collection_modifyitems(items):
    """Every test that drives Chromium is marked ``browser``, and every test
    that needs the built site ``slow``, from the fixtures it uses: a new test
    cannot forget its marker (``-m "not browser"`` runs without Chromium)."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & SITE_FIXTURES:
            item.add_marker(pytest.mark.slow)
