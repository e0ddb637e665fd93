"""Fixtures of the TUI tests: a store file with fixed time stamps, in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.helpers import fixed_store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A copy of `tests.factories.build_store` on disk (closed: each test opens its own)."""
    path = tmp_path / "claims.json"
    fixed_store(path).close()
    return path
