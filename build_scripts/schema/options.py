"""Options: small validators over YAML nodes, in the manner of MkDocs' config_options.

Each option takes a YAML node (with its position in the file) and returns the
value it stands for, or records a problem at the node's line and returns
``INVALID``. A whole file is validated before anything is used, every problem
collected, so a contributor sees all their mistakes at once, each at its line.

Values keep their line: text comes back as ``Text`` (a ``str`` with ``.line``),
mappings as ``Fields`` (a ``dict`` with ``.line`` and ``.lines`` per key), lists
as ``Items`` (a ``list`` with ``.line``), so that later checks (a passage that
does not exist, a term related to nothing) can name the line too.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem


class Text(str):
    """A string from a data file, with the line it stands on (0: made up)."""

    line: int = 0

    @classmethod
    def at(cls, value: str, line: int) -> Text:
        text = cls(value)
        text.line = line
        return text


class Fields(dict):
    """A validated mapping: its first line, the line of each key, its node."""

    line: int = 0
    lines: dict[str, int]
    node: yaml.Node | None = None

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class Items(list):
    """A validated list, with its first line."""

    line: int = 0


INVALID = object()  # what an option returns after recording a problem


@dataclass
class Context:
    """The file being validated and the problems found so far."""

    path: Path | str
    problems: list[Problem] = field(default_factory=list)

    def problem(self, node: yaml.Node | None, message: str) -> object:
        self.problems.append(Problem(self.path, message, line_of(node)))
        return INVALID


def line_of(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def describe(node: yaml.Node) -> str:
    """What a node is, for "must be X, not Y" messages."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    value = node.value
    return "nothing" if value == "" else f"'{value}'" if len(value) <= 40 else f"'{value[:37]}…'"


def _label(where: str, key: str) -> str:
    """How a field is named in a message: "term 'gpu': `short.ja`"."""
    return f"{where}: `{key}`" if where else f"`{key}`"


class Option:
    """A validator. ``where`` names the entry (``term 'gpu'``), ``key`` the field."""

    def load(self, node: yaml.Node, ctx: Context, where: str, key: str) -> Any:
        raise NotImplementedError


class Scalar(Option):
    """Plain text. ``empty``: whether "" is acceptable."""

    expected = "text"

    def __init__(self, empty: bool = False):
        self.empty = empty

    def load(self, node, ctx, where, key):
        if not isinstance(node, yaml.ScalarNode):
            return ctx.problem(node, f"{_label(where, key)} must be {self.expected}, not {describe(node)}")
        text = node.value.strip()
        if not text and not self.empty:
            return ctx.problem(node, f"{_label(where, key)} is empty")
        return self.convert(Text.at(text, line_of(node)), node, ctx, where, key)

    def convert(self, text: Text, node, ctx, where, key) -> Any:
        return text


class Integer(Scalar):
    expected = "a whole number"

    def convert(self, text, node, ctx, where, key):
        if not re.fullmatch(r"[+-]?\d+", text):
            return ctx.problem(node, f"{_label(where, key)} must be a whole number, not {describe(node)}")
        return int(text)


class Number(Scalar):
    expected = "a number"

    def convert(self, text, node, ctx, where, key):
        try:
            value = float(text.replace("_", ""))
        except ValueError:
            return ctx.problem(node, f"{_label(where, key)} must be a number, not {describe(node)}")
        if value != value or value in (float("inf"), float("-inf")):
            return ctx.problem(node, f"{_label(where, key)} must be a finite number, not {describe(node)}")
        return value


class Choice(Scalar):
    def __init__(self, choices: tuple[str, ...], listed: tuple[str, ...] | None = None):
        super().__init__()
        self.choices = choices
        self.listed = listed or choices  # the choices a message offers (some are set by the build)

    def convert(self, text, node, ctx, where, key):
        if text not in self.choices:
            close = difflib.get_close_matches(text, self.listed, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            return ctx.problem(
                node, f"{where + ': ' if where else ''}{key} '{text}' is not one of {', '.join(self.listed)}{hint}"
            )
        return text


class Pattern(Scalar):
    """Text that must match ``regex`` (a passage reference, a date, an id)."""

    def __init__(self, regex: str, what: str):
        super().__init__()
        self.regex = re.compile(regex)
        self.what = what

    def convert(self, text, node, ctx, where, key):
        if not self.regex.fullmatch(text):
            return ctx.problem(node, f"{_label(where, key)}: '{text}' is not {self.what}")
        return text


class Regex(Scalar):
    """A Python regular expression, compiled (``text=True``: checked, but kept as
    its text with its line, for a caller that reports where a pattern was written)."""

    def __init__(self, text: bool = False):
        super().__init__()
        self.text = text

    def convert(self, text, node, ctx, where, key):
        try:
            pattern = re.compile(text)
        except re.error as err:
            return ctx.problem(node, f"{_label(where, key)}: bad regular expression: {err}")
        return text if self.text else pattern


class Either(Option):
    """A value of the first option whose node kind fits (text or a mapping, say)."""

    def __init__(self, *options: Option):
        self.options = options

    def load(self, node, ctx, where, key):
        kinds = {Scalar: yaml.ScalarNode, ListOf: yaml.SequenceNode, Record: yaml.MappingNode}
        for option in self.options:
            wanted = next((kind for base, kind in kinds.items() if isinstance(option, base)), None)
            if wanted is not None and isinstance(node, wanted):
                return option.load(node, ctx, where, key)
        return self.options[-1].load(node, ctx, where, key)


class ListOf(Option):
    """A list of items of one option (a single scalar is refused, not guessed at)."""

    def __init__(self, item: Option, label: Callable[[Any, int], str] | None = None):
        self.item = item
        self.label = label  # names an item in messages, from its value and position

    def load(self, node, ctx, where, key):
        if not isinstance(node, yaml.SequenceNode):
            if isinstance(node, yaml.ScalarNode) and node.value == "":
                return _items([], node)  # `key:` with nothing after it: an empty list
            return ctx.problem(node, f"{_label(where, key)} must be a list, not {describe(node)}")
        values = []
        for index, child in enumerate(node.value, start=1):
            item_where = self.label(child, index) if self.label else where
            item_key = key if self.label else f"{key}[{index}]"
            value = self.item.load(child, ctx, item_where, "" if self.label else item_key)
            if value is not INVALID:
                values.append(value)
        return _items(values, node)


def _items(values: list, node: yaml.Node) -> Items:
    items = Items(values)
    items.line = line_of(node) or 0
    return items


@dataclass(frozen=True)
class Field:
    option: Option
    required: bool = False
    default: Any = None


class Record(Option):
    """A mapping with known keys: unknown keys are refused with a suggestion,
    required ones must be there, the others take their default."""

    def __init__(self, fields: dict[str, Field], label: Callable[[yaml.MappingNode, int], str] | None = None):
        self.fields = fields
        self.label = label

    def load(self, node, ctx, where, key):
        if not isinstance(node, yaml.MappingNode):
            what = f"{_label(where, key)} must" if key else f"{where + ': ' if where else ''}each entry must"
            return ctx.problem(node, f"{what} be a mapping ({', '.join(self.fields)}), not {describe(node)}")
        prefix = f"{key}." if key else ""
        values = Fields()
        values.line, values.lines, values.node = line_of(node) or 0, {}, node
        seen = {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if name in seen:
                ctx.problem(key_node, f"{_label(where, prefix + name)} appears twice (the first at line {seen[name]})")
                continue
            seen[name] = line_of(key_node)
            spec = self.fields.get(name)
            if spec is None:
                ctx.problem(key_node, unknown_key(where, prefix + name, name, self.fields))
                continue
            values.lines[name] = line_of(key_node) or values.line
            value = spec.option.load(value_node, ctx, where, prefix + name)
            if value is not INVALID:
                values[name] = value
        for name, spec in self.fields.items():
            if name in seen:
                continue
            if spec.required:
                ctx.problem(node, f"{_label(where, prefix + name)} is missing")
            else:
                values[name] = spec.default() if callable(spec.default) else spec.default
        return values


def unknown_key(where: str, full: str, name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    hint = f"; did you mean `{close[0]}`?" if close else f" (known keys: {', '.join(known)})"
    return f"{where + ': ' if where else ''}unknown key `{full}`{hint}"


class MapOf(Option):
    """A mapping from free keys (seed names, speaker labels) to values of one option."""

    def __init__(self, value: Option, label: Callable[[str], str] | None = None, key: Option | None = None):
        self.value = value
        self.label = label
        self.key = key

    def load(self, node, ctx, where, key):
        if not isinstance(node, yaml.MappingNode):
            if isinstance(node, yaml.ScalarNode) and node.value == "":
                values = Fields()
                values.line, values.lines = line_of(node) or 0, {}
                return values
            return ctx.problem(node, f"{_label(where, key)} must be a mapping, not {describe(node)}")
        values = Fields()
        values.line, values.lines = line_of(node) or 0, {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                ctx.problem(key_node, f"{_label(where, key)}: a key must be text, not {describe(key_node)}")
                continue
            name = Text.at(key_node.value, line_of(key_node))
            if name in values:
                ctx.problem(key_node, f"{_label(where, key)}: '{name}' appears twice")
                continue
            if self.key is not None and self.key.load(key_node, ctx, where, key) is INVALID:
                continue
            item_where = self.label(name) if self.label else where
            value = self.value.load(value_node, ctx, item_where, "" if self.label else f"{key}.{name}")
            if value is not INVALID:
                values[name] = value
                values.lines[name] = line_of(key_node) or 0
        return values
