"""Layering rules that keep the code base honest."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import factcheck.core

ROOT = Path(__file__).resolve().parents[2]


def test_core_never_imports_textual() -> None:
    modules = [m.name for m in pkgutil.walk_packages(factcheck.core.__path__, "factcheck.core.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "", f"core imports textual: {result.stdout}"


def test_only_the_store_talks_to_tinydb() -> None:
    package = ROOT / "factcheck/core/store"
    pattern = re.compile(r"^\s*(from|import)\s+tinydb\b", re.MULTILINE)
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "factcheck").rglob("*.py")
                 if package not in p.parents and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- test-command -->\s*```(?:sh|bash)?\n(.*?)```", readme, re.DOTALL)
    assert match, "README has no marked test command"
    lines = [line for line in match.group(1).splitlines() if line.strip()]
    test_line = lines[-1].strip()
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert test_line in ci.splitlines()
