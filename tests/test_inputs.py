"""Bad input gets a clear error naming the file (and line), and a failed
build writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.errors import InputError
from build_scripts.files import decode_seed
from build_scripts.pipeline import Paths, load
from build_scripts.schema.editorial import CATALOG
from build_scripts.schema.editorial import load as load_file
from build_scripts.web.generate import generate

from .conftest import run_cli

SAMPLE = "見出し\n\n本文です。二つ目の文です。\n"


def test_bom_and_crlf_are_normalised():
    raw = ("\ufeff" + SAMPLE.replace("\n", "\r\n")).encode("utf-8")
    assert decode_seed(Path("x.txt"), raw) == SAMPLE


@pytest.mark.parametrize(
    "raw, message",
    [
        (SAMPLE.encode("shift_jis"), "not valid UTF-8"),
        (SAMPLE.encode("euc_jp"), "not valid UTF-8"),
        (SAMPLE.encode("utf-16"), "UTF-16"),
        (b"", "empty seed"),
        (b"  \n\r\n ", "empty seed"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_unusable_seed_is_refused_with_its_name(raw, message):
    with pytest.raises(InputError) as caught:
        decode_seed(Path("seeds/bad.txt"), raw)
    assert str(caught.value).startswith("seeds/bad.txt")
    assert message in str(caught.value)


def test_wrong_encoding_reports_the_line(tmp_path):
    raw = "一行目\n二行目\n".encode() + "三行目".encode("shift_jis")
    with pytest.raises(InputError) as caught:
        decode_seed(tmp_path / "s.txt", raw)
    assert caught.value.problems[0].line == 3


def test_broken_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "broken.yml"
    path.write_text("segments:\n  - id: p1\n    translation: 'unclosed\n  - id: p2\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_file(path, CATALOG)
    problem = caught.value.problems[0]
    assert problem.path == path and problem.line in (3, 4, 5)
    assert str(problem).startswith(f"{path}:")


def test_bad_seed_fails_the_build_and_writes_nothing(project):
    (project / "seeds" / "005_bad.txt").write_bytes("テスト".encode("shift_jis"))
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert "005_bad.txt" in result.stderr and "not valid UTF-8" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "generated").exists()


def test_every_problem_is_reported_at_once(project):
    (project / "seeds" / "005_empty.txt").write_bytes(b"")
    (project / "seeds" / "006_binary.txt").write_bytes(b"\x00\x01\x02")
    with pytest.raises(InputError) as caught:
        generate(load(Paths(project)))
    names = [Path(p.path).name for p in caught.value.problems]
    assert names == ["005_empty.txt", "006_binary.txt"]


def test_broken_translation_file_names_file_and_line(project):
    path = project / "editorial" / "translations" / "004_56ac1acf06381cac.yml"
    text = path.read_text(encoding="utf-8").replace("status: ", "status: [", 1)
    path.write_text(text, encoding="utf-8")
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert "004_56ac1acf06381cac.yml:" in result.stderr and "invalid YAML" in result.stderr


def test_unknown_status_and_note_without_english_are_named(project):
    path = project / "editorial" / "translations" / "004_56ac1acf06381cac.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("status: ", "status: finished\n  old_status: ", 1)
    path.write_text(text, encoding="utf-8")
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert "status 'finished' is not one of" in result.stderr
    assert "segment 'p1': unknown key `old_status`; did you mean `status`?" in result.stderr
