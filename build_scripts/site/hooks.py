"""MkDocs hooks: generate the pages before MkDocs reads ``docs/``.

``mkdocs build`` and ``mkdocs serve`` need nothing run by hand: ``on_config``
runs the generator (serve reloads the config on every change, and ``watch``
in mkdocs.yml covers seeds/ and editorial/, so an edited data file shows up).
mkdocs-static-i18n builds each language with the same config, so the result
is reused while the inputs are unchanged.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_scripts.errors import PublicationError
from build_scripts.pipeline import Paths, load
from build_scripts.site.edit_links import EditLinks, page_source
from build_scripts.site.fingerprint import fingerprint
from build_scripts.site.generate import Generated, generate

log = logging.getLogger("mkdocs.hooks.build_scripts")
_cache: dict[str, tuple[str, Generated]] = {}


def on_config(config):
    paths = Paths(Path(config.config_file_path).resolve().parent)
    key = str(paths.root)
    stamp = fingerprint(paths)
    cached = _cache.get(key)
    if cached is None or cached[0] != stamp:
        try:
            result = generate(load(paths))
        except PublicationError as err:
            raise PluginError(f"build_scripts: the inputs have problems:\n{err}") from None
        _cache[key] = (stamp, result)
        _report(result)
    config.nav = _cache[key][1].nav
    return config


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
    cached = _cache.get(str(root))
    generated = bool(cached) and page.file.src_uri in cached[1].pages
    links = EditLinks(config.repo_url or "", config.edit_uri or "")
    source = page_source(page.meta, Path(page.file.abs_src_path), root, generated)
    page.edit_url = links.edit(source) if links.enabled and source else None
    return links.resolve(markdown)


@event_priority(-100)  # after the search plugin and mkdocs-static-i18n have written theirs
def on_post_build(config):
    """Material's search plugin must stay (it is what shows the search box),
    but its index, empty here, is neither needed nor fetched: remove it."""
    if config.extra.get("stock_search"):
        return
    shutil.rmtree(Path(config.site_dir) / "search", ignore_errors=True)


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
        "build_scripts: %d pages generated, %d written, %d removed", len(result.pages), result.written, result.removed
    )
