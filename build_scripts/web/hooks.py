"""MkDocs hooks: the generated pages, without a file in ``docs/``.

``mkdocs build`` and ``mkdocs serve`` need nothing run by hand: ``on_config``
runs the generator (serve reloads the config on every change, and ``watch``
in mkdocs.yml covers seeds/ and editorial/, so an edited data file shows up)
and gives MkDocs the navigation of the language being built;
``on_files`` adds the pages and the search index as virtual files
(virtual.py). mkdocs-static-i18n builds each language with the same config,
so the result is reused while the inputs are unchanged; across runs, pages
come from the cache in ``.cache/`` (pages.py).
"""

from __future__ import annotations

import logging
import re
import shutil
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_scripts.errors import PublicationError
from build_scripts.pipeline import Paths
from build_scripts.web.edit_links import EditLinks, page_source
from build_scripts.web.generate import Generated, current, record_timing
from build_scripts.web.rawhtml import restore, stash
from build_scripts.web.virtual import add_files

log = logging.getLogger("mkdocs.hooks.build_scripts")
_reported: set[int] = set()
_stashed: dict[str, dict[str, str]] = {}  # a page's HTML blocks, from on_page_markdown to on_page_content


def generated(config) -> Generated:
    """The generated pages of the project of ``config``, made again only when an input changed."""
    paths = Paths(Path(config.config_file_path).resolve().parent)
    try:
        _, result = current(paths)
    except PublicationError as err:
        raise PluginError(f"build_scripts: the inputs have problems:\n{err}") from None
    if id(result) not in _reported:  # once per result, not once per language
        _reported.clear()
        _reported.add(id(result))
        _report(result)
    return result


def _language(config) -> str:
    i18n = config.plugins["i18n"]
    return i18n.current_language or i18n.default_language


def on_config(config):
    config.nav = generated(config).nav[_language(config)]
    return config


@event_priority(-110)  # after mkdocs-static-i18n (-100), which cannot take virtual files
def on_files(files, config):
    for file in add_files(files, generated(config).pages, config, config.plugins["i18n"]):
        log.warning("build_scripts: docs/%s is ignored: the generator makes that page (delete the file)", file.src_uri)
    return files


def on_page_markdown(markdown, page, config, files):
    """Our search indexes the pages itself (build_scripts/search/index.py);
    Material's own index is not used: every page is left out of it, and
    on_post_build removes the empty file the search plugin still writes.
    ``extra.stock_search: true`` keeps Material's stock search, for comparison.

    Edit links: "edit this page" opens the file the page is made from (for a
    generated page, its data, never the generated Markdown), and each
    passage's pencil its lines in the translation file (see edit_links.py)."""
    if not config.extra.get("stock_search"):
        page.meta["search"] = {"exclude": True}
    root = Path(config.config_file_path).resolve().parent
    links = EditLinks(config.repo_url or "", config.edit_uri or "")
    src = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    source = page_source(page.meta, src, root, page.file.generated_by is not None)
    page.edit_url = links.edit(source) if links.enabled and source else None
    markdown = links.resolve(markdown)
    if page.file.generated_by is not None:  # its HTML blocks skip Markdown (rawhtml.py)
        markdown, _stashed[page.file.src_uri] = stash(markdown)
    return markdown


@event_priority(100)  # before any plugin reads the page's HTML
def on_page_content(html, page, config, files):
    return restore(html, _stashed.pop(page.file.src_uri, {}))


_SIDEBARS = re.compile(r'<div class="md-sidebar md-sidebar--primary".*?(?=<div class="md-content")', re.S)


def on_post_page(output, page, config):
    """The sidebars (the navigation, the page's contents) without the
    indentation of Material's templates: a run of white space is one space
    to a browser there (no preformatted text), and every page carries them."""
    return _SIDEBARS.sub(lambda m: re.sub(r"\s+", " ", m[0]), output, count=1)


@event_priority(-100)  # after the search plugin and mkdocs-static-i18n have written theirs
def on_post_build(config):
    """Material's search plugin must stay (it is what shows the search box),
    but its index, empty here, is neither needed nor fetched: remove it."""
    if not config.extra.get("stock_search"):
        shutil.rmtree(Path(config.site_dir) / "search", ignore_errors=True)
    record_timing(end=time.time())  # for the benchmark: when each language's build ended


def _report(result: Generated) -> None:
    if result.report.dropped:
        rules = sorted({d.rule for d in result.report.dropped})
        log.info(
            "build_scripts: dropped %d boilerplate lines (%s); see editorial/boilerplate.yml",
            len(result.report.dropped),
            ", ".join(rules),
        )
    for warning in result.report.warnings:
        log.warning("build_scripts: %s", warning)
    log.info(
        "build_scripts: %d pages generated (%d rendered, %d from the cache)",
        len(result.pages),
        result.rendered,
        result.reused,
    )
