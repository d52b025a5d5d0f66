"""Benchmark: the publication as it grows (site/bench.py: make site, the
live preview, Zensical, on the real seeds and on corpora of 10 and 100
copies), then search: ours against Material's stock search."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .pipeline import Paths, load

STOCK_CONFIG = "INHERIT: mkdocs.yml\nextra:\n  stock_search: true\n"


def search_comparison(paths: Paths, chromium: str = "/usr/bin/chromium") -> Iterator[str]:
    """Our search and Material's stock search on the same pages, the query set
    of tests/search_queries.yml typed into each site in headless Chromium."""
    import gzip

    from .search.evaluate import evaluate, load_queries, serve

    queries = load_queries(paths.root / "tests" / "search_queries.yml")
    documents = list(load(paths).documents)
    yield f"search: {len(queries)} queries typed into the real site (tests/search_queries.yml)"
    yield (
        f"{'engine':>6} {'lang':>4} {'queries':>7} {'hit@10':>7} {'recall@10':>9} {'MRR':>6} "
        f"{'none ok':>7} {'index KiB':>9} {'gzip KiB':>8}  misses"
    )
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        for engine in ("ours", "stock"):
            site = Path(tmp) / engine
            env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
            command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
            if engine == "stock":
                config = paths.root / ".bench-stock.yml"  # beside mkdocs.yml, for INHERIT
                config.write_text(STOCK_CONFIG, encoding="utf-8")
                command += ["-f", str(config)]
            try:
                subprocess.run(command, cwd=paths.root, env=env, check=True, capture_output=True)
            finally:
                (paths.root / ".bench-stock.yml").unlink(missing_ok=True)
            with serve(site) as url:
                scores = evaluate(url, queries, documents, chromium)
            for lang, s in scores.items():
                index = _index_files(site, engine, lang)
                raw = sum(p.stat().st_size for p in index)
                packed = sum(len(gzip.compress(p.read_bytes())) for p in index)
                yield (
                    f"{engine:>6} {lang:>4} {s.queries:>7} {s.hit_rate:>7.3f} {s.recall:>9.3f} {s.mrr:>6.3f} "
                    f"{s.none_correct:>3}/{s.none_total:<3} {raw / 1024:>9.0f} {packed / 1024:>8.0f}  "
                    f"{', '.join(s.misses[:8])}{' …' if len(s.misses) > 8 else ''}"
                )
    yield "index KiB: what a reader's browser downloads to search (gzip KiB: over a compressing server)."


def search_index_files(site: Path) -> list[Path]:
    """Our index (both sites share it), all its files; a query fetches a few of them."""
    folder = site / "assets" / "search"
    return [
        folder / "lexicon.json",
        *sorted((folder / "terms").glob("*.bin")),
        *sorted((folder / "text").glob("*.json")),
    ]


def _index_files(site: Path, engine: str, lang: str) -> list[Path]:
    if engine == "ours":
        return search_index_files(site)
    # Stock Material loads {base}/search/search_index.json, and base is the
    # site root on every language site: one index holding both languages.
    return [site / "search" / "search_index.json"]
