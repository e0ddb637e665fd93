"""Fixtures and hypothesis profiles of the reliability suite.

Profiles (``HYPOTHESIS_PROFILE`` picks one; otherwise ``ci`` when ``$CI`` is set, else ``dev``):

* ``ci``: 150 examples per fuzz test, the size CI runs (the whole suite in about a minute);
* ``dev``: 100 examples, for the edit-test loop;
* ``long``: 10,000 examples per fuzz test, for a night run:
  ``HYPOTHESIS_PROFILE=long python -m pytest tests/reliability -k fuzz -s``.

The figures the suite measures (kill trials, marks acknowledged and kept, fuzz cases run) are
printed in a "reliability figures" section at the end of the run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.reliability.helpers import FIGURES, Slot, build_many_claims, copy_store

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=150, print_blob=True, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("dev", max_examples=100, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("long", max_examples=10_000, **_COMMON)  # type: ignore[arg-type]
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)


@pytest.fixture(autouse=True)
def _no_user_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep a developer's own settings file and store out of the tests."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)
    monkeypatch.delenv("FACTCHECK_DB", raising=False)


@pytest.fixture(scope="session")
def many_claims(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Slot]]:
    """A template store with 210 tracked claims (560 markable slots); copy it, do not write."""
    path = tmp_path_factory.mktemp("template") / "claims.json"
    return path, build_many_claims(path, copies=70)


@pytest.fixture
def big_db(many_claims: tuple[Path, list[Slot]], tmp_path: Path) -> Path:
    """A private copy of the 210-claim store."""
    return copy_store(many_claims[0], tmp_path / "claims.json")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the measured figures (for the README's Reliability section)."""
    if not FIGURES:
        return
    terminalreporter.section("reliability figures")
    terminalreporter.write_line(f"hypothesis profile: {PROFILE}")
    for name, counts in FIGURES.items():
        terminalreporter.write_line(f"{name}: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
