"""A cheap fingerprint of every input, to skip work when nothing changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..pipeline import Paths


def input_files(paths: Paths) -> list[Path]:
    folders = [paths.seeds, paths.editorial, paths.docs, Path(__file__).parent / "templates"]
    return sorted(p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file())


def fingerprint(paths: Paths) -> str:
    digest = hashlib.sha256()
    for path in input_files(paths):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
