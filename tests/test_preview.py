"""The structure preview, as a maintainer reads it before publishing, and
structure hints in editorial/documents.yml: a right one applies, a wrong one
is reported with file and line."""

from __future__ import annotations

import shutil

from build_scripts.pipeline import Paths, load

from .conftest import ROOT, copy_project, run_cli

FIXTURES = ROOT / "tests" / "fixtures" / "sources"

DASH_INTERVIEW_PREVIEW = """\
tests/fixtures/sources/interview_dash.txt: 38 lines, 25 passages, Japanese (ja)
title: line 1  【インタビュー】地方の小さな工場がAI検査で世界に挑む
metadata lines (2)
  line 4    公開日:2026年2月18日  [metadata-line]
  line 34   (取材・文:佐々木 美香 撮影:井上 亮)  [metadata-line]
  read: date 2026年2月18日; 取材・文 佐々木 美香; 撮影 井上 亮
headings (3)
  line 8    h2 引退がきっかけだった  [mark-heading ●]
  line 19   h2 失敗から学んだこと  [mark-heading ●]
  line 28   h2 これからの目標  [mark-heading ●]
speakers: none
questions and answers: 5 questions, 8 answers
  line 10   Q1 AIを使った検査を始めたきっかけを教えてください。  [dash-question] 2 answers
  line 14   Q2 最初から自社で開発しようと考えたのですか。  [dash-question] 1 answer
  line 21   Q3 開発で一番苦労したのは何ですか。  [dash-question] 2 answers
  line 25   Q4 精度はどのくらいになりましたか。  [dash-question] 1 answer
  line 30   Q5 今後の目標を聞かせてください。  [dash-question] 2 answers
lists: none
captions (1)
  line 17   ▲ 検査ラインに設置したカメラ。照明の角度を何度も調整したという
notes: none
boilerplate candidates (3): kept in the text until a rule drops them
  line 36   related-articles: 関連記事
  line 37   related-articles: 町工場のDX、最初の一歩は「記録」から
  line 38   related-articles: 高専と地元企業、共同研究が広がる理由
  to drop them, add under rules: in editorial/boilerplate.yml:
    - name: related-articles
      reason: Links to other articles of the source site.
      lines:
        - "関連記事"
        - "町工場のDX、最初の一歩は「記録」から"
        - "高専と地元企業、共同研究が広がる理由"
uncertain guesses (1): correct them in editorial/documents.yml (structure:)
  line 2    short-lines: 株式会社ミナト精機 代表取締役 小野寺 誠さん: a short line right under another: \
kept as a paragraph, not a heading
ids: no translation file yet for interview_dash
"""


def test_preview_of_an_interview_reads_as_a_user_reads_it(project):
    result = run_cli(project, "preview", "tests/fixtures/sources/interview_dash.txt")
    assert result.returncode == 0, result.stderr
    assert result.stdout == DASH_INTERVIEW_PREVIEW


def test_the_suggested_rule_drops_exactly_the_candidates(project):
    preview = run_cli(project, "preview", "tests/fixtures/sources/interview_dash.txt").stdout
    suggested = preview.split("editorial/boilerplate.yml:\n")[1].split("uncertain guesses")[0]
    rules = project / "editorial" / "boilerplate.yml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n".join(line[2:] for line in suggested.splitlines()) + "\n")
    after = run_cli(project, "preview", "tests/fixtures/sources/interview_dash.txt").stdout
    assert "boilerplate candidates: none" in after
    assert "dropped by boilerplate.yml (3)\n  [related-articles] 関連記事\n" in after
    assert "22 passages" in after


def test_new_registers_the_text_and_prints_what_it_recognised(project):
    shutil.copy(FIXTURES / "faq_qa.txt", project / "seeds" / "005_faq.txt")
    result = run_cli(project, "new", "seeds/005_faq.txt")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "editorial/translations/005_faq.yml: created, 24 passages" in out
    assert "questions and answers: 6 questions, 7 answers" in out
    assert "  line 26   Q5 市のホームページの文章はAIが書いているのですか。  [qa-label] 1 answer" in out
    assert "ids: all 24 recorded ids kept" in out
    assert (
        "line 26   qa-label: 問1 市のホームページの文章はAIが書いているのですか。: printed number 1: numbered Q5" in out
    )


def _add_structure(project, name: str, structure: str) -> int:
    """Append a documents.yml entry with a structure: block; returns the line of its first hint."""
    path = project / "editorial" / "documents.yml"
    text = path.read_text(encoding="utf-8")
    first = text.count("\n") + 4  # the entry's name, structure:, the hint's key, its first line
    path.write_text(text + f"  {name}:\n    structure:\n{structure}", encoding="utf-8")
    return first


def test_structure_hints_name_speakers_and_roles_and_force_the_language(project):
    shutil.copy(FIXTURES / "talk_transcript.txt", project / "seeds" / "005_talk.txt")
    hints = (
        "      speakers:\n"
        "        Elena Rossi: {name: {ja: エレナ・ロッシ, en: Elena Rossi}, role: guest}\n"
        "        Audience Member: {role: interviewer}\n"
    )
    _add_structure(project, "005_talk", hints)
    documents = list(load(Paths(project)).documents)
    doc = next(d for d in documents if d.meta.name == "005_talk")
    elena = [s for s in doc.segments if s.speaker == "Elena Rossi"]
    assert elena[0].label_ja == "エレナ・ロッシ" and len(elena) == 12
    questions = [s for s in doc.segments if s.kind == "question"]
    assert [q.ja for q in questions] == [
        "電力の確保について伺います。再生可能エネルギーだけで足りるとお考えですか。",
        "ありがとうございます。",
    ]


def test_a_speaker_hint_the_text_never_uses_is_reported_with_file_and_line(project):
    shutil.copy(FIXTURES / "talk_transcript.txt", project / "seeds" / "005_talk.txt")
    line = _add_structure(project, "005_talk", "      speakers:\n        Elena Rosi: {role: guest}\n")
    result = run_cli(project, "build")
    assert result.returncode == 1
    where = f"editorial/documents.yml:{line}: 005_talk: structure: speaker 'Elena Rosi': no line starts with this label"
    assert where in result.stderr and "Traceback" not in result.stderr


def test_a_wrong_role_and_a_heading_pattern_that_matches_nothing_are_reported(project):
    shutil.copy(FIXTURES / "press_release.txt", project / "seeds" / "005_release.txt")
    hints = "      speakers:\n        広報部: {role: spokesman}\n      headings: ['^第\\d+回 (?P<text>.+)$']\n"
    line = _add_structure(project, "005_release", hints)
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert (
        f"documents.yml:{line}: document '005_release': structure.speakers.広報部.role 'spokesman' is not one of"
        in result.stderr
    )
    # the schema stops the build before the text is read; with a known role, the pattern is tried
    documents_yml = project / "editorial" / "documents.yml"
    documents_yml.write_text(documents_yml.read_text(encoding="utf-8").replace("spokesman", "speaker"), "utf-8")
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert (
        f"documents.yml:{line + 1}: 005_release: structure: headings[0] '^第\\d+回 (?P<text>.+)$' matches no line"
        in (result.stderr)
    )


def test_heading_patterns_and_not_headings_change_the_structure(project):
    shutil.copy(FIXTURES / "press_release.txt", project / "seeds" / "005_release.txt")
    hints = "      headings: ['^以上$']\n      not_headings: ['^【本件に関するお問い合わせ先】$']\n"
    _add_structure(project, "005_release", hints)
    documents = list(load(Paths(project)).documents)
    doc = next(d for d in documents if d.meta.name == "005_release")
    headings = [s.ja for s in doc.segments if s.kind == "heading"]
    assert "以上" in headings and "本件に関するお問い合わせ先" not in headings
    assert any(s.ja == "【本件に関するお問い合わせ先】" and s.kind == "paragraph" for s in doc.segments)


def test_seed_metadata_fills_what_documents_yml_leaves_empty(tmp_path):
    project = copy_project(tmp_path / "project", seeds=False)
    shutil.copy(FIXTURES / "news_article.txt", project / "seeds" / "005_news.txt")
    documents = list(load(Paths(project)).documents)
    meta = next(d for d in documents if d.meta.name == "005_news").meta
    assert (meta.date_ja, meta.date_en) == ("2026年5月10日", "10 May 2026")
    assert meta.source_ja == "取材・文:大西 翔太、写真:ロイター、編集:テック編集部"
    assert meta.source_en == "Reporting and text: 大西 翔太; Photos: ロイター; Editor: テック編集部"


def test_a_source_language_the_publication_does_not_have_is_reported_at_its_line(project):
    shutil.copy(FIXTURES / "english_article.txt", project / "seeds" / "005_grid.txt")
    line = _add_structure(project, "005_grid", "      source_lang: fr\n") - 1
    result = run_cli(project, "build")
    assert result.returncode == 1
    message = f"documents.yml:{line}: document '005_grid': structure.source_lang 'fr' is not one of ja, en"
    assert message in result.stderr
