"""What an installed (not editable) factcheck needs besides its Python modules."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_data_file_is_declared_package_data() -> None:
    """A template, stylesheet or vocabulary file the code reads must be in the wheel: a file
    no ``package-data`` pattern matches would be missing from ``pip install .`` and the report,
    the TUI or the extractor would fail there, and only there."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["factcheck"]
    package = ROOT / "factcheck"
    data = [p for p in package.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert any(p.suffix == ".jinja" for p in data)  # the report templates are among them
    missing = [str(p.relative_to(package)) for p in data
               if not any(p.relative_to(package).match(pattern.removeprefix("**/"))
                          for pattern in patterns)]
    assert missing == []
