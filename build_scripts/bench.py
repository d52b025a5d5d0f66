"""The benchmark, ``make bench``, in one run: the publication as it grows
(web/bench.py: make site clean and after an edit, the generator, MkDocs,
the PDFs, memory, bytes per page, the live preview and Zensical, at 1x, 10x
and 100x), then search on the same built sites (search/benchmark.py: ours
against stock Material and Pagefind; quality, bytes and latency, budgets),
then the Japanese segmentation comparison (search/compare.py)."""

from __future__ import annotations

from collections.abc import Iterator

from .pipeline import Paths
from .web.bench import run as growth


def run(paths: Paths, sizes: list[int], pdf: bool = True, search: bool = True) -> Iterator[str]:
    bench = None
    if search:
        from .search.benchmark import SearchBench

        bench = SearchBench(paths)
    yield from growth(paths, sizes, pdf=pdf, on_site=bench.on_site if bench else None)
    if bench is None:
        return
    if not bench.figures:  # no 1x corpus among the sizes: build one for the comparison
        for _ in growth(paths, [1], pdf=False, on_site=bench.on_site):
            pass
    yield ""
    yield from bench.report()
    yield ""
    try:
        from .search.compare import compare

        yield from compare(paths)
    except ImportError:  # SudachiPy's core dictionary, looked for only when first used
        yield "segmentation: skipped (needs requirements-bench.txt; `make bench` installs it)"
