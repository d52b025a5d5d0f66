"""The reference apparatus: glossary, topics, people, figures, timeline, and the passages each concerns.
May import: model, errors, files, schema, source."""
