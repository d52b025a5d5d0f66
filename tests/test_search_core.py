"""The search core's own tests (tests/js/, node's test runner): no site build,
no browser, a few seconds."""

from __future__ import annotations

import shutil
import subprocess

from .conftest import ROOT


def test_search_core_under_node():
    node = shutil.which("node")
    assert node, "node (20 or newer) is needed for the search core's tests"
    result = subprocess.run(
        [node, "--test", str(ROOT / "tests" / "js")], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
