"""Command line: ``python -m build_scripts <command>``.

The commands only parse arguments, call the logic and print; the logic
returns data. A user's mistake ends with its message and exit code 1, never a
traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import InputError, PublicationError
from .exchange.cat import FORMATS, IMPORT_FORMATS
from .pipeline import Paths, load

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build",
        help="export the Markdown MkDocs reads (docs/ and the generated pages) into a folder, for Zensical or "
        "to read it; mkdocs build and serve need no export (they get the generated pages in memory)",
    )
    build.add_argument("-o", "--output", type=Path, default=None, help="the folder (default: generated/)")
    commands.add_parser("sync", help="update editorial/translations/ to the current seeds")
    commands.add_parser("check", help="translation QA: missing, stale, numbers, glossary, script, brackets…")
    site = commands.add_parser("site", help="build the full static site with the PDF book (all or nothing)")
    site.add_argument("--site-dir", type=Path, default=None, help="target folder (default: site/)")
    site.add_argument("--no-pdf", action="store_true", help="leave the PDF book out (a quicker build)")
    pdf = commands.add_parser("pdf", help="the PDFs: each document's and the book (contents, parallel text, index)")
    pdf.add_argument("--paper", default="a4", choices=["a4", "letter"], help="page size (default: a4)")
    pdf.add_argument("--site-dir", type=Path, help="where to write them (default: site/; documents' PDFs in pdf/)")
    pdf.add_argument("--document", help="only this document's PDF (its seed's name or slug), written to -o")
    pdf.add_argument("-o", "--output", type=Path, help="with --document: the PDF file to write")
    export = commands.add_parser(
        "export",
        help="export for CAT tools and reuse: jsonl (corpus), po or xliff (to translate), tmx (aligned "
        "corpus as translation memory), tbx (the glossary)",
    )
    export.add_argument("--format", default="jsonl", choices=FORMATS)
    export.add_argument("-o", "--output", type=Path, help="write to this file (default: standard output)")
    imp = commands.add_parser("import", help="take translations back from a PO or XLIFF file")
    imp.add_argument("file", type=Path, help="the translated .po, .xlf or .xliff file")
    imp.add_argument("--format", choices=IMPORT_FORMATS, help="the file's format (default: from its extension)")
    new = commands.add_parser("new", help="register a source text: its metadata entry and translation file")
    new.add_argument("seed", type=Path, help="the text, already copied into seeds/ (e.g. seeds/005_x.txt)")
    look = commands.add_parser("preview", help="what the parser recognises in a text, line by line, before publishing")
    look.add_argument("seed", type=Path, help="the text (in seeds/ or not yet, e.g. ~/new-article.txt)")
    commands.add_parser("status", help="what remains to translate, per document")
    serve = commands.add_parser(
        "serve", help="the live preview: build both sites, serve them, show an edit within a second (make serve)"
    )
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port to serve on (default 127.0.0.1:8000)")
    serve.add_argument("--site-dir", type=Path, default=None, help="build into this folder (default: a temporary one)")
    yml = commands.add_parser("check-yaml", help="YAML syntax of data files, with file and line (pre-commit)")
    yml.add_argument("files", nargs="*", type=Path, help="files to read (default: every editorial/**/*.yml)")
    bench = commands.add_parser("bench", help="measure the generator and MkDocs on real and synthetic corpora")
    bench.add_argument("--sizes", default="1,10,100", help="corpus multiples to measure (default 1,10,100)")
    bench.add_argument("--no-pdf", action="store_true", help="make site without the PDFs (site --no-pdf)")
    bench.add_argument(
        "--no-search", action="store_true", help="skip the search benchmark (ours, stock Material, Pagefind)"
    )
    args = parser.parse_args(argv)
    paths = Paths(args.root.resolve())
    try:
        return COMMANDS[args.command](paths, args)
    except InputError as err:  # each problem on its line, its file as a contributor names it
        for problem in err.problems:
            where = paths.relative(problem.path) + (f":{problem.line}" if problem.line else "")
            print(f"error: {where}: {problem.message}", file=sys.stderr)
        return 1
    except PublicationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


def _build(paths: Paths, args) -> int:
    from .web.generate import export, generate, remove_legacy_pages

    remove_legacy_pages(paths.docs)
    result = generate(load(paths))
    target = args.output or paths.root / "generated"
    written, removed = export(paths, result, target)
    for dropped in result.report.dropped:
        print(f"dropped boilerplate [{dropped.rule}] {dropped.doc}: {dropped.text}")
    for warning in result.report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"{len(result.pages)} pages generated ({result.rendered} rendered, {result.reused} from the cache); "
        f"docs/ and the generated pages exported to {paths.relative(target)} ({written} written, {removed} removed)"
    )
    return 1 if args.strict and result.report.warnings else 0


def _check(paths: Paths, args) -> int:
    from .translation.check import input_findings, run_checks

    try:
        findings = run_checks(load(paths))
    except InputError as err:  # listed like every other finding, so a contributor sees one list
        findings = input_findings(err, paths)
    for finding in findings:
        print(finding)
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    print(f"check: {errors} errors, {warnings} warnings")
    return 1 if errors or (args.strict and warnings) else 0


def _site(paths: Paths, args) -> int:
    from .publish import build_site

    target = build_site(paths, args.site_dir or paths.root / "site", pdf=not args.no_pdf)
    print(f"site built in {target}")
    return 0


def _pdf(paths: Paths, args) -> int:
    from .book.build import build_document, build_pdfs

    if args.document:
        output = args.output or paths.site / "pdf" / f"{args.document}.pdf"
        written = build_document(load(paths), args.document, output, args.paper)
        print(f"{written.path}: {written.pages} pages, {written.size / 2**20:.1f} MiB")
        return 0
    report = build_pdfs(load(paths), args.site_dir or paths.site, args.paper)
    print("\n".join(report.lines()))
    return 0


def _sync(paths: Paths, args) -> int:
    from .translation.sync import sync

    result = sync(load(paths))
    for move in result.moves:
        print(f"moved {move}")
    for path in result.written:
        print(f"updated {path}")
    print(f"{len(result.written)} translation files updated; {result.stale} stale, {result.obsolete} obsolete entries")
    return 0


def _export(paths: Paths, args) -> int:
    from .exchange.cat import export

    data = export(load(paths), args.format)
    if args.output:
        args.output.write_bytes(data)
        print(f"{args.format} export written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


def _import(paths: Paths, args) -> int:
    from .exchange.cat import import_file

    result = import_file(load(paths), args.file, args.format)
    for path in sorted(set(result.changed) | set(result.confirmed)):
        changed, confirmed = result.changed.get(path, []), result.confirmed.get(path, [])
        if changed:
            print(f"{path}: {len(changed)} translation(s) changed: {', '.join(changed)}")
        if confirmed:
            print(f"{path}: {len(confirmed)} draft or stale translation(s) confirmed: {', '.join(confirmed)}")
    changed = sum(len(ids) for ids in result.changed.values())
    confirmed = sum(len(ids) for ids in result.confirmed.values())
    print(f"import: {result.units} units read, {changed} changed, {confirmed} confirmed, the rest unchanged")
    if changed or confirmed:
        print("next: python -m build_scripts check, then review the diff (git diff editorial/translations)")
    return 0


def _new(paths: Paths, args) -> int:
    from .source.preview import preview
    from .translation.register import register

    result = register(load(paths), args.seed, reload=lambda: load(paths))
    print(f"{result.metadata}: added an entry for {result.name}; fill in its empty fields")
    verb = "created" if result.created else "brought up to date"
    print(f"{result.catalog}: {verb}, {result.segments} passages, {result.pending} to translate")
    print()
    for line in preview(load(paths), args.seed):
        print(line)
    print()
    print("next: check the structure above (correct a guess under structure: in documents.yml), translate in")
    print("that file (or export --format po), then python -m build_scripts check")
    return 0


def _preview(paths: Paths, args) -> int:
    from .source.preview import preview

    for line in preview(load(paths), args.seed):
        print(line)
    return 0


def _check_yaml(paths: Paths, args) -> int:
    from .files import read_text
    from .schema.editorial import declaration, parse, validate

    files = args.files or sorted(paths.editorial.rglob("*.yml"))
    problems = []
    for path in files:
        schema = declaration(Path(path))
        try:  # each file against its declaration; YAML syntax alone for others
            validate(path, read_text(path), schema) if schema else parse(path, read_text(path))
        except InputError as err:
            problems.extend(err.problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"check-yaml: {len(files)} files, {len({p.path for p in problems})} with errors")
    return 1 if problems else 0


def _status(paths: Paths, args) -> int:
    import textwrap

    from .translation.progress import overall, progress

    documents = load(paths).documents
    for doc in progress(documents):
        counts = ", ".join(f"{n} {status}" for status, n in doc.counts.items())
        print(f"{doc.name} ({doc.slug}) {doc.catalog or 'no translation file yet: run sync'}")
        print(f"  {doc.total} passages: {counts}; coverage {doc.coverage}%")
        for status, ids in doc.todo.items():
            print(
                textwrap.fill(
                    ", ".join(ids), 100, initial_indent=f"  {status} ({len(ids)}): ", subsequent_indent="    "
                )
            )
    total, _, share = overall(documents)
    print(f"all documents: {total} passages, coverage {share}%")
    return 0


def _serve(paths: Paths, args) -> int:
    import logging

    from .web.serve import serve

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    host, _, port = args.dev_addr.rpartition(":")
    serve(paths, host or "127.0.0.1", int(port), args.site_dir)
    return 0


def _bench(paths: Paths, args) -> int:
    from .bench import run

    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    for line in run(paths, sizes, pdf=not args.no_pdf, search=not args.no_search):
        print(line, flush=True)
    return 0


COMMANDS = {
    "build": _build,
    "check": _check,
    "site": _site,
    "sync": _sync,
    "export": _export,
    "import": _import,
    "new": _new,
    "preview": _preview,
    "status": _status,
    "check-yaml": _check_yaml,
    "bench": _bench,
    "serve": _serve,
    "pdf": _pdf,
}

if __name__ == "__main__":
    sys.exit(main())
