"""Glossary terms marked in the text: the first use of each term on a page,
in each language, becomes a link to its glossary entry with the short
definition as tooltip. The text around it is escaped as everywhere else
(escape.html_text); a term inside a web address is left alone."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..reference.glossary import Glossary
from ..source.text import URL
from .escape import html_text


class TermMarker:
    def __init__(self, glossary: Glossary, glossary_url: str, suffix: dict[str, str]):
        self.glossary = glossary
        self.glossary_url = glossary_url  # relative to the page, e.g. "../../glossary/"
        self.suffix = suffix  # "(see glossary)" per language
        self.seen: set[tuple[str, str]] = set()

    def html(self, text: str, lang: str, ref: str = "") -> Markup:
        """``text`` escaped, first uses of terms linked; ``ref`` (DOC:ID) is the
        passage, so that a term's ``exclude`` is respected."""
        find = self.glossary.find_ja if lang == "ja" else self.glossary.find_en
        urls = [m.span() for m in URL.finditer(text)] if "http" in text else []
        spans, last = [], 0
        for start, end, term in find(text):
            key = (term.id, lang)
            if key in self.seen or ref in term.exclude or any(s < end and start < e for s, e in urls):
                continue
            self.seen.add(key)
            spans.append((start, end, term))
        if not spans:
            return html_text(text)
        parts = []
        for start, end, term in spans:
            parts.append(html_text(text[last:start]))
            short = term.short_ja if lang == "ja" else term.short_en
            tip = escape(f"{short} {self.suffix[lang]}")
            parts.append(
                Markup(f'<a class="term" href="{self.glossary_url}#{term.id}" title="{tip}">')
                + escape(text[start:end])
                + Markup("</a>")
            )
            last = end
        parts.append(html_text(text[last:]))
        return Markup("").join(parts)
