"""The search's normalisations, on real examples from the corpus, and the
agreement of the build's side (Python) with the worker's (core.js) on every
passage of the corpus: normalised text, terms, amounts and stems."""

from __future__ import annotations

import json
import subprocess

import pytest

from build_scripts.pipeline import Paths, load
from build_scripts.reference.refs import ref_of
from build_scripts.search import amounts, english, japanese, katakana, synonyms, units
from build_scripts.search.normalise import grams, japanese_runs, normalise, words
from build_scripts.translation.numbers import english_values, japanese_values

from .conftest import ROOT


@pytest.fixture(scope="module")
def documents():
    return list(load(Paths(ROOT)).documents)


def test_width_case_and_katakana_variants():
    assert normalise("ＧＰＵ") == "gpu"
    assert normalise("ｶﾀｶﾅ") == normalise("カタカナ")
    assert normalise("データセンター") == normalise("データセンタ") == "データセンタ"
    assert normalise("トランジスター") == normalise("トランジスタ")
    assert normalise("コンピューター") == "コンピュータ"
    assert normalise("ウェアラブル・デバイス") == normalise("ウェアラブルデバイス") == "ウエアラブルデバイス"
    assert normalise("ホロヴィッツ") == "ホロビッツ"
    assert normalise("OpenAI’s") == "openai's"
    # a long vowel inside a word stays: データ is not デタ
    assert normalise("データ") == "データ"


def test_katakana_lty_and_ry_endings_are_one_spelling():
    # the texts write ロイヤリティ(フリー) 31 times, ロイヤルティ once; the glossary lists
    # ロイヤルティフリー as a form readers type
    assert normalise("ロイヤルティ") == normalise("ロイヤリティ") == normalise("ロイヤリティー")
    assert normalise("ロイヤルティフリー") == normalise("ロイヤリティ・フリー") == normalise("ロイヤリティフリー")
    assert normalise("ペナルティ") == normalise("ペナリティ")
    # -ry and -ity differ only by a final long vowel
    assert normalise("メモリー") == normalise("メモリ")
    assert normalise("ユーティリティー") == normalise("ユーティリティ")
    # -lity stays itself: クオリティ has no ルティ form
    assert normalise("クオリティ") == "クオリテイ"


def test_japanese_units_are_bigrams_and_kanji():
    assert grams("計算資源") == ["計算", "算資", "資源", "計", "算", "資", "源"]
    assert grams("の") == []
    assert japanese_runs(normalise("OpenAI の CEO サム・アルトマン氏")) == ["の", "サムアルトマン氏"]


def test_english_stems_plurals_verbs_and_nouns():
    spellings = {}
    assert english.term("centers", spellings) == english.term("center", spellings)
    assert english.term("layoffs", spellings) == english.term("layoff", spellings)
    assert english.term("superintelligent", spellings) == english.term("superintelligence", spellings)
    assert english.term("the", spellings) is None and english.term("will", spellings) is None


def test_british_spellings_read_as_american():
    vocabulary = {english.stem(w) for w in ("center", "labor", "fiber", "commercialization", "centralized")}
    spellings = english.spelling_stems(vocabulary)
    for british, american in [
        ("centre", "center"),
        ("labour", "labor"),
        ("fibre", "fiber"),
        ("centralised", "centralized"),
    ]:
        assert english.term(british, spellings) == english.term(american, spellings), british
    assert english.term("commercialisation", spellings) == english.term("commercialization", spellings)


def test_amounts_are_values_whatever_their_writing():
    same = {amounts.key(5e11)}
    assert same <= amounts.terms("5000億ドル", "ja")
    assert same <= amounts.terms("5,000億ドル", "ja")
    assert same <= amounts.terms("$500B", "en")
    assert same <= amounts.terms("$500 billion", "en")
    assert same <= amounts.terms("half a trillion dollars", "en")
    assert amounts.key(1.4e12) in amounts.terms("1兆4000億ドル", "ja") & amounts.terms("1兆4千億ドル", "ja")
    assert amounts.key(1.4e12) in amounts.terms("$1.4T", "en") & amounts.terms("$1.4 trillion", "en")
    assert amounts.key(1e-3) in amounts.terms("1000分の1", "ja") & amounts.terms("1/1000", "en")
    assert amounts.key(2e10) in amounts.terms("$20bn", "en")
    # a percentage, as the corpus writes Microsoft's stake (27%の株式, its 27% stake)
    stake = amounts.percent_key(27)
    assert stake in amounts.terms("マイクロソフトの切り札は27%の株式保有ではなく", "ja")
    assert stake in amounts.terms("Microsoft’s trump card is not its 27% stake", "en")
    for written, lang in (("27パーセント", "ja"), ("27 percent", "en"), ("２７％", "ja")):
        assert stake in amounts.terms(written, lang)
    assert stake not in amounts.terms("the 27 questions", "en")


def test_units_are_one_term_however_written(documents):
    def unit(text):
        return units.terms(normalise(text))

    # the interview with Altman: ギガワット級データセンター = gigawatt-scale data centres,
    # ギガワット規模のキャンパス = gigawatt campuses; the glossary: GW, multi-gigawatt
    texts = [t for t, _ in _corpus(documents)]
    assert any("ギガワット級データセンタ" in normalise(t) for t in texts)
    assert any("gigawatt-scale data centres" in t for t in texts)
    for written in (
        "ギガワット級データセンター",
        "gigawatt-scale data centres",
        "these gigawatt campuses",
        "GW",
        "5GW",
        "1.5 GW",
        "multi-gigawatt",
        "gigawatts",
    ):
        assert unit(written) == {"&gw"}, written
    assert unit("100万キロワット") == unit("kW") == unit("kilowatts") == {"&kw"}
    assert unit("キロワット時") == unit("kWh") == unit("kilowatt-hours") == unit("kilowatt hour") == {"&kwh"}
    assert unit("メガワット") == unit("MW") == unit("megawatts") == {"&mw"}  # a keyword of the topic on power
    assert unit("テラワット時") == unit("TWh") == {"&twh"}
    # an abbreviation inside a word or a name is not a unit
    assert not unit("gwen's gwh2 twitter kw1")


def test_number_parsing_shared_with_the_translation_check():
    assert japanese_values("1兆4千億ドル") == [("1兆4千億", {1.4e12})]
    assert {5e11, 500.0} <= english_values("$500B")
    assert {0.1, 10.0} <= english_values("1/10")


def test_japanese_spelling_groups_and_function_words():
    groups, function = japanese.analyse(["売上は伸びた。ワット当たりの性能", "データセンターの建設が遅れている"])
    grouped = {form: set(g) for g in groups for form in g}
    assert {"売上", "売り上げ"} <= grouped["売上"]
    assert "当り" in grouped.get("当たり", set())
    assert {"は", "の", "が", "いる"} <= set(function)


def test_katakana_for_latin_words(tmp_path, monkeypatch):
    monkeypatch.setenv("SEARCH_CACHE", str(tmp_path))
    renderer = katakana.Renderer()
    renderer.cache.update({"stargate": "スターゲート", "chat": "チャット", "deep": "ディープ", "research": "リサーチ"})
    found = katakana.terms("Stargate, ChatGPT and Deep Research", renderer)
    assert {
        "~" + normalise("スターゲート"),
        "~" + normalise("チャットGPT"),
        "~" + normalise("ディープリサーチ"),
    } <= found
    assert not renderer.dirty  # nothing left for the model


def _corpus(documents):
    return [
        (text, lang)
        for doc in documents
        for seg in doc.segments
        for text, lang in ((seg.ja, "ja"), (seg.en, "en"))
        if text
    ]


def test_python_and_javascript_agree_on_every_passage(documents):
    texts = _corpus(documents)
    vocabulary = sorted({w for text, _ in texts for w in words(normalise(text))})
    spellings = english.spelling_stems({english.stem(w) for w in vocabulary})
    lexicon = {"stopwords": sorted(english.STOPWORDS), "spellings": spellings}
    extra = ["organization", "organizations", "added", "universal", "internationally", "generously", "dying", "skies"]
    data = json.dumps({"texts": texts, "words": vocabulary + extra, "lexicon": lexicon}, ensure_ascii=False)
    out = subprocess.run(
        ["node", str(ROOT / "tests" / "js" / "analyse.mjs")], input=data, capture_output=True, text=True, check=True
    )
    js = json.loads(out.stdout)
    mismatches = []
    for (text, lang), got in zip(texts, js["texts"], strict=True):
        norm = normalise(text)
        terms = {t for w in words(norm) if (t := english.term(w, spellings))}
        for run in japanese_runs(norm):
            terms.update(grams(run))
        want = {
            "normalised": norm,
            "terms": sorted(terms),
            "amounts": sorted(amounts.terms(text, lang)),
            "units": sorted(units.terms(norm)),
        }
        if got != want:
            mismatches.append((text[:60], {k: (want[k], got[k]) for k in want if want[k] != got[k]}))
    assert not mismatches, mismatches[:3]
    stems = [english.stem(w) for w in vocabulary + extra]
    pairs = zip(vocabulary + extra, stems, js["stems"], strict=False)
    assert js["stems"] == stems, [(w, a, b) for w, a, b in pairs if a != b][:10]
    assert len(texts) > 500 and len(vocabulary) > 2000


def test_search_terms_are_forms_of_their_concept():
    """A glossary term's, a person's and a topic's search_terms (the words readers type
    that the texts do not use) lead to the concept, as its forms do."""
    pairs = {tuple(p) for p in synonyms.forms(load(Paths(ROOT)).reference)}
    assert ("原発", "@g:nuclear-power") in pairs  # a clipping of 原子力発電
    assert ("nuclear", "@g:nuclear-power") in pairs  # a form the texts use
    assert ("bail-out", "@g:bailout") in pairs
    assert all(form == normalise(form).strip() for form, *_ in pairs)
    # a topic's keyword leads to it more weakly than its name (core.js, KEYWORD tier)
    assert ("電力とエネルギ", "@t:power-energy") in pairs  # its name
    assert ("電力需要", "@t:power-energy") in pairs  # a search term
    assert ("天然ガス", "@t:power-energy", 1) in pairs  # a keyword


def test_english_concept_forms_of_several_words_are_phrases(documents):
    """A written-out form finds the phrase, not its words apart (index.py, =<stems>)."""
    from build_scripts.search.entries import document_records
    from build_scripts.search.index import Analyser

    analyser = Analyser(document_records(documents[:1]), ["world model", "cost to serve", "原子力発電"])
    assert analyser.phrases == {("world", "model"), ("cost", "serv")}
    assert "=world model" in analyser.terms("Sora is a step toward world models.", "en")
    assert "=world model" not in analyser.terms("A model of the world.", "en")
    assert "=cost serv" in analyser.terms("the cost to serve a query", "en")
    # a Japanese form is one term where it occurs (not only its bigrams apart)
    assert "=原子力発電" in analyser.terms("小型の原子力発電所", "ja")
    assert "=原子力発電" not in analyser.terms("原子力による発電", "ja")


def test_answers_follow_their_question(documents):
    """An interview's answers follow its question, the interviewee's turns the
    interviewer's (entries.leaders): the results show them after it."""
    from build_scripts.search.entries import document_records, leaders

    records = document_records(documents)
    runs = leaders(records)
    follows = {records[leader].ref: [r.ref for r in records[first : first + n]] for leader, first, n in runs}
    assert follows["003_9e20f7f232edeced:q23"] == ["003_9e20f7f232edeced:q23-a1", "003_9e20f7f232edeced:q23-a2"]
    assert follows["001_814190bd2886a73f:t1421"] == ["001_814190bd2886a73f:t1440"]
    assert all(records[leader].url == records[first].url for leader, first, _ in runs)


def test_passages_about_a_topic_are_told_from_those_that_mention_it():
    """@t+: a passage with several of a topic's keywords is about it (synonyms.passage_concepts)."""
    reference = load(Paths(ROOT)).reference
    concepts = synonyms.passage_concepts(reference)
    topic = next(t for t in reference.topics if t.id == "power-energy")
    about = [p for p in reference.topic_passages["power-energy"] if "@t+:power-energy" in concepts[ref_of(p)]]
    mention = [p for p in reference.topic_passages["power-energy"] if "@t+:power-energy" not in concepts[ref_of(p)]]
    assert about and mention
    assert all(synonyms.keyword_count(topic, seg) >= synonyms.STRONG for _, seg in about)
    assert all(synonyms.keyword_count(topic, seg) == 1 for _, seg in mention)
