"""Benchmark: the generator and MkDocs on the real seeds and on synthetic
corpora made of N copies of them (with their translation files).

Prints medians (generator) and single runs (MkDocs, which is slow at 100x),
peak memory, pages, output and search-index size, and the ratio the budget
cares about: generator time / MkDocs render time (target: at most 10%).
Then the PDF book of the real seeds: median build time, size, pages.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

from .pipeline import Paths, load
from .site.generate import generate

PARTS = ("mkdocs.yml", "editorial", "overrides", "docs/about.ja.md", "docs/about.en.md", "docs/assets")


def make_corpus(paths: Paths, target: Path, copies: int) -> Paths:
    """A project whose seeds are ``copies`` copies of the real ones."""
    for part in PARTS:
        source = paths.root / part
        destination = target / part
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


def time_generator(paths: Paths, repeat: int) -> tuple[float, float, int]:
    """Median seconds, peak MiB (tracemalloc, separate run), pages."""
    times = []
    for _ in range(repeat):
        shutil.rmtree(paths.docs / "documents", ignore_errors=True)
        (paths.docs / ".generated").unlink(missing_ok=True)
        start = time.perf_counter()
        result = generate(load(paths))
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    generate(load(paths))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20, len(result.pages)


def time_mkdocs(paths: Paths, site: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of ``mkdocs build`` in a child process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, cwd=paths.root, env=env, check=True, capture_output=True)
    elapsed = time.perf_counter() - start
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return elapsed, peak / 1024


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def run(
    paths: Paths, sizes: list[int], repeat: int, on_site: Callable[[Paths, Path, int], None] | None = None
) -> Iterator[str]:
    """The table, a row per corpus size; ``on_site(corpus, site, copies)`` is called with
    each built site before it is removed (the search benchmark measures it there)."""
    yield (
        f"{'corpus':>7} {'seeds':>5} {'pages':>5} {'gen s':>7} {'gen MiB':>8} {'mkdocs s':>9} "
        f"{'mkdocs MiB':>10} {'gen/mkdocs':>10} {'site MiB':>8} {'index MiB':>9} {'s/seed':>7}"
    )
    baseline = None
    for copies in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{copies}x-") as tmp:
            corpus = make_corpus(paths, Path(tmp) / "project", copies)
            seeds = len(list(corpus.seeds.glob("*.txt")))
            gen_s, gen_mib, pages = time_generator(corpus, repeat if copies <= 10 else 1)
            site = Path(tmp) / "site"
            mk_s, mk_mib = time_mkdocs(corpus, site)
            render_s = max(mk_s - gen_s, 1e-9)  # the hook runs the generator inside mkdocs build
            index = tree_size(site / "assets" / "search")  # our index, every shard (a query fetches a few)
            per_seed = gen_s / seeds
            baseline = baseline or per_seed
            yield (
                f"{copies:>6}x {seeds:>5} {pages:>5} {gen_s:>7.3f} {gen_mib:>8.1f} {render_s:>9.2f} "
                f"{mk_mib:>10.0f} {gen_s / render_s:>9.1%} {tree_size(site) / 2**20:>8.1f} "
                f"{index / 2**20:>9.2f} {per_seed * 1000:>6.1f}m"
            )
            if on_site:
                on_site(corpus, site, copies)
    yield "gen s: median generator time; mkdocs s: mkdocs build time less the generator it runs;"
    yield "s/seed: generator milliseconds per seed (flat = linear growth)."
    yield time_pdf(paths, repeat)


def time_pdf(paths: Paths, repeat: int) -> str:
    """The PDF book of the real seeds: median build time, size, pages."""
    from .book.build import build_book

    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        runs = [build_book(paths, Path(tmp) / "book.pdf") for _ in range(max(repeat, 1))]
    seconds = statistics.median(r.seconds for r in runs)
    last = runs[-1]
    return f"pdf: {seconds:.1f} s (median of {len(runs)}), {last.size / 2**20:.2f} MiB, {last.pages} pages"
