"""Command line: ``python -m build_scripts <command>``.

The commands only parse arguments, call the logic and print; the logic
returns data. A user's mistake ends with its message and exit code 1, never a
traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import PublicationError
from .pipeline import Paths

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="generate the Markdown pages from seeds/ and editorial/")
    commands.add_parser("sync", help="update editorial/translations/ to the current seeds")
    commands.add_parser("check", help="translation QA: missing, stale, numbers, glossary, script, brackets…")
    site = commands.add_parser("site", help="build the full static site with the PDF book (all or nothing)")
    site.add_argument("--site-dir", type=Path, default=None, help="target folder (default: site/)")
    site.add_argument("--no-pdf", action="store_true", help="leave the PDF book out (a quicker build)")
    pdf = commands.add_parser("pdf", help="the publication as a PDF book (cover, contents, parallel text, index)")
    pdf.add_argument("--paper", default="a4", choices=["a4", "letter"], help="page size (default: a4)")
    pdf.add_argument("-o", "--output", type=Path, help="PDF file to write (default: site/altman-ai-infrastructure.pdf)")
    export = commands.add_parser("export", help="export the corpus")
    export.add_argument("--format", default="jsonl", choices=["jsonl"])
    export.add_argument("-o", "--output", type=Path, help="write to this file (default: standard output)")
    bench = commands.add_parser("bench", help="measure the generator and MkDocs on real and synthetic corpora")
    bench.add_argument("--sizes", default="1,10,100", help="corpus multiples to measure (default 1,10,100)")
    bench.add_argument("--repeat", type=int, default=3, help="runs per measurement (median is printed)")
    bench.add_argument("--no-search", action="store_true", help="skip the search comparison (ours vs stock)")
    args = parser.parse_args(argv)
    paths = Paths(args.root.resolve())
    try:
        return COMMANDS[args.command](paths, args)
    except PublicationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


def _build(paths: Paths, args) -> int:
    from .generate import generate

    result = generate(paths)
    for dropped in result.report.dropped:
        print(f"dropped boilerplate [{dropped.rule}] {dropped.doc}: {dropped.text}")
    for warning in result.report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{len(result.pages)} pages generated in docs/ ({result.written} written, {result.removed} removed)")
    return 1 if args.strict and result.report.warnings else 0


def _check(paths: Paths, args) -> int:
    from .check import run_checks

    findings = run_checks(paths)
    for finding in findings:
        print(finding)
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    print(f"check: {errors} errors, {warnings} warnings")
    return 1 if errors or (args.strict and warnings) else 0


def _site(paths: Paths, args) -> int:
    from .site import build_site

    target = build_site(paths, args.site_dir or paths.root / "site", pdf=not args.no_pdf)
    print(f"site built in {target}")
    return 0


def _pdf(paths: Paths, args) -> int:
    from .book import build_book
    from .render import PDF_NAME

    result = build_book(paths, args.output or paths.root / "site" / PDF_NAME, args.paper)
    print(f"{result.path}: {result.pages} pages, {result.size / 2**20:.1f} MiB, {result.seconds:.1f} s")
    return 0


def _sync(paths: Paths, args) -> int:
    from .sync import sync

    result = sync(paths)
    for path in result.written:
        print(f"updated {path}")
    print(f"{len(result.written)} translation files updated; {result.stale} stale, {result.obsolete} obsolete entries")
    return 0


def _export(paths: Paths, args) -> int:
    from .export import export_jsonl
    from .pipeline import load

    documents, _ = load(paths)
    text = export_jsonl(documents)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _bench(paths: Paths, args) -> int:
    from .bench import run

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    for line in run(paths, sizes, args.repeat):
        print(line, flush=True)
    if not args.no_search:
        from .bench import search_comparison

        print(flush=True)
        for line in search_comparison(paths):
            print(line, flush=True)
    return 0


COMMANDS = {
    "build": _build,
    "check": _check,
    "site": _site,
    "sync": _sync,
    "export": _export,
    "bench": _bench,
    "pdf": _pdf,
}

if __name__ == "__main__":
    sys.exit(main())
