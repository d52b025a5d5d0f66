"""All file input and output, with explicit encodings.

Seeds are decoded strictly (UTF-8, optional BOM); anything else is refused
with an error naming the file. YAML errors carry file and line. Writes are
atomic per file and skipped when the content is unchanged, so a running
``mkdocs serve`` is not woken up for nothing.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem, fail
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


def text_of(value: Any) -> str:
    """A YAML value as stripped text ("" for nothing)."""
    return "" if value is None else str(value).strip()


def read_yaml(path: Path, default: Any = None) -> Any:
    """Load a YAML file; a syntax error names the file and line."""
    return read_yaml_marked(path, default).data


@dataclass(frozen=True)
class MarkedYaml:
    """A YAML file's data with its node tree, to tell where each entry is."""

    data: Any
    node: yaml.Node | None = None
    lines: tuple[str, ...] = ()

    def span(self, node: yaml.Node) -> tuple[int, int]:
        """First and last line (1-based) of a node's text, without the blank
        or comment lines a block scalar's end mark runs over."""
        first = node.start_mark.line + 1
        last = node.end_mark.line + (1 if node.end_mark.column else 0)
        while last > first and (not self.lines[last - 1].strip() or self.lines[last - 1].lstrip().startswith("#")):
            last -= 1
        return first, max(first, last)


def read_yaml_marked(path: Path, default: Any = None) -> MarkedYaml:
    """Load a YAML file with its node tree (one parse; a syntax error names
    the file and line)."""
    if not path.exists():
        return MarkedYaml(default)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise fail(path, "not valid UTF-8") from None
    loader = YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(x for x in (err.context, err.problem) if x)
        raise InputError([Problem(path, f"invalid YAML: {what}", line)]) from None
    finally:
        loader.dispose()
    return MarkedYaml(data, node, tuple(text.split("\n")))


def mapping_items(node: yaml.Node | None) -> dict[str, yaml.Node]:
    """A mapping node's values by (string) key; empty for anything else."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): value for key, value in node.value}


class _BlockDumper(yaml.SafeDumper):
    """Dumps long or multi-line strings as literal blocks, for readable diffs."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if ("\n" in value or len(value) > 60) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str_representer)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=4096)


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Atomically write ``content`` (text, or bytes as they are) unless the file already holds it."""
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
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
