"""Fixtures shared by every test folder: a PostgreSQL database for the database backend."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.postgres import ENV, Cluster, fresh_database

_SKIPPED: list[str] = []


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The address of a PostgreSQL server (see `tests.postgres`), or the tests are skipped."""
    given = os.environ.get(ENV)
    if given:
        yield given
        return
    try:
        cluster = Cluster()
    except (RuntimeError, OSError) as exc:
        reason = f"no PostgreSQL server for the database-backend tests: {exc}"
        _SKIPPED.append(reason)
        pytest.skip(reason)
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(postgres_server: str) -> Iterator[str]:
    """A new, empty database of its own for one test."""
    with fresh_database(postgres_server) as url:
        yield url


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say why the PostgreSQL tests were skipped, when they were."""
    if _SKIPPED:
        terminalreporter.section("PostgreSQL")
        terminalreporter.write_line(_SKIPPED[0])
