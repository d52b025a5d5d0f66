"""The live preview (``make serve``): both language sites built once in
process, then kept up to date page by page while a contributor edits.

An edit of a translation file or of a seed's text (the set of seeds
unchanged) is a document edit, shown in two phases:

1. that document is read again (pipeline.reload) and its two pages are
   rendered again (Markdown, then HTML with MkDocs' own page build,
   live.py); the browser is told to reload as soon as they are written;
2. then what summarises every document: the reference apparatus, the
   reference, home, status and index pages, and the search index. The
   pages whose Markdown changed are rendered again, and the browser reloads
   once more if one did.

Anything else (documents.yml, the reference data, a seed added or removed,
a title, a date or kind that moves a document in the navigation, the
hand-written pages, mkdocs.yml, overrides, templates) rebuilds both sites
in process, still without a second process or a second MkDocs config
load per language. Code in build_scripts/ is not reloaded: restart.

The server is MkDocs' own (LiveReloadServer), with inotify instead of its
polling (a corpus of hundreds of files is not scanned ten times a second).
Showing phase 1 before phase 2 ends touches its epochs (``_wanted_epoch``,
``_visible_epoch``, ``_epoch_cond``): MkDocs 1.6 internals, pinned and
exercised by tests/test_serve.py.
"""

from __future__ import annotations

import logging
import shutil
import signal
import tempfile
import time
from pathlib import Path

import watchdog.observers
from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileMovedEvent,
)

from ..errors import PublicationError
from ..files import Cache, write_if_changed
from ..model import LANGS
from ..pipeline import Paths, reload
from .generate import current, generate, remember
from .live import LanguageSite, build_language
from .navigation import navigation
from .pages import PageCache, document_page
from .templating import load_ui
from .volumes import volume_files

log = logging.getLogger("mkdocs.build_scripts.serve")
WATCHED = ("seeds", "editorial", "docs", "overrides", "build_scripts")


CHANGES = [FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileMovedEvent, DirDeletedEvent, DirMovedEvent]


class ChangeObserver(watchdog.observers.Observer):
    """watchdog's native observer (inotify on Linux), told of changes only: a
    file written and closed (not each write: a half-written file is never
    read), created, deleted or moved; not a file opened or read, as every
    build reads them."""

    def schedule(self, handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(
            handler, path, recursive=recursive, event_filter=event_filter or CHANGES, follow_symlink=follow_symlink
        )


class Structural(Exception):
    """An edit that moves or renames pages: both sites are built again."""


def snapshot(paths: Paths) -> dict[str, tuple[int, int]]:
    """The inputs the preview follows: relative path -> (mtime, size)."""
    found = {}
    for part in WATCHED:
        folder = paths.root / part
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
                    stat = path.stat()
                    found[path.relative_to(paths.root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    config = paths.root / "mkdocs.yml"
    stat = config.stat()
    found["mkdocs.yml"] = (stat.st_mtime_ns, stat.st_size)
    return found


class Preview:
    def __init__(self, paths: Paths, site_dir: Path):
        self.paths, self.site_dir = paths, site_dir
        self.sites: dict[str, LanguageSite] = {}
        self.seen = snapshot(paths)

    def build(self) -> None:
        """Both sites from scratch."""
        start = time.perf_counter()
        self.seen = snapshot(self.paths)
        config = self.paths.root / "mkdocs.yml"
        self.sites = {}
        for lang in LANGS:  # the default language first: it clears the folder
            self.sites[lang] = build_language(config, lang, self.site_dir, clean=not self.sites)
        self.project, self.generated = current(self.paths)
        log.info("preview: both sites built in %.2f s", time.perf_counter() - start)

    def update(self, shown) -> bool:
        """Bring the sites up to date with the inputs; ``shown()`` once the
        edited pages are written. Returns whether pages changed since
        (or without) ``shown()``: the browsers should reload."""
        now = snapshot(self.paths)
        changed = {p for p in set(now) | set(self.seen) if now.get(p) != self.seen.get(p)}
        self.seen = now
        if not changed:
            return False
        start = time.perf_counter()
        try:
            names = self.documents_of(changed)
            if names is None:
                raise Structural()
            done = self.show_documents(names)
            shown()
            log.info("preview: %s shown in %.2f s", ", ".join(sorted(names)), time.perf_counter() - start)
            again = self.update_summaries(done)
            log.info("preview: up to date in %.2f s", time.perf_counter() - start)
            return again
        except Structural:
            self.build()
            return True
        except PublicationError as err:
            log.error("preview: the inputs have problems (the pages stay as they were):\n%s", err)
            return False

    def documents_of(self, changed: set[str]) -> set[str] | None:
        """The seeds whose document an edit concerns; None for any other edit."""
        seeds = {d.meta.name for d in self.project.documents}
        names = set()
        for path in changed:
            parts = Path(path).parts
            if parts[0] == "build_scripts" and path.endswith(".py"):
                log.warning("preview: %s changed: restart the preview to run the new code", path)
                return None
            if parts[0] == "seeds" and path.endswith(".txt") and Path(path).stem in seeds:
                if not (self.paths.root / path).exists():
                    return None  # a seed removed
                names.add(Path(path).stem)
            elif parts[:2] == ("editorial", "translations") and path.endswith(".yml") and Path(path).stem in seeds:
                names.add(Path(path).stem)
            else:
                return None
        return names

    def show_documents(self, names: set[str]) -> set[str]:
        """Phase 1: the edited documents' pages. Returns their paths."""
        before, project = self.project, reload(self.project, names, reference=False)
        for name in names:
            old, new = before.document(name), project.document(name)
            if new.meta.slug != old.meta.slug or any(new.title(lang) != old.title(lang) for lang in LANGS):
                raise Structural()  # the page moves, or its title in every page's navigation changes
        ui = load_ui()
        for lang in LANGS:
            if navigation(list(project.documents), project.reference, ui, lang) != self.generated.nav[lang]:
                raise Structural()  # a date or kind moved a document to another group
        cache, done = PageCache(Cache(self.paths.cache, "pages")), set()
        for name in sorted(names):
            doc = project.document(name)
            for lang in LANGS:
                path = f"documents/{doc.meta.slug}.{lang}.md"
                book = volume_files(project.documents)[doc.meta.name]
                markdown = document_page(doc, lang, project.reference.glossary, cache, book)
                if markdown != self.generated.pages.get(path):
                    self.sites[lang].render(self.sites[lang].file(path), markdown)
                done.add(path)
        self.project = project
        return done

    def update_summaries(self, done: set[str]) -> bool:
        """Phase 2: the reference apparatus, every page that summarises the
        documents, and the search index, as a full build makes them.
        Returns whether a page changed."""
        project = reload(self.project, set())
        result = generate(project)
        if set(result.pages) != set(self.generated.pages) or result.nav != self.generated.nav:
            raise Structural()
        pages = False
        for path, content in result.pages.items():
            if path in done or content == self.generated.pages[path]:
                continue
            if path.endswith(".md"):
                lang = path[: -len(".md")].rpartition(".")[2]
                self.sites[lang].render(self.sites[lang].file(path), content)
                pages = True
            else:  # the search index, once at the site root
                write_if_changed(self.site_dir / path, content)
        self.project, self.generated = project, result
        remember(project, result)
        return pages


def serve(paths: Paths, host: str, port: int, site_dir: Path | None = None) -> None:
    """Build, then serve on http://host:port/ until interrupted."""
    own = site_dir is None
    site_dir = Path(tempfile.mkdtemp(prefix="preview_")) if own else site_dir
    site_dir.mkdir(parents=True, exist_ok=True)
    preview = Preview(paths, site_dir)
    preview.build()
    server: LiveReloadServer

    def shown() -> None:  # the edited pages are written: let the browsers in
        with server._epoch_cond:
            server._visible_epoch = server._wanted_epoch
            server._epoch_cond.notify_all()

    def builder() -> None:
        try:
            again = preview.update(shown)
        except Exception:
            log.exception("preview: the update failed (the pages stay as they were)")
            again = False
        with server._epoch_cond:
            if again:  # pages changed since shown() (or without it): the browsers reload
                server._wanted_epoch = max(server._wanted_epoch, server._visible_epoch + 1)
            else:  # nothing more to show
                server._wanted_epoch = server._visible_epoch

    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir), polling_interval=0.1)
    server.build_delay = 0.02
    server.observer = ChangeObserver()
    server.error_handler = lambda code: _error_page(site_dir, code)
    for part in WATCHED:
        if (paths.root / part).is_dir():
            server.watch(str(paths.root / part))
    server.watch(str(paths.root), recursive=False)  # mkdocs.yml
    signal.signal(signal.SIGTERM, _interrupt)  # terminated: stop as on Ctrl-C (and remove the folder)
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        for site in preview.sites.values():
            site.config.plugins.on_shutdown()
        if own:
            shutil.rmtree(site_dir, ignore_errors=True)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
