"""The generated pages as MkDocs virtual files (``File.generated``), one
language site at a time, as mkdocs-static-i18n would have made them from
files in ``docs/``.

mkdocs-static-i18n (1.3.x) localises the files in its own ``on_files``
(priority -100) and fails on a virtual file (it reads ``abs_src_path``,
which is None). So the hook adds ours after it (priority -110) and
localises each one with the plugin's own ``create_i18n_file`` (which makes a
new File from the path), then gives it back its content. These are the
plugin's internals: requirements.in pins it, and tests/test_site.py builds
the site with them (addresses, language switcher, sitemap).
"""

from __future__ import annotations

from mkdocs.structure.files import File, Files
from mkdocs_static_i18n.suffix import create_i18n_file

GENERATOR = "build_scripts"


def _file(config, src_uri: str, content: str | bytes, lang: str, i18n) -> File:
    file = create_i18n_file(
        File.generated(config, src_uri, content=content), lang, i18n.default_language, i18n.all_languages, config
    )
    file.abs_src_path = None  # create_i18n_file made a File of the docs/ folder: make it virtual again
    file._content = content
    file.generated_by = GENERATOR
    return file


def add_files(files: Files, pages: dict[str, str | bytes], config, i18n) -> list[File]:
    """Add the generated ``pages`` (docs-relative path -> content) to
    ``files`` for the language site being built: each page in that language
    (in the default language where it has no translation), with its
    alternates in the other languages; the other files (the search index)
    once, with the default language's site, at the site root. A file of the
    same path in docs/ gives way (and is returned, to be reported)."""
    lang = i18n.current_language or i18n.default_language
    variants: dict[str, dict[str, str]] = {}
    statics = []
    for path in pages:
        if path.endswith(".md"):
            base, _, code = path[: -len(".md")].rpartition(".")
            variants.setdefault(base, {})[code] = path
        elif lang == i18n.default_language:
            statics.append(path)
    added, shadowed = [], []
    for paths in variants.values():
        chosen = paths.get(lang) or paths[i18n.default_language]
        file = _file(config, chosen, pages[chosen], lang, i18n)
        for code in i18n.build_languages:
            if code != lang:
                other = paths.get(code) or paths[i18n.default_language]
                file.alternates[code] = _file(config, other, pages[other], code, i18n)
        added.append(file)
    for path in statics:
        added.append(File.generated(config, path, content=pages[path]))
        added[-1].generated_by = GENERATOR
    for file in added:
        existing = files.src_uris.get(file.src_uri)
        if existing is not None:
            files.remove(existing)
            shadowed.append(existing)
        files.append(file)
    listed = i18n.i18n_files_per_language.setdefault(lang, [])  # what the sitemap lists
    listed[:] = [f for f in listed if f not in shadowed] + [f for f in added if f.is_documentation_page()]
    return shadowed
