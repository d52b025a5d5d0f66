"""The supply chain of CI and of the installs.

- zizmor (static analysis of GitHub Actions, pinned in requirements.txt) finds nothing in .github/,
  run exactly as the pre-commit hook runs it: offline, pedantic persona, .github/zizmor.yml, whose
  every exception carries its reason. The same command does report a tag pin and a checkout that
  keeps its token, so a clean result is not an audit that saw nothing.
- Every `uses:` names a full 40-hex commit SHA with its release in a comment, one SHA per action.
- actions/checkout leaves no token behind; no workflow grants a permission by default, every job
  says what it needs.
- requirements.txt and requirements-bench.txt pin every package with hashes and agree with their
  .in files; the Makefile installs them with --require-hashes and nothing without.
"""

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml")) + sorted((GITHUB / "workflows").glob("*.yaml"))
ZIZMOR = Path(sys.executable).with_name("zizmor")  # the venv's, from requirements.txt
LOCKS = {"requirements.txt": "requirements.in", "requirements-bench.txt": "requirements-bench.in"}

SHA = re.compile(r"[0-9a-f]{40}")
RELEASE = re.compile(r"v?\d+(\.\d+)*")
# `uses: owner/repo[/path]@ref  # comment` on one line, as a step (`- uses:`) or a job key
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?:#\s*(?P<comment>.*?))?\s*$")


def zizmor_command(github_dir: Path) -> list[str]:
    """The pre-commit hook's zizmor command, on `github_dir`, with JSON output."""
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [hook["entry"] for repo in hooks["repos"] for hook in repo["hooks"] if hook["id"] == "zizmor"]
    assert len(entries) == 1, ".pre-commit-config.yaml: one hook with id zizmor"
    argv = shlex.split(entries[0])
    assert Path(argv[0]).name == "zizmor" and argv[-1].rstrip("/") == ".github", entries[0]
    if not ZIZMOR.is_file():
        pytest.fail(f"{ZIZMOR} is missing: zizmor is in requirements.txt, `make setup` installs it")
    return [str(ZIZMOR), *argv[1:-1], "--format", "json", "--no-progress", str(github_dir)]


def run_zizmor(github_dir: Path) -> tuple[int, list[dict]]:
    result = subprocess.run(zizmor_command(github_dir), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().startswith("["), f"zizmor failed ({result.returncode}):\n{result.stderr}"
    return result.returncode, json.loads(result.stdout)


def finding_path(finding: dict) -> Path:
    key = next(iter(finding["locations"][0]["symbolic"]["key"].values()))
    return Path(key["verbatim_path"] if isinstance(key, dict) else key)


def describe(finding: dict) -> str:
    location = finding["locations"][0]
    row = location["concrete"]["location"]["start_point"]["row"] + 1
    severity = finding["determinations"]["severity"]
    annotation = location["symbolic"].get("annotation")
    return f"{finding_path(finding)}:{row}: {finding['ident']} ({severity}): {finding['desc']}: {annotation}"


def test_zizmor_finds_nothing():
    returncode, findings = run_zizmor(GITHUB)
    assert not findings, "zizmor (suppress only in .github/zizmor.yml, with the reason):\n" + "\n".join(
        map(describe, findings)
    )
    assert returncode == 0


def test_zizmor_reports_a_tag_pin_and_a_kept_token(tmp_path):
    """The same command, on a copy of .github/ where one checkout is by tag and keeps its token."""
    copy = tmp_path / ".github"
    shutil.copytree(GITHUB, copy)
    workflow = copy / "workflows" / "test.yml"
    text = workflow.read_text(encoding="utf-8")
    pinned = re.search(r"actions/checkout@[0-9a-f]{40}[^\n]*\n\s*with:\n\s*persist-credentials: false\n", text)
    assert pinned, "test.yml: actions/checkout by SHA, with persist-credentials: false"
    workflow.write_text(text.replace(pinned.group(0), "actions/checkout@v7\n"), encoding="utf-8")

    returncode, findings = run_zizmor(copy)
    found = {(finding["ident"], finding_path(finding).name) for finding in findings}
    assert {("unpinned-uses", "test.yml"), ("artipacked", "test.yml")} <= found, "\n".join(map(describe, findings))
    assert returncode != 0


def uses_lines(path: Path) -> list[tuple[int, str, str | None]]:
    """(line, ref, comment) of every `uses:` in a workflow, checked against what YAML parses."""
    lines = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if match := USES_LINE.match(line):
            lines.append((number, match["ref"], match["comment"]))
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    parsed = []
    for job in workflow["jobs"].values():
        parsed += [job["uses"]] if "uses" in job else []
        parsed += [step["uses"] for step in job.get("steps", []) if "uses" in step]
    assert sorted(ref for _, ref, _ in lines) == sorted(parsed), f"{path.name}: one `uses:` per line, unquoted"
    return lines


def test_every_action_is_pinned_to_a_commit_with_its_release():
    assert WORKFLOWS, ".github/workflows/ has no workflow"
    problems, pins = [], {}
    for path in WORKFLOWS:
        for number, ref, comment in uses_lines(path):
            where = f"{path.name}:{number}: {ref}"
            if ref.startswith("./"):
                continue  # an action of this repository, at the same commit
            if ref.startswith("docker://"):
                if not re.search(r"@sha256:[0-9a-f]{64}$", ref):
                    problems.append(f"{where}: an image by digest (docker://image@sha256:…)")
                continue
            action, _, version = ref.partition("@")
            if not SHA.fullmatch(version):
                problems.append(f"{where}: pin the full 40-hex commit SHA, with the release in a comment")
            elif not (comment and RELEASE.fullmatch(comment)):
                problems.append(f"{where}: the release after the SHA in a comment (`# v1.2.3`), not {comment!r}")
            pins.setdefault(action, set()).add((version, comment))
    for action, versions in pins.items():
        if len(versions) > 1:
            problems.append(f"{action}: one SHA and release everywhere, not {sorted(versions)}")
    assert not problems, "\n".join(problems)


def test_checkout_keeps_no_token_and_jobs_get_only_what_they_ask():
    problems = []
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        if workflow.get("permissions") != {}:
            problems.append(f"{path.name}: `permissions: {{}}` at the top; each job asks for its own")
        for name, job in workflow["jobs"].items():
            if "permissions" not in job:
                problems.append(f"{path.name}: job {name}: no `permissions:` of its own")
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/checkout@"):
                    if (step.get("with") or {}).get("persist-credentials") is not False:
                        problems.append(f"{path.name}: job {name}: actions/checkout without persist-credentials: false")
    assert not problems, "\n".join(problems)


def test_dependabot_updates_the_locks_and_the_actions():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"]: update for update in config["updates"]}
    assert {"uv", "github-actions"} <= set(ecosystems), sorted(ecosystems)
    for update in ecosystems.values():
        assert update["directory"] == "/" and update["schedule"]["interval"] == "weekly", update


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path) -> dict[str, list[tuple[str, int]]]:
    """name -> [(version, number of hashes)] (more than one where markers split a universal lock)."""
    packages = {}
    for block in re.split(r"\n(?=\S)", path.read_text(encoding="utf-8")):
        first = block.split("\n", 1)[0]
        if first.startswith("#") or not first.strip():
            continue
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+?)(?:\s*;.*?)?\s*\\?$", first)
        assert match, f"{path.name}: `{first}` is not pinned with =="
        hashes = re.findall(r"--hash=sha256:[0-9a-f]{64}", block)
        packages.setdefault(canonical(match[1]), []).append((match[2], len(hashes)))
    return packages


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_lock_files_pin_every_package_with_hashes_and_follow_their_in_file(lock):
    lock_path, in_path = ROOT / lock, ROOT / LOCKS[lock]
    header = lock_path.read_text(encoding="utf-8").split("\n", 2)[1]
    assert "uv pip compile --generate-hashes --universal" in header and f"--output-file {lock} {in_path.name}" in header
    packages = read_lock(lock_path)
    unhashed = [f"{name}=={version}" for name, pins in packages.items() for version, hashes in pins if not hashes]
    assert packages and not unhashed, f"{lock}: no hash for {unhashed}"
    stale = []
    for line in in_path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        name = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", line)[0]
        pinned = re.search(r"==\s*([^\s;,]+)", line)
        locked = [version for version, _ in packages.get(canonical(name), [])]
        if not locked or (pinned and pinned[1] not in locked):
            stale.append(f"{line} (locked: {', '.join(locked) or 'no'})")
    assert not stale, f"{in_path.name} and {lock} disagree, run `make lock`: {stale}"


def test_makefile_installs_only_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    variables = dict(re.findall(r"^([A-Z_]+)\s*:?=\s*(.*)$", makefile, re.MULTILINE))
    assert "--require-hashes" in variables["PIP_INSTALL"] and "--only-binary :all:" in variables["PIP_INSTALL"]
    recipes = [
        re.sub(r"\$\((\w+)\)", lambda m: variables.get(m[1], m[0]), line.strip())
        for line in makefile.splitlines()
        if line.startswith("\t")
    ]
    installs = [line for line in recipes if "pip install" in line]
    assert any(line.endswith("-r requirements.txt") for line in installs), installs
    assert any(line.endswith("-r requirements-bench.txt") for line in installs), installs
    for line in installs:
        editable = line.endswith("pip install --quiet --no-deps --no-build-isolation -e .")
        assert editable or "--require-hashes" in line, f"Makefile installs without hashes: {line}"
