"""The Jinja2 environment of the generated pages and the interface strings.

Templates are autoescaped and strict: source text is only ever a value, and a
missing value is an error, not an empty string.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .escape import attribute, html_text

TEMPLATES = Path(__file__).parent / "templates"
NUMBER_WORDS = "No One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve".split()


UI = TEMPLATES / "ui.yml"


def load_ui() -> dict[str, dict[str, str]]:
    """The interface strings, read again whenever ui.yml changes (``mkdocs serve`` lives on)."""
    stat = UI.stat()
    return _read_ui(stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=1)
def _read_ui(mtime_ns: int, size: int) -> dict[str, dict[str, str]]:
    return yaml.safe_load(UI.read_text(encoding="utf-8"))


@functools.cache
def environment(folder: Path = TEMPLATES) -> Environment:
    """The environment for the templates in ``folder`` (the book has its own folder)."""
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["html"] = html_text  # escapes, keeps line breaks, links web addresses
    env.filters["number_word"] = lambda n: NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)
    env.filters["attr"] = attribute
    return env
