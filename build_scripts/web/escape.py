"""Escaping of untrusted source text for the Markdown pages we generate.

Seeds and data files are untrusted: nothing in them may become HTML,
Markdown, attribute lists, abbreviations, snippet includes (``--8<--``) or
template code. Text goes out either inside raw HTML blocks (HTML-escaped: the
Markdown parser leaves such blocks alone, and ``<`` becomes ``&lt;`` so no
``--8<--`` survives) or on a Markdown heading line, where every ASCII
punctuation character becomes a numeric character reference.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..source.text import URL

MARKDOWN_ACTIVE = set("\\`*_{}[]()#+-.!<>&|~^:\"'=$%@/")


def html_text(text: str) -> Markup:
    """Escape text for an HTML context; make its web addresses links."""
    if "http" not in text:  # the common case, on the generator's hot path
        html = escape(text)
        return Markup(html.replace("\n", "<br>")) if "\n" in text else html
    parts, last = [], 0
    for match in URL.finditer(text):
        parts.append(escape(text[last : match.start()]))
        url = escape(match.group(0))
        parts.append(Markup(f'<a href="{url}" rel="nofollow noopener">{url}</a>'))
        last = match.end()
    parts.append(escape(text[last:]))
    html = Markup("").join(parts)
    return Markup(html.replace("\n", Markup("<br>")))


def markdown_inline(text: str) -> Markup:
    """Escape text for a Markdown heading line: no character stays active."""
    text = re.sub(r"\s+", " ", text).strip()
    return Markup("".join(f"&#{ord(ch)};" if ch in MARKDOWN_ACTIVE else ch for ch in text))


def attribute(text: str) -> Markup:
    return escape(re.sub(r"\s+", " ", text).strip())
