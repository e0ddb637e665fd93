"""The terminal summary of ``factcheck report``."""

from __future__ import annotations

import io

from rich.console import Console

from factcheck.core.report import summary
from factcheck.core.store import Store
from factcheck.settings import Settings
from tests.factories import build_store


def shown(store: Store, settings: Settings | None = None) -> str:
    console = Console(record=True, width=120, color_system=None, file=io.StringIO())
    console.print(summary(store, settings or Settings(reviewer="tester")))
    return console.export_text()


def test_counts_conflicts_outlets_reviewers_and_progress() -> None:
    text = shown(build_store())
    assert "Reviewed 2 of 3 tracked claims (67%)" in text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "True 5 1" in lines and "Disputed 3 1" in lines and "False 1 0" in lines
    assert "no verdict 1" in lines
    assert "claims with conflicts 2" in lines and "number 1" in lines and "denial 1" in lines
    assert "disputed (asserted and denied) 1" in lines
    assert "Tempo 1 3 1 of 4" in lines and "World Wire 1 2 1 of 2" in lines
    assert "budi 2 1 1" in lines and "rina 3 1 1" in lines
    assert "budi / rina 2 50.0% 0.00" in lines


def test_labels_follow_the_settings_language() -> None:
    text = shown(build_store(), Settings(reviewer="tester", language="id"))
    assert "Benar" in text and "Diperdebatkan" in text


def test_unreviewed_and_empty_stores() -> None:
    text = shown(build_store(reviewed=False))
    assert "Reviewed 0 of 3 tracked claims (0%)" in text
    assert "No reviewer has marked a passage or given a verdict yet." in text
    assert "the store has no tracked claims yet" in shown(Store.memory())
