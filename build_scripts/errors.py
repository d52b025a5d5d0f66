"""The project's small exception hierarchy.

Every error a user can cause (a broken seed, a broken data file) is a
``PublicationError`` carrying the file, the line when known, and what to do.
The CLI and the MkDocs hook catch it once, print it, and stop: no traceback
for a user's mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class PublicationError(Exception):
    """Base class: something in the inputs prevents a correct build."""


@dataclass(frozen=True)
class Problem:
    """One finding about one input file."""

    path: Path | str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class InputError(PublicationError):
    """One or more input files are unusable; all problems are collected."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def fail(path: Path | str, message: str, line: int | None = None) -> InputError:
    """Shorthand for an error about a single file."""
    return InputError([Problem(path, message, line)])
