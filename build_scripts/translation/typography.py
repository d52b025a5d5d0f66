"""House style for the edition's English (``check``, ``[typography]``).

The rules, written out for contributors in CONTRIBUTING ("House style for the
English"):

- quotation marks are curly: “…”, and ‘…’ only for a quotation inside one;
- the apostrophe is ’, never ';
- a parenthetical dash is a spaced en dash ( – ); a range is an unspaced en
  dash (2025–2030, Q1–Q27), as is a link between equals (human–computer);
  no em dash, no hyphen or double hyphen as a dash;
- the ellipsis is one character, …;
- dates are written 19 March 2026, not 2026-03-19 or March 19, 2026.

Only the edition's own English is checked: translations of Japanese passages
(through ``check``'s per-passage checks, so an entry can ``allow`` an
exception with a reason) and every English text of the editorial data files
(``en:`` of editor's notes, the glossary, people, topics, figures, timeline,
documents). Lists under ``en:`` are forms matched against the texts as they
are written (the transcript's straight apostrophes included), so they are
not checked. URLs, @handles and Japanese quoted in the English are left as
they are.
"""

from __future__ import annotations

import re

from ..source.text import URL

CHECK = "typography"
CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
HANDLE = re.compile(r"(?<![\w@])@\w+")
MAX_EXCERPTS = 3
MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
# A numbered thing with a letter prefix, the same on both ends of a range (Q1–Q27, H100–H200);
# lower-case ids with a hyphen (q15-a1, t1207-2) are not ranges.
PREFIXED = r"(?<![\w-])(?P<prefix>[A-Z]{1,3})\d+DASH(?P=prefix)\d+(?![\w-])"

# (pattern, what is wrong, how to fix it). A pattern's match is what the
# message quotes (with the word around it).
RULES: tuple[tuple[re.Pattern, str, str], ...] = (
    (re.compile(r"(?<=\w)'(?=\w)"), "a straight apostrophe", "write ’ (Altman’s, don’t)"),
    (
        re.compile(r"'"),
        "a straight single quote",
        "write “…” for a quotation (‘…’ only inside one) and ’ for an apostrophe",
    ),
    (re.compile(r'"'), "a straight double quote", "write “…” (and ‘…’ for a quotation inside it)"),
    (re.compile(r"(?<=[A-Za-z])[‘`´](?=[A-Za-z])"), "‘ or ` used as an apostrophe", "write ’"),
    (
        re.compile(rf"(?<![{CJK}])[—―](?![{CJK}])"),
        "an em dash",
        "write a spaced en dash ( – ) for a parenthetical dash, an unspaced en dash (–) for a range",
    ),
    (re.compile(r"\s-{1,2}\s|(?<=\w)--(?=\w)"), "a hyphen used as a dash", "write a spaced en dash ( – )"),
    (
        re.compile(r"(?<=\S)–\s|\s–(?=\S)"),
        "an en dash spaced on one side only",
        "space it on both sides ( – ) for a parenthetical dash, or close it up for a range (5–10)",
    ),
    (
        re.compile(r"(?<=\d) – (?=\d)|" + PREFIXED.replace("DASH", " – ")),
        "a range with spaces around its dash",
        "close it up (5–10, Q1–Q27)",
    ),
    (
        re.compile(r"(?<![\w.,-])\d+(?:[.,]\d+)*-\d+(?:[.,]\d+)*(?![\w-])|" + PREFIXED.replace("DASH", "-")),
        "a range with a hyphen",
        "write an unspaced en dash (5–10, Q1–Q27)",
    ),
    (re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])"), "a date written 2026-03-19", "write 19 March 2026"),
    (
        re.compile(rf"\b(?:{MONTH}) \d{{1,2}}(?:st|nd|rd|th)?(?:, \d{{4}})?(?!\w)"),
        "a date written March 19, 2026",
        "write 19 March 2026",
    ),
    (re.compile(r"\.\.\.|\. \. \."), "three full stops", "write the ellipsis …"),
    (
        re.compile(r"“\s"),
        "an opening quote “ before a space",
        "close it up (“word”), or write ” if it closes a quotation",
    ),
    (
        re.compile(r"\s”"),
        "a closing quote ” after a space",
        "close it up (“word”), or write “ if it opens a quotation",
    ),
    (
        re.compile(r"(?<=[A-Za-z0-9.,;:!?])“"),
        "an opening quote “ straight after a word",
        "add a space before it (said “word”), or write ” if it closes a quotation",
    ),
    (
        re.compile(r"”(?=[A-Za-z0-9])"),
        "a closing quote ” straight before a word",
        "add a space after it (“word” said), or write “ if it opens a quotation",
    ),
)


def problems(text: str) -> list[tuple[str, str]]:
    """(check, message) for each house-style rule the English text breaks,
    quoting the first places where it does."""
    plain = _mask(text)
    found = []
    for pattern, what, fix in RULES:
        spans = [m.span() for m in pattern.finditer(plain)]
        if spans:
            found.append((CHECK, _message(text, spans, what, fix)))
        plain = _blank(plain, spans)  # a mark is reported by the first rule it breaks
    found.extend(_nesting_problems(text, plain))
    return found


def _nesting_problems(text: str, plain: str) -> list[tuple[str, str]]:
    """A quotation inside a quotation takes single quotes; single quotes
    outside one are a quotation that should be double."""
    nested, outside, depth = [], [], 0
    for index, char in enumerate(plain):
        if char == "“":
            if depth:
                nested.append((index, index + 1))
            depth += 1
        elif char == "”":
            depth = max(depth - 1, 0)
        elif char == "‘" and not depth:
            outside.append((index, index + 1))
    found = []
    if nested:
        found.append((CHECK, _message(text, nested, "double quotes inside a quotation", "write ‘…’ inside “…”")))
    if outside:
        found.append(
            (CHECK, _message(text, outside, "single quotes outside a quotation", "write “…” (‘…’ only inside one)"))
        )
    return found


def _mask(text: str) -> str:
    """The text with URLs and @handles blanked out (same length, so that
    positions still point into the original)."""
    for pattern in (URL, HANDLE):
        text = pattern.sub(lambda m: "x" * len(m.group()), text)
    return text


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Marks already reported, replaced by a character no rule looks at."""
    for start, end in spans:
        text = text[:start] + "\0" * (end - start) + text[end:]
    return text


def _message(text: str, spans: list[tuple[int, int]], what: str, fix: str) -> str:
    excerpts = list(dict.fromkeys(_excerpt(text, start, end) for start, end in spans))
    shown = ", ".join(f"«{e}»" for e in excerpts[:MAX_EXCERPTS])
    more = f" and {len(excerpts) - MAX_EXCERPTS} more" if len(excerpts) > MAX_EXCERPTS else ""
    count = f" ({len(spans)}×)" if len(spans) > 1 else ""
    return f"{what}{count} in {shown}{more}: {fix}"


def _excerpt(text: str, start: int, end: int, width: int = 16) -> str:
    """The mark with the words around it (whole words), on one line."""
    left = text[max(0, start - width) : start]
    if start > width and " " in left:
        left = left[left.index(" ") + 1 :]
    right = text[end : end + width]
    if end + width < len(text) and " " in right:
        right = right[: right.rindex(" ")]
    return f"{left}{text[start:end]}{right}".replace("\n", " ").strip()


def english_in_data(data) -> list[tuple[int, str, str, str]]:
    """(line, id, field, text) of every text directly under an ``en:`` key of a
    validated data file (schema.options.Fields, Items, Text): ``id`` is the
    enclosing entry's id (if any), ``field`` the keys from that entry to the
    text (``notes.en``, ``definition.en``). Lists under ``en:`` (variants,
    names, keywords) are forms matched against the texts, not prose: skipped."""
    found: list[tuple[int, str, str, str]] = []

    def walk(value, ident: str, keys: tuple[str, ...]) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):  # an entry: its fields are named from here
                ident, keys = value["id"], ()
            for key, item in value.items():
                if key == "en" and isinstance(item, str):
                    found.append((getattr(item, "line", 0), ident, ".".join((*keys, "en")), item))
                else:
                    walk(item, ident, (*keys, str(key)))
        elif isinstance(value, list):
            for item in value:
                walk(item, ident, keys)

    walk(data, "", ())
    return found


def file_problems(data) -> list[tuple[int, str, str, str]]:
    """(line, id, check, message) for the English of one validated data file."""
    return [
        (line, ident, check, f"{field}: {message}")
        for line, ident, field, text in english_in_data(data)
        for check, message in problems(text)
    ]
