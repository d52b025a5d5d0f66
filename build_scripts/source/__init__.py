"""Reading and recognising the seeds: boilerplate, structure, the transcript, stable ids, text helpers.
May import: model, errors, files, schema."""
