"""The HTML blocks of a generated page kept out of Python-Markdown's way.

A generated page is mostly HTML (the passages), which Python-Markdown
passes through as it is, but only after its raw-HTML preprocessor has
parsed every tag to find where each block ends: most of the time MkDocs
spends on a document page. Those blocks are final HTML already (the
generator escaped every text in them, escape.py), so the hook swaps each
whole block for a placeholder paragraph before MkDocs converts the page,
and the block back for it after: the same bytes, without the parse.

A block is what lies between blank lines; it is swapped only when it is
one element that Python-Markdown itself would pass through whole: it opens
with a block-level tag, closes with that tag, and opens it as often as it
closes it. Everything else (headings, text) goes to Markdown as before.
"""

from __future__ import annotations

import re
import secrets

BLOCK_TAGS = ("div", "dl", "p", "fieldset", "ol", "ul", "table", "form", "figure", "section", "nav", "details")
_OPEN = re.compile(r"\A<(" + "|".join(BLOCK_TAGS) + r")[\s>]")


def stash(markdown: str) -> tuple[str, dict[str, str]]:
    """``markdown`` with its whole HTML blocks as placeholders, and the
    blocks by placeholder (a per-page random token: text cannot forge it)."""
    blocks: dict[str, str] = {}
    token = secrets.token_hex(8)
    parts = re.split(r"(\n[ \t]*\n)", markdown)
    for i in range(0, len(parts), 2):
        block = parts[i]
        match = _OPEN.match(block)
        if not match:
            continue
        tag = match[1]
        if not block.rstrip().endswith(f"</{tag}>"):
            continue
        if len(re.findall(rf"<{tag}[\s>]", block)) != block.count(f"</{tag}>"):
            continue
        key = f"rawhtml{token}x{len(blocks)}"
        blocks[key] = block.rstrip()
        parts[i] = key + block[len(block.rstrip()) :]
    return "".join(parts), blocks


def restore(html: str, blocks: dict[str, str]) -> str:
    """The converted page with each placeholder paragraph its block again,
    laid out as Python-Markdown lays out a raw block (a line break after it;
    none at the end of the page, whose ends it strips)."""
    if not blocks:
        return html
    return re.sub(r"<p>(rawhtml[0-9a-f]{16}x\d+)</p>", lambda m: blocks[m[1]] + "\n", html).rstrip()
