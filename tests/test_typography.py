"""The house style for the edition's English (build_scripts/translation/typography.py):
each rule fails on a bad example and passes on the good one, taken from the
corpus; source text (URLs, handles, Japanese quoted in a note) is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.pipeline import Paths, load
from build_scripts.schema.editorial import GLOSSARY, validate
from build_scripts.translation.typography import english_in_data, file_problems, problems

ROOT = Path(__file__).resolve().parent.parent

# (what the message says, bad, good): the good text is the edition's, the bad
# one the same text as it was before the house style, or with the slip a
# contributor makes.
RULES = [
    (
        "a straight apostrophe",
        "The answers are a Japanese summary, not Altman's verbatim words.",  # 003, the note before this pass
        "The answers are a Japanese summary, not Altman’s verbatim words.",
    ),
    (
        "a straight single quote",
        "A 'very aggressive' infrastructure bet based on model capabilities one to two years out",  # documents.yml
        "A “very aggressive” infrastructure bet based on model capabilities one to two years out",
    ),
    (
        "a straight single quote",
        "The economics of chat versus search, subscriptions, advertising and users' trust",  # topics.yml
        "The economics of chat versus search, subscriptions, advertising and users’ trust",
    ),
    (
        "a straight double quote",
        'He used the expression "the cheese is being moved".',  # 000 p39
        "He used the expression “the cheese is being moved”.",
    ),
    (
        "used as an apostrophe",
        "If Microsoft‘s 27% stake in OpenAI is merely the “façade”",  # 000 p30
        "If Microsoft’s 27% stake in OpenAI is merely the “façade”",
    ),
    (
        "an em dash",
        "It’s only been a little over two years — it feels long, but it really isn’t much time.",  # 003 q1-a1
        "It’s only been a little over two years – it feels long, but it really isn’t much time.",
    ),
    (
        "a hyphen used as a dash",
        "how we design the non-AI world - that is, the real world - including the physical foundations",  # 001 p5
        "how we design the non-AI world – that is, the real world – including the physical foundations",
    ),
    (
        "a hyphen used as a dash",
        "It’s only been a little over two years--it feels long",
        "It’s only been a little over two years – it feels long",
    ),
    (
        "an en dash spaced on one side only",
        "insurer of last resort for AI –in the sense of risks (as with nuclear power)",  # 004 p11
        "insurer of last resort for AI – in the sense of risks (as with nuclear power)",
    ),
    (
        "a range with spaces around its dash",
        "a forecast of what will happen over the next 5 – 10 years or so",  # 001 p29
        "a forecast of what will happen over the next 5–10 years or so",
    ),
    (
        "a range with a hyphen",
        "a forecast of what will happen over the next 5-10 years or so",
        "a forecast of what will happen over the next 5–10 years or so",
    ),
    (
        "a range with a hyphen",
        "The X thread summarising an Altman interview (Q1-Q27) is published",  # timeline.yml
        "The X thread summarising an Altman interview (Q1–Q27) is published",
    ),
    (
        "a range with spaces around its dash",
        "The X thread summarising an Altman interview (Q1 – Q27) is published",
        "The X thread summarising an Altman interview (Q1–Q27) is published",
    ),
    ("a date written 2026-03-19", "[Addendum] 2026-03-19", "[Addendum] 19 March 2026"),  # 001 m2
    ("a date written March 19, 2026", "[Addendum] March 19, 2026", "[Addendum] 19 March 2026"),
    (
        "a date written March 19, 2026",
        "Altman’s post on X of November 6 on government guarantees",
        "Altman’s post on X of 6 November on government guarantees",
    ),
    (
        "three full stops",
        "There were a few times I tried to stop using the word “AGI”...",  # 003 q2-a1
        "There were a few times I tried to stop using the word “AGI”…",
    ),
    (
        "an opening quote “ before a space",
        "some people say, “ AGI is already here,” while others say",  # 003 q2-a2
        "some people say, “AGI is already here,” while others say",
    ),
    (
        "a closing quote ” after a space",
        "some people say, “AGI is already here, ” while others say",
        "some people say, “AGI is already here,” while others say",
    ),
    (
        "an opening quote “ straight after a word",
        "some people say,“AGI is already here,” while others say",
        "some people say, “AGI is already here,” while others say",
    ),
    (
        "a closing quote ” straight before a word",
        "He calls it “macro delegation and micro steering”in an interview.",
        "He calls it “macro delegation and micro steering” in an interview.",
    ),
    (
        "double quotes inside a quotation",
        "“… but your company’s revenue next year is “reportedly” only $13 billion.”",  # 000 p10
        "“… but your company’s revenue next year is ‘reportedly’ only $13 billion.”",
    ),
    (
        "single quotes outside a quotation",
        "Nadella says the bottleneck is a lack of ‘warm shells’ to plug the chips into.",
        "Nadella says the bottleneck is a lack of “warm shells” to plug the chips into.",
    ),
]


@pytest.mark.parametrize(("rule", "bad", "good"), RULES, ids=[f"{r[0]}-{i}" for i, r in enumerate(RULES)])
def test_each_rule_fails_on_the_bad_text_and_passes_on_the_good(rule, bad, good):
    found = problems(bad)
    assert len(found) == 1 and rule in found[0][1], found
    assert found[0][0] == "typography"
    assert problems(good) == []


def test_the_message_quotes_the_places_and_says_how_to_fix():
    text = "Altman's view: the blog's author says it's Microsoft's and OpenAI's deal."
    [(check, message)] = problems(text)
    assert check == "typography"
    assert message.startswith("a straight apostrophe (5×) in «Altman's view: the», «view: the blog's author says»")
    assert "and 2 more: write ’" in message  # three places quoted, the rest counted


@pytest.mark.parametrize(
    "text",
    [
        # a podcast title with X handles, quoted from the source (000 p1)
        "The podcast “All things AI w @altcap @sama & @satyanadella”, along with its various clips",
        # a URL (001 p3)
        "(Source: https://www.rev.com/transcripts/altman-speaks-at-blackrocks-us-infrastructure-summit)",
        # Japanese quoted in an English note keeps its own dashes (002 p4's source)
        "The Japanese AIのエコシステム全体――「電子からモデル配信まで」 is rendered as one phrase.",
        # unspaced en dashes: ranges and links between equals
        "human–computer interaction, the Microsoft–OpenAI agreement, the US–China race, Q1–Q27, 2025–2030",
        # hyphens that are not ranges: names, passage ids, compounds
        "GPT-4o and GPT-5; see t1207-2 and 001_814190bd2886a73f:q15-a1; a 1,000-fold, 100-fold fall",
        "COVID-19, GPT-4-class models; the Q&A ids q1-a1 to q27-a2",
        # a month and a year, a day before its month
        "the addendum of 19 March 2026, in March 2026; by May 2025",
        # an ellipsis may open a quotation or mark a cut
        "The transcript starts in the middle of an answer (“… The other one is”); now … we can see",
        # an elided year keeps its apostrophe
        "the boom of the ’90s",
    ],
)
def test_source_text_and_correct_english_pass(text):
    assert problems(text) == []


def test_english_in_data_names_entry_field_and_line_and_skips_forms():
    text = """terms:
  - id: moores-law
    ja: ムーアの法則
    en: Moore's law
    variants:
      ja: []
      en: [Moore's law]
    short: {ja: 集積度の法則です。, en: "Transistor density doubling every 18 months."}
    definition:
      ja: ムーアの法則。
      en: |-
        In the Q&A thread, Altman says that Moore's law changed the world.
    reading: むーあのほうそく
"""
    found = english_in_data(validate(Path("glossary.yml"), text, GLOSSARY).data)
    assert [(line, ident, field) for line, ident, field, _ in found] == [
        (4, "moores-law", "en"),
        (8, "moores-law", "short.en"),
        (11, "moores-law", "definition.en"),
    ]  # the variants list is a form as the texts write it: not checked
    assert found[2][3].startswith("In the Q&A thread")


def test_the_edition_follows_its_house_style():
    """Every English text of the editorial data files (notes, glossary,
    people, topics, figures, timeline, documents)."""
    data = load(Paths(ROOT)).data
    assert len(data) >= 11
    assert [(path, *problem) for path, loaded in sorted(data.items()) for problem in file_problems(loaded.data)] == []
