"""HTML of one passage: its language cells side by side.

Written with plain f-strings rather than Jinja macros: a page holds hundreds
of passages and this is the generator's hot path (Jinja macro calls cost
three times as much). Every value is escaped here; fixed interface strings
are escaped once per page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Status
from .escape import html_text

NO_MARKER = ("", "-", "・")
# An editor's note longer than this (characters) folds away behind its first
# sentence, so that a long note does not bury the passage it is about; the
# reader opens it with one click, and printing opens every note.
LONG_NOTE = {"ja": 120, "en": 280}
SENTENCE_END = re.compile(r"(?<=。)|(?<=[.!?])\s+(?=[A-Z“‘(0-9])")


def note_html(text: str, lang: str, label: Markup) -> str:
    """An editor's note in one language: whole if short, else a <details>
    whose summary is its first sentence."""
    head, _, rest = SENTENCE_END.sub("\0", text, count=1).partition("\0")
    if len(text) <= LONG_NOTE.get(lang, LONG_NOTE["en"]) or not rest.strip():
        return (
            f'<span class="seg-note" lang="{lang}"><span class="seg-note-label">{label}</span> {html_text(text)}</span>'
        )
    return (
        f'<details class="seg-note" lang="{lang}"><summary><span class="seg-note-label">{label}</span> '
        f'{html_text(head.strip())}</summary><span class="seg-note-more">{html_text(rest.strip())}</span></details>'
    )


@dataclass(frozen=True)
class PassageWriter:
    lang: str  # the page language
    ui: dict  # interface strings of the page language
    note_labels: dict  # "editor's note" per language

    def __post_init__(self):
        ui = {key: escape(value) for key, value in self.ui.items()}
        lang = self.lang
        object.__setattr__(
            self,
            "_pending",
            f'<span class="mark mark-pending" lang="{lang}" title="{ui["pending_title"]}">{ui["pending"]}</span> ',
        )
        object.__setattr__(
            self,
            "_stale",
            f'<span class="mark mark-stale" lang="{lang}" title="{ui["stale_title"]}">{ui["stale"]}</span> ',
        )
        object.__setattr__(self, "_permalink", ui["permalink"])

    def cell(self, c, view) -> str:
        seg = view.seg
        classes = f"seg-cell col-{c.column}" + (" is-pending" if c.pending else "") + (" is-stale" if c.stale else "")
        parts = [f'<div class="{classes}" lang="{c.text_lang}">']
        stamp = f' <span class="ts">{escape(seg.timestamp)}</span>' if seg.timestamp else ""
        if view.speaker:
            speaker = escape(view.speaker.get(c.column, view.speaker.get("en", "")))
            parts.append(f'<p class="seg-who"><span class="speaker">{speaker}</span>{stamp}</p>')
        elif seg.timestamp:
            parts.append(f'<p class="seg-who">{stamp.strip()}</p>')
        if c.pending:
            parts.append(self._pending)
        if c.stale:
            parts.append(self._stale)
        if seg.kind == "question":
            parts.append(f'<span class="seg-marker">{escape(seg.marker)}.</span> ')
        elif seg.kind != "answer" and seg.marker not in NO_MARKER:
            parts.append(f'<span class="seg-marker">{escape(seg.marker)}</span> ')
        parts.append(f'<span class="seg-text">{c.html}</span>')
        column = c.column if c.column in self.note_labels else self.lang
        label = escape(self.note_labels[column])
        for note in seg.notes:
            parts.append(note_html(note.ja if column == "ja" else note.en, column, label))
        parts.append("</div>")
        return "".join(parts)

    def link(self, ident: str) -> str:
        return (
            f'<a class="seg-link" href="#{ident}" title="{self._permalink}" '
            f'aria-label="{self._permalink}: {ident}">#{ident}</a>'
        )

    def edit_link(self, view) -> str:
        """A pencil to the passage's lines in its translation file (the
        href is resolved against the repository by the MkDocs hook)."""
        if not view.edit:
            return ""
        edit_kinds = {Status.PENDING: "edit_pending", Status.ORIGINAL: "edit_original"}
        kind = edit_kinds.get(view.seg.status, "edit_translation")
        label = escape(self.ui[kind])
        return f'<a class="seg-edit" href="{escape(view.edit)}" title="{label}" aria-label="{label}"></a>'

    def passage(self, view, tag: str = "div") -> Markup:
        seg = view.seg
        classes = f"seg seg-{seg.kind}" + (" turn-start" if seg.turn_start else "")
        cells = "\n".join(self.cell(c, view) for c in view.cells)
        opening = f'<{tag} class="{classes}" id="{seg.id}" data-status="{seg.status}">'
        return Markup(f"{opening}\n{cells}\n{self.link(seg.id)}{self.edit_link(view)}\n</{tag}>")

    def heading(self, view) -> Markup:
        seg = view.seg
        if len(view.cells) < 2:
            return Markup(view.heading)
        alt = (
            f'<div class="seg seg-heading-alt" data-for="{seg.id}" data-status="{seg.status}">\n'
            f"{self.cell(view.cells[1], view)}\n{self.link(seg.id)}{self.edit_link(view)}\n</div>"
        )
        return Markup(f"{view.heading}\n\n{alt}")
