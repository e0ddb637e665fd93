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


@pytest.fixture(params=["file", "postgres"])
def shared_store(request: pytest.FixtureRequest, store_path: Path) -> Path | str:
    """The same store where several reviewers share it: the file, or a PostgreSQL database it
    was copied into with ``factcheck migrate-store`` (a real server: see `tests.postgres`)."""
    if request.param == "file":
        return store_path
    from factcheck.cli import main

    url = str(request.getfixturevalue("pg_url"))
    assert main(["migrate-store", str(store_path), url]) == 0
    return url
