"""The search benchmark of ``make bench``: ours, stock Material and Pagefind, side
by side in one run, on the same generated pages, in headless Chromium.

At 1x (the real seeds), for each engine and language:
  - the judged set (tests/relevance/<lang>.yml): recall@10, nDCG@10, precision,
    zero-hit queries, `none` queries, non-passage results above the first
    passage (metrics.py); per query class and the failing queries for ours;
  - the exact-word set (tests/search_queries.yml): recall@10, hit rate, MRR,
    and for ours the recall over the first screen of results;
  - bytes for the first query and the median query latency (evaluate.py says
    what each measures).
At each corpus size that bench.run builds (1x, 10x, 100x): our engine against
its budgets, on a fixed subset of the judged queries (SUBSET per language).

The sites: ours is the site bench.run builds for its timings (one build per
size serves every measurement); stock Material is the same project built with
``extra.stock_search: true``; Pagefind (pagefind-bin-extended, from
requirements-bench.txt) indexes our built site's HTML (--root-selector article,
one index per <html lang>) into its pagefind/ folder.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..model import LANGS
from ..pipeline import Paths, load
from .evaluate import ENGINES, Run, SiteMap, chromium, first_screen, run_queries, score_run, serve
from .judged import JudgedQuery, exact_words_path, load_exact_words, load_relevance_sets, spread
from .metrics import QueryScore, Summary, by_class, summarise

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SUBSET = 20  # judged queries per language in the budget runs
KB = 1000
# The issue's budgets for our engine, per corpus size: first query (gzip bytes), median latency (ms).
BYTE_BUDGET = {1: 150 * KB, 100: 300 * KB}
LATENCY_BUDGET = {100: 50.0}
STOCK_CONFIG = "INHERIT: mkdocs.yml\nextra:\n  stock_search: true\n"


def pagefind_executable() -> Path | None:
    try:
        from pagefind_bin_extended import get_executable  # requirements-bench.txt
    except ImportError:
        return None
    return get_executable()


def build_stock(project: Path, site: Path) -> None:
    """The project built with Material's stock search (a derived config beside mkdocs.yml, for INHERIT)."""
    config = project / ".bench-stock.yml"
    config.write_text(STOCK_CONFIG, encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
        subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
    finally:
        config.unlink(missing_ok=True)


def build_pagefind(site: Path, executable: Path) -> None:
    command = [str(executable), "--site", str(site), "--root-selector", "article", "--quiet"]
    subprocess.run(command, check=True, capture_output=True)


@dataclass
class EngineFigures:
    engine: str
    lang: str
    judged: Run
    scores: list[QueryScore]
    exact: Run
    exact_scores: list[QueryScore]
    screen: list[float] = field(default_factory=list)  # first-screen recall per exact-word query (ours)

    @property
    def summary(self) -> Summary:
        return summarise(self.scores)


@dataclass(frozen=True)
class BudgetRow:
    copies: int
    lang: str
    queries: int
    first_gzip: int
    first_raw: int
    at_load_gzip: int
    median_ms: float | None


class SearchBench:
    """Collects the measurements while bench.run builds its corpora, then reports them."""

    def __init__(self, paths: Paths, browser_path: str = CHROMIUM, subset: int = SUBSET):
        self.paths, self.browser_path = paths, browser_path
        self.sets = load_relevance_sets(paths.root)
        self.exact = load_exact_words(exact_words_path(paths.root))
        self.subset = {lang: spread(self.sets[lang], subset) for lang in LANGS}
        self.figures: list[EngineFigures] = []
        self.budget: list[BudgetRow] = []
        self.notes: list[str] = []

    # -- measuring ---------------------------------------------------------------------------

    def on_site(self, corpus: Paths, site: Path, copies: int) -> None:
        """Called by bench.run after it built ``corpus`` into ``site`` (the site is gone after)."""
        if copies == 1:
            self.compare(corpus, site)
        self.measure_budget(site, copies)

    def compare(self, corpus: Paths, site: Path) -> None:
        """The three engines at 1x: ``site`` is ours; stock and Pagefind are built from it."""
        sitemap = SiteMap(load(corpus).documents)
        with tempfile.TemporaryDirectory(prefix="bench-stock-") as tmp:
            stock = Path(tmp) / "site"
            build_stock(corpus.root, stock)
            sites = {"ours": site, "stock": stock, "pagefind": site}
            executable = pagefind_executable()
            if executable is None:
                self.notes.append("pagefind: skipped (needs requirements-bench.txt; `make bench` installs it)")
                del sites["pagefind"]
            else:
                build_pagefind(site, executable)
            with chromium(self.browser_path) as browser:
                for engine in ENGINES:
                    if engine in sites:
                        self._measure_engine(browser, engine, sites[engine], sitemap)

    def _measure_engine(self, browser, engine: str, site: Path, sitemap: SiteMap) -> None:
        with serve(site) as url:
            for lang in LANGS:
                judged = self.sets[lang]
                exact = [q for q in self.exact if q.lang == lang]
                both = run_queries(browser, url, site, engine, lang, [q.text for q in judged + exact], sitemap)
                run, exact_run = both.part(0, len(judged)), both.part(len(judged))
                self.figures.append(
                    EngineFigures(
                        engine,
                        lang,
                        run,
                        score_run(run, judged, sitemap),
                        exact_run,
                        score_run(exact_run, exact, sitemap),
                        first_screen(exact_run, exact, sitemap) if engine == "ours" else [],
                    )
                )

    def measure_budget(self, site: Path, copies: int) -> None:
        with serve(site) as url, chromium(self.browser_path) as browser:
            for lang in LANGS:
                queries = self.subset[lang]
                run = run_queries(browser, url, site, "ours", lang, [q.text for q in queries])
                self.budget.append(
                    BudgetRow(
                        copies,
                        lang,
                        len(queries),
                        run.bytes(compressed=True),
                        run.bytes(compressed=False),
                        run.bytes(compressed=True, at_load=True),
                        run.median_latency(),
                    )
                )

    # -- reporting ---------------------------------------------------------------------------

    def report(self) -> Iterator[str]:
        yield from self.notes
        yield from quality_table(self.figures, self.sets)
        yield ""
        yield from exact_table(self.figures, len(self.exact))
        yield ""
        yield from weight_table(self.figures)
        yield ""
        yield from class_table([f for f in self.figures if f.engine == "ours"])
        yield ""
        yield from failing_lines([f for f in self.figures if f.engine == "ours"])
        yield ""
        yield from budget_table(self.budget, self.subset)


def _f(value: float | None, spec: str = ".3f") -> str:
    return "-" if value is None else format(value, spec)


def quality_table(figures: Sequence[EngineFigures], sets: dict[str, list[JudgedQuery]]) -> Iterator[str]:
    sizes = ", ".join(
        f"{lang} {sum(not q.none for q in qs)} + {sum(q.none for q in qs)} none" for lang, qs in sets.items()
    )
    yield f"search quality: judged sets tests/relevance/<lang>.yml ({sizes}), 1x corpus, first 10 passage results"
    yield (
        f"{'engine':<9}{'lang':<5}{'recall@10':>10}{'nDCG@10':>9}{'precision':>10}{'zero-hit':>10}{'none ok':>9}"
        f"{'refs above 1st passage: mean':>30}{'max':>5}{'>3':>4}"
    )
    for f in figures:
        s = f.summary
        yield (
            f"{f.engine:<9}{f.lang:<5}{s.recall:>10.3f}{s.ndcg:>9.3f}{s.precision:>10.3f}"
            f"{f'{s.zero_hit}/{s.queries}':>10}{f'{s.none_ok}/{s.none_total}':>9}"
            f"{s.above_first_mean:>30.2f}{s.above_first_max:>5}{s.above_three:>4}"
        )
    yield (
        "precision: over the queries with a passage result; zero-hit: queries with no relevant passage in the "
        "first 10; refs: non-passage results (reference and hand-written pages) above the first passage."
    )


def exact_table(figures: Sequence[EngineFigures], total: int) -> Iterator[str]:
    yield f"exact-word set tests/search_queries.yml ({total} queries), 1x corpus"
    yield (
        f"{'engine':<9}{'lang':<5}{'queries':>8}{'recall@10':>10}{'hit@10':>8}{'MRR':>7}{'none ok':>9}"
        f"{'first screen':>13}"
    )
    for f in figures:
        s = summarise(f.exact_scores)
        screen = statistics.fmean(f.screen) if f.screen else None
        yield (
            f"{f.engine:<9}{f.lang:<5}{s.queries:>8}{s.recall:>10.3f}{s.hit_rate:>8.3f}{s.mrr:>7.3f}"
            f"{f'{s.none_ok}/{s.none_total}':>9}{_f(screen):>13}"
        )
    yield (
        "first screen: recall over the results visible at 1280x900 without scrolling the result list "
        "(out of min(expected, results visible)); ours only."
    )


def weight_table(figures: Sequence[EngineFigures]) -> Iterator[str]:
    yield "weight and speed, 1x corpus: bytes fetched for search from page load through the first query's results"
    yield (
        f"{'engine':<9}{'lang':<5}{'first query':>12}{'gzip':>9}{'at load gzip':>13}{'files':>6}"
        f"{'× ours gzip':>12}{'median ms':>10}{'× ours':>7}{'queries':>8}"
    )
    ours = {f.lang: f for f in figures if f.engine == "ours"}
    for f in figures:
        run, base = f.judged, ours.get(f.lang)
        gz, median = run.bytes(compressed=True), run.median_latency()
        ratio_bytes = gz / base.judged.bytes(compressed=True) if base and base.judged.bytes(compressed=True) else None
        base_ms = base.judged.median_latency() if base else None
        ratio_ms = median / base_ms if median is not None and base_ms else None
        yield (
            f"{f.engine:<9}{f.lang:<5}{_kb(run.bytes(compressed=False)):>12}{_kb(gz):>9}"
            f"{_kb(run.bytes(compressed=True, at_load=True)):>13}{len(run.transfers):>6}"
            f"{_f(ratio_bytes, '.2f'):>12}{_f(median, '.1f'):>10}{_f(ratio_ms, '.2f'):>7}{len(run.shown) - 1:>8}"
        )
    for f in figures:
        yield f"  {f.engine} {f.lang}: {files_line(f.judged)}"
    yield (
        "KB = 1000 bytes; gzip: each response compressed at level 6 (or as served, when that is smaller); "
        "at load: fetched before the reader focused the search box. median ms: over the judged queries after "
        "the first; Material engines from the committing keyup to the results in the list, Pagefind from "
        "search() to the data of its first 10 results."
    )


def files_line(run: Run) -> str:
    """What was fetched, KB gzip per file (files of a folder that sent more than two grouped)."""
    folders: dict[str, list] = {}
    for t in run.transfers:
        path = urlsplit(t.url).path
        folders.setdefault(path.rsplit("/", 1)[0], []).append((path.rsplit("/", 1)[1], t))
    parts = []
    for folder, files in folders.items():
        if len(files) > 2:
            parts.append(f"{folder}/* ×{len(files)} {sum(t.gzip for _, t in files) / KB:.1f}")
        else:
            parts += [f"{name} {t.gzip / KB:.1f}" for name, t in files]
    return ", ".join(parts) + " (KB gzip)"


def _kb(n: int) -> str:
    return f"{n / KB:.1f} KB"


def class_table(figures: Sequence[EngineFigures]) -> Iterator[str]:
    yield "ours by query class (judged sets)"
    yield f"{'class':<16}{'lang':<5}{'queries':>8}{'recall@10':>10}{'nDCG@10':>9}{'precision':>10}{'zero-hit':>9}"
    for f in figures:
        for cls, s in by_class(f.scores).items():
            if cls == "none":
                yield f"{cls:<16}{f.lang:<5}{s.none_total:>8}{'-':>10}{'-':>9}{'-':>10}{f'{s.none_ok} ok':>9}"
                continue
            yield (
                f"{cls:<16}{f.lang:<5}{s.queries:>8}{s.recall:>10.3f}{s.ndcg:>9.3f}{s.precision:>10.3f}{s.zero_hit:>9}"
            )


def failing_lines(figures: Sequence[EngineFigures]) -> Iterator[str]:
    for f in figures:
        failing = f.summary.failing
        yield (
            f"ours {f.lang}: {len(failing)} failing queries "
            "(no relevant passage in the first 10, or a none query answered)"
        )
        if failing:
            yield "  " + "; ".join(failing)
        exact = summarise(f.exact_scores).failing
        if exact:
            yield f"ours {f.lang} exact-word misses: " + "; ".join(exact)


def budget_table(rows: Sequence[BudgetRow], subset: dict[str, list[JudgedQuery]]) -> Iterator[str]:
    count = ", ".join(f"{len(qs)} {lang}" for lang, qs in subset.items())
    yield f"our search against its budgets: a fixed subset of the judged queries ({count}), per corpus size"
    yield (
        f"{'corpus':>7} {'lang':<5}{'first query gzip':>17}{'budget':>9}{'':>6}{'raw':>11}{'at load gzip':>13}"
        f"{'median ms':>10}{'budget':>8}{'':>6}"
    )
    for r in rows:
        byte_budget, ms_budget = BYTE_BUDGET.get(r.copies), LATENCY_BUDGET.get(r.copies)
        yield (
            f"{r.copies:>6}x {r.lang:<5}{_kb(r.first_gzip):>17}{_budget(byte_budget, lambda v: f'{v // KB} KB'):>9}"
            f"{_verdict(r.first_gzip, byte_budget):>6}{_kb(r.first_raw):>11}{_kb(r.at_load_gzip):>13}"
            f"{_f(r.median_ms, '.1f'):>10}{_budget(ms_budget, lambda v: f'{v:.0f} ms'):>8}"
            f"{_verdict(r.median_ms, ms_budget):>6}"
        )
    yield (
        "budgets (the issue's): first query ≤ 150 KB gzip at 1x and ≤ 300 KB at 100x; median ≤ 50 ms at 100x; "
        "at load: fetched before the search box was focused."
    )


def _budget(value, fmt) -> str:
    return "-" if value is None else f"≤{fmt(value)}"


def _verdict(value, budget) -> str:
    if budget is None or value is None:
        return ""
    return "PASS" if value <= budget else "OVER"
