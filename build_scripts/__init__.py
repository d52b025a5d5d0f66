"""The publication generator: seeds and editorial data in, a bilingual site and books out.

The folders are the pipeline's stages, each importing only from the stages before it:

    model, errors, files      records (with Status), the error hierarchy, all file input/output
    schema/                   every editorial file declared once; validation with file and line
    source/                   read and recognise the seeds: boilerplate, structure, transcript, ids
    reference/                glossary, topics, people, figures, timeline: what concerns which passage
    translation/              translation files (catalogues), merge, sync, register, check, progress
    pipeline                  the orchestrator: Paths, and seeds + editorial data -> the Project, loaded once
    search/                   the search index, its evaluation and comparisons
    site/                     Markdown pages and the MkDocs hooks
    book/                     the PDF books
    publish                   the whole publication, site and books, all or nothing
    exchange/                 JSONL, PO, XLIFF, TMX, TBX
    __main__, bench           the command line and the benchmark
"""
