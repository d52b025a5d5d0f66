"""MkDocs in process, one language site at a time, kept in memory, so that
the live preview (serve.py) can render one page again alone.

``build_language`` does what ``mkdocs build`` does (mkdocs.commands.build.build),
step by step, for one language of mkdocs-static-i18n, and keeps what a page
needs to be rendered again: the language's config, files, navigation and
theme environment. mkdocs-static-i18n is told which language to build and
that it is already building (so that it does not chain the other language).

It relies on MkDocs 1.6 internals, pinned in requirements.in and exercised
by tests/test_serve.py (the preview, after an edit, serves the bytes a
full build makes): ``mkdocs.commands.build._populate_page``, ``_build_page``,
``_build_theme_template``, ``_build_extra_template``; ``File._content`` (a
virtual page's Markdown) and a settable ``File.abs_dest_path``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs import utils
from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template, _populate_page
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

INCLUSION = InclusionLevel.is_in_serve  # as mkdocs serve: drafts are shown


@dataclass
class LanguageSite:
    """One language's site as built: what rendering a page again needs."""

    lang: str
    config: object
    files: Files
    nav: Navigation
    env: object
    doc_files: list[File] = field(default_factory=list)

    def file(self, path: str) -> File | None:
        """The file of a generated page (``documents/x.en.md``) on this site."""
        return self.files.src_uris.get(path)

    def render(self, file: File, markdown: str | None = None) -> None:
        """Render one page again (with new Markdown, for a virtual page) and
        write it atomically: the server may be reading the old one."""
        if markdown is not None:
            file._content = markdown
        page = file.page
        _populate_page(page, self.config, self.files)
        real = file.abs_dest_path
        temporary = f"{real}.preview"
        file.abs_dest_path = temporary
        try:
            _build_page(page, self.config, self.doc_files, self.nav, self.env)
        finally:
            file.abs_dest_path = real
        if os.path.exists(temporary):
            os.replace(temporary, real)


def build_language(config_file: Path, lang: str, site_dir: Path, clean: bool) -> LanguageSite:
    """Build the ``lang`` site into ``site_dir`` (the default language at its
    root, the others in their folders, as mkdocs-static-i18n places them),
    the same bytes as ``mkdocs build`` (its ``site_url`` kept, so canonical
    links are those of the published site)."""
    config = load_config(str(config_file), site_dir=str(site_dir))
    i18n = config.plugins["i18n"]
    i18n.current_language = lang
    i18n.building = True  # its on_post_build then builds no other language
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    if clean:
        utils.clean_directory(config.site_dir)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    for file in files.documentation_pages(inclusion=INCLUSION):
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
        _populate_page(file.page, config, files)
    env = config.plugins.on_env(env, config=config, files=files)
    files.copy_static_files(inclusion=INCLUSION)
    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)
    doc_files = files.documentation_pages(inclusion=INCLUSION)
    for file in doc_files:
        _build_page(file.page, config, doc_files, nav, env)
    config.plugins.on_post_build(config=config)
    for file in doc_files:  # rendering a page again reads and converts it again: keep only its Markdown
        file.page.markdown = file.page.content = None
    return LanguageSite(lang, config, files, nav, env, list(doc_files))
