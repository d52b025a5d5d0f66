"""The recognising rules, in the order they are tried on each line.

Each rule is a small function of a line and the Context: it returns the
blocks the line makes, or None when the line is not its kind. Their names
(``RULES``) are kept on the blocks they make, for the preview.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Block
from . import lines as rules_for_lines
from . import metadata as meta
from .context import Context
from .runs import paragraphs, parse_run
from .speakers import question_or_answer, speech
from .text import ends_sentence


def continue_speech(blocks: list[Block], ctx: Context) -> list[Block]:
    """Paragraphs after a speaker's label are that speaker's; after a question, answers."""
    out = []
    for block in blocks:
        if block.rule == "boilerplate-candidate":
            pass
        elif block.kind == "paragraph" and ctx.turn is not None:
            block = replace(ctx.turn, text=block.text, turn_start=ctx.turn_fresh, rule=block.rule or "continued-turn")
            ctx.turn, ctx.turn_fresh = replace(ctx.turn, timestamp=""), False  # the time is the first paragraph's
        elif block.kind == "paragraph" and ctx.question:
            block = Block("answer", block.text, marker=ctx.question, rule="continued-answer")
        elif block.kind in ("heading", "title"):
            ctx.close()
        out.append(block)
    return out


def hinted_heading(line: str, ctx: Context) -> list[Block] | None:
    for index, pattern in enumerate(ctx.hints.headings):
        match = pattern.fullmatch(line)
        if match:
            ctx.hint_uses[f"headings.{index}"] = ctx.hint_uses.get(f"headings.{index}", 0) + 1
            ctx.run.section_seen = True
            return _heading(match.groupdict().get("text") or line, ctx, f"hint:{index}", "")
    return None


def breadcrumb(line: str, ctx: Context) -> list[Block] | None:
    """ホーム > ニュース > AI: the page's navigation (a boilerplate candidate)."""
    return [Block("meta", line)] if meta.breadcrumb(line) else None


def site_title(line: str, ctx: Context) -> list[Block] | None:
    """ "Title | Section - Site": kept whole; the title if none came before."""
    found = meta.site_title(line)
    if not found:
        return None
    ctx.meta_items.append(meta.MetaItem("site", found[1]))
    blocks = ctx.parsed.blocks
    if ctx.title_seen and len(blocks) == 1 and blocks[0].kind == "title" and blocks[0].text in line:
        # the site's name above its title line was page furniture, not the title
        blocks[0] = replace(blocks[0], kind="meta", level=0, rule="site-name")
        ctx.title_seen = False
    if not ctx.title_seen and ctx.only_metadata_so_far():
        ctx.title_seen = True
        return [Block("title", line, level=1)]
    return [Block("meta", line)]


def title(line: str, ctx: Context) -> list[Block] | None:
    """The first line after any metadata, if it reads as a title."""
    if not ctx.title_seen and ctx.only_metadata_so_far() and _is_title(line, ctx):
        ctx.title_seen = True
        return [Block("title", line, level=1)]
    return None


def issuer_line(line: str, ctx: Context) -> list[Block] | None:
    """報道関係者各位 / 株式会社サンプル 広報部 above the text: who issues it."""
    if ctx.body_started:
        return None
    if meta.release_header(line):
        return [Block("meta", line)]
    if name := meta.issuer(line):
        ctx.meta_items.append(meta.MetaItem("issuer", name))
        return [Block("meta", line)]
    return None


def metadata_line(line: str, ctx: Context) -> list[Block] | None:
    """Datelines, bylines, update dates, copyright: all of the line."""
    items = meta.read_meta_line(line)
    if not items:
        return None
    if ctx.body_started and all(meta.is_photo_credit(i) for i in items):
        ctx.guess("byline", line, "a photo credit after the text began: read as a byline, not a caption")
    ctx.meta_items.extend(items)
    if ctx.body_started:
        ctx.close()  # a byline after the text ends the last turn
    return [Block("meta", line)]


def source_line(line: str, ctx: Context) -> list[Block] | None:
    """出典:… / Source: …: where the text comes from."""
    item = meta.source_line(line)
    if item is None:
        return None
    if ctx.body_started:
        ctx.guess("source-line", line, "a source line inside the text: if it credits a figure, not the document's")
    ctx.meta_items.append(item)
    return [Block("meta", line)]


def source_url_line(line: str, ctx: Context) -> list[Block] | None:
    """A URL alone above the text: the link to the source (further down, a
    URL line is a paragraph, a link the text gives)."""
    if ctx.body_started or not meta.url_line(line):
        return None
    ctx.meta_items.append(meta.MetaItem("url", line))
    return [Block("meta", line)]


def dash_item_marker(line: str, ctx: Context) -> list[Block] | None:
    """A "-" or "・" alone: the next line is a list item."""
    if line in ("-", "・"):
        ctx.item_next = True
        return []
    if ctx.item_next:
        ctx.item_next = False
        return [Block("item", line, level=1, marker="-")]
    return None


def toc_heading(line: str, ctx: Context) -> list[Block] | None:
    if line in ctx.toc_titles:
        ctx.run.section_seen = True
        return [Block("heading", line, level=2)]
    return None


def note(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.note(line)
    return [Block("note", found.text, marker=found.mark)] if found else None


def aside(line: str, ctx: Context) -> list[Block] | None:
    """(拍手), (会場笑): a note in the turn; (了), 以上: the end of the text's speech."""
    found = rules_for_lines.aside(line)
    if found is None:
        return None
    if found.style == "end":
        ctx.close()
    return [Block("note", line)]


def boilerplate_candidate(line: str, ctx: Context) -> list[Block] | None:
    """A share button, an ad marker, a related link: kept as a plain paragraph
    (never a heading or a speaker's words) and suggested for boilerplate.yml."""
    if ctx.number not in ctx.furniture:
        return None
    ctx.close()
    return [Block("paragraph", line, rule="boilerplate-candidate")]


def caption(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.caption(line)
    return [Block("caption", found.text, marker=found.mark)] if found else None


def question_line(line: str, ctx: Context) -> list[Block] | None:
    """――質問, Q./A., 問/答."""
    found = question_or_answer(line, ctx.cast, ctx.lang)
    if found is None:
        return None
    if found.asking:
        return [_question(found.text, ctx, found.number, found.rule)]
    if not ctx.question:
        ctx.guess("qa-label", line, "an answer with no question before it")
        ctx.question = _next_question(ctx, found.number)
    ctx.turn = None
    return [Block("answer", p.text, marker=ctx.question, rule=found.rule) for p in paragraphs(found.text)]


def speaker_turn(line: str, ctx: Context) -> list[Block] | None:
    """山田: … / 山田太郎(以下、山田): … / 山田「…」 / [00:12:34] …"""
    found = speech(line, ctx.cast)
    if found is None:
        return None
    voice = ctx.cast.get(found.label)
    if voice is None:  # a timestamp alone: the open turn goes on, or a new unlabelled one
        template = ctx.turn or Block("turn", "", source_lang=ctx.lang)
    elif voice.role == "interviewer":
        return [replace(_question(found.text, ctx, "", found.rule), speaker=voice.label)]
    else:
        template = Block(
            "turn",
            "",
            speaker=voice.label,
            label=voice.name_en or voice.label,
            label_ja=voice.name_ja or voice.label,
            source_lang=ctx.lang,
        )
    ctx.turn = replace(template, timestamp=found.timestamp, rule=found.rule)
    ctx.turn_fresh = voice is not None
    if not found.text:
        return []
    blocks = paragraphs(found.text)
    return continue_speech([replace(blocks[0], rule=found.rule), *blocks[1:]], ctx)


def bracket_heading(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.bracket_heading(line)
    return _marked_heading(found, ctx, line) if found else None


def mark_heading(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.mark_heading(line)
    return _marked_heading(found, ctx, line) if found else None


def attributed(line: str, ctx: Context) -> list[Block] | None:
    """◆ before a paragraph: the paragraph reports someone's words."""
    return [Block("attributed", line[1:].strip(), marker="◆")] if line.startswith("◆") else None


def mark_item(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.mark_item(line)
    return [Block("item", found.text, level=1, marker=found.mark)] if found else None


def numbered_heading(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.numbered_heading(line, ctx.lang)
    return _marked_heading(found, ctx, line) if found else None


def numbered_item(line: str, ctx: Context) -> list[Block] | None:
    found = rules_for_lines.numbered_item(line, ctx.lang) or rules_for_lines.line_item(line)
    return [Block("item", found.text, level=1, marker=found.mark)] if found else None


def short_line_heading(line: str, ctx: Context) -> list[Block] | None:
    """A short line without a sentence end, standing before a paragraph."""
    if not ctx.has_next or _not_heading(line, ctx) or not rules_for_lines.is_line_heading(line, ctx.lang):
        return None
    if ctx.prev_line and rules_for_lines.is_short_line(ctx.prev_line):
        ctx.guess("short-lines", line, "a short line right under another: kept as a paragraph, not a heading")
        return None
    ctx.guess("short-line-heading", line, "a short line before a paragraph: taken as a heading")
    ctx.run.section_seen = True
    return _heading(line, ctx, "short line", "")


def paragraph_run(line: str, ctx: Context) -> list[Block] | None:
    blocks = parse_run(line, ctx.run)
    if blocks and blocks[0].kind == "paragraph" and (place := meta.news_dateline(blocks[0].text)):
        ctx.meta_items.append(place)
    return blocks


RULES = (
    ("heading-pattern", hinted_heading),
    ("breadcrumb", breadcrumb),
    ("site-title", site_title),
    ("issuer-line", issuer_line),
    ("title", title),
    ("metadata-line", metadata_line),
    ("source-line", source_line),
    ("source-url", source_url_line),
    ("dash-item", dash_item_marker),
    ("contents-heading", toc_heading),
    ("note", note),
    ("aside", aside),
    ("caption", caption),
    ("question", question_line),
    ("speaker-turn", speaker_turn),
    ("bracket-heading", bracket_heading),
    ("mark-heading", mark_heading),
    ("attributed", attributed),
    ("mark-item", mark_item),
    ("numbered-heading", numbered_heading),
    ("numbered-item", numbered_item),
    ("boilerplate-candidate", boilerplate_candidate),
    ("short-line-heading", short_line_heading),
    ("paragraphs", paragraph_run),
)


# -- helpers ------------------------------------------------------------------


def _question(text: str, ctx: Context, number: str, rule: str) -> Block:
    ctx.turn, ctx.turn_fresh = None, False
    ctx.question = _next_question(ctx, number)
    return Block("question", text, marker=ctx.question, rule=rule)


def _next_question(ctx: Context, number: str) -> str:
    """Questions are numbered in reading order (問1 after four Q. is Q5)."""
    ctx.questions += 1
    if number and int(number) != ctx.questions:
        ctx.guess("qa-label", ctx.text, f"printed number {number}: numbered Q{ctx.questions} in reading order")
    return f"Q{ctx.questions}"


def _marked_heading(found: rules_for_lines.Marked, ctx: Context, line: str) -> list[Block] | None:
    if _not_heading(line, ctx):
        return None
    if found.style in rules_for_lines.NUMBER_STYLES:
        return _heading(found.text, ctx, found.style, found.mark)  # a number is shown as the marker
    # a decorative mark (■, 【】) is neither text nor marker; the preview names it
    return [replace(b, rule=f"{rule_name(line, ctx)} {found.mark}") for b in _heading(found.text, ctx, found.style, "")]


def rule_name(line: str, ctx: Context) -> str:
    return "bracket-heading" if line.startswith("【") else "mark-heading"


def _heading(text: str, ctx: Context, style: str, marker: str) -> list[Block]:
    return [Block("heading", text, level=ctx.level(style), marker=marker)]


def _not_heading(line: str, ctx: Context) -> bool:
    for index, pattern in enumerate(ctx.hints.not_headings):
        if pattern.fullmatch(line):
            ctx.hint_uses[f"not_headings.{index}"] = ctx.hint_uses.get(f"not_headings.{index}", 0) + 1
            return True
    return False


def _is_title(line: str, ctx: Context) -> bool:
    return (
        len(line) <= 160
        and meta.read_meta_line(line) is None
        and not ends_sentence(line)
        and "。 " not in line
        and question_or_answer(line, ctx.cast, ctx.lang) is None
        and speech(line, ctx.cast) is None
    )
