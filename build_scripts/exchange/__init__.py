"""Exchange with other tools: the JSONL corpus, PO/XLIFF for CAT tools, TMX translation memory, TBX termbase.
May import: model, errors, files, schema, source, translation, reference, pipeline."""
