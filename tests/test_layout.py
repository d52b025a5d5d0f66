"""The layout shows the architecture: folders by pipeline stage, each saying
in its docstring what it may import, small modules, no import cycles."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "build_scripts"
TOP = ("model", "errors", "files", "pipeline", "publish", "bench", "__main__", "__init__")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The project modules a module imports (at module level or inside functions)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("build_scripts"):
                continue
            for alias in node.names:  # "from . import x" names a module
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _exists(candidate) else target)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("build_scripts")}
    return {m for m in found if m != name}


def _exists(module: str) -> bool:
    path = ROOT / Path(*module.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage(module: str) -> str:
    """The stage a module belongs to: its folder, or its own name at the top."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_folders_say_what_lives_there_and_what_they_may_import():
    allowed = {}
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        lines = doc.splitlines()
        assert len(lines) == 2 and lines[1].startswith("May import: "), f"{init}: two lines, the second 'May import: …'"
        names = lines[1][len("May import: ") :].split("(")[0].rstrip(". ")
        allowed[init.parent.name] = {s.strip() for s in re.split(r",", names)}
    assert set(allowed) >= {"source", "translation", "reference", "web", "book", "search", "exchange", "schema"}
    broken = []
    for name, path in modules().items():
        own = stage(name)
        if own not in allowed:
            continue
        for target in imports(path):
            other = stage(target)
            if other != own and other not in allowed[own] | {"__init__"}:
                broken.append(f"{name} imports {target} ({own}/ may import {', '.join(sorted(allowed[own]))})")
    assert not broken, "\n".join(broken)


def test_no_import_cycles():
    graph = {name: imports(path) & set(modules()) for name, path in modules().items()}
    cycles, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join(trail[trail.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not cycles, "\n".join(cycles)


def test_small_modules_and_few_at_the_top():
    long = [
        f"{p.relative_to(ROOT)}: {n} lines"
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text().splitlines())) > 400
    ]
    assert not long, "\n".join(long)
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8 and set(top) <= set(TOP), top
