"""Document metadata (editorial/documents.yml): title, date, kind, speakers,
source and translators per document, validated at the edge."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..files import mapping_items, read_yaml, read_yaml_marked, text_of
from ..model import DocMeta
from ..source.hints import ParseHints, Speaker

META_KEYS = {
    "slug",
    "order",
    "title",
    "date",
    "kind",
    "speakers",
    "source",
    "translators",
    "summary",
    "speaker_names",
    "structure",
}


def load_metadata(path: Path) -> dict[str, dict]:
    """Raw per-document metadata keyed by seed name (validated in ``doc_meta``)."""
    data = read_yaml(path, default={}) or {}
    docs = data.get("documents") if isinstance(data, dict) else None
    if docs is None:
        return {}
    if not isinstance(docs, dict):
        raise InputError([Problem(path, "'documents' must map seed names to metadata")])
    problems = []
    for name, meta in docs.items():
        if not isinstance(meta, dict):
            problems.append(Problem(path, f"document '{name}': metadata must be a mapping"))
            continue
        unknown = set(meta) - META_KEYS
        if unknown:
            problems.append(Problem(path, f"document '{name}': unknown field(s) {', '.join(sorted(unknown))}"))
    if problems:
        raise InputError(problems)
    return docs


def _pair(value: Any) -> tuple[str, str]:
    if isinstance(value, dict):
        return text_of(value.get("ja")), text_of(value.get("en"))
    return text_of(value), text_of(value)


def doc_meta(name: str, raw: dict | None, fallback_title: str, order: int) -> DocMeta:
    """Metadata for a document; a seed without metadata gets what it implies."""
    if not raw:
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        return DocMeta(name=name, slug=slug, title_ja=fallback_title, title_en="", order=order, from_metadata=False)
    title_ja, title_en = _pair(raw.get("title"))
    date_ja, date_en = _pair(raw.get("date"))
    kind_ja, kind_en = _pair(raw.get("kind"))
    speakers_ja, speakers_en = _pair(raw.get("speakers"))
    source = raw.get("source") or {}
    translators_ja, translators_en = _pair(raw.get("translators"))
    summary_ja, summary_en = _pair(raw.get("summary"))
    return DocMeta(
        name=name,
        slug=str(raw.get("slug") or name),
        title_ja=title_ja or fallback_title,
        title_en=title_en,
        date_ja=date_ja,
        date_en=date_en,
        kind_ja=kind_ja,
        kind_en=kind_en,
        speakers_ja=speakers_ja,
        speakers_en=speakers_en,
        source_ja=text_of(source.get("ja")) if isinstance(source, dict) else text_of(source),
        source_en=text_of(source.get("en")) if isinstance(source, dict) else text_of(source),
        source_url=text_of(source.get("url")) if isinstance(source, dict) else "",
        translators_ja=translators_ja,
        translators_en=translators_en,
        summary_ja=summary_ja,
        summary_en=summary_en,
        order=int(raw.get("order") or order),
    )


def speaker_names(raw: dict | None) -> dict[str, tuple[str, str]]:
    """Transcript label -> (Japanese name, English name) from the metadata."""
    names = (raw or {}).get("speaker_names") or {}
    return {label: _pair(value) for label, value in names.items()}


# -- TEMPORARY: documents.yml `structure:` -> ParseHints ----------------------
# A minimal conversion so that overrides work end to end until the schema
# layer (one declaration per editorial file, file:line from the YAML node)
# replaces it. Shape (every key optional):
#   structure:
#     source_lang: en
#     speakers: {山田: {name: {ja: 山田太郎, en: Taro Yamada}, role: interviewee}}
#     not_speakers: [ポイント]
#     headings: ['^第\\d+回 (?P<text>.+)$']
#     not_headings: ['^お問い合わせ先$']
STRUCTURE_KEYS = {"source_lang", "speakers", "not_speakers", "headings", "not_headings"}


def structure_hints(path: Path) -> dict[str, ParseHints]:
    """ParseHints per seed name from documents.yml (TEMPORARY, see above)."""
    marked = read_yaml_marked(path, default=None)
    documents = mapping_items(mapping_items(marked.node).get("documents"))
    hints, problems = {}, []
    for name, node in documents.items():
        structure = mapping_items(node).get("structure")
        if structure is not None:
            hints[name] = _hints(path, structure, problems)
    if problems:
        raise InputError(problems)
    return hints


def _hints(path: Path, node, problems: list[Problem]) -> ParseHints:
    fields = mapping_items(node)
    origins = {}

    def where(key: str, item) -> None:
        origins[key] = (str(path), item.start_mark.line + 1)

    for key, value in fields.items():
        if key not in STRUCTURE_KEYS:
            problems.append(Problem(path, f"structure: unknown key '{key}'", value.start_mark.line + 1))
    speakers = {}
    for label, value in mapping_items(fields.get("speakers")).items():
        where(f"speakers.{label}", value)
        entry = mapping_items(value)
        names = mapping_items(entry.get("name"))
        text = {k: str(v.value) for k, v in names.items()}
        role = entry.get("role")
        speakers[label] = Speaker(text.get("ja", ""), text.get("en", ""), str(role.value) if role else "")
    patterns = {}
    for key in ("headings", "not_headings"):
        compiled = []
        for index, item in enumerate(getattr(fields.get(key), "value", None) or []):
            where(f"{key}.{index}", item)
            try:
                compiled.append(re.compile(str(item.value)))
            except re.error as err:
                problems.append(Problem(path, f"structure.{key}: bad pattern: {err}", item.start_mark.line + 1))
        patterns[key] = tuple(compiled)
    not_speakers = []
    for item in getattr(fields.get("not_speakers"), "value", None) or []:
        where(f"not_speakers.{item.value}", item)
        not_speakers.append(str(item.value))
    lang = fields.get("source_lang")
    if lang is not None:
        where("source_lang", lang)
    return ParseHints(
        source_lang=str(lang.value) if lang is not None else "",
        speakers=speakers,
        not_speakers=tuple(not_speakers),
        headings=patterns["headings"],
        not_headings=patterns["not_headings"],
        origins=origins,
    )
