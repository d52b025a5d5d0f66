"""Build the full static site atomically: into a temporary folder beside the
target, swapped in only when MkDocs and the PDFs (each document's, the book)
all succeeded, so a failed build never leaves a half-written site (the
previous one stays). The PDFs come from the cache where their inputs are
unchanged (book/build.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .book.build import build_pdfs
from .errors import PublicationError
from .pipeline import Paths, load


class SiteBuildError(PublicationError):
    """MkDocs failed; its output says why."""


def build_site(paths: Paths, target: Path, strict: bool = True, pdf: bool = True) -> Path:
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(staging)]
    if strict:
        command.append("--strict")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(command, cwd=paths.root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteBuildError(f"mkdocs build failed; {target} was left as it was.\n{result.stderr.strip()}")
    if pdf:
        try:
            build_pdfs(load(paths), staging, cache_dir=paths.cache)
        except BaseException as err:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(err, PublicationError):
                raise SiteBuildError(f"the PDFs failed; {target} was left as it was.\n{err}") from None
            raise
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target
