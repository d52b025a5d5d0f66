"""All file input and output, with explicit encodings.

Seeds are decoded strictly (UTF-8, optional BOM); anything else is refused
with an error naming the file (data files are parsed and validated by
schema/). Writes are
atomic per file and skipped when the content is unchanged, so a running
``mkdocs serve`` is not woken up for nothing.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, fail
from .model import Seed

BOM = "\ufeff"
# The data files hold only text, lists and mappings, so every scalar is read
# as a string (no implicit dates, numbers or booleans: "NO" stays "NO", a
# date stays as written). libyaml's parser, which PyYAML's wheels ship, is
# ~10x faster than the pure-Python one and reports the same marks.
YAML_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def decode_seed(path: Path, raw: bytes) -> str:
    """Decode a seed's bytes or raise an error that names the file."""
    if not raw.strip():
        raise fail(path, "empty seed: the file has no text (delete it or add its text)")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(path, "UTF-16 text: save the seed as UTF-8")
    if b"\x00" in raw:
        raise fail(path, "binary file, not text: seeds must be UTF-8 text files")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise fail(
            path,
            f"not valid UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}); save the seed as UTF-8",
            line,
        ) from None
    text = text.removeprefix(BOM)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_seed(path: Path) -> Seed:
    raw = path.read_bytes()
    return Seed(
        name=path.stem,
        path=str(path),
        text=decode_seed(path, raw),
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def read_seeds(folder: Path) -> list[Seed]:
    """Read every ``*.txt`` in ``folder``; collect all problems before failing."""
    seeds, problems = [], []
    for path in sorted(folder.glob("*.txt")):
        try:
            seeds.append(read_seed(path))
        except InputError as err:
            problems.extend(err.problems)
    if problems:
        raise InputError(problems)
    if not seeds:
        raise fail(folder, "no seeds: the folder holds no .txt source texts")
    return seeds


def read_text(path: Path) -> str:
    """A UTF-8 text file (data, templates); anything else names the file."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raw = path.read_bytes()
        line = raw[: err.start].count(b"\n") + 1
        raise fail(path, f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8", line) from None
    except OSError as err:
        raise fail(path, f"cannot be read: {err.strerror}") from None


class _BlockDumper(yaml.SafeDumper):
    """Dumps long or multi-line strings as literal blocks, for readable diffs."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if ("\n" in value or len(value) > 60) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str_representer)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=4096)


def write_if_changed(path: Path, content: str | bytes, current: str | bytes | None = None) -> bool:
    """Atomically write ``content`` (text, or bytes as they are) unless the file
    already holds it (``current``: its content as already read, so that it is
    not read again)."""
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    if current is None and path.exists():
        current = path.read_bytes()
    if (current.encode("utf-8") if isinstance(current, str) else current) == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)
    return True


def sync_tree(root: Path, files: dict[str, str]) -> tuple[int, int]:
    """Make ``root`` hold exactly ``files`` (relative path -> text).

    Everything is prepared by the caller before this is called, so an error
    in the inputs never leaves a half-written tree. Returns (written, removed).
    """
    written = sum(write_if_changed(root / rel, text) for rel, text in sorted(files.items()))
    removed = 0
    if root.exists():
        for path in sorted(root.rglob("*"), reverse=True):
            rel = path.relative_to(root).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, removed


class Cache:
    """A content-keyed store in an ignored folder (``Paths.cache``, ``.cache/``).

    A value is stored under a hash of everything that shapes it (its inputs and
    the code that makes it, see ``code_hash``), so a changed input is simply a
    different key: the cache can be stale-free without ever being cleared. It
    survives between runs, and CI may keep it between jobs. Writes are atomic,
    so an interrupted build leaves no half-written entry.
    """

    def __init__(self, folder: Path, namespace: str):
        self.folder = folder / namespace

    @staticmethod
    def key(*parts: str | bytes) -> str:
        digest = hashlib.sha256()
        for part in parts:
            data = part if isinstance(part, bytes) else part.encode("utf-8")
            digest.update(len(data).to_bytes(8, "little") + data)  # unambiguous: a/bc != ab/c
        return digest.hexdigest()

    @staticmethod
    def digest(value: Any, brief: dict[type, Callable[[Any], Any]] | None = None) -> str:
        """A hash of a value of the model (dataclasses, mappings, sequences,
        enums, text, numbers): of its pickle, which holds all of it, so that
        two values with one key are equal. The same in every process as long
        as the value holds no set (a set's order changes from process to
        process: a key that changes is a miss, never a wrong hit; the model
        holds none). ``brief``: for some types, the part of a value that
        counts (a document named in a list of passages: its name and titles,
        not its whole text)."""
        buffer = io.BytesIO()
        _Pickler(buffer, brief or {}).dump(value)
        return hashlib.sha256(buffer.getvalue()).hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str) -> bytes | None:
        try:
            return self.path(key).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, key: str, data: bytes) -> None:
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)


class _Pickler(pickle.Pickler):
    def __init__(self, buffer, brief: dict[type, Callable[[Any], Any]]):
        super().__init__(buffer, protocol=5)
        self.brief = brief

    def reducer_override(self, obj):
        if type(obj) in self.brief:
            return _Brief, (type(obj).__name__, self.brief[type(obj)](obj))
        return NotImplemented


class _Brief(tuple):
    """What a value of a ``brief`` type counts as, in a digest."""


def code_hash(*folders: Path) -> str:
    """A hash of the source files (Python, templates, data) under ``folders``:
    part of a cache key, so that a change of the code that makes a value
    makes a new key."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
