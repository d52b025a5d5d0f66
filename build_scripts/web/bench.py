"""The benchmark of a growing publication (``make bench``): the real seeds
and synthetic corpora of N copies of them (with their translation files),
each measured as a contributor and CI meet it, in one table:

  site s      clean ``make site`` (``python -m build_scripts site``, site and
              PDFs), with no cache (.cache/ removed)
  edit s      ``make site`` again after one translation edit (the cache kept)
  gen s       the generator's part of each (load, pages, search index), as the
              MkDocs hook timed it (BUILD_SCRIPTS_TIMINGS)
  mkdocs s    MkDocs' part of the clean build, its start-up included
  pdf s       the PDFs' part of the clean build (what follows MkDocs)
  peak MiB    the largest process of the clean build (resident memory)
  site MiB, pages, page KiB (mean HTML page), doc KiB (mean document page),
  chrome KiB  (mean bytes of a page around its own text: navigation, header,
              footer; what every page carries)
  preview s   edit to visible in the live preview (make serve): from writing
              a translation file to the served page showing it, median of 3
  later s     the preview's second phase done (reference pages, search index)
  preview MiB the preview server's peak memory (resident)
  zensical s  ``zensical-i18n build`` of the same pages (exported by
              ``python -m build_scripts build``), where Zensical is installed
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from ..pipeline import Paths

PARTS = ("mkdocs.yml", "editorial", "overrides", "docs")
EDITED = "004_56ac1acf06381cac"  # its translation file is edited, in every corpus
EDITED_PAGE = "en/documents/altman-statement-government-guarantees/"
EDIT = "I would like to clarify"
# a child that runs a command and reports the largest resident size among its processes (KiB)
MEASURED = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print('peak-kib', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"
)
COLUMNS = (
    ("corpus", 7, "{}x"),
    ("docs", 5, "{}"),
    ("site s", 7, "{:.1f}"),
    ("edit s", 7, "{:.1f}"),
    ("gen s", 6, "{:.1f}"),
    ("gen edit", 8, "{:.1f}"),
    ("mkdocs s", 8, "{:.1f}"),
    ("pdf s", 6, "{:.1f}"),
    ("peak MiB", 8, "{:.0f}"),
    ("site MiB", 8, "{:.1f}"),
    ("pages", 5, "{}"),
    ("page KiB", 8, "{:.1f}"),
    ("doc KiB", 7, "{:.1f}"),
    ("chrome KiB", 10, "{:.1f}"),
    ("preview s", 9, "{:.2f}"),
    ("later s", 7, "{:.1f}"),
    ("preview MiB", 11, "{:.0f}"),
    ("zensical s", 10, "{:.1f}"),
)


def make_corpus(paths: Paths, target: Path, copies: int) -> Paths:
    """A project whose seeds are ``copies`` copies of the real ones."""
    for part in PARTS:
        source, destination = paths.root / part, target / part
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, destination)
        elif source.exists():
            shutil.copy2(source, destination)
    (target / "build_scripts").symlink_to(paths.root / "build_scripts", target_is_directory=True)
    seeds = target / "seeds"
    seeds.mkdir()
    translations = target / "editorial" / "translations"
    for seed in sorted(paths.seeds.glob("*.txt")):
        for n in range(copies):
            name = seed.stem if n == 0 else f"{seed.stem}-copy{n:03d}"
            shutil.copy2(seed, seeds / f"{name}.txt")
            catalog = paths.editorial / "translations" / f"{seed.stem}.yml"
            if n and catalog.exists():
                text = catalog.read_text(encoding="utf-8").replace(f"doc: {seed.stem}", f"doc: {name}", 1)
                (translations / f"{name}.yml").write_text(text, encoding="utf-8")
    return Paths(target)


def edit_translation(paths: Paths, mark: str) -> None:
    catalog = paths.catalog(EDITED)
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(re.sub(rf"(?:BENCH-\d+ )?{EDIT}", f"{mark} {EDIT}", text, count=1), encoding="utf-8")


def make_site(paths: Paths, site: Path, pdf: bool, timings: Path) -> dict:
    """``python -m build_scripts site``: wall seconds, the largest process, and the hook's timings."""
    timings.unlink(missing_ok=True)
    command = [sys.executable, "-m", "build_scripts", "--root", str(paths.root), "site", "--site-dir", str(site)]
    command += [] if pdf else ["--no-pdf"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BUILD_SCRIPTS_TIMINGS=str(timings))
    start, wall = time.perf_counter(), time.time()
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, *command], cwd=Path(__file__).resolve().parents[2], env=env,
        capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"make site failed in {paths.root}:\n{done.stderr[-3000:]}")
    peak = int(re.findall(r"peak-kib (\d+)", done.stderr)[-1]) / 1024
    records = [json.loads(line) for line in timings.read_text(encoding="utf-8").splitlines()]
    generator = sum(r.get("generator", 0) for r in records)
    mkdocs_end = max(r["end"] for r in records if "end" in r) - wall
    return {"seconds": seconds, "peak": peak, "gen": generator, "mkdocs": mkdocs_end - generator,
            "pdf": seconds - mkdocs_end}  # fmt: skip


def page_sizes(site: Path) -> dict:
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    docs = [p for p in pages if p.parent.parent.name == "documents"]
    chrome = 0
    for page in pages:
        body = page.read_bytes()
        chrome += len(body) - max(0, body.find(b"</article>") - body.find(b"<article"))
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {
        "site": total / 2**20,
        "pages": len(pages),
        "page": sum(p.stat().st_size for p in pages) / len(pages) / 1024,
        "doc": sum(p.stat().st_size for p in docs) / max(1, len(docs)) / 1024,
        "chrome": chrome / len(pages) / 1024,
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def preview(paths: Paths, work: Path, edits: int) -> tuple[float, float, float]:
    """The live preview: median seconds from a translation edit to the served
    page showing it, and to the end of the second phase; its peak memory (MiB)."""
    port, log = _free_port(), work / "preview.log"
    command = [sys.executable, "-m", "build_scripts", "--root", str(paths.root), "serve"]
    command += ["--dev-addr", f"127.0.0.1:{port}", "--site-dir", str(work / "preview")]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=Path(__file__).resolve().parents[2], env=env, stdout=out, stderr=out)
    visible, complete = [], []
    try:
        while "Serving on" not in log.read_text(encoding="utf-8"):
            if server.poll() is not None:
                raise RuntimeError(f"the preview did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        url = f"http://127.0.0.1:{port}/{EDITED_PAGE}"
        for n in range(edits):
            mark, done = f"BENCH-{n + 1}", log.read_text(encoding="utf-8").count("preview: up to date")
            start = time.perf_counter()
            edit_translation(paths, mark)
            while mark not in _fetch(url):
                time.sleep(0.01)
            visible.append(time.perf_counter() - start)
            while log.read_text(encoding="utf-8").count("preview: up to date") <= done:
                time.sleep(0.05)
            complete.append(time.perf_counter() - start)
        status = Path(f"/proc/{server.pid}/status")
        peak = int(re.search(r"VmHWM:\s+(\d+)", status.read_text())[1]) / 1024 if status.exists() else None
    finally:
        server.terminate()
        server.wait(timeout=60)
    return statistics.median(visible), statistics.median(complete), peak


def zensical(paths: Paths, work: Path) -> float | None:
    """``zensical-i18n build`` of the exported pages: wall seconds (None: not installed)."""
    program = Path(sys.executable).with_name("zensical-i18n")
    program = program if program.exists() else shutil.which("zensical-i18n")
    if not program:
        return None
    project = work / "zensical"
    export = [sys.executable, "-m", "build_scripts", "--root", str(paths.root), "build", "-o", str(project / "docs")]
    subprocess.run(export, cwd=Path(__file__).resolve().parents[2], check=True, capture_output=True)
    shutil.copy2(paths.root / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(paths.root / "overrides", project / "overrides")
    start = time.perf_counter()
    subprocess.run([str(program), "build", "-f", "mkdocs.yml"], cwd=project, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(paths: Paths, copies: int, work: Path, pdf: bool, on_site=None) -> dict:
    """One corpus size's row; ``on_site(corpus, site, copies)`` is called with
    the clean build, so that other measurements (search) reuse it."""
    corpus = make_corpus(paths, work / "project", copies)
    timings = work / "timings.jsonl"
    clean = make_site(corpus, work / "site", pdf, timings)
    row = {"corpus": copies, "docs": len(list(corpus.seeds.glob("*.txt"))), **page_sizes(work / "site")}
    if on_site:
        on_site(corpus, work / "site", copies)
    edit_translation(corpus, "BENCH-0")
    again = make_site(corpus, work / "site", pdf, timings)
    row.update(
        {"site s": clean["seconds"], "edit s": again["seconds"], "gen s": clean["gen"], "gen edit": again["gen"],
         "mkdocs s": clean["mkdocs"], "pdf s": clean["pdf"] if pdf else None, "peak MiB": clean["peak"]}
    )  # fmt: skip
    row["preview s"], row["later s"], row["preview MiB"] = preview(corpus, work, 3 if copies <= 10 else 1)
    row["zensical s"] = zensical(corpus, work)
    return row


def _cell(row: dict, name: str, width: int, fmt: str) -> str:
    key = {"site MiB": "site", "page KiB": "page", "doc KiB": "doc", "chrome KiB": "chrome"}.get(name, name)
    value = row.get(key)
    return f"{'—' if value is None else fmt.format(value):>{width}}"


def budgets(rows: dict[int, dict]) -> Iterator[str]:
    """Issue 13's budgets, each met or not."""
    base, checks = rows.get(1), []
    if 10 in rows:
        checks += [
            ("10x clean make site <= 240 s", rows[10]["site s"] <= 240),
            ("10x make site after one edit <= 20 s", rows[10]["edit s"] <= 20),
            ("10x preview edit to visible <= 2 s", rows[10]["preview s"] <= 2),
        ]
    if 1 in rows:
        checks.append(("1x preview edit to visible <= 1 s", rows[1]["preview s"] <= 1))
    for size in (10, 100):
        if base and size in rows:
            for key, label in (("doc", "document page"), ("chrome", "chrome per page")):
                ratio = rows[size][key] / base[key]
                checks.append((f"{size}x {label} {ratio:.2f} x the 1x figure <= 1.3", ratio <= 1.3))
    if 100 in rows:
        checks.append((f"100x peak memory {rows[100]['peak MiB']:.0f} MiB <= 1536 MiB", rows[100]["peak MiB"] <= 1536))
    for label, ok in checks:
        yield f"  {'met    ' if ok else 'NOT MET'}  {label}"


def run(paths: Paths, sizes: list[int], pdf: bool = True, on_site=None) -> Iterator[str]:
    yield " ".join(f"{name:>{width}}" for name, width, _ in COLUMNS)
    rows = {}
    for copies in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{copies}x-") as tmp:
            rows[copies] = row = measure(paths, copies, Path(tmp), pdf, on_site)
        yield " ".join(_cell(row, name, width, fmt) for name, width, fmt in COLUMNS)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    yield f"load average at the end (1, 5, 15 min): {load}, on {os.cpu_count()} cores"
    yield "budgets (issue 13):"
    yield from budgets(rows)
