"""The judged relevance sets (tests/relevance/<lang>.yml) run through the
search core under node: the quick loop for tuning matching and ranking.

    python -m build_scripts.search.relevance [ja|en] [-v]

Builds the index of the real project into a temporary folder, runs every
query through docs/assets/search/core.js (build_scripts/search/relevance.mjs)
and prints recall@10, nDCG@10, precision, zero-hit and none per class, with
the failing queries (-v: every query's misses and strays). The benchmark
measures the same in Chromium on the built site; this loop skips the site.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

from ..pipeline import Paths, load
from .entries import document_records
from .index import build_index

ROOT = Path(__file__).resolve().parents[2]


def write_index(folder: Path, paths: Paths) -> list[str]:
    project = load(paths)
    documents = list(project.documents)
    for rel, content in build_index(documents, project.reference).items():
        target = folder / rel.removeprefix("assets/search/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return [r.ref for r in document_records(documents)]


def run(folder: Path, refs: list[str], lang: str) -> dict:
    data = yaml.safe_load((ROOT / "tests" / "relevance" / f"{lang}.yml").read_text(encoding="utf-8"))
    queries = folder / f"queries-{lang}.json"
    queries.write_text(json.dumps({"refs": refs, "queries": data["queries"]}, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(
        ["node", str(Path(__file__).with_name("relevance.mjs")), str(folder), str(queries), lang],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def summary(rows: list[dict]) -> str:
    judged = [r for r in rows if r["class"] != "none"]
    with_results = [r["precision"] for r in judged if r["precision"] is not None]
    none = [r for r in rows if r["class"] == "none"]
    return (
        f"n={len(judged):3d} recall@10={statistics.mean(r['recall'] for r in judged):.2f} "
        f"nDCG@10={statistics.mean(r['ndcg'] for r in judged):.2f} "
        f"precision={statistics.mean(with_results) if with_results else 0:.2f} "
        f"zero-hit={sum(r['zero'] for r in judged)} none={sum(r['correct'] for r in none)}/{len(none)}"
        if judged
        else f"none={sum(r['correct'] for r in none)}/{len(none)}"
    )


def report(result: dict, lang: str, verbose: bool) -> None:
    rows = result["rows"]
    print(
        f"[{lang}] all      {summary(rows)}  "
        f"({result['seconds']:.2f} s, median {statistics.median(r['ms'] for r in rows):.1f} ms)"
    )
    by_class = defaultdict(list)
    for r in rows:
        by_class[r["class"]].append(r)
    for name, group in sorted(by_class.items()):
        print(f"[{lang}] {name:14s} {summary(group)}")
    for r in rows:
        bad = r.get("correct") is False or r.get("zero") or (r.get("recall", 1) < 0.5)
        if verbose or bad:
            extra = (
                f"recall={r['recall']:.2f} ndcg={r['ndcg']:.2f} p={r['precision']}"
                if "recall" in r
                else f"returned={r['returned']}"
            )
            print(f"    {r['class']:12s} {r['query']!r:40s} {extra}")
            if verbose and "missed" in r:
                print(f"        missed: {' '.join(r['missed'][:8])}\n        wrong: {' '.join(r['wrong'][:8])}")


def main(argv: list[str]) -> None:
    langs = [a for a in argv if a in ("ja", "en")] or ["ja", "en"]
    with tempfile.TemporaryDirectory(prefix="search-loop-") as tmp:
        folder = Path(tmp)
        refs = write_index(folder, Paths(ROOT))
        for lang in langs:
            report(run(folder, refs, lang), lang, "-v" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
