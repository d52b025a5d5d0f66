"""Typed records passed one way through the pipeline.

seed text -> Block (parse) -> Segment (segment) -> Document (merge) -> pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

LANGS = ("ja", "en")  # the publication's languages; the first is the site's default, at the root


def other(lang: str) -> str:
    """The publication's other language."""
    return "en" if lang == "ja" else "ja"


def site_root(lang: str) -> str:
    """Where a language's site sits under the site root (mkdocs-static-i18n:
    the default language at the root, the other in a folder of its own)."""
    return "" if lang == LANGS[0] else f"{lang}/"


class Status(StrEnum):
    """Where a passage's translation stands; what each status means lives here.

    Listed in the order the status page shows them."""

    ORIGINAL = "original"  # the source gives both languages itself (a transcript turn, a URL, a name)
    REVIEWED = "reviewed"  # translated, then compared with the source by a second person
    TRANSLATED = "translated"
    DRAFT = "draft"  # a machine or unfinished translation: shown, never counted as done
    PENDING = "pending"  # not translated yet: the reader sees the source, marked as pending
    STALE = "stale"  # the source changed since: the old translation is shown, marked as stale

    @property
    def done(self) -> bool:
        """Readable in both languages (what coverage counts)."""
        return self in (Status.ORIGINAL, Status.TRANSLATED, Status.REVIEWED)

    @property
    def todo(self) -> bool:
        """A translator still has work here."""
        return self in (Status.PENDING, Status.STALE, Status.DRAFT)

    @property
    def fuzzy(self) -> bool:
        """A translation that exists but needs work (a CAT tool's "fuzzy", "needs review")."""
        return self in (Status.DRAFT, Status.STALE)

    @property
    def editable(self) -> bool:
        """A contributor may write it in a translation file (``original`` is the build's to set)."""
        return self is not Status.ORIGINAL


@dataclass(frozen=True)
class Seed:
    """A source text, read and normalised (LF line ends, no BOM)."""

    name: str  # file stem, e.g. "000_8428ca6df8ad4a2b"
    path: str
    text: str
    sha256: str


@dataclass(frozen=True)
class Dropped:
    """A piece of scraped-site boilerplate removed from a seed, and why."""

    doc: str
    text: str
    rule: str


@dataclass(frozen=True)
class Block:
    """A structural unit recognised in a seed, before ids are assigned.

    kind: title, meta, heading, paragraph, attributed (◆ paragraph), item
    (list item), question, answer, turn (a speaker's paragraph), caption
    (photo or figure caption) or note.
    For a bilingual transcript's turn, ``text`` is the English original and
    ``paired`` the Japanese translation published with it.
    """

    kind: str
    text: str
    level: int = 0  # heading level (2, 3) or list nesting (1)
    marker: str = ""  # list or section marker as printed: "1.", "II.", "・", "Q9"
    speaker: str = ""  # canonical speaker key for transcript turns
    timestamp: str = ""  # "mm:ss" as given (or inferred) in the transcript
    source_lang: str = "ja"
    paired: str = ""  # published translation that came with the seed
    turn_start: bool = False  # first paragraph of a speaker's turn
    label: str = ""  # the English speaker label as printed ("Interviewee")
    label_ja: str = ""  # the Japanese speaker label as printed ("アルトマン")
    line: int = 0  # provenance: the seed line it was read from (1-based)
    rule: str = ""  # provenance: the recogniser that made it ("mark-heading")


@dataclass(frozen=True)
class Note:
    """An editor's note in both languages."""

    ja: str
    en: str


@dataclass(frozen=True)
class Segment:
    """The unit of alignment, translation and linking, with its stable id."""

    doc: str
    id: str
    kind: str
    source_lang: str
    ja: str
    en: str
    status: Status
    level: int = 0
    marker: str = ""
    speaker: str = ""
    timestamp: str = ""
    turn_start: bool = False
    label: str = ""
    label_ja: str = ""
    notes: tuple[Note, ...] = ()

    @property
    def source(self) -> str:
        return self.ja if self.source_lang == "ja" else self.en

    @property
    def translation(self) -> str:
        return self.en if self.source_lang == "ja" else self.ja

    def shown(self, lang: str) -> tuple[str, str]:
        """The text a reader of the ``lang`` site sees first, and its language:
        the passage in that language, else (not yet translated) its source."""
        own = self.ja if lang == "ja" else self.en
        return (own, lang) if own else (self.source, self.source_lang)


@dataclass(frozen=True)
class DocMeta:
    """Editorial metadata of one document (all fields bilingual where text)."""

    name: str
    slug: str
    title_ja: str
    title_en: str
    date_ja: str = ""
    date_en: str = ""
    kind_ja: str = ""
    kind_en: str = ""
    speakers_ja: str = ""
    speakers_en: str = ""
    source_ja: str = ""
    source_en: str = ""
    source_url: str = ""
    translators_ja: str = ""
    translators_en: str = ""
    summary_ja: str = ""
    summary_en: str = ""
    order: int = 0
    from_metadata: bool = True  # False when derived from the seed alone
    speaker_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # transcript label -> (ja, en)


@dataclass(frozen=True)
class Document:
    """A document ready to render: metadata, segments in reading order."""

    meta: DocMeta
    seed: Seed
    segments: tuple[Segment, ...]
    dropped: tuple[Dropped, ...] = ()
    toc: tuple[str, ...] = field(default=())  # the seed's own contents list
    notes: tuple[Note, ...] = ()  # editor's notes on the whole document
    catalog: str = ""  # its translation file, relative to the project ("" while there is none)
    entry_lines: dict[str, tuple[int, int]] = field(default_factory=dict)  # id -> lines in the catalog

    def titles(self) -> dict[str, str]:
        """The title in each language: the seed's title passage, else the metadata's."""
        title = next((s for s in self.segments if s.kind == "title"), None)
        ja = title.ja if title else self.meta.title_ja
        en = (title.en if title else "") or self.meta.title_en
        return {"ja": ja, "en": en}

    def speaker(self, seg: Segment) -> dict[str, str]:
        """A transcript turn's speaker per language: the names documents.yml gives
        its label, else the labels as printed."""
        ja, en = self.meta.speaker_names.get(seg.label, ("", ""))
        return {"ja": ja or seg.label_ja or seg.label, "en": en or seg.label}

    def title(self, lang: str) -> str:
        """The title a reader of the ``lang`` site sees (the other language's while untranslated)."""
        names = self.titles()
        return names[lang] or names[other(lang)]
