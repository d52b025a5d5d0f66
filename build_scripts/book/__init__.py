"""The PDF books (WeasyPrint): chapters, index, layout.
May import: model, errors, files, schema, source, translation, reference, pipeline, web (cells and templates)."""
