"""The editorial data files, each declared once (keys, types, allowed values), validated with exact lines.
May import: model, errors, files."""
