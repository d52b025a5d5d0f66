"""Translation files (catalogues) and document metadata; merge, sync, register, check, progress.
May import: model, errors, files, schema, source, reference."""
