"""Search: the index our worker reads, its evaluation in the browser, comparisons with other engines.
May import: model, errors, files, schema, source, translation, reference, pipeline."""
