"""The web site: Markdown pages (documents, reference pages, home, status), MkDocs hooks, the site build.
May import: model, errors, files, schema, source, translation, reference, pipeline, search."""
